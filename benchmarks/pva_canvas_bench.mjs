// Planned vs actual on the canvas (issue 28), benchmark (not a test): how long from
// "Show planned vs actual on the canvas" to the drawn view (cards near the window placed,
// lines drawn, the next frame) for a 300-touchpoint plan. Run against the release build:
//   trunk build --release --offline --dist dist && node benchmarks/pva_canvas_bench.mjs
// The plan: 300 touchpoints "Step 0" … in five stages with a chain of planned routes
// (harness `newLargeMap`). The log: 600 cases walking the steps in order, each step taken
// with probability 0.9 (so skips are routes the plan lacks), and 20 activities "Extra k" the
// plan lacks in between. Timed in the page from the click to the end of the first frame after
// the lines are drawn; the comparison itself (worker) is already there, as on the page.
// TRACE=1: the runs under a Chromium trace, then the page's main thread time per trace event
// in the timed spans — thread time (`tdur`, what a shared machine does not inflate) and wall.
// DIST_DIR: which build (harness; default dist). RUNS: how many (default 15).
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { startServer, launch, newLargeMap, mulberry32 } from '../e2e/harness.mjs';
import { result, median } from './result.mjs';

const TOUCHPOINTS = 300;
const CASES = 600;
const RUNS = +(process.env.RUNS || 15);

const r = mulberry32(28);
const rows = ['case_id,activity,timestamp'];
const start = Date.UTC(2024, 4, 1);
for (let c = 0; c < CASES; c++) {
  let t = start + Math.floor(r() * 20 * 86_400_000);
  for (let i = 0; i < TOUCHPOINTS; i++) {
    if (r() < 0.1) continue;
    rows.push(`C${c},Step ${i},${new Date(t).toISOString()}`);
    t += 60_000;
    if (r() < 0.02) {
      rows.push(`C${c},Extra ${Math.floor(r() * 20)},${new Date(t).toISOString()}`);
      t += 60_000;
    }
  }
}
const file = join(mkdtempSync(join(tmpdir(), 'pva-bench-')), 'plan-300-log.csv');
writeFileSync(file, rows.join('\n') + '\n');

const srv = await startServer();
const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
page.on('pageerror', (e) => console.error('page error:', e));
const id = await newLargeMap(page, srv.base, 'Plan 300', TOUCHPOINTS, { routes: true });
await page.goto(srv.base + `#/map/${encodeURIComponent(id)}/analytics`);
await page.getByTestId('log-file').setInputFiles(file);
await page.getByTestId('mapping-step').waitFor();
await page.getByTestId('start-import').click();
await page.getByTestId('pva-open-canvas').waitFor({ timeout: 120_000 });

// EXTRA_CSS: a rule to try without a rebuild.
if (process.env.EXTRA_CSS) await page.addStyleTag({ content: process.env.EXTRA_CSS });
const trace = !!process.env.TRACE;
if (trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
const times = [];
const cardTimes = [];
let cards = 0;
let lines = 0;
for (let i = 0; i < RUNS; i++) {
  const [ms, cardsMs] = await page.evaluate(() => new Promise((resolve) => {
    const t0 = performance.now();
    performance.mark('pva-start');
    document.querySelector('[data-testid="pva-open-canvas"]').click();
    // The cards are in the page once the click's handler returns (Leptos renders synchronously).
    const cardsMs = performance.now() - t0;
    const poll = () => {
      const svg = document.querySelector('[data-testid="pva-lines"]');
      if (svg && Number(svg.dataset.count) > 0) requestAnimationFrame(() => {
        performance.mark('pva-end');
        resolve([performance.now() - t0, cardsMs]);
      });
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }));
  times.push(ms);
  cardTimes.push(cardsMs);
  cards = await page.getByTestId('pva-card').count();
  lines = Number(await page.getByTestId('pva-lines').getAttribute('data-count'));
  await page.getByTestId('pva-back').click();
  await page.getByTestId('pva-canvas').waitFor({ state: 'detached' });
}
if (trace) summarize(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
times.sort((a, b) => a - b);
const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
console.log(`cards rendered (click handler done): median ${median(cardTimes).toFixed(1)} ms`);
console.log(`planned vs actual on the canvas, ${TOUCHPOINTS} touchpoints (${cards} cards in the page, ${lines} lines), ${RUNS} runs: median ${median(times).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
result('planned vs actual canvas, 300 touchpoints (median)', `${median(times).toFixed(1)} ms`);
await browser.close();
await srv.close();
rmSync(dirname(file), { recursive: true, force: true });

/** The main thread's time per trace event name inside the timed spans, per run. */
function summarize(events) {
  const count = new Map();
  for (const e of events) if (e.name === 'UpdateLayoutTree' || e.name === 'FunctionCall') count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) || 0) + 1);
  const main = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const starts = events.filter((e) => e.name === 'pva-start').map((e) => e.ts).sort((a, b) => a - b);
  const ends = events.filter((e) => e.name === 'pva-end').map((e) => e.ts).sort((a, b) => a - b);
  const inRun = (ts) => starts.some((s, k) => ts >= s && ts <= (ends[k] ?? Infinity));
  const sums = new Map();
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || !e.dur || !inRun(e.ts)) continue;
    const s = sums.get(e.name) || { tdur: 0, dur: 0 };
    s.tdur += (e.tdur ?? e.dur) / 1000;
    s.dur += e.dur / 1000;
    sums.set(e.name, s);
  }
  // The main thread's own time: the outermost events only (each nested one is in its parent).
  let top = 0;
  let topWall = 0;
  let until = -1;
  for (const e of events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur && inRun(e.ts)).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < until) continue;
    until = e.ts + e.dur;
    top += (e.tdur ?? e.dur) / 1000;
    topWall += e.dur / 1000;
  }
  const n = starts.length;
  console.log(`trace: main thread busy per run (outermost events): thread time ${(top / n).toFixed(1)} ms, wall ${(topWall / n).toFixed(1)} ms`);
  console.log(`trace: ${n} runs, main thread per run (thread time tdur / wall dur, nested events counted in their parents too):`);
  for (const [name, s] of [...sums.entries()].sort((a, b) => b[1].tdur - a[1].tdur).slice(0, 16)) {
    console.log(`  ${name.padEnd(30)} tdur ${(s.tdur / n).toFixed(1).padStart(7)} ms   dur ${(s.dur / n).toFixed(1).padStart(7)} ms`);
  }
}
