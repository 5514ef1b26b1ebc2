// The GA4 preset in the tab (issue 27: "a 1,000,000-row GA4-shaped CSV with session splitting →
// metrics in the worker ≤ 1.0 s"): chooses a GA4 flat export on the analytics page of the built
// site, lets the page recognise it, asks for sessions after 30 idle minutes and imports it,
// as a user does. Reports the worker's own time (preset, sessions, import, then every metric;
// `data-import-ms` + `data-analyze-ms` of the timings line) and the wall time from the click
// until the metrics are on screen.
//
//   node benchmarks/ga4_tab_bench.mjs [GA4.csv] [--runs N] [--think MS]
//
// Without GA4.csv it writes /tmp/ga4-1m.csv with the native CLI
// (`journey-analyze sample ga4_flat --customers 170000 --seed 42`: 1,020,327 events).
// --think MS waits between the file being recognised and the click (default 1000: a user
// reads the recognised source and the session choice first). DIST_DIR overrides dist/.
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { result } = await import(pathToFileURL(join(root, 'benchmarks', 'result.mjs')).href);
const { onAnalyticsPage, benchArgs, ensureLog, best: bestOf, median: medianOf } = await import(pathToFileURL(join(root, 'benchmarks', 'tab_page.mjs')).href);

const { runs, think, file: given } = benchArgs(process.argv.slice(2), { runs: 3, think: 1000 });
const file = await ensureLog(root, given, '/tmp/ga4-1m.csv', ['sample', 'ga4_flat', '--customers', '170000', '--seed', '42']);

const results = [];
await onAnalyticsPage(async (page) => {
  for (let i = 0; i < runs; i++) {
    await page.getByTestId('log-file').setInputFiles(file);
    await page.getByTestId('source-recognised').waitFor({ timeout: 60_000 });
    await page.getByTestId('idle-minutes').fill('30');
    await page.getByTestId('idle-minutes').dispatchEvent('change');
    if (!(await page.getByTestId('case-idle').isChecked())) throw new Error('sessions after idle minutes not chosen');
    if (think) await page.waitForTimeout(think);
    const t0 = Date.now();
    await page.getByTestId('import-source').click();
    const timings = page.getByTestId('timings');
    await timings.waitFor({ timeout: Number(process.env.BENCH_TIMEOUT_MS || 120_000) });
    const wall = Date.now() - t0;
    const imp = Number(await timings.getAttribute('data-import-ms'));
    const ana = Number(await timings.getAttribute('data-analyze-ms'));
    const events = await page.getByTestId('metric-events').textContent();
    const cases = await page.getByTestId('metric-cases').textContent();
    results.push({ total: imp + ana, wall });
    console.log(`run ${i + 1}: events ${events}, cases (sessions) ${cases}; worker preset + import ${imp.toFixed(0)} ms + metrics ${ana.toFixed(0)} ms = ${(imp + ana).toFixed(0)} ms; click → metrics on screen ${wall} ms`);
    await page.getByTestId('log-file').setInputFiles([]);
  }
});
const best = (k) => bestOf(results, k);
const median = (k) => medianOf(results, k);
result(`GA4 flat (${file}) in the tab, sessions after 30 min: worker preset + import + metrics, median of ${runs} (best)`, `${median('total').toFixed(0)} ms (${best('total').toFixed(0)} ms)`);
result(`GA4 flat in the tab: click → metrics on screen, median of ${runs}`, `${median('wall')} ms`);
