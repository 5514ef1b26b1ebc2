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
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { startServer, launch } = await import(pathToFileURL(join(root, 'e2e', 'harness.mjs')).href);
const { result } = await import(pathToFileURL(join(root, 'benchmarks', 'result.mjs')).href);
const { openAnalyticsPage } = await import(pathToFileURL(join(root, 'benchmarks', 'tab_page.mjs')).href);

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const thinkAt = args.indexOf('--think');
const think = thinkAt >= 0 ? Number(args[thinkAt + 1]) : 1000;
const flagValues = [runsAt, thinkAt].filter((at) => at >= 0).map((at) => at + 1);
let file = args.find((a, i) => !a.startsWith('--') && !flagValues.includes(i));
if (!file) {
  file = '/tmp/ga4-1m.csv';
  if (!existsSync(file)) {
    const cli = join(root, 'target', 'release', 'journey-analyze');
    if (!existsSync(cli)) execFileSync('cargo', ['build', '--release', '-p', 'journey-core', '--bin', 'journey-analyze'], { cwd: root, stdio: 'inherit' });
    writeFileSync(file, execFileSync(cli, ['sample', 'ga4_flat', '--customers', '170000', '--seed', '42'], { maxBuffer: 1 << 30 }));
  }
}
console.log(`file: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)`);

const srv = await startServer();
const browser = await launch();
const results = [];
try {
  const { context, page } = await openAnalyticsPage(browser, srv);
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
  await context.close();
} finally {
  await browser.close();
  await srv.close();
}
const best = (k) => Math.min(...results.map((r) => r[k]));
const median = (k) => { const v = results.map((r) => r[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
result(`GA4 flat (${file}) in the tab, sessions after 30 min: worker preset + import + metrics, median of ${runs} (best)`, `${median('total').toFixed(0)} ms (${best('total').toFixed(0)} ms)`);
result(`GA4 flat in the tab: click → metrics on screen, median of ${runs}`, `${median('wall')} ms`);
