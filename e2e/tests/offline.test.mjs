// Offline use against the release build, served under the GitHub-Pages-like sub-path: after
// one visit the service worker has stored the whole build, so with the network gone a reload
// still shows the library, a map, its dashboard and analytics page (the analytics worker
// runs), and an edit is saved. Back online with a changed build, the next visit shows the
// "new version" notice; its reload button first saves the user's edit, then loads the new
// build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, appendFileSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, waitSaved, DIST, SUBPATH, ARTIFACTS } from '../harness.mjs';
import { mkdir } from 'node:fs/promises';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// A copy of the build, so that the test can "deploy" a changed one without touching dist/.
const site = mkdtempSync(join(tmpdir(), 'journey-offline-'));
let srv, browser;
before(async () => {
  cpSync(DIST, site, { recursive: true });
  srv = await startServer(site);
  browser = await launch();
});
after(async () => { await browser?.close(); await srv?.close(); rmSync(site, { recursive: true, force: true }); });

const rows = (page) => page.getByTestId('map-row');
const rowNamed = (page, name) => rows(page).filter({ has: page.getByRole('link', { name, exact: true }) });

/** Errors in the page fail the test, except the browser's own report of a refused request
 *  while offline (its update check of sw.js). */
function watchErrors(page, errors) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m.text())) errors.push(m.text());
  });
}

/** Changes the page to another hash route without asking the network. */
async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
}

test('after one visit the app works offline, and a new build is offered on the next visit', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  const base = new URL(SUBPATH, srv.base).href;
  try {
    // First visit: the library, then wait until the service worker has stored the build.
    await page.goto(base);
    await rowNamed(page, 'Coffee to go').waitFor();
    await waitSaved(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const id = decodeURIComponent((await page.getByRole('link', { name: 'Coffee to go' }).getAttribute('href'))
      .replace(/^.*#\/map\//, ''));

    // The network is gone; a reload still starts the app, from the service worker's cache.
    await context.setOffline(true);
    await page.reload();
    await rowNamed(page, 'Coffee to go').waitFor();
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is served by the worker');

    // An edit offline is saved (local storage) and survives another offline reload.
    const row = rowNamed(page, 'Coffee to go');
    await row.getByRole('button', { name: 'Rename' }).click();
    await row.getByLabel('New name').fill('Coffee offline');
    await row.getByRole('button', { name: 'Save' }).click();
    await waitSaved(page);
    await page.reload();
    await rowNamed(page, 'Coffee offline').waitFor();

    // A map, its dashboard, and the analytics page with a log read by the worker.
    await go(page, `#/map/${encodeURIComponent(id)}`);
    await page.getByTestId('map-title').filter({ hasText: 'Coffee offline' }).waitFor();
    await go(page, `#/map/${encodeURIComponent(id)}/dashboard`);
    await page.getByTestId('dashboard').waitFor();
    await go(page, `#/map/${encodeURIComponent(id)}/analytics`);
    await page.getByTestId('analytics-page').waitFor();
    const log = join(site, '..', `offline-log-${process.pid}.csv`);
    writeFileSync(log, 'case;activity;timestamp\nc1;Order;2024-03-01T09:00:00Z\nc1;Pick up;2024-03-01T09:05:00Z\n'
      + 'c2;Order;2024-03-01T10:00:00Z\n');
    await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(log);
    await page.getByTestId('mapping-step').waitFor();
    await page.getByRole('button', { name: 'Import and analyse' }).click();
    await page.getByTestId('metrics').waitFor();
    assert.equal(await page.getByTestId('metric-events').textContent(), '3');
    rmSync(log, { force: true });

    // A new deployment: index.html changes (the other files are pinned by its integrity
    // hashes), and the build step writes a new sw.js.
    appendFileSync(join(site, 'index.html'), '\n<!-- changed build -->\n');
    execFileSync('node', [join(root, 'pwa', 'precache.mjs'), site]);
    assert.equal(await page.getByTestId('update-notice').count(), 0, 'no notice before the next visit');

    await context.setOffline(false);
    await go(page, '#/');
    await page.reload();
    const notice = page.getByTestId('update-notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /new version/i);

    // An edit right before the click is saved first, then the page loads the new build.
    const renamed = rowNamed(page, 'Coffee offline');
    await renamed.getByRole('button', { name: 'Rename' }).click();
    await renamed.getByLabel('New name').fill('Coffee updated');
    await renamed.getByRole('button', { name: 'Save' }).click();
    await notice.getByRole('button', { name: 'Reload' }).click();
    await page.waitForEvent('load');
    await rowNamed(page, 'Coffee updated').waitFor();
    assert.equal(await page.getByTestId('update-notice').count(), 0);
    const served = await page.evaluate(() => fetch('index.html').then((r) => r.text()));
    assert.match(served, /changed build/, 'the new build is the one served now');
    if (errors.length) throw new Error('errors in the page:\n' + errors.join('\n'));
  } catch (e) {
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'offline.png'), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
});

test('the build lists every file it made in sw.js, and a changed file changes its version', () => {
  const sw = readFileSync(join(site, 'sw.js'), 'utf8');
  const files = JSON.parse(sw.match(/const FILES = (\[[^\]]*\]);/)[1]);
  const built = readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile()).map((d) => join(d.parentPath ?? d.path, d.name).slice(site.length + 1))
    .filter((f) => f !== 'sw.js').sort();
  assert.deepEqual([...files].sort(), built);
  assert.ok(files.includes('index.html') && files.includes('manifest.webmanifest'));
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'the wasm modules are stored');
  assert.ok(files.includes('analytics-worker_loader.js'), 'the analytics worker is stored');
  const version = sw.match(/const VERSION = "([0-9a-f]+)"/)[1];
  const index = join(site, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8') + '\n');
  execFileSync('node', [join(root, 'pwa', 'precache.mjs'), site]);
  const again = readFileSync(join(site, 'sw.js'), 'utf8').match(/const VERSION = "([0-9a-f]+)"/)[1];
  assert.notEqual(again, version);
});
