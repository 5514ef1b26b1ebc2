// Robust at the edges (issue 26), big maps stay usable: the scores page of a
// 3,000-touchpoint map shows its touchpoint table 100 rows at a time and the 20 highest
// priorities, so it builds a bounded number of elements (216,000 before). Opening times
// are measured by benchmarks/big_map_bench.mjs, not here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launch, withPage, newLargeMap, waitSaved, storedMap, ARTIFACTS } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('the scores page of a 3,000-touchpoint map shows 100 rows at a time and stays small', () =>
  withPage(browser, 'big-scores', async (page) => {
    const id = await newLargeMap(page, srv.base, 'Three thousand', 3_000, { routes: true });
    await page.evaluate((id) => { location.hash = `#/map/${encodeURIComponent(id)}/scores`; }, id);
    const rows = page.getByTestId('score-row');
    await rows.first().waitFor({ timeout: 30_000 });
    assert.equal(await rows.count(), 100);
    assert.equal(await page.getByTestId('score-rows').textContent(), 'Touchpoints 1–100 of 3,000');
    assert.ok(await page.getByTestId('priority-row').count() <= 20);
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(`scores page of 3,000 touchpoints: ${elements} elements`);
    assert.ok(elements < 12_000, `${elements} elements`);

    // The next part, by keyboard.
    await page.getByTestId('score-rows-next').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('score-rows').filter({ hasText: 'Touchpoints 101–200 of 3,000' }).waitFor();
    assert.equal(await rows.first().locator('.tp-title').textContent(), 'Step 100');
    assert.equal(await rows.count(), 100);
    // An input of that part still edits the map.
    const volume = page.getByLabel('Volume per month – Step 100', { exact: true });
    await volume.fill('1234');
    await volume.press('Enter');
    await waitSaved(page);
    const stored = await storedMap(page, id);
    assert.equal(stored.touchpoints.find((t) => t.title === 'Step 100').measurements.volume, 1234);
    await page.getByTestId('lang-switch').selectOption('de');
    await page.getByTestId('score-rows').filter({ hasText: 'Touchpoints 101–200 von 3.000' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'big-scores-pager-de.png') });
  }));
