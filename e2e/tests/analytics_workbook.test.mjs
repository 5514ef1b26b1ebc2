// Excel workbooks on the analytics page (issue 27): an .xlsx picked in the file input is
// read in the analytics worker, its sheets are offered, and the chosen sheet imports with
// the events it was written with. The fixture is written by
// `cargo run -p journey-core --example write_xlsx -- e2e/fixtures/events.xlsx`:
// sheet "Notes" (one line of text), sheet "Events" with 2 customers and 5 events whose
// times are real Excel date cells — so 2 cases and 5 events are known by construction.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, withPage } from '../harness.mjs';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'events.xlsx');
let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const map = {
  schema_version: 1, id: 'wb', name: 'Workbook', created_at: 0, updated_at: 0, next_seq: 10,
  stages: [{ id: 's1', name: 'Buy' }],
  touchpoints: [{ id: 't1', stage_id: 's1', title: 'Visit' }, { id: 't2', stage_id: 's1', title: 'Pay' }],
  routes: [{ id: 'r1', from: 't1', to: 't2' }],
};

test('an .xlsx picked in the UI: the sheet is chosen, dates are read as dates, the metrics show', () => withPage(browser, 'workbook', async (page) => {
  await page.addInitScript((json) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.clear();
    localStorage.setItem('journey-studio:map:wb', json);
  }, JSON.stringify(map));
  await page.goto(srv.base + '#/map/wb/analytics');
  await page.getByTestId('analytics-page').waitFor();
  await page.getByTestId('log-file').setInputFiles(fixture);
  const sheet = page.getByLabel('Sheet');
  await sheet.waitFor();
  assert.deepEqual(await sheet.locator('option').allTextContents(), ['Notes', 'Events']);
  await sheet.selectOption('Events');
  await page.getByTestId('mapping-step').waitFor();
  assert.equal(await page.getByTestId('map-time').inputValue(), 'Timestamp');
  assert.equal(await page.getByTestId('map-case').inputValue(), 'Customer');
  await page.getByTestId('start-import').click();
  await page.getByTestId('metrics').waitFor();
  const metric = async (name) => Number(await page.getByTestId(`metric-${name}`).getAttribute('data-value'));
  assert.equal(await metric('cases'), 2);
  assert.equal(await metric('events'), 5);
}));
