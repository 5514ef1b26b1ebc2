// The foundation in a real Chromium against the release build: the library with the example
// map, create / rename / reload, language switch remembered, delete with confirmation,
// unreadable stored maps, and serving from a GitHub-Pages-like sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved, SUBPATH } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const rows = (page) => page.getByTestId('map-row');
const rowNamed = (page, name) => rows(page).filter({ has: page.getByRole('link', { name, exact: true }) });

test('first start lists the example map and it opens', () => withPage(browser, 'example-opens', async (page) => {
  await page.goto(srv.base);
  await assert.doesNotReject(rowNamed(page, 'Coffee to go').waitFor());
  assert.equal(await rows(page).count(), 1);
  await page.getByRole('link', { name: 'Coffee to go' }).click();
  await page.getByTestId('map-title').waitFor();
  assert.equal(await page.getByTestId('map-title').textContent(), 'Coffee to go');
  assert.equal(await page.getByTestId('stage').count(), 5);
  assert.ok(await page.getByTestId('touchpoint').count() >= 10);
  await page.getByRole('heading', { name: 'Orders ahead' }).waitFor();
  assert.ok(await page.locator('[data-testid="route"][data-kind="LoopBack"]').count() >= 1);
}));

test('a new map is created, renamed, and still there after a reload', () => withPage(browser, 'create-rename', async (page) => {
  await page.goto(srv.base);
  await rowNamed(page, 'Coffee to go').waitFor();
  await page.getByLabel('Name of the new map').fill('Checkout journey');
  await page.getByRole('button', { name: 'New blank map' }).click();
  await page.getByTestId('map-title').filter({ hasText: 'Checkout journey' }).waitFor();
  assert.equal(await page.getByTestId('stage').count(), 5);
  await page.getByRole('link', { name: 'All maps' }).click();
  const row = rowNamed(page, 'Checkout journey');
  await row.getByRole('button', { name: 'Rename' }).click();
  await row.getByLabel('New name').fill('Checkout journey 2027');
  await row.getByRole('button', { name: 'Save' }).click();
  await rowNamed(page, 'Checkout journey 2027').waitFor();
  await waitSaved(page);
  await page.reload();
  await rowNamed(page, 'Checkout journey 2027').waitFor();
  assert.equal(await rowNamed(page, 'Checkout journey').count(), 0);
  assert.equal(await rows(page).count(), 2);
}));

test('the language switch changes labels and is remembered', () => withPage(browser, 'language', async (page) => {
  await page.goto(srv.base);
  await page.getByRole('heading', { name: 'Your journey maps' }).waitFor();
  await page.getByTestId('lang-switch').selectOption('de');
  await page.getByRole('heading', { name: 'Ihre Customer Journey Maps' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Neue leere Karte' }).count(), 1);
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.reload();
  await page.getByRole('heading', { name: 'Ihre Customer Journey Maps' }).waitFor();
  assert.equal(await page.getByTestId('lang-switch').inputValue(), 'de');
}));

test('a German browser starts in German with the German example', () => withPage(browser, 'german-default', async (page) => {
  await page.goto(srv.base);
  await page.getByRole('heading', { name: 'Ihre Customer Journey Maps' }).waitFor();
  await rowNamed(page, 'Kaffee zum Mitnehmen').waitFor();
}, { locale: 'de-DE' }));

test('a map is deleted only after confirmation', () => withPage(browser, 'delete', async (page) => {
  await page.goto(srv.base);
  const row = rowNamed(page, 'Coffee to go');
  await row.waitFor();
  await row.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Delete the map “Coffee to go”/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  assert.equal(await row.count(), 1);
  await row.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await page.getByText('No maps yet').waitFor();
  await waitSaved(page);
  await page.reload();
  await page.getByText('No maps yet').waitFor();
  assert.equal(await rows(page).count(), 0, 'the example is not seeded again once the user deleted it');
}));

test('garbage under a map key: the app starts, names the map, keeps the text in a backup key', () =>
  withPage(browser, 'unreadable', async (page) => {
    await page.goto(srv.base);
    await page.getByRole('button', { name: 'New map from the example' }).click();
    await page.getByTestId('map-title').waitFor();
    await page.goto(srv.base);
    await waitSaved(page);
    assert.equal(await rows(page).count(), 2);
    const mapKey = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('journey-studio:map:')));
    const id = mapKey.slice('journey-studio:map:'.length);
    await page.evaluate((k) => localStorage.setItem(k, '{"schema_version": 1, "name": garbage'), mapKey);
    await page.reload();
    const notice = page.getByTestId('unreadable-maps');
    await notice.waitFor();
    const text = await notice.textContent();
    assert.match(text, /“Coffee to go” could not be read/);
    assert.match(text, /line 1, column/);
    assert.ok(text.includes(`journey-studio:backup:${id}`));
    assert.equal(await rows(page).count(), 1, 'the other map still works');
    const stored = await page.evaluate((id) => ({
      backup: localStorage.getItem('journey-studio:backup:' + id),
      original: localStorage.getItem('journey-studio:map:' + id),
    }), id);
    assert.equal(stored.backup, '{"schema_version": 1, "name": garbage');
    assert.equal(stored.original, '{"schema_version": 1, "name": garbage', 'never overwritten');
    // An edit elsewhere must not drop the unreadable map from the index.
    await page.getByLabel('Name of the new map').fill('Another');
    await page.getByRole('button', { name: 'New blank map' }).click();
    await waitSaved(page);
    await page.goto(srv.base);
    await page.getByTestId('unreadable-maps').waitFor();
  }));

test('served from a sub-path, deep links survive a reload', () => withPage(browser, 'subpath', async (page) => {
  await page.goto(srv.base + SUBPATH.slice(1));
  await page.getByRole('link', { name: 'Coffee to go' }).click();
  await page.getByTestId('map-title').waitFor();
  const url = page.url();
  assert.ok(url.includes(SUBPATH + '#/map/'), url);
  await page.reload();
  await page.getByTestId('map-title').filter({ hasText: 'Coffee to go' }).waitFor();
  await page.getByRole('link', { name: 'All maps' }).click();
  await rowNamed(page, 'Coffee to go').waitFor();
  assert.ok(page.url().startsWith(srv.base + SUBPATH.slice(1)));
}));
