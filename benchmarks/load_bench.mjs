// Size and cold-load benchmark of the release build in dist/ (not a test):
//  * first load: every file the browser fetches until the library is shown, with its gzip
//    size (gzip -9 of the file; what a server with compression sends), and every module that
//    is only fetched on demand (a wasm module with its JS glue), also gzip;
//  * opening a map: every file fetched after the library is shown until a map's canvas is
//    shown, the user having clicked the first map of the library (gzip, budget 450 KB);
//  * cold load to interactive (median of N, fresh browser context, no cache, service worker
//    blocked): navigation start → the library's first map row is in the DOM, and
//    navigation start → a map's title is in the DOM when the address is that map's.
//
//   node benchmarks/load_bench.mjs [--sizes] [--runs N]       (DIST_DIR=… for another build)
// `--sizes` prints only the sizes (the test command uses it).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer, launch, DIST } from '../e2e/harness.mjs';
import { result, kb, median } from './result.mjs';

const args = process.argv.slice(2);
const sizesOnly = args.includes('--sizes');
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 10;
const BUDGET = 450 * 1024;
const MAP_BUDGET = 450 * 1024;

const gz = (f) => gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length;
const raw = (f) => readFileSync(join(DIST, f)).length;
const allFiles = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile()).map((d) => join(d.parentPath ?? d.path, d.name).slice(DIST.length + 1));

// Marks, inside the page, when the library and a map page are first in the DOM.
function readyProbe() {
  const want = { library: '[data-testid="map-row"]', map: '[data-testid="map-title"]' };
  window.__ready = {};
  new MutationObserver(() => {
    for (const [k, sel] of Object.entries(want)) {
      if (window.__ready[k] === undefined && document.querySelector(sel)) window.__ready[k] = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
}

const srv = await startServer();
const browser = await launch();
const fresh = () => browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
try {
  // First load: what the browser asked for until the first map row appeared.
  const context = await fresh();
  const page = await context.newPage();
  const asked = new Set();
  let shown = false;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (shown || !url.href.startsWith(srv.base)) return;
    asked.add(decodeURIComponent(url.pathname.slice(1)) || 'index.html');
  });
  await page.goto(srv.base);
  await page.getByTestId('map-row').first().waitFor();
  shown = true;
  const first = [...asked].filter((f) => allFiles.includes(f)).sort();
  const firstGz = first.reduce((s, f) => s + gz(f), 0);
  console.log('first load (until the library is shown):');
  for (const f of first) console.log(`  ${f.padEnd(52)} ${String(raw(f)).padStart(9)} bytes, gzip ${String(gz(f)).padStart(8)}`);
  console.log(`  total gzip ${kb(firstGz)} (budget ${kb(BUDGET)}${firstGz > BUDGET ? ', OVER' : ''})`);
  result('first load (library shown), gzip', `${kb(firstGz)} in ${first.length} files`);

  // Opening a map: what the browser asks for from the click on a map until its canvas shows.
  const opened = new Set();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.href.startsWith(srv.base)) opened.add(decodeURIComponent(url.pathname.slice(1)) || 'index.html');
  });
  await page.getByTestId('map-link').first().click();
  await page.getByTestId('map-canvas').waitFor();
  const more = [...opened].filter((f) => allFiles.includes(f)).sort();
  const moreGz = more.reduce((s, f) => s + gz(f), 0);
  console.log('opening a map (after the library is shown, until the canvas is shown):');
  for (const f of more) console.log(`  ${f.padEnd(52)} ${String(raw(f)).padStart(9)} bytes, gzip ${String(gz(f)).padStart(8)}`);
  console.log(`opening a map: ${kb(moreGz)} more (budget ${kb(MAP_BUDGET)}${moreGz > MAP_BUDGET ? ', OVER' : ''})`);
  result('opening a map (library → canvas), gzip', `${kb(moreGz)} more in ${more.length} files`);

  // On demand: each wasm module not in the first load, with the JS files named after it.
  const later = allFiles.filter((f) => !first.includes(f));
  for (const wasm of later.filter((f) => f.endsWith('_bg.wasm'))) {
    const stem = wasm.replace(/_bg\.wasm$/, '').replace(/-[0-9a-f]{16}$/, '');
    const files = later.filter((f) => f === wasm || (f.startsWith(stem) && f.endsWith('.js')));
    const size = files.reduce((s, f) => s + gz(f), 0);
    console.log(`on demand: ${stem}: ${files.join(', ')}: gzip ${kb(size)}`);
    result(`on-demand module ${stem}, gzip`, kb(size));
  }
  await context.close();

  if (!sizesOnly) {
    // The example map's id and the stored library, for the map page's cold loads.
    const setup = await (await fresh()).newPage();
    await setup.goto(srv.base);
    const href = await setup.getByTestId('map-link').first().getAttribute('href');
    await setup.getByTestId('save-status').and(setup.locator('[data-state="saved"]')).waitFor();
    const stored = await setup.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    await setup.context().close();

    for (const [name, hash, key] of [['library page', '', 'library'], ['map page', href, 'map']]) {
      const times = [];
      for (let i = 0; i < runs; i++) {
        const ctx = await fresh();
        await ctx.addInitScript(readyProbe);
        if (key === 'map') {
          await ctx.addInitScript((entries) => {
            if (!localStorage.length) for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
          }, stored);
        }
        const p = await ctx.newPage();
        await p.goto(srv.base + hash);
        await p.waitForFunction((k) => window.__ready[k] !== undefined, key, { timeout: 60_000 });
        times.push(await p.evaluate((k) => window.__ready[k], key));
        await ctx.close();
      }
      const m = median(times);
      console.log(`cold load to interactive, ${name}: median ${m.toFixed(0)} ms of ${runs} (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
      result(`cold load to interactive, ${name} (median of ${runs})`, `${m.toFixed(0)} ms`);
    }
  }
} finally {
  await browser.close();
  await srv.close();
}
