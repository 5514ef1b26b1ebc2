// Analytics in the browser: imports a generated event log through the analytics page of
// the built site (release build in dist/, served locally) in headless Chromium and reports
// how long the worker took to parse it and compute all metrics, and the wall time from
// the click on "Import and analyse" until the metrics are on screen.
//
//   node benchmarks/browser_bench.mjs [LOG.csv] [--runs N] [--expect-events N] [--think MS]
//
// --think MS waits MS ms between the mapping step showing and the click, as a user reading
// it does (the default, 0, clicks at once).
//
// With --expect-events it is also a check (benchmarks/run.sh runs it so on 5,000,000
// events, too slow for the e2e suite): every run must show the progress line and exactly
// N events in the metrics, else it exits with 1.
// Without LOG.csv it writes the 1,000,000-event file with the native CLI
// (`journey-analyze generate --events 1000000 --seed 42`). DIST_DIR overrides dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The harness (and through it playwright-core) lives in e2e/.
const { startServer, launch } = await import(pathToFileURL(join(root, 'e2e', 'harness.mjs')).href);
const { result } = await import(pathToFileURL(join(root, 'benchmarks', 'result.mjs')).href);
const { openAnalyticsPage } = await import(pathToFileURL(join(root, 'benchmarks', 'tab_page.mjs')).href);

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const expectAt = args.indexOf('--expect-events');
const expectEvents = expectAt >= 0 ? Number(args[expectAt + 1]) : null;
const thinkAt = args.indexOf('--think');
const think = thinkAt >= 0 ? Number(args[thinkAt + 1]) : 0;
// The flags' values, by position; an absent flag (index -1) must not hide the first argument.
const flagValues = [runsAt, expectAt, thinkAt].filter((at) => at >= 0).map((at) => at + 1);
let file = args.find((a, i) => !a.startsWith('--') && !flagValues.includes(i));
if (!file) {
  file = '/tmp/gen1m.csv';
  if (!existsSync(file)) {
    const cli = join(root, 'target', 'release', 'journey-analyze');
    if (!existsSync(cli)) execFileSync('cargo', ['build', '--release', '-p', 'journey-core', '--bin', 'journey-analyze'], { cwd: root, stdio: 'inherit' });
    writeFileSync(file, execFileSync(cli, ['generate', '--events', '1000000', '--seed', '42'], { maxBuffer: 1 << 30 }));
  }
}
console.log(`file: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)`);

const srv = await startServer();
const browser = await launch();
const results = [];
try {
  const { context, page } = await openAnalyticsPage(browser, srv);
  for (let i = 0; i < runs; i++) {
    await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(file);
    await page.getByTestId('mapping-step').waitFor();
    if (think) await page.waitForTimeout(think);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Import and analyse' }).click();
    const timings = page.getByTestId('timings');
    // The progress line shows while the worker parses (checked: a large file must show it).
    const sawProgress = await page.getByTestId('import-progress').waitFor({ timeout: 10_000 }).then(() => true, () => false);
    await timings.waitFor({ timeout: Number(process.env.BENCH_TIMEOUT_MS || 120_000) });
    const wall = Date.now() - t0;
    const imp = Number(await timings.getAttribute('data-import-ms'));
    const ana = Number(await timings.getAttribute('data-analyze-ms'));
    const events = await page.getByTestId('metric-events').textContent();
    results.push({ imp, ana, total: imp + ana, wall, events });
    if (expectEvents !== null) {
      // The metric is written with the language's grouping ("5,000,000"): digits only.
      const shown = Number(String(events).replace(/[^0-9]/g, ''));
      if (shown !== expectEvents || !sawProgress) {
        console.error(`FAILED: ${shown} events shown (expected ${expectEvents}); progress shown: ${sawProgress}`);
        process.exitCode = 1;
      }
    }
    console.log(`run ${i + 1}: events ${events}; progress shown: ${sawProgress}; worker parse ${imp.toFixed(0)} ms + metrics ${ana.toFixed(0)} ms = ${(imp + ana).toFixed(0)} ms; click → metrics on screen ${wall} ms`);
    // A fresh file choice resets the page for the next run.
    await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles([]);
  }
  await context.close();
} finally {
  await browser.close();
  await srv.close();
}
const best = (k) => Math.min(...results.map((r) => r[k]));
const median = (k) => { const v = results.map((r) => r[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
console.log(`best: parse + metrics ${best('total').toFixed(0)} ms (median ${median('total').toFixed(0)} ms); wall ${best('wall')} ms (median ${median('wall')} ms); goal ≤ 800 ms parse + metrics`);
const n = results[0]?.events ?? '1,000,000';
result(`${n}-event analytics in the browser: parse + metrics, median of ${runs} (best)`, `${median('total').toFixed(0)} ms (${best('total').toFixed(0)} ms)`);
result(`${n}-event analytics: click → metrics on screen, median of ${runs}`, `${median('wall')} ms`);
