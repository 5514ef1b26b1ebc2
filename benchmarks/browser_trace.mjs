// Where the time of one event-log import in the tab goes: imports LOG.csv once (as
// browser_bench.mjs does: example map, analytics page, confirm the mapping, "Import and
// analyse") under a Chrome trace, and prints per thread (page main thread, analytics
// worker) the thread time (`tdur`, CPU — what a loaded machine does not inflate) and the
// wall time of the trace's top-level tasks between the click and the metrics on screen,
// grouped by what they were (script, wasm compile, GC, parse HTML, layout, paint…).
//
//   node benchmarks/browser_trace.mjs [LOG.csv] [--out trace.json] [--before N]    # DIST_DIR=… for another build
//
// --before N imports the file N times untraced first (the same page): the traced import is
// then not the page's first. --think MS waits MS ms before the click (as browser_bench.mjs).
// --from-choice starts the trace before the file is chosen (the staged read before the
// click is in it too; the summary still adds up click → shown, and prints the choice's lead).
//
// The trace file (default /tmp/tab-trace.json) opens in chrome://tracing or Perfetto.
import { writeFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { startServer, launch } = await import(pathToFileURL(join(root, 'e2e', 'harness.mjs')).href);
const { openAnalyticsPage } = await import(pathToFileURL(join(root, 'benchmarks', 'tab_page.mjs')).href);

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : '/tmp/tab-trace.json';
const beforeAt = args.indexOf('--before');
const before = beforeAt >= 0 ? Number(args[beforeAt + 1]) : 0;
const thinkAt = args.indexOf('--think');
const think = thinkAt >= 0 ? Number(args[thinkAt + 1]) : 0;
const fromChoice = args.includes('--from-choice');
// The flags' values, by position; an absent flag (index -1) must not hide the first argument.
const flagValues = [outAt, beforeAt, thinkAt].filter((at) => at >= 0).map((at) => at + 1);
const file = args.find((a, i) => !a.startsWith('--') && !flagValues.includes(i)) || '/tmp/gen1m.csv';
console.log(`file: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)`);

const categories = [
  'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
  'blink', 'blink.user_timing', 'loading', 'disabled-by-default-v8.compile', 'v8.wasm',
];

const srv = await startServer();
const browser = await launch();
let wall = 0;
try {
  const { context, page } = await openAnalyticsPage(browser, srv);
  const input = page.getByLabel('Event log (CSV: comma, semicolon or tab)');
  for (let i = 0; i < before; i++) {
    await input.setInputFiles(file);
    await page.getByRole('button', { name: 'Import and analyse' }).click();
    await page.getByTestId('timings').waitFor({ timeout: Number(process.env.BENCH_TIMEOUT_MS || 120_000) });
    await input.setInputFiles([]);
  }
  if (fromChoice) {
    await browser.startTracing(page, { categories });
    await page.evaluate(() => performance.mark('bench-choice'));
  }
  await input.setInputFiles(file);
  await page.getByTestId('mapping-step').waitFor();
  if (think) await page.waitForTimeout(think);
  if (!fromChoice) await browser.startTracing(page, { categories });
  // Marks on the page's timeline bound the window the summary adds up.
  await page.evaluate(() => performance.mark('bench-click'));
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Import and analyse' }).click();
  await page.getByTestId('timings').waitFor({ timeout: Number(process.env.BENCH_TIMEOUT_MS || 120_000) });
  wall = Date.now() - t0;
  await page.evaluate(() => performance.mark('bench-shown'));
  // The histogram follows the metrics; let it land inside the trace too.
  await page.waitForTimeout(1500);
  const imp = Number(await page.getByTestId('timings').getAttribute('data-import-ms'));
  const ana = Number(await page.getByTestId('timings').getAttribute('data-analyze-ms'));
  console.log(`click → metrics on screen ${wall} ms; worker parse ${imp.toFixed(0)} + metrics ${ana.toFixed(0)} ms`);
  writeFileSync(out, await browser.stopTracing());
  await context.close();
} finally {
  await browser.close();
  await srv.close();
}

const events = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(out, 'utf8'))).traceEvents;
const threads = new Map();
for (const e of events) {
  if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
}
const mark = (name) => events.find((e) => e.name === name && (e.cat || '').includes('user_timing'))?.ts;
const from = mark('bench-click');
const to = mark('bench-shown');
console.log(`trace window click → shown: ${((to - from) / 1000).toFixed(0)} ms (histogram: +1.5 s after)`);
if (fromChoice) console.log(`file chosen ${((from - mark('bench-choice')) / 1000).toFixed(0)} ms before the click`);

// Per thread: the top-level tasks (no enclosing complete event on the same thread) by name.
const byThread = new Map();
const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts >= from).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const openEnd = new Map();
for (const e of complete) {
  const key = `${e.pid}:${e.tid}`;
  const name = threads.get(key) || key;
  if (!/CrRendererMain|DedicatedWorker|Compositor|ThreadPool/.test(name)) continue;
  // Nested slices are counted inside their parent only; one level below the task is named.
  const end = openEnd.get(key) || 0;
  if (e.ts < end) continue;
  openEnd.set(key, e.ts + e.dur);
  const t = byThread.get(name) || { wall: 0, cpu: 0, inWindow: 0, names: new Map() };
  const cpu = e.tdur ?? 0;
  t.wall += e.dur; t.cpu += cpu;
  if (e.ts < to) t.inWindow += cpu;
  const label = e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask' ? childName(e, complete, key) : e.name;
  const n = t.names.get(label) || { wall: 0, cpu: 0, count: 0 };
  n.wall += e.dur; n.cpu += cpu; n.count++;
  t.names.set(label, n);
  byThread.set(name, t);
}
function childName(parent, all, key) {
  // The largest direct child names the task (FunctionCall, v8.wasm.compile…, ParseHTML…).
  let best = null;
  for (const c of all) {
    if (c.ts > parent.ts + parent.dur) break;
    if (c === parent || `${c.pid}:${c.tid}` !== key || c.ts < parent.ts) continue;
    if (!best || c.dur > best.dur) best = c;
  }
  return best ? `${parent.name} › ${best.name}` : parent.name;
}
for (const [name, t] of [...byThread].sort((a, b) => b[1].cpu - a[1].cpu)) {
  console.log(`\n${name}: thread time ${(t.cpu / 1000).toFixed(0)} ms (before "shown" ${(t.inWindow / 1000).toFixed(0)} ms), wall ${(t.wall / 1000).toFixed(0)} ms`);
  for (const [label, n] of [...t.names].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 8)) {
    console.log(`  ${(n.cpu / 1000).toFixed(1).padStart(8)} ms cpu ${(n.wall / 1000).toFixed(1).padStart(8)} ms wall ×${n.count}  ${label}`);
  }
}
console.log(`\ntrace: ${out}`);
