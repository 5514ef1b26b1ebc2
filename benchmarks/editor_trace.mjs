// Where an edit's time goes (not a test, not part of run.sh): the same 300-touchpoint map as
// editor_bench.mjs, one kind of edit repeated under a Chromium trace, then the main thread's
// time per trace event summed over the edits — wall time (`dur`) and thread time (`tdur`, the
// CPU time of the thread, which a loaded machine does not inflate much: compare builds by it).
//   node benchmarks/editor_trace.mjs [rename|emotion|move] [runs]
// DIST_DIR=… picks the build (e2e/harness.mjs). Also printed: script and rendering per edit
// (thread time, each event counted once even when nested), the page's element count, and the
// DOM mutations per edit (a MutationObserver: records, and the elements touched).
// PROFILE=1: instead of the trace, a CPU profile (CDP) around the edits; the functions with the
// most self and total time (wasm names need a build that keeps them, see benchmarks/README.md).
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

async function editOnce(i) {
  await page.evaluate(({ prepare, i }) => new Function('i', prepare)(i), { prepare, i });
  await page.getByTestId('inspector').waitFor();
  await page.waitForTimeout(50);
  return page.evaluate(timeEdit, { edit, done, i });
}

// The events of each kind of work, by trace event name.
const SCRIPT = ['FunctionCall', 'RunMicrotasks', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'V8.CompileCode', 'v8.wasm.compileLazy', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'V8.GC_MC_BACKGROUND'];
const RENDER = ['Layout', 'UpdateLayoutTree', 'Paint', 'Layerize', 'PrePaint', 'Commit', 'ParseHTML', 'UpdateLayer', 'HitTest', 'IntersectionObserverController::computeIntersections'];

if (process.env.PROFILE) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const self = new Map();
  const total = new Map();
  // One profile per edit, around the edit only (the selection before it is not the edit's).
  for (let i = 0; i < runs; i++) {
    await page.evaluate(({ prepare, i }) => new Function('i', prepare)(i), { prepare, i });
    await page.getByTestId('inspector').waitFor();
    await page.waitForTimeout(50);
    await cdp.send('Profiler.start');
    await page.evaluate(timeEdit, { edit, done, i });
    const { profile } = await cdp.send('Profiler.stop');
    // SETTLE=ms: wait after each edit, so its autosave (300 ms) and print sheet (400 ms)
    // run before the next profile starts (otherwise they land in some edits' profiles only).
    if (process.env.SETTLE) await page.waitForTimeout(+process.env.SETTLE);
    if (process.env.PROFILE_RAW) (await import('node:fs')).writeFileSync(`${process.env.PROFILE_RAW}.${i}.cpuprofile`, JSON.stringify(profile));
    addProfile(profile);
  }
  function addProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const dt = new Map();
  profile.samples.forEach((id, k) => dt.set(id, (dt.get(id) || 0) + (profile.timeDeltas[k + 1] || 0) / 1000));
  for (const [id, ms] of dt) {
    const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
    self.set(name(byId.get(id)), (self.get(name(byId.get(id))) || 0) + ms);
    const seen = new Set();
    for (let at = id; at != null; at = parent.get(at)) {
      const nm = name(byId.get(at));
      if (!seen.has(nm)) { seen.add(nm); total.set(nm, (total.get(nm) || 0) + ms); }
    }
  }
  }
  // PROFILE_OUT=file: every function's self and total ms per edit as JSON (to compare builds).
  if (process.env.PROFILE_OUT) {
    const per = (m) => Object.fromEntries([...m.entries()].map(([k, ms]) => [k, ms / runs]));
    (await import('node:fs')).writeFileSync(process.env.PROFILE_OUT, JSON.stringify({ self: per(self), total: per(total) }));
  }
  const top = (m, n) => [...m.entries()].filter(([k]) => !['(root)', '(idle)', '(program)'].includes(k)).sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`${kind}: ${runs} edits, CPU profile (ms per edit), self time:`);
  for (const [k, ms] of top(self, 30)) console.log(`  ${(ms / runs).toFixed(2).padStart(6)}  ${k.slice(0, 120)}`);
  console.log('total (inclusive) time:');
  for (const [k, ms] of top(total, 45)) console.log(`  ${(ms / runs).toFixed(2).padStart(6)}  ${k.slice(0, 120)}`);
  console.log(`  (program) ${((self.get('(program)') || 0) / runs).toFixed(2)}, (garbage collector) ${((self.get('(garbage collector)') || 0) / runs).toFixed(2)}`);
} else {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
  for (let i = 0; i < runs; i++) await editOnce(i);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents;
  // The page's renderer main thread: the one with the most "UpdateLayoutTree" events.
  const count = new Map();
  for (const e of events) if (e.name === 'UpdateLayoutTree' || e.name === 'FunctionCall') count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) || 0) + 1);
  const main = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const starts = events.filter((e) => e.name === 'edit-start').map((e) => e.ts);
  const ends = events.filter((e) => e.name === 'edit-end').map((e) => e.ts);
  const inEdit = (ts) => starts.some((s, k) => ts >= s && ts <= (ends[k] ?? Infinity));
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur && inEdit(e.ts));
  const sums = new Map();
  for (const e of mine) {
    const s = sums.get(e.name) || { dur: 0, tdur: 0 };
    s.dur += e.dur / 1000;
    s.tdur += (e.tdur ?? e.dur) / 1000;
    sums.set(e.name, s);
  }
  // Per kind of work, each event once: one inside another event of the same lists is left out.
  const counted = mine.filter((e) => SCRIPT.includes(e.name) || RENDER.includes(e.name)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const kinds = { script: 0, rendering: 0 };
  let openEnd = -1;
  for (const e of counted) {
    if (e.ts < openEnd) continue;
    openEnd = e.ts + e.dur;
    kinds[SCRIPT.includes(e.name) ? 'script' : 'rendering'] += (e.tdur ?? e.dur) / 1000;
  }
  const total = starts.reduce((acc, s, k) => acc + ((ends[k] ?? s) - s) / 1000, 0);
  console.log(`${kind}: ${runs} edits, ${(total / runs).toFixed(1)} ms per edit (wall, incl. waiting for the frame)`);
  console.log(`  thread time per edit: script ${(kinds.script / runs).toFixed(2)} ms, rendering ${(kinds.rendering / runs).toFixed(2)} ms, sum ${((kinds.script + kinds.rendering) / runs).toFixed(2)} ms`);
  console.log(`  ${'event'.padEnd(34)} ${'wall'.padStart(6)} ${'thread'.padStart(7)}  ms per edit`);
  for (const [name, s] of [...sums.entries()].sort((a, b) => b[1].tdur - a[1].tdur).slice(0, 20)) {
    console.log(`  ${name.padEnd(34)} ${(s.dur / runs).toFixed(2).padStart(6)} ${(s.tdur / runs).toFixed(2).padStart(7)}`);
  }
}

