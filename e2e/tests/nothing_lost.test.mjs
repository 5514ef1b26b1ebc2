// Nothing lost (issue 15): two tabs on one map, typing and then reloading at once, a full
// storage at start, and event logs as Excel writes them (Windows-1252 with umlauts, UTF-16
// "Unicode text" with tabs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, withPage, waitSaved, UNPACK_IN_PAGE, fillStorage, openExample as openIn } from '../harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const encodings = join(root, 'core', 'tests', 'encodings');
let srv, browser;

before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Opens the example map in `page` and returns its id. */
const openExample = (page) => openIn(page, srv.base);

/** The touchpoint titles on the map canvas, in the order of the cards. */
const titles = (page) => page.getByTestId('card-title').allTextContents();

/** Opens the n-th touchpoint in the inspector, types a new title and leaves the field (a committed edit). */
async function retitle(page, n, title) {
  await page.getByTestId('touchpoint').nth(n).click();
  const field = page.getByTestId('inspector').getByTestId('tp-title');
  await field.fill(title);
  await field.press('Tab');
}

test('two tabs on one map: an edit in each, then a reload keeps both', () => withPage(browser, 'two-tabs', async (a, context) => {
  const id = await openExample(a);
  const b = await context.newPage();
  await b.goto(`${srv.base}#/map/${id}`);
  await b.getByTestId('map-title').waitFor();

  await retitle(a, 0, 'Renamed in tab A');
  await waitSaved(a);
  // Tab B had no unsaved edits: it shows A's version in place, then edits on top of it.
  await b.waitForFunction(() => document.querySelector('[data-testid="card-title"]')?.textContent === 'Renamed in tab A');
  await retitle(b, 1, 'Renamed in tab B');
  await waitSaved(b);
  await a.waitForFunction(() => document.querySelectorAll('[data-testid="card-title"]')[1]?.textContent === 'Renamed in tab B');

  for (const page of [a, b]) {
    await page.reload();
    await page.getByTestId('map-title').waitFor();
    const t = await titles(page);
    assert.equal(t[0], 'Renamed in tab A');
    assert.equal(t[1], 'Renamed in tab B');
  }
}));

test('two tabs: the second writer with unsaved edits is told and keeps a copy', () => withPage(browser, 'two-tabs-conflict', async (a, context) => {
  const id = await openExample(a);
  const b = await context.newPage();
  await b.goto(`${srv.base}#/map/${id}`);
  await b.getByTestId('map-title').waitFor();
  // The clock is the context's (both tabs'): with timers standing still, what B types
  // stays uncommitted, and A's edit is written by its pagehide handler (what a tab does
  // when it goes away), not by the autosave timer.
  await context.clock.install();
  await context.clock.pauseAt(Date.now() + 60_000);
  await b.getByTestId('map-description').fill('B was typing this');
  await retitle(a, 0, 'A saved this');
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal(await a.getByTestId('save-status').getAttribute('data-state'), 'saved');

  const notice = b.getByTestId('conflict');
  await notice.waitFor();
  assert.match(await notice.textContent(), /another tab/i);
  // It stays in sight when the page is scrolled down (to the description B was typing in).
  await b.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await b.waitForTimeout(100);
  const box = await notice.boundingBox();
  assert.ok(await b.evaluate(() => window.scrollY) > 0, 'the page scrolled');
  assert.ok(box && box.y >= 0 && box.y + box.height <= b.viewportSize().height, `notice in view: ${JSON.stringify(box)}`);
  await notice.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await notice.waitFor({ state: 'detached' });
  await context.clock.resume();
  await waitSaved(b);

  // The original has A's edit; B's text lives on in a copy; nothing vanished.
  await b.reload();
  await b.getByTestId('map-title').waitFor();
  assert.equal((await titles(b))[0], 'A saved this');
  await b.goto(srv.base);
  const copy = b.getByRole('link', { name: 'Coffee to go (copy)' });
  await copy.click();
  await b.getByTestId('map-title').waitFor();
  assert.equal(await b.getByTestId('map-description').inputValue(), 'B was typing this');
}));

test('the library list follows maps added and deleted in another tab', () => withPage(browser, 'library-follows', async (a, context) => {
  await openExample(a);
  await a.goto(srv.base);
  await a.getByRole('link', { name: 'Coffee to go' }).waitFor();
  const b = await context.newPage();
  await b.goto(srv.base);
  await b.getByLabel('Name of the new map').fill('Made in tab B');
  await b.getByRole('button', { name: 'New blank map' }).click();
  await b.getByTestId('map-title').waitFor();
  await waitSaved(b);
  // Tab A, still on the library, lists it without a reload.
  await a.getByRole('link', { name: 'Made in tab B' }).waitFor();
}));

test('typing and reloading at once keeps the text', () => withPage(browser, 'type-reload', async (page) => {
  await openExample(page);
  const field = page.getByTestId('map-description');
  await field.click();
  await field.press('Control+A');
  await field.pressSequentially('Typed just before the reload', { delay: 5 });
  // The header claims "saved" only when the text is stored.
  const truthful = await page.evaluate(async (unpack) => {
    const state = document.querySelector('[data-testid="save-status"]').dataset.state;
    const key = Object.keys(localStorage).find((k) => k.startsWith('journey-studio:map:'));
    const text = localStorage.getItem(key);
    return state !== 'saved' || JSON.parse(await eval(unpack)(text)).description === 'Typed just before the reload';
  }, UNPACK_IN_PAGE);
  assert.ok(truthful, '"All changes saved" while the text was not stored');
  await page.reload();
  await page.getByTestId('map-title').waitFor();
  assert.equal(await page.getByTestId('map-description').inputValue(), 'Typed just before the reload');
}));

