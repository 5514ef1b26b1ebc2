// Editor benchmark (not a test): how long from an edit to the updated screen on a map with
// 300 touchpoints. Run against the release build:
//   trunk build --release --offline --dist dist && node benchmarks/editor_bench.mjs
// Prints the median and 95th percentile of three kinds of edit made in the inspector beside
// the map (title, emotion — which re-scores the map and redraws the emotion curve — and a
// move), measured in the page from dispatching the edit to the next frame after the DOM
// shows it.
import { startServer, launch } from '../e2e/harness.mjs';
import { result } from './result.mjs';

const TOUCHPOINTS = 300;
const RUNS = 25;

const srv = await startServer();
const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
page.on('pageerror', (e) => console.error('page error:', e));

// A blank map made through the UI, then filled with 300 touchpoints in storage.
await page.goto(srv.base);
await page.getByLabel('Name of the new map').fill('Benchmark 300');
await page.getByRole('button', { name: 'New blank map' }).click();
await page.getByTestId('map-title').filter({ hasText: 'Benchmark 300' }).waitFor();
await page.getByTestId('save-status').and(page.locator('[data-state="saved"]')).waitFor();
const id = decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
await page.evaluate(({ id, n }) => {
  const key = 'journey-studio:map:' + id;
  const map = JSON.parse(localStorage.getItem(key));
  const channels = ['website', 'online_shop', 'app', 'email', 'phone', 'chat', 'store'];
  for (let i = 0; i < n; i++) {
    const tp = {
      id: `tp-${map.next_seq++}`, stage_id: map.stages[i % map.stages.length].id, title: `Touchpoint ${i}`,
      channel: { kind: channels[i % channels.length] }, customer_action: `Does step ${i}`, thoughts: `Thinks about ${i}`,
      emotion: (i % 5) - 2, pain_points: i % 3 ? [] : [`Pain ${i}`], measurements: { volume: 1000 - i },
      evidence: { kind: i % 2 ? 'measured' : 'assumed', source: '' },
    };
    map.touchpoints.push(tp);
    if (i > 0) map.routes.push({ id: `rt-${map.next_seq++}`, from: map.touchpoints[i - 1].id, to: tp.id, kind: 'planned' });
  }
  localStorage.setItem(key, JSON.stringify(map));
}, { id, n: TOUCHPOINTS });

const t0 = Date.now();
await page.reload();
await page.getByTestId('touchpoint').nth(TOUCHPOINTS - 1).waitFor();
const openMs = Date.now() - t0;

/**
 * Runs `prepare(i)` (select a card: not timed), then times `edit(i)` in the page until
 * `done(i)` holds and the next frame is drawn.
 */
async function measure(name, prepare, edit, done) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(({ prepare, i }) => new Function('i', prepare)(i), { prepare, i });
    await page.getByTestId('inspector').waitFor();
    await page.waitForTimeout(50);
    times.push(await page.evaluate(async ({ edit, done, i }) => {
      const editFn = new Function('i', edit);
      const doneFn = new Function('i', done);
      const start = performance.now();
      editFn(i);
      while (!doneFn(i)) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - start;
    }, { edit, done, i }));
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { edit: name, median_ms: +at(0.5).toFixed(1), p95_ms: +at(0.95).toFixed(1) };
}

// Selecting card n opens the inspector beside the map; the edits go through its fields.
const select = (n) => `document.querySelectorAll('[data-testid="touchpoint"]')[${n}].click();`;
const results = [
  await measure('rename a touchpoint (inspector title field)', select('i * 7'),
    `const el = document.querySelector('[data-testid="inspector"] [data-testid="tp-title"]');
     window.__id = document.querySelector('[data-testid="touchpoint"][aria-current="true"]').dataset.tpId;
     el.value = 'Edited ' + i; el.dispatchEvent(new Event('change', { bubbles: true }));`,
    `return document.querySelector('[data-tp-id="' + window.__id + '"] [data-testid="card-title"]').textContent === 'Edited ' + i;`),
  await measure('change an emotion (re-scores, redraws the curve)', select('i * 5'),
    `const el = document.querySelector('[data-testid="inspector"] [data-testid="tp-emotion"]');
     window.__curve = document.querySelector('[data-testid="emotion-curve"] svg');
     el.value = el.value === '2' ? '-2' : '2'; el.dispatchEvent(new Event('change', { bubbles: true }));`,
    `return document.querySelector('[data-testid="emotion-curve"] svg') !== window.__curve;`),
  await measure('move a touchpoint one place later (inspector button)', select('i * 3'),
    `window.__id = document.querySelector('[data-testid="touchpoint"][aria-current="true"]').dataset.tpId;
     window.__before = [...document.querySelectorAll('[data-testid="touchpoint"]')].findIndex((c) => c.dataset.tpId === window.__id);
     document.querySelector('[data-testid="tp-later"]').click();`,
    `return [...document.querySelectorAll('[data-testid="touchpoint"]')].findIndex((c) => c.dataset.tpId === window.__id) !== window.__before;`),
];

console.log(JSON.stringify({ touchpoints: TOUCHPOINTS, runs: RUNS, open_map_ms: openMs, results }, null, 2));
for (const r of results) result(`edit on a ${TOUCHPOINTS}-touchpoint map: ${r.edit} (median / p95 of ${RUNS})`, `${r.median_ms} / ${r.p95_ms} ms`);
await browser.close();
await srv.close();
