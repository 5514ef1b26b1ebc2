// Where the analytics worker spends its time on one GA4 import (the preset, sessions after
// 30 idle minutes, every metric): a CPU profile of every thread from Chrome's trace
// (`disabled-by-default-v8.cpu_profiler`), printed as self time per function, busiest first.
//
//   node benchmarks/worker_profile.mjs [GA4.csv] [--top N]      (DIST_DIR=… the site)
//
// Function names need a worker with a name section: re-bind the release worker's wasm
// without stripping it, into a copy of the site (benchmarks/README.md, "Speed targets of the
// open issues"):
//   cp -r dist /tmp/dist-prof
//   wasm-bindgen --target no-modules --keep-debug --out-dir /tmp/wb --out-name analytics-worker \
//     target/wasm32-unknown-unknown/release-worker/analytics-worker.wasm
//   cp /tmp/wb/analytics-worker.js /tmp/wb/analytics-worker_bg.wasm /tmp/dist-prof/
// (not run through wasm-opt, so a little slower than the shipped worker). The trace is kept
// in /tmp/worker-profile.json.
import { join, dirname } from 'node:path';
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { startServer, launch } = await import(pathToFileURL(join(root, 'e2e', 'harness.mjs')).href);
const { openAnalyticsPage } = await import(pathToFileURL(join(root, 'benchmarks', 'tab_page.mjs')).href);

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 30;
const file = args.find((a, i) => !a.startsWith('--') && (topAt < 0 || i !== topAt + 1)) || '/tmp/ga4-1m.csv';

const srv = await startServer();
const browser = await launch();
let trace;
try {
  const { context, page } = await openAnalyticsPage(browser, srv);
  await page.getByTestId('log-file').setInputFiles(file);
  await page.getByTestId('source-recognised').waitFor({ timeout: 60_000 });
  await page.getByTestId('idle-minutes').fill('30');
  await page.getByTestId('idle-minutes').dispatchEvent('change');
  await page.waitForTimeout(1000);
  await browser.startTracing(page, { categories: ['disabled-by-default-v8.cpu_profiler', 'v8', 'toplevel'] });
  await page.getByTestId('import-source').click();
  const timings = page.getByTestId('timings');
  await timings.waitFor({ timeout: 120_000 });
  console.log(`worker: preset + import ${await timings.getAttribute('data-import-ms')} ms, metrics ${await timings.getAttribute('data-analyze-ms')} ms`);
  trace = await browser.stopTracing();
  writeFileSync('/tmp/worker-profile.json', trace);
  await context.close();
} finally {
  await browser.close();
  await srv.close();
}

// The profile comes in chunks per thread: nodes (function per id) and samples with the
// time since the one before.
const json = JSON.parse(trace.toString());
const events = Array.isArray(json) ? json : json.traceEvents;
const threadName = new Map();
for (const e of events) if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name);
const profiles = new Map();
for (const e of events) {
  if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
  if (!profiles.has(e.id)) profiles.set(e.id, { thread: `${e.pid}:${e.tid}`, nodes: new Map(), samples: [] });
  const p = profiles.get(e.id);
  const data = e.args?.data ?? {};
  for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n.callFrame?.functionName || '(anonymous)');
  const samples = data.cpuProfile?.samples ?? [];
  const deltas = data.timeDeltas ?? [];
  samples.forEach((s, k) => p.samples.push([s, deltas[k] ?? 0]));
}
for (const p of profiles.values()) {
  if (p.samples.length < 50) continue;
  const self = new Map();
  let total = 0;
  for (const [id, dt] of p.samples) {
    const name = p.nodes.get(id) ?? '?';
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  }
  console.log(`\n== ${threadName.get(p.thread) ?? p.thread}: ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms  ${name.slice(0, 140)}`);
  }
}