test('storage full at start: the maps are listed, the message says full, a backup can be exported', () =>
  withPage(browser, 'storage-full', async (page) => {
    await openExample(page);
    await page.goto(srv.base);
    await page.getByLabel('Name of the new map').fill('Second map');
    await page.getByRole('button', { name: 'New blank map' }).click();
    await page.getByTestId('map-title').waitFor();
    await waitSaved(page);
    // Fill the origin's storage to the last byte with another app's data.
    await fillStorage(page);
    await page.goto(srv.base);
    await page.reload();
    const full = page.getByTestId('storage-full');
    await full.waitFor();
    assert.match(await full.textContent(), /storage is full/i);
    assert.equal(await page.getByTestId('storage-unavailable').count(), 0);
    await page.getByRole('link', { name: 'Coffee to go' }).waitFor();
    await page.getByRole('link', { name: 'Second map' }).waitFor();
    const download = page.waitForEvent('download');
    await full.getByRole('button', { name: 'Export a backup' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.json$/);
    const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
    const backup = JSON.parse(text);
    assert.deepEqual(backup.maps.map((m) => m.name).sort(), ['Coffee to go', 'Second map']);
  }));

/** Imports an event-log file on the analytics page of the example map; returns the summary text. */
async function importLog(page, file) {
  const id = await openExample(page);
  await page.goto(`${srv.base}#/map/${id}/analytics`);
  await page.getByTestId('analytics-page').waitFor();
  await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(file);
  await page.getByTestId('mapping-step').waitFor();
}

test('event logs from Excel: Windows-1252 with umlauts and UTF-16 with tabs', () => withPage(browser, 'excel-logs', async (page) => {
  await importLog(page, join(encodings, 'excel_windows1252.csv'));
  assert.equal(await page.getByTestId('encoding').inputValue(), 'windows1252');
  assert.equal(await page.getByTestId('delimiter').textContent(), ';');
  await page.getByTestId('start-import').click();
  await page.getByTestId('metrics').waitFor();
  let text = await page.getByTestId('volumes').textContent();
  assert.match(text, /Bestellung prüfen/);
  assert.match(text, /Größe wählen/);
  assert.equal(await page.getByTestId('metric-cases').textContent(), '3');
  assert.equal(await page.getByTestId('metric-events').textContent(), '9');

  await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(join(encodings, 'excel_unicode_text.txt'));
  await page.getByTestId('mapping-step').waitFor();
  assert.equal(await page.getByTestId('encoding').inputValue(), 'utf16le');
  await page.getByTestId('start-import').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="metric-events"]')?.textContent === '6');
  text = await page.getByTestId('volumes').textContent();
  assert.match(text, /Rücksendung angemeldet/);
  assert.equal(await page.getByTestId('metric-cases').textContent(), '3');
  assert.equal(await page.getByTestId('metric-events').textContent(), '6');
}));

test('touchpoints from an Excel CSV (Windows-1252): umlauts kept, encoding and delimiter shown and changeable', () =>
  withPage(browser, 'excel-touchpoints', async (page) => {
    await openExample(page);
    // The CSV import is in the map page's menu.
    const menu = page.getByTestId('map-menu');
    if (await menu.getAttribute('aria-expanded') !== 'true') await menu.click();
    await page.getByTestId('import-csv').click();
    // "Bestellung prüfen" as a German Excel writes it: one byte 0xFC for "ü".
    const sheet = Buffer.from('Phase;Titel;Kanal\nKauf;Bestellung pr\xfcfen;App\n', 'latin1');
    await page.getByLabel('CSV file with touchpoints').setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: sheet });
    const mapping = page.getByTestId('csv-mapping');
    await mapping.waitFor();
    assert.equal(await page.getByTestId('csv-encoding').inputValue(), 'windows1252');
    assert.equal(await page.getByTestId('csv-delimiter-choice').inputValue(), String(';'.charCodeAt(0)));
    // Read as UTF-8 by choice, the umlaut is lost (a replacement character); back to
    // Windows-1252 and it is right again.
    await page.getByTestId('csv-encoding').selectOption('utf8');
    assert.match(await mapping.textContent(), /Bestellung pr\uFFFDfen/);
    await page.getByTestId('csv-encoding').selectOption('windows1252');
    assert.match(await mapping.textContent(), /Bestellung prüfen/);
    // A comma as delimiter makes one column of the whole line.
    await page.getByTestId('csv-delimiter-choice').selectOption(String(','.charCodeAt(0)));
    assert.equal(await mapping.locator('tbody tr').count(), 1);
    await page.getByTestId('csv-delimiter-choice').selectOption(String(';'.charCodeAt(0)));
    assert.equal(await mapping.locator('tbody tr').count(), 3);
    await page.getByTestId('csv-import-now').click();
    await page.getByTestId('csv-report').waitFor();
    const all = await titles(page);
    assert.ok(all.includes('Bestellung prüfen'), all.join(' | '));
  }));
