// Editor benchmark (not a test): how long from an edit to the updated screen on a map with
// 300 touchpoints. Run against the release build:
//   trunk build --release --offline --dist dist && node benchmarks/editor_bench.mjs
// Prints the median and 95th percentile of three kinds of edit made in the inspector beside
// the map (title, emotion — which re-scores the map and redraws the emotion curve — and a
// move), measured in the page from dispatching the edit to the end of the first frame that
// draws it (`timeEdit`).
import { startServer, launch } from '../e2e/harness.mjs';
import { result } from './result.mjs';
import { openBenchMap, EDITS, timeEdit } from './editor_map.mjs';

const TOUCHPOINTS = 300;
const RUNS = 25;

const srv = await startServer();
const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
page.on('pageerror', (e) => console.error('page error:', e));

const openMs = await openBenchMap(page, srv.base, TOUCHPOINTS);

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
    times.push(await page.evaluate(timeEdit, { edit, done, i }));
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { edit: name, median_ms: +at(0.5).toFixed(1), p95_ms: +at(0.95).toFixed(1) };
}

const results = [];
for (const e of Object.values(EDITS)) results.push(await measure(e.name, e.prepare, e.edit, e.done));

console.log(JSON.stringify({ touchpoints: TOUCHPOINTS, runs: RUNS, open_map_ms: openMs, results }, null, 2));
for (const r of results) result(`edit on a ${TOUCHPOINTS}-touchpoint map: ${r.edit} (median / p95 of ${RUNS})`, `${r.median_ms} / ${r.p95_ms} ms`);
await browser.close();
await srv.close();
