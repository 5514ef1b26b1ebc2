// Big-map benchmark (not a test; issue 26): how long each page of a 3,000-touchpoint map
// takes to open, and how many DOM elements it builds. Run against the release build:
//   trunk build --release --offline --dist dist && node benchmarks/big_map_bench.mjs [touchpoints]
// Each page is opened from the library page's address (a fresh module start is not timed:
// the map's module is loaded once first), by setting `location.hash`, and timed in the page
// from that assignment to the end of the first frame after the page's landmark exists.
// The median of 5 per page is printed with the element count.
import { startServer, launch, newLargeMap } from '../e2e/harness.mjs';
import { result } from './result.mjs';

const TOUCHPOINTS = Number(process.argv[2] ?? 3000);
const RUNS = Number(process.env.RUNS ?? 5);

const srv = await startServer();
const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
page.on('pageerror', (e) => console.error('page error:', e));
const id = await newLargeMap(page, srv.base, 'Big map', TOUCHPOINTS, { routes: true });

/** Sets the hash to `hash` and waits for `selector` plus one frame; milliseconds in the page. */
function open(hash, selector) {
  return page.evaluate(({ hash, selector }) => new Promise((resolve) => {
    const start = performance.now();
    location.hash = hash;
    const check = () => {
      if (document.querySelector(selector)) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      else setTimeout(check, 5);
    };
    check();
  }), { hash, selector });
}

const map = `#/map/${encodeURIComponent(id)}`;
const PAGES = [
  { name: 'canvas', hash: map, selector: '[data-testid="map-canvas"]' },
  { name: 'scores', hash: `${map}/scores`, selector: '[data-testid="score-table"] tbody tr' },
  { name: 'dashboard', hash: `${map}/dashboard`, selector: '[data-testid="dashboard"] svg' },
  { name: 'analytics', hash: `${map}/analytics`, selector: '[data-testid="analytics-page"]' },
  { name: 'measures', hash: `${map}/measures`, selector: '[data-testid="measures-title"]' },
  { name: 'measurements', hash: `${map}/measurements`, selector: '[data-testid="coverage"]' },
  { name: 'snapshots', hash: `${map}/snapshots`, selector: '[data-testid="snapshots-title"]' },
  { name: 'present', hash: `${map}/present`, selector: '[data-testid="presentation"]' },
];
const only = process.env.PAGES?.split(',');
const results = [];
// Warm-up: every module loaded once.
for (const p of PAGES.filter((p) => !only || only.includes(p.name))) { await open('#/', '[data-testid="library"], main'); await open(p.hash, p.selector); }
for (const p of PAGES.filter((p) => !only || only.includes(p.name))) {
  const times = [];
  let elements = 0;
  for (let i = 0; i < RUNS; i++) {
    await open('#/', 'main');
    await page.waitForTimeout(100);
    times.push(await open(p.hash, p.selector));
    elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  }
  times.sort((a, b) => a - b);
  results.push({ page: p.name, median_ms: Math.round(times[RUNS >> 1]), max_ms: Math.round(times[RUNS - 1]), elements });
  console.error(JSON.stringify(results.at(-1)));
}
// The flow view: a toggle on the map page.
if (!only || only.includes('flow')) {
  const times = [];
  let elements = 0;
  for (let i = 0; i < RUNS; i++) {
    // From the library, so the map page starts without the flow view (its button toggles).
    await open('#/', 'main');
    await page.waitForTimeout(100);
    await open(map, '[data-testid="map-canvas"]');
    await page.waitForTimeout(100);
    times.push(await page.evaluate(() => new Promise((resolve) => {
      const start = performance.now();
      document.querySelector('[data-testid="view-flow"]').click();
      const check = () => {
        if (document.querySelector('[data-testid="flow-view"] svg')) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        else setTimeout(check, 5);
      };
      check();
    })));
    elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  }
  times.sort((a, b) => a - b);
  results.push({ page: 'flow view', median_ms: Math.round(times[RUNS >> 1]), max_ms: Math.round(times[RUNS - 1]), elements });
}
const load = (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(JSON.stringify({ touchpoints: TOUCHPOINTS, runs: RUNS, load_average: load, results }, null, 2));
for (const r of results) result(`${TOUCHPOINTS}-touchpoint map: open ${r.page} (median / max of ${RUNS}, elements)`, `${r.median_ms} / ${r.max_ms} ms, ${r.elements}`);
await browser.close();
await srv.close();
