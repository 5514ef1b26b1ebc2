// Robust at the edges (issue 26), storage: a browser that refuses local storage (it throws
// on access, or on every write) and a storage that is full when a map is created. Every map
// opens and edits in the page's memory, the header says "Not saved — export a backup" and
// never "saved", and the backup export carries what was typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved, fillStorage } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Init scripts: the browser refuses local storage. */
const REFUSALS = {
  'throws on access': () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  },
  'throws on every write': () => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  },
};

/** Records every text the header's save status shows (a MutationObserver in the page). */
function watchStatus(page) {
  return page.addInitScript(() => {
    window.__statuses = new Set();
    const note = () => {
      const el = document.querySelector('[data-testid="save-status"]');
      if (el) window.__statuses.add(`${el.dataset.state}: ${el.textContent}`);
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Clicks `button` and returns the downloaded backup, parsed. */
async function backupFrom(page, button) {
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  assert.match(file.suggestedFilename(), /\.json$/);
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  return JSON.parse(text);
}

for (const [how, refuse] of Object.entries(REFUSALS)) {
  test(`no storage (${how}): maps open and edit in memory, the header never says saved, a backup exports`, () =>
    withPage(browser, `no-storage-${how}`, async (page, context) => {
      await context.addInitScript(refuse);
      await watchStatus(page);
      await page.goto(srv.base);
      await page.getByTestId('storage-unavailable').waitFor();
      // The example opens (in the map module) and takes an edit.
      await page.getByRole('link', { name: 'Coffee to go' }).click();
      await page.getByTestId('map-title').waitFor();
      assert.equal(await page.getByTestId('map-missing').count(), 0);
      await page.getByTestId('map-description').fill('Kept in memory');
      await page.getByTestId('map-description').press('Tab');
      const status = page.getByTestId('save-status');
      assert.equal(await status.textContent(), 'Not saved — export a backup');
      // Another module (the scores page is in the whole app) and back: the edit is there.
      await page.getByRole('link', { name: 'Scores' }).first().click();
      await page.getByTestId('scores-view').waitFor();
      await page.getByRole('link', { name: 'Map', exact: true }).first().click();
      await page.getByTestId('map-title').waitFor();
      assert.equal(await page.getByTestId('map-description').inputValue(), 'Kept in memory');
      // A new blank map opens too.
      await page.getByRole('link', { name: 'All maps' }).click();
      await page.getByLabel('Name of the new map').fill('Made without storage');
      await page.getByRole('button', { name: 'New blank map' }).click();
      await page.getByTestId('map-title').filter({ hasText: 'Made without storage' }).waitFor();
      assert.equal(await page.getByTestId('map-missing').count(), 0);
      await page.getByTestId('map-description').fill('Second map text');
      await page.getByTestId('map-description').press('Tab');
      await page.waitForTimeout(600);

      const backup = await backupFrom(page, page.getByTestId('save-status'));
      const byName = Object.fromEntries(backup.maps.map((m) => [m.name, m]));
      assert.deepEqual(Object.keys(byName).sort(), ['Coffee to go', 'Made without storage']);
      assert.equal(byName['Coffee to go'].description, 'Kept in memory');
      assert.equal(byName['Made without storage'].description, 'Second map text');
      // The notice's button exports it as well.
      const again = await backupFrom(page, page.getByTestId('memory-export-backup'));
      assert.equal(again.maps.length, 2);

      const statuses = await page.evaluate(() => [...window.__statuses]);
      assert.ok(statuses.length > 0, 'the status was seen');
      for (const s of statuses) assert.doesNotMatch(s, /saved:|All changes saved|Saving/, `the header said: ${s}`);
    }));
}

test('storage full while creating a map: it opens in memory with the same honest status', () =>
  withPage(browser, 'full-new-map', async (page) => {
    await page.goto(srv.base);
    await page.getByRole('link', { name: 'Coffee to go' }).waitFor();
    await waitSaved(page);
    await fillStorage(page);
    await page.reload();
    await page.getByTestId('storage-full').waitFor();
    await page.getByLabel('Name of the new map').fill('Made in a full storage');
    await page.getByRole('button', { name: 'New blank map' }).click();
    await page.getByTestId('map-title').filter({ hasText: 'Made in a full storage' }).waitFor();
    assert.equal(await page.getByTestId('map-missing').count(), 0);
    const status = page.getByTestId('save-status');
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Not saved — export a backup');
    assert.match(await page.getByTestId('save-error').textContent(), /not saved anywhere/);
    await page.getByTestId('map-description').fill('Typed into a map that never fit');
    await page.getByTestId('map-description').press('Tab');
    await page.waitForTimeout(600);
    assert.equal(await status.textContent(), 'Not saved — export a backup');
    const backup = await backupFrom(page, status);
    const made = backup.maps.find((m) => m.name === 'Made in a full storage');
    assert.equal(made?.description, 'Typed into a map that never fit');
    assert.ok(backup.maps.some((m) => m.name === 'Coffee to go'));
  }));
