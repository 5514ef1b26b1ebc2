// The map and the edits of the editor benchmarks (editor_bench.mjs times them,
// editor_trace.mjs shows where their time goes): a blank map made through the UI, filled
// with generated touchpoints in storage, and three kinds of edit made in the inspector.

import { UNPACK_IN_PAGE } from '../e2e/harness.mjs';

/**
 * Gives a stored map (parsed JSON) `n` generated touchpoints in turn over its stages, each
 * with a route from the one before; its earlier touchpoints and routes are dropped. Runs in
 * the page: `installGenerator` sends its source there (it uses nothing outside itself).
 */
export function fillWithTouchpoints(map, n) {
  map.touchpoints = [];
  map.routes = [];
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
}

/** Makes `window.fillWithTouchpoints` available in the page until it is reloaded. */
export async function installGenerator(page) {
  await page.evaluate(`window.fillWithTouchpoints = ${fillWithTouchpoints.toString()}`);
}

/** Makes the benchmark map with `n` touchpoints and opens it; returns the open time in ms. */
export async function openBenchMap(page, base, n) {
  await page.goto(base);
  await page.getByLabel('Name of the new map').fill(`Benchmark ${n}`);
  await page.getByRole('button', { name: 'New blank map' }).click();
  await page.getByTestId('map-title').filter({ hasText: `Benchmark ${n}` }).waitFor();
  await page.getByTestId('save-status').and(page.locator('[data-state="saved"]')).waitFor();
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
  await installGenerator(page);
  await page.evaluate(async ({ id, n, unpack }) => {
    const key = 'journey-studio:map:' + id;
    const map = JSON.parse(await eval(unpack)(localStorage.getItem(key)));
    window.fillWithTouchpoints(map, n);
    localStorage.setItem(key, JSON.stringify(map));
  }, { id, n, unpack: UNPACK_IN_PAGE });
  const t0 = Date.now();
  await page.reload();
  // Every touchpoint is a point of the curve's line (a large map draws only the cards and
  // faces near the view, so those are not all in the page).
  await page.waitForFunction((n) => {
    const line = document.querySelector('[data-testid="emotion-curve"] path.curve-as-is');
    return !!line && line.getAttribute('d').split(/[ML]/).filter((p) => p.trim()).length === n;
  }, n, { timeout: 60000 });
  await page.getByTestId('touchpoint').first().waitFor();
  return Date.now() - t0;
}

/**
 * Runs in the page (pass it to `page.evaluate`): makes edit `i` and returns the milliseconds
 * from the edit to the end of the first frame that draws it, between the marks `edit-start`
 * and `edit-end` (editor_trace.mjs reads them). The app applies an edit in microtasks (its
 * effects), so `done` is checked between microtasks, where no frame can come in between. A
 * check on a later task (setTimeout) could run after a frame that already drew the edit and
 * then wait for one more frame: up to 16.7 ms too much, at random (benchmarks/README.md).
 */
export async function timeEdit({ edit, done, i }) {
  const editFn = new Function('i', edit);
  const doneFn = new Function('i', done);
  performance.mark('edit-start');
  const start = performance.now();
  editFn(i);
  for (let k = 0; k < 1000 && !doneFn(i); k++) await Promise.resolve();
  // An edit drawn only on a later task (none is today) is still waited for.
  while (!doneFn(i)) await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const ms = performance.now() - start;
  performance.mark('edit-end');
  return ms;
}

// Selecting card n opens the inspector beside the map; the edits go through its fields.
// Each edit is `prepare` (not timed), `edit`, and `done` (true once the screen shows it).
// Only the cards near the view are in the page: the n-th of those (a user edits what is seen).
const select = (n, among = '') => `const cards = [...document.querySelectorAll('[data-testid="touchpoint"]')]${among}; cards[(${n}) % cards.length].click();`;
// A rename picks among the cards not renamed yet, so that every timed rename is the same kind
// of edit in every build: the generated title "Touchpoint N" → "Edited i" narrows its column
// (104–105 → 96 px), which moves every drawn column, the curve and its marks. Picking among
// all drawn cards made some renames hit a card renamed before (no width change, ≈ 4 ms
// cheaper), and how many depended on how many cards were drawn — which one pixel of column
// width changes (benchmarks/README.md, "Editor, session 4, second round").
const notRenamed = `.filter((c) => !c.querySelector('[data-testid="card-title"]').textContent.startsWith('Edited '))`;
export const EDITS = {
  rename: {
    name: 'rename a touchpoint (inspector title field)',
    prepare: select('i * 7', notRenamed),
    edit: `const el = document.querySelector('[data-testid="inspector"] [data-testid="tp-title"]');
     window.__id = document.querySelector('[data-testid="touchpoint"][aria-current="true"]').dataset.tpId;
     el.value = 'Edited ' + i; el.dispatchEvent(new Event('change', { bubbles: true }));`,
    done: `return document.querySelector('[data-tp-id="' + window.__id + '"] [data-testid="card-title"]').textContent === 'Edited ' + i;`,
  },
  emotion: {
    name: 'change an emotion (re-scores, redraws the curve)',
    prepare: select('i * 5'),
    edit: `const el = document.querySelector('[data-testid="inspector"] [data-testid="tp-emotion"]');
     window.__id = document.querySelector('[data-testid="touchpoint"][aria-current="true"]').dataset.tpId;
     window.__face = el.value === '2' ? '-2' : '+2';
     el.value = el.value === '2' ? '-2' : '2'; el.dispatchEvent(new Event('change', { bubbles: true }));`,
    // The curve's mark of that touchpoint shows the new emotion (its tooltip ends with it).
    done: `const t = document.querySelector('[data-testid="emotion-curve"] .curve-mark[data-tp-id="' + window.__id + '"] title');
     // The app writes a negative emotion with a minus sign (U+2212), the field's value with "-".
     return !!t && t.textContent.replace('\u2212', '-').endsWith(': ' + window.__face);`,
  },
  move: {
    name: 'move a touchpoint one place later (inspector button)',
    prepare: select('i * 3'),
    edit: `window.__id = document.querySelector('[data-testid="touchpoint"][aria-current="true"]').dataset.tpId;
     window.__before = [...document.querySelectorAll('[data-testid="touchpoint"]')].findIndex((c) => c.dataset.tpId === window.__id);
     document.querySelector('[data-testid="tp-later"]').click();`,
    done: `return [...document.querySelectorAll('[data-testid="touchpoint"]')].findIndex((c) => c.dataset.tpId === window.__id) !== window.__before;`,
  },
};
