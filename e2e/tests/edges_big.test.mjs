// Robust at the edges (issue 26), large maps: stored packed (core/src/model/stored.rs), a
// 10,000-touchpoint map imports and survives a reload; an import that does not fit is
// refused with its size before anything is stored, and "imported" is said only of what
// was stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved, storedMap, storedMaps, fillStorage } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** A map file with `n` touchpoints, made from the stored example (its stages and format). */
async function bigMapFile(page, name, n) {
  const [example] = await storedMaps(page);
  const map = structuredClone(example);
  map.id = `big-${n}`;
  map.name = name;
  map.touchpoints = [];
  map.routes = [];
  for (let i = 0; i < n; i++) {
    map.touchpoints.push({ id: `tp-${map.next_seq++}`, stage_id: map.stages[Math.floor(i * map.stages.length / n)].id,
      title: `Step ${i}`, channel: { kind: 'website' }, customer_action: `Does step ${i}`, emotion: (i % 5) - 2,
      measurements: { volume: 10000 - i } });
    if (i > 0) map.routes.push({ id: `rt-${map.next_seq++}`, from: map.touchpoints[i - 1].id, to: map.touchpoints[i].id, kind: 'planned' });
  }
  return { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(map, null, 2)) };
}

test('a 10,000-touchpoint map imports, is stored packed and survives a reload', () =>
  withPage(browser, 'big-import', async (page) => {
    await page.goto(srv.base);
    await page.getByRole('link', { name: 'Coffee to go' }).waitFor();
    await waitSaved(page);
    const file = await bigMapFile(page, 'Ten thousand', 10_000);
    await page.getByTestId('library-files').locator('summary').click();
    await page.getByLabel('Import a map or a backup (JSON)').setInputFiles(file);
    const done = page.getByTestId('import-done');
    await done.waitFor({ timeout: 30_000 });
    assert.match(await done.textContent(), /1 map imported/);
    const size = await page.evaluate(() => localStorage.getItem('journey-studio:map:big-10000')?.length ?? 0);
    assert.ok(size > 0 && size < file.buffer.length / 5, `stored ${size} characters for a ${file.buffer.length}-byte file`);
    console.log(`10,000 touchpoints: file ${file.buffer.length} bytes, stored ${size} characters`);
    await page.reload();
    await page.getByRole('link', { name: 'Ten thousand' }).click();
    await page.getByTestId('map-title').filter({ hasText: 'Ten thousand' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('map-missing').count(), 0);
    assert.equal((await storedMap(page, 'big-10000')).touchpoints.length, 10_000);
  }));

test('an import that does not fit is refused with its size, and nothing is stored', () =>
  withPage(browser, 'big-refused', async (page) => {
    await page.goto(srv.base);
    await page.getByRole('link', { name: 'Coffee to go' }).waitFor();
    await waitSaved(page);
    const file = await bigMapFile(page, 'Too big now', 3_000);
    // Another app's data leaves about 20 KB free.
    await fillStorage(page, 20_000);
    const keysBefore = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('journey-studio:')).sort());
    await page.getByTestId('library-files').locator('summary').click();
    await page.getByLabel('Import a map or a backup (JSON)').setInputFiles(file);
    const refused = page.getByTestId('import-too-large');
    await refused.waitFor();
    const text = await refused.textContent();
    assert.match(text, /Not imported: the file's maps take \d[\d.,]* (KB|MB)/);
    assert.match(text, /Export a backup/);
    assert.equal(await page.getByTestId('import-done').count(), 0);
    const keysAfter = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('journey-studio:')).sort());
    assert.deepEqual(keysAfter, keysBefore, 'nothing stored');
    assert.equal(await page.getByRole('link', { name: 'Too big now' }).count(), 0);
  }));
