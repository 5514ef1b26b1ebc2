// The app's three wasm modules (src/ui/module_shell.rs): the library module is the first
// load, opening a map loads the map module only, any other page loads the whole app. A switch
// keeps what the user has: pending edits are written first, and the open map's undo history
// goes along (src/ui/state/handover.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved, ARTIFACTS } from '../harness.mjs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Records which wasm modules the page fetches. */
function wasmFetched(page) {
  const seen = new Set();
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/([^/]+?)(?:-[0-9a-f]{16})?_bg\.wasm$/);
    if (m) seen.add(m[1]);
  });
  return seen;
}

const title = (page) => page.getByTestId('map-title');

test('opening a map loads the map module only; back to the library stays in it', () => withPage(browser, 'map-module', async (page) => {
  const wasm = wasmFetched(page);
  await page.goto(srv.base);
  await page.getByTestId('map-row').first().waitFor();
  assert.deepEqual([...wasm], ['library']);
  await page.getByTestId('map-link').first().click();
  await page.getByTestId('map-canvas').waitFor();
  assert.equal(await title(page).textContent(), 'Coffee to go');
  assert.deepEqual([...wasm].sort(), ['library', 'map']);
  // Back to the library: the library module (in memory since the first load) starts again,
  // and the map module too when a map opens again — no download, no whole app.
  await page.getByTestId('back').click();
  await page.getByTestId('map-row').first().waitFor();
  await page.getByTestId('map-link').first().click();
  await page.getByTestId('map-canvas').waitFor();
  assert.ok(!wasm.has('journey-studio'), 'the whole app was not needed for the library and a map');
}));

test('an edit in the map module is undone on the scores page and back on the map', () => withPage(browser, 'undo-across-modules', async (page) => {
  const wasm = wasmFetched(page);
  await page.goto(srv.base);
  await page.getByTestId('map-link').first().click();
  await page.getByTestId('map-canvas').waitFor();
  await page.getByTestId('rename-map').click();
  await page.getByTestId('map-name').fill('Coffee to go, renamed');
  await page.getByTestId('map-name').press('Enter');
  await title(page).filter({ hasText: 'Coffee to go, renamed' }).waitFor();
  assert.equal(await page.getByTestId('undo').isEnabled(), true);
  // Scores is in the whole app: the edit was written before it loaded, the undo step went along.
  await page.getByTestId('nav-scores').click();
  await page.getByTestId('journey-header').waitFor();
  assert.ok(wasm.has('journey-studio'));
  await waitSaved(page);
  await page.getByTestId('nav-map').click();
  await title(page).filter({ hasText: 'Coffee to go, renamed' }).waitFor();
  assert.equal(await page.getByTestId('undo').isEnabled(), true, 'the undo step survived the switch');
  await page.getByTestId('undo').click();
  await title(page).filter({ hasText: /^Coffee to go$/ }).waitFor();
  await page.getByTestId('redo').click();
  await title(page).filter({ hasText: 'Coffee to go, renamed' }).waitFor();
  // The map keeps working in the whole app, and the edit is stored.
  await page.getByTestId('rename-map').click();
  await page.getByTestId('map-name').fill('Coffee to go, again');
  await page.getByTestId('map-name').press('Enter');
  await title(page).filter({ hasText: 'Coffee to go, again' }).waitFor();
  await waitSaved(page);
  await page.reload();
  await title(page).filter({ hasText: 'Coffee to go, again' }).waitFor();
}));

test('the map menu opens in the whole app, with the undo step', () => withPage(browser, 'menu-in-app', async (page) => {
  const wasm = wasmFetched(page);
  await page.goto(srv.base);
  await page.getByTestId('map-link').first().click();
  await page.getByTestId('map-canvas').waitFor();
  await page.getByTestId('rename-map').click();
  await page.getByTestId('map-name').fill('Coffee to go, before export');
  await page.getByTestId('map-name').press('Enter');
  await title(page).filter({ hasText: 'Coffee to go, before export' }).waitFor();
  assert.ok(!wasm.has('journey-studio'));
  await page.getByTestId('map-menu').click();
  await page.getByTestId('export-json').waitFor();
  assert.ok(wasm.has('journey-studio'));
  assert.equal(await page.getByTestId('map-menu').getAttribute('aria-expanded'), 'true');
  assert.equal(await page.getByTestId('map-actions').count(), 1);
  await page.getByTestId('undo').click();
  await title(page).filter({ hasText: /^Coffee to go$/ }).waitFor();
}));