// What an edit changes in the page: mutation records and the elements they touch, per edit.
const counts = [];
for (let i = runs; i < runs + 5; i++) {
  await page.evaluate(() => {
    window.__muts = [];
    window.__obs = new MutationObserver((records) => window.__muts.push(...records));
    window.__obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  // The selection's own mutations are not the edit's.
  await page.evaluate(({ prepare, i }) => new Function('i', prepare)(i), { prepare, i });
  await page.waitForTimeout(100);
  await page.evaluate(() => { window.__muts.push(...window.__obs.takeRecords()); window.__muts = []; });
  await page.evaluate(timeEdit, { edit, done, i });
  counts.push(await page.evaluate(() => {
    const recs = [...window.__muts, ...window.__obs.takeRecords()];
    window.__obs.disconnect();
    const touched = new Set();
    let added = 0;
    let removed = 0;
    for (const r of recs) {
      touched.add(r.target.nodeType === 1 ? r.target : r.target.parentElement);
      added += r.addedNodes.length;
      removed += r.removedNodes.length;
    }
    // What the records are (MUT_DETAIL=1): kind, target element and attribute.
    const what = recs.map((r) => {
      const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const cls = (t.getAttribute('class') || '').split(' ')[0];
      return `${r.type} ${t.tagName.toLowerCase()}${cls ? '.' + cls : ''}${t.dataset.testid ? '[' + t.dataset.testid + ']' : ''}${r.attributeName ? ' @' + r.attributeName : ''}${r.addedNodes.length ? ' +' + r.addedNodes.length : ''}${r.removedNodes.length ? ' -' + r.removedNodes.length : ''}`;
    });
    return { records: recs.length, touched: touched.size, added, removed, elements: document.getElementsByTagName('*').length, what };
  }));
}
if (process.env.MUT_DETAIL) {
  const tally = new Map();
  for (const c of counts) for (const w of c.what) tally.set(w, (tally.get(w) || 0) + 1);
  for (const [w, n] of [...tally.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${(n / counts.length).toFixed(1).padStart(5)}  ${w}`);
}
const mean = (f) => (counts.reduce((a, c) => a + c[f], 0) / counts.length).toFixed(1);
console.log(`DOM per edit (mean of ${counts.length}): ${mean('records')} mutation records, ${mean('touched')} elements touched, ${mean('added')} nodes added, ${mean('removed')} removed; ${mean('elements')} elements in the page`);
await browser.close();
await srv.close();
