// Where an edit's time goes (not a test, not part of run.sh): the same 300-touchpoint map as
// editor_bench.mjs, one kind of edit repeated under a Chromium trace, then the main thread's
// time per trace event (script, style, layout, paint …) summed over the edits.
//   node benchmarks/editor_trace.mjs [rename|emotion|move] [runs]
import { startServer, launch } from '../e2e/harness.mjs';
import { openBenchMap, EDITS, timeEdit } from './editor_map.mjs';

const kind = process.argv[2] || 'emotion';
const runs = +(process.argv[3] || 10);
const srv = await startServer();
const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
page.on('pageerror', (e) => console.error('page error:', e));
await openBenchMap(page, srv.base, 300);
// EXTRA_CSS: a rule to try (e.g. containment) without a rebuild.
if (process.env.EXTRA_CSS) await page.addStyleTag({ content: process.env.EXTRA_CSS });
const { prepare, edit, done } = EDITS[kind];
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
for (let i = 0; i < runs; i++) {
  await page.evaluate(({ prepare, i }) => new Function('i', prepare)(i), { prepare, i });
  await page.getByTestId('inspector').waitFor();
  await page.waitForTimeout(50);
  await page.evaluate(timeEdit, { edit, done, i });
}
const trace = JSON.parse((await browser.stopTracing()).toString());
const events = trace.traceEvents;
// The page's renderer main thread: the one with the most "UpdateLayoutTree" events.
const count = new Map();
for (const e of events) if (e.name === 'UpdateLayoutTree' || e.name === 'FunctionCall') count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) || 0) + 1);
const main = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
const starts = events.filter((e) => e.name === 'edit-start').map((e) => e.ts);
const ends = events.filter((e) => e.name === 'edit-end').map((e) => e.ts);
const inEdit = (ts) => starts.some((s, k) => ts >= s && ts <= (ends[k] ?? Infinity));
const sums = new Map();
for (const e of events) {
  if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || !e.dur || !inEdit(e.ts)) continue;
  sums.set(e.name, (sums.get(e.name) || 0) + e.dur / 1000);
}
const total = starts.reduce((acc, s, k) => acc + ((ends[k] ?? s) - s) / 1000, 0);
console.log(`${kind}: ${runs} edits, ${(total / runs).toFixed(1)} ms per edit (wall, incl. waiting for the frame)`);
for (const [name, ms] of [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${name.padEnd(34)} ${(ms / runs).toFixed(2)} ms per edit`);
await browser.close();
await srv.close();
