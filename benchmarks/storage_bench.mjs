// Local-storage benchmark on a 300-touchpoint map (not a test), release build in dist/:
// how long the app takes to load the library with that map (parse and migrate, measured by
// the app itself as `journey-studio:load` on the performance timeline) and to save it after
// an edit (`journey-studio:save`: JSON of the whole map into local storage), median of N,
// and how much it takes in storage.
//
//   node benchmarks/storage_bench.mjs [--runs N] [--touchpoints N]
//
// Maps are stored packed (core/src/model/stored.rs); the size before packing (pretty JSON,
// what was stored until issue 26) is printed beside it.
import { startServer, launch, storedMap, UNPACK_IN_PAGE } from '../e2e/harness.mjs';
import { result, kb, median } from './result.mjs';
import { installGenerator } from './editor_map.mjs';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 10;
const TOUCHPOINTS = args.includes('--touchpoints') ? Number(args[args.indexOf('--touchpoints') + 1]) : 300;

const srv = await startServer();
const browser = await launch();
try {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(srv.base);
  await page.getByTestId('map-row').first().waitFor();
  await page.getByTestId('save-status').and(page.locator('[data-state="saved"]')).waitFor();

  // The example map becomes a 300-touchpoint map (five stages, 299 routes), alone in the library.
  await installGenerator(page);
  const id = await page.evaluate(async ({ n, unpack }) => {
    const index = JSON.parse(localStorage.getItem('journey-studio:index'));
    const id = index.maps[0].id;
    const key = 'journey-studio:map:' + id;
    const map = JSON.parse(await eval(unpack)(localStorage.getItem(key)));
    window.fillWithTouchpoints(map, n);
    map.name = `Benchmark ${n}`;
    localStorage.setItem(key, JSON.stringify(map));
    index.maps = [{ ...index.maps[0], name: map.name }];
    localStorage.setItem('journey-studio:index', JSON.stringify(index));
    return id;
  }, { n: TOUCHPOINTS, unpack: UNPACK_IN_PAGE });

  const measureOf = (name) => page.evaluate((n) => {
    const all = performance.getEntriesByName(n);
    return all.length ? all[all.length - 1].duration : null;
  }, name);

  const loads = [];
  for (let i = 0; i < runs; i++) {
    await page.reload();
    await page.getByTestId('map-row').first().waitFor();
    loads.push(await measureOf('journey-studio:load'));
  }
  const touchpoints = (await storedMap(page, id)).touchpoints.length;
  if (touchpoints !== TOUCHPOINTS) throw new Error(`expected ${TOUCHPOINTS} touchpoints, found ${touchpoints}`);

  // A save: rename the map in the library (the autosave writes the whole map and the index).
  const saves = [];
  for (let i = 0; i < runs; i++) {
    const row = page.getByTestId('map-row').first();
    await row.getByRole('button', { name: 'Rename' }).click();
    await row.getByLabel('New name').fill(`Benchmark ${TOUCHPOINTS} #${i}`);
    await row.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction((name) => (localStorage.getItem('journey-studio:index') || '').includes(name), `Benchmark ${TOUCHPOINTS} #${i}`);
    await page.getByTestId('save-status').and(page.locator('[data-state="saved"]')).waitFor();
    saves.push(await measureOf('journey-studio:save'));
  }
  const stored = await page.evaluate((id) => {
    const text = localStorage.getItem('journey-studio:map:' + id);
    return { chars: text.length, bytes: new TextEncoder().encode(text).length };
  }, id);
  const plain = JSON.stringify(await storedMap(page, id), null, 2).length;

  console.log(`${TOUCHPOINTS}-touchpoint map: load (library with it) median ${median(loads).toFixed(1)} ms, save median ${median(saves).toFixed(1)} ms of ${runs}; stored ${stored.bytes} bytes (${stored.chars} UTF-16 units in local storage; ${plain} characters as pretty JSON)`);
  result(`load a ${TOUCHPOINTS}-touchpoint map from local storage (median of ${runs})`, `${median(loads).toFixed(1)} ms`);
  result(`save a ${TOUCHPOINTS}-touchpoint map to local storage (median of ${runs})`, `${median(saves).toFixed(1)} ms`);
  result(`stored size of the ${TOUCHPOINTS}-touchpoint map`, `${kb(stored.bytes)} (${stored.chars} characters; ${plain} as pretty JSON)`);
  await context.close();
} finally {
  await browser.close();
  await srv.close();
}
