// Robust at the edges (issue 26), two tabs: a map deleted in one tab while another tab has
// it open. The other tab says so, keeps the user's version (typed text included) as a new
// map on request, and no frame or effect of the page panics on the vanished map (withPage
// fails a test on any error in the console).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved, storedMaps, openExample as openIn } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const openExample = (page) => openIn(page, srv.base);

/** Deletes the map named `name` on the library page of `page` (with the confirmation). */
async function deleteInLibrary(page, name) {
  await page.goto(srv.base);
  const row = page.getByTestId('map-row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await row.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await page.getByText('No maps yet').waitFor();
}

/** The map names stored in local storage (what survives a reload). */
const storedNames = async (page) => (await storedMaps(page)).map((m) => m.name).sort();

test('deleted in another tab after a saved edit: the open tab says so and keeps the text as a new map', () =>
  withPage(browser, 'deleted-elsewhere-saved', async (b, context) => {
    const id = await openExample(b);
    await b.getByTestId('map-description').fill('Saved before the delete');
    await b.getByTestId('map-description').press('Tab');
    await waitSaved(b);
    await b.waitForTimeout(1500);

    const a = await context.newPage();
    await deleteInLibrary(a, 'Coffee to go');

    const notice = b.getByTestId('conflict');
    await notice.waitFor();
    assert.match(await notice.textContent(), /deleted in another tab/);
    // The page still shows the map (nothing pulled away), and the header does not say "saved".
    assert.equal(await b.getByTestId('map-missing').count(), 0);
    assert.equal(await b.getByTestId('map-description').inputValue(), 'Saved before the delete');
    assert.notEqual(await b.getByTestId('save-status').getAttribute('data-state'), 'saved');
    assert.doesNotMatch(await b.getByTestId('save-status').textContent(), /All changes saved/);
    // Another tab loading now does not list a map whose key is gone.
    assert.deepEqual(await storedNames(b), []);

    await notice.getByRole('button', { name: 'Keep mine as a new map' }).click();
    await notice.waitFor({ state: 'detached' });
    await waitSaved(b);
    const copy = b.url().split('#/map/')[1];
    assert.notEqual(copy, id, 'the page moved to the new map');
    assert.equal(await b.getByTestId('map-description').inputValue(), 'Saved before the delete');
    assert.deepEqual(await storedNames(b), ['Coffee to go']);
    // Tab A lists it without a reload; after a reload it is still there with the text.
    await a.getByRole('link', { name: 'Coffee to go' }).waitFor();
    await b.reload();
    await b.getByTestId('map-title').waitFor();
    assert.equal(await b.getByTestId('map-description').inputValue(), 'Saved before the delete');
  }));

test('deleted in another tab while typing: the typed text is kept as a copy', () =>
  withPage(browser, 'deleted-elsewhere-typing', async (b, context) => {
    await openExample(b);
    const a = await context.newPage();
    await a.goto(srv.base);
    await a.getByRole('link', { name: 'Coffee to go' }).waitFor();
    // Timers stand still: what B types stays uncommitted until the storage event comes.
    await context.clock.install();
    await context.clock.pauseAt(Date.now() + 60_000);
    await b.getByTestId('map-description').fill('Typed while it was deleted');
    const row = a.getByTestId('map-row').filter({ has: a.getByRole('link', { name: 'Coffee to go', exact: true }) });
    await row.getByRole('button', { name: 'Delete' }).click();
    await a.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));

    const notice = b.getByTestId('conflict');
    await notice.waitFor();
    assert.match(await notice.textContent(), /deleted in another tab/);
    await notice.getByRole('button', { name: 'Keep mine as a new map' }).click();
    await notice.waitFor({ state: 'detached' });
    await context.clock.resume();
    await waitSaved(b);
    assert.equal(await b.getByTestId('map-description').inputValue(), 'Typed while it was deleted');
    await b.reload();
    await b.getByTestId('map-title').waitFor();
    assert.equal(await b.getByTestId('map-description').inputValue(), 'Typed while it was deleted');
    assert.deepEqual(await storedNames(b), ['Coffee to go']);
  }));

test('deleted in another tab: "delete it here too" leaves for the library; other map pages do not panic', () =>
  withPage(browser, 'deleted-elsewhere-discard', async (b, context) => {
    const a = await context.newPage();
    await a.goto(srv.base);
    await deleteInLibrary(a, 'Coffee to go');
    // Every map page of B in turn, each with a fresh map deleted under it.
    for (const view of ['scores', 'dashboard', 'measures', 'measurements', 'snapshots', 'analytics', 'present', '']) {
      await a.goto(srv.base);
      await a.getByRole('button', { name: 'New map from the example' }).click();
      await a.getByTestId('map-title').waitFor();
      await waitSaved(a);
      const current = a.url().split('#/map/')[1];
      await b.goto(`${srv.base}#/map/${current}${view ? '/' + view : ''}`);
      await b.waitForLoadState('load');
      await b.waitForTimeout(300);
      if (!view) {
        // The canvas with a touchpoint open in the inspector, a zoom asking for a frame.
        await b.getByTestId('touchpoint').first().click();
        await b.getByTestId('inspector').getByTestId('tp-title').fill('Half typed');
        await b.getByTestId('zoom-in').click();
      }
      await deleteInLibrary(a, 'Coffee to go');
      const notice = b.getByTestId('conflict');
      await notice.waitFor();
      await notice.getByRole('button', { name: 'Delete it here too' }).click();
      await notice.waitFor({ state: 'detached' });
      await b.getByRole('heading', { name: 'Your journey maps' }).waitFor();
      await b.waitForTimeout(200);
    }
    assert.deepEqual(await storedNames(b), []);
  }));