test('the flow view opens in the whole app; paper printed from the map module says where the print sheet is', () =>
  withPage(browser, 'flow-and-print-from-map-module', async (page) => {
    const wasm = wasmFetched(page);
    await page.goto(srv.base);
    await page.getByTestId('map-link').first().click();
    await page.getByTestId('map-canvas').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.match(await page.locator('.print-sheet').textContent(), /open the map's menu/);
    assert.ok(await page.locator('.print-sheet').isVisible());
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('.print-sheet').isVisible(), false);
    await page.getByTestId('view-flow').click();
    await page.getByTestId('flow-view').locator('svg').waitFor();
    assert.ok(wasm.has('journey-studio'));
    assert.equal(await page.getByTestId('view-flow').getAttribute('aria-pressed'), 'true');
    await page.getByTestId('view-grid').click();
    await page.getByTestId('map-canvas').waitFor();
  }));

test('Ctrl+P in the map module prints the map\'s sheet from the whole app', () => withPage(browser, 'ctrl-p-from-map-module', async (page) => {
  const wasm = wasmFetched(page);
  // The browser's print dialog is replaced by a counter that records what the sheet holds
  // at the moment of printing.
  await page.addInitScript(() => {
    window.__printed = [];
    window.print = () => window.__printed.push(document.querySelector('.print-sheet')?.textContent || '');
  });
  await page.goto(srv.base);
  await page.getByTestId('map-link').first().click();
  await page.getByTestId('map-canvas').waitFor();
  assert.ok(!wasm.has('journey-studio'));
  await page.getByTestId('map-canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+p');
  await page.waitForFunction(() => window.__printed.length > 0, null, { timeout: 20000 });
  assert.ok(wasm.has('journey-studio'), 'the whole app was loaded to print');
  const printed = await page.evaluate(() => window.__printed);
  assert.equal(printed.length, 1, 'printed once');
  assert.match(printed[0], /Coffee to go/);
  assert.doesNotMatch(printed[0], /open the map's menu/);
  // Still the map, in the whole app now; a reload does not print again.
  assert.equal(await title(page).textContent(), 'Coffee to go');
  await page.reload();
  await page.getByTestId('map-canvas').waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__printed.length), 0);
}));

test('typed text not yet committed is written before the whole app loads', () => withPage(browser, 'typing-across-modules', async (page) => {
  await page.goto(srv.base);
  await page.getByTestId('map-link').first().click();
  await page.getByTestId('map-canvas').waitFor();
  await page.getByTestId('map-description').fill('Typed just before switching');
  // No blur, no wait: the switch itself commits the field.
  await page.getByTestId('nav-scores').click();
  await page.getByTestId('journey-header').waitFor();
  await page.getByTestId('nav-map').click();
  await page.getByTestId('map-canvas').waitFor();
  assert.equal(await page.getByTestId('map-description').inputValue(), 'Typed just before switching');
}));

test('deep links: a map opens in the map module, its scores in the whole app', () => withPage(browser, 'deep-links', async (page, context) => {
  await page.goto(srv.base);
  const href = await page.getByTestId('map-link').first().getAttribute('href');
  await waitSaved(page);
  const map = await context.newPage();
  const wasm = wasmFetched(map);
  await map.goto(srv.base + href);
  await map.getByTestId('map-canvas').waitFor();
  assert.deepEqual([...wasm].sort(), ['library', 'map']);
  const scores = await context.newPage();
  const wasm2 = wasmFetched(scores);
  await scores.goto(srv.base + href + '/scores');
  await scores.getByTestId('journey-header').waitFor();
  assert.deepEqual([...wasm2].sort(), ['journey-studio', 'library']);
}));

test('a module that takes long shows "Loading the page…"; one that fails says so and offers a retry', async () => {
  // Service workers blocked, so every fetch of the module goes through the routes below.
  const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/\/map_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(srv.base);
    await page.getByTestId('map-link').first().click();
    // Hidden for the first 200 ms (a fast load shows nothing), then shown while it loads.
    const loading = page.getByTestId('module-loading');
    await loading.waitFor();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="module-loading"]')).opacity === '1');
    assert.equal(await loading.textContent(), 'Loading the page…');
    release();
    await page.getByTestId('map-canvas').waitFor();
    assert.equal(await loading.count(), 0);

    // The whole app cannot be fetched: the page says so and offers a retry.
    await page.route(/journey-studio(-[0-9a-f]+)?(_bg\.wasm|\.js)$/, (route) => route.abort());
    await page.getByTestId('nav-scores').click();
    const failed = page.getByTestId('module-failed');
    await failed.waitFor();
    assert.match(await failed.textContent(), /could not be loaded/);
    assert.equal(await failed.getByRole('button', { name: 'Try again' }).count(), 1);
  } catch (e) {
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'module-loading.png') }).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
});
