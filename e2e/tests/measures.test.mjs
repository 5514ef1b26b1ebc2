// Measures and snapshots in a real Chromium: measures land on the board under their status
// and survive a reload; a snapshot, then two emotions and a drop-off changed, then the
// comparison shows the deltas and both emotion curves; restore as copy; the storage meter
// offers to drop old snapshots near the quota, only after confirmation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

async function openExample(page) {
  await page.goto(srv.base);
  await page.getByRole('link', { name: 'Coffee to go' }).click();
  await page.getByTestId('map-title').waitFor();
}

const column = (page, status) => page.locator(`[data-testid="board-column"][data-status="${status}"]`);
const card = (page, title) => page.getByTestId('measure-card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

async function addMeasure(page, { title, owner, status, due, touchpoint, effect, direction }) {
  const form = page.getByTestId('measure-form');
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.getByLabel('Owner').fill(owner);
  await form.getByTestId('measure-status').selectOption({ label: status });
  if (due) await form.getByLabel('Due date').fill(due);
  await form.getByTestId('measure-touchpoint').selectOption({ label: touchpoint });
  if (effect) await form.getByTestId('measure-effect').selectOption({ label: effect });
  if (direction) await form.getByTestId('measure-direction').selectOption({ label: direction });
  await form.getByRole('button', { name: 'Add measure' }).click();
  await card(page, title).waitFor();
}

test('measures appear on the board under their status, filter, survive a reload and show on the map', () => withPage(browser, 'measures-board', async (page) => {
  await openExample(page);
  await page.getByRole('link', { name: 'Measures', exact: true }).click();
  await page.getByTestId('measures-title').waitFor();
  assert.equal(await page.getByTestId('no-measures').count(), 1);

  // A title is required: the refusal is shown and nothing is added.
  await page.getByRole('button', { name: 'Add measure' }).click();
  await page.getByRole('alert').filter({ hasText: 'A measure needs a title.' }).waitFor();
  assert.equal(await page.getByTestId('measure-card').count(), 0);

  await addMeasure(page, { title: 'Ready screen at the counter', owner: 'Shop team', status: 'Planned', due: '2026-12-15',
    touchpoint: 'Asks where the order is', effect: 'Volume', direction: 'should go down' });
  // A measure about two touchpoints, one of them a pain point.
  const form = page.getByTestId('measure-form');
  await form.getByTestId('measure-touchpoint').selectOption({ label: 'Browses the menu' });
  await form.getByTestId('measure-pain-point').selectOption({ label: 'Extras priced only at checkout' });
  await form.getByRole('button', { name: 'Link another touchpoint' }).click();
  assert.match(await form.getByTestId('measure-extra-links').textContent(), /Browses the menu – Extras priced only at checkout/);
  await addMeasure(page, { title: 'Shorter sign-up', owner: 'Digital team', status: 'Idea',
    touchpoint: 'Installs the app', effect: 'Drop-off', direction: 'should go down' });
  assert.match(await card(page, 'Shorter sign-up').textContent(), /Installs the app.*Browses the menu – Extras priced only at checkout/);
  assert.equal(await form.getByTestId('measure-extra-links').count(), 0, 'the form is cleared after adding');
  assert.equal(await column(page, 'planned').getByTestId('measure-card').count(), 1);
  assert.match(await card(page, 'Ready screen at the counter').textContent(), /due 2026-12-15/);
  assert.match(await card(page, 'Shorter sign-up').textContent(), /Drop-off ↓ down/);

  // Move one to "In progress" from its card.
  await card(page, 'Shorter sign-up').getByLabel('Status').selectOption({ label: 'In progress' });
  await column(page, 'in_progress').getByRole('heading', { name: 'Shorter sign-up' }).waitFor();
  assert.equal(await column(page, 'idea').getByTestId('measure-card').count(), 0);

  await waitSaved(page);
  await page.reload();
  await column(page, 'planned').getByRole('heading', { name: 'Ready screen at the counter' }).waitFor();
  await column(page, 'in_progress').getByRole('heading', { name: 'Shorter sign-up' }).waitFor();

  // Edit a measure: the form is filled with it, and saving changes it in place.
  await card(page, 'Ready screen at the counter').getByRole('button', { name: 'Edit' }).click();
  await form.getByRole('heading', { name: 'Edit measure' }).waitFor();
  assert.equal(await form.getByLabel('Title', { exact: true }).inputValue(), 'Ready screen at the counter');
  assert.equal(await form.getByLabel('Owner').inputValue(), 'Shop team');
  await form.getByLabel('Title', { exact: true }).fill('Order-ready screen at the counter');
  await form.getByRole('button', { name: 'Save measure' }).click();
  await column(page, 'planned').getByRole('heading', { name: 'Order-ready screen at the counter' }).waitFor();
  assert.equal(await page.getByTestId('measure-card').count(), 2);

  // Filters: by owner, by status, by stage.
  await page.getByTestId('filter-owner').selectOption({ label: 'Shop team' });
  assert.equal(await page.getByTestId('measure-card').count(), 1);
  await page.getByTestId('filter-owner').selectOption({ label: 'All' });
  await page.getByTestId('filter-status').selectOption({ label: 'In progress' });
  assert.equal(await page.getByTestId('measure-card').count(), 1);
  await page.getByTestId('filter-status').selectOption({ label: 'Done' });
  await page.getByTestId('no-match').waitFor();
  await page.getByTestId('filter-status').selectOption({ label: 'All' });
  await page.getByTestId('filter-stage').selectOption({ label: 'Consideration' });
  assert.equal(await page.getByTestId('measure-card').count(), 1);
  await card(page, 'Shorter sign-up').waitFor();

  // List view shows the same measures.
  await page.getByTestId('filter-stage').selectOption({ label: 'All' });
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await page.getByTestId('measure-list').waitFor();
  assert.equal(await page.getByTestId('measure-list').getByTestId('measure-card').count(), 2);

  // The map shows how many measures a touchpoint has.
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  const tp = page.getByTestId('touchpoint').filter({ has: page.getByRole('heading', { name: 'Asks where the order is' }) });
  assert.equal(await tp.getByTestId('measure-badge').textContent(), '1 measure');
}));

test('snapshot, change two emotions and a drop-off, compare shows the deltas and both curves; restore as copy', () => withPage(browser, 'snapshot-compare', async (page) => {
  await openExample(page);
  await page.getByRole('link', { name: 'Snapshots', exact: true }).click();
  await page.getByTestId('no-snapshots').waitFor();
  await page.getByLabel('Snapshot name').fill('Before relaunch');
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await page.getByTestId('snapshot-notice').filter({ hasText: 'Snapshot “Before relaunch” saved.' }).waitFor();
  assert.equal(await page.getByTestId('snapshot-row').count(), 1);

  // Change two emotions and a drop-off on the measurements page.
  await page.getByRole('link', { name: 'Measurements', exact: true }).click();
  await page.getByTestId('tracking-title').waitFor();
  await page.getByTestId('tracking-touchpoint').selectOption({ label: 'Pays in the app' });
  await page.getByTestId('tracking-panel').getByRole('heading', { name: 'Pays in the app' }).waitFor();
  await page.getByTestId('quick-emotion').selectOption('1');
  await page.getByTestId('tracking-touchpoint').selectOption({ label: 'Asks where the order is' });
  await page.getByTestId('tracking-panel').getByRole('heading', { name: 'Asks where the order is' }).waitFor();
  await page.getByTestId('quick-emotion').selectOption('0');
  await page.getByTestId('tracking-touchpoint').selectOption({ label: 'Installs the app' });
  await page.getByTestId('tracking-panel').getByRole('heading', { name: 'Installs the app' }).waitFor();
  await page.getByTestId('record-kind').selectOption({ label: 'Drop-off' });
  await page.getByLabel('Value (%)').fill('20');
  await page.getByRole('button', { name: 'Record' }).click();
  await page.getByTestId('history-row').filter({ hasText: '20 %' }).waitFor();
  await page.getByTestId('trend-chart').locator('svg').waitFor();
  await waitSaved(page);

  await page.getByRole('link', { name: 'Snapshots', exact: true }).click();
  await page.getByTestId('snapshot-row').getByRole('button', { name: 'Compare with now' }).click();
  const cmp = page.getByTestId('snapshot-compare');
  await cmp.waitFor();

  // Both emotion curves in one chart.
  const svg = cmp.getByTestId('compare-emotion-chart').locator('svg');
  await svg.waitFor();
  const chartText = await svg.textContent();
  assert.ok(chartText.includes('Before relaunch') && chartText.includes('Now (current map)'), chartText);
  // The snapshot's curve is drawn with circles, the current one dashed with triangles.
  assert.ok(await svg.locator('circle').count() >= 5, 'points of the first curve');
  assert.ok(await svg.locator('polygon').count() >= 5, 'points of the second curve');

  // Touchpoints changed, with their fields.
  const changed = cmp.getByTestId('diff-changed-item');
  assert.equal(await changed.count(), 3);
  const pays = changed.filter({ hasText: 'Pays in the app' });
  assert.match(await pays.textContent(), /Emotion: −1 → \+1/);
  assert.match(await changed.filter({ hasText: 'Installs the app' }).textContent(), /Drop-off: 35 % → 20 %/);
  assert.equal(await cmp.getByTestId('diff-added').textContent(), 'None');

  // Score deltas per touchpoint and stage.
  const paysRow = cmp.getByTestId('tp-delta').filter({ hasText: 'Pays in the app' });
  assert.equal(await paysRow.getAttribute('data-changed'), 'true');
  assert.match(await paysRow.textContent(), /▲ \+2/);
  const unchanged = cmp.getByTestId('tp-delta').filter({ hasText: 'Morning offer' });
  assert.equal(await unchanged.getAttribute('data-changed'), 'false');
  const purchase = cmp.getByTestId('stage-delta').filter({ hasText: 'Purchase' });
  assert.match(await purchase.textContent(), /▲ \+1/);

  // Measurement deltas.
  const drop = cmp.getByTestId('measurement-delta').filter({ hasText: 'Installs the app' });
  assert.match(await drop.textContent(), /Drop-off/);
  assert.match(await drop.textContent(), /▼ −15 pp/);

  // Open read-only.
  await page.getByTestId('snapshot-row').getByRole('button', { name: 'Open' }).click();
  const view = page.getByTestId('snapshot-view');
  await view.waitFor();
  assert.match(await view.textContent(), /read only/);
  assert.equal(await view.locator('input, select, textarea').count(), 0);
  const paysOld = view.getByTestId('snapshot-touchpoint').filter({ hasText: 'Pays in the app' });
  assert.match(await paysOld.textContent(), /−1/); // the app's one minus sign

  // Restore as copy: a new map with the snapshot's emotions.
  await page.getByTestId('snapshot-row').getByRole('button', { name: 'Restore as copy' }).click();
  await page.getByTestId('snapshot-notice').filter({ hasText: 'Restored as the new map “Coffee to go (Before relaunch)”.' }).waitFor();
  await page.getByRole('link', { name: 'Open the copy' }).click();
  await page.getByTestId('map-title').filter({ hasText: 'Coffee to go (Before relaunch)' }).waitFor();
  const copyCard = page.getByTestId('touchpoint').filter({ has: page.getByRole('heading', { name: 'Pays in the app' }) });
  await copyCard.click();
  assert.equal(await page.getByTestId('inspector').getByTestId('tp-emotion').inputValue(), '-1');
  await waitSaved(page);
  await page.reload();
  await page.getByTestId('map-title').filter({ hasText: 'Coffee to go (Before relaunch)' }).waitFor();
  await page.getByRole('link', { name: 'All maps' }).click();
  assert.equal(await page.getByTestId('map-row').count(), 2);

  // Delete the snapshot, only after confirmation.
  await page.getByRole('link', { name: 'Coffee to go', exact: true }).click();
  await page.getByRole('link', { name: 'Snapshots', exact: true }).click();
  const row = page.getByTestId('snapshot-row');
  await row.getByRole('button', { name: 'Delete' }).click();
  await row.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await row.count(), 1);
  await row.getByRole('button', { name: 'Delete' }).click();
  await row.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('no-snapshots').waitFor();
}));

test('measurements: a typed-in custom KPI with a measure shows as a trend; bad input is refused; coverage', () => withPage(browser, 'tracking', async (page) => {
  await openExample(page);
  await page.getByRole('link', { name: 'Measurements', exact: true }).click();
  await page.getByTestId('coverage').waitFor();
  assert.match(await page.getByTestId('coverage-touchpoints').textContent(), /of 13 touchpoints/);
  const before = await page.getByTestId('unmeasured').count();
  assert.ok(before > 0);
  await page.getByTestId('tracking-touchpoint').selectOption({ label: 'Collects loyalty points' });
  await page.getByTestId('tracking-panel').getByRole('heading', { name: 'Collects loyalty points' }).waitFor();
  await page.getByTestId('data-source').selectOption({ label: 'Manual count' });
  await page.getByTestId('record-kind').selectOption({ label: 'Custom KPI' });
  await page.getByLabel('Name of the custom KPI').fill('New loyalty cards per weekday');
  await page.getByTestId('record-value').fill('abc');
  await page.getByRole('button', { name: 'Record' }).click();
  await page.getByTestId('record-error').filter({ hasText: 'The value must be a number.' }).waitFor();
  await page.getByTestId('record-date').fill('2026-10-01');
  await page.getByTestId('record-value').fill('12');
  await page.getByRole('button', { name: 'Record' }).click();
  await page.getByTestId('history-row').first().waitFor();
  await page.getByTestId('record-date').fill('2026-11-01');
  await page.getByTestId('record-value').fill('19,5');
  await page.getByRole('button', { name: 'Record' }).click();
  await page.getByTestId('history-row').filter({ hasText: '19.5' }).waitFor();
  const desc = await page.getByTestId('trend-chart').locator('desc').textContent();
  assert.match(desc, /2026-10-01 12, 2026-11-01 19\.5/);

  // A measure done at this touchpoint appears as a marker of the trend.
  await page.getByRole('link', { name: 'Measures', exact: true }).click();
  await addMeasure(page, { title: 'Card flyer at the till', owner: 'Store', status: 'Done', touchpoint: 'Collects loyalty points' });
  await page.getByRole('link', { name: 'Measurements', exact: true }).click();
  await page.getByTestId('tracking-touchpoint').selectOption({ label: 'Collects loyalty points' });
  await page.getByTestId('trend-chart').locator('svg').waitFor();
  assert.match(await page.getByTestId('trend-chart').locator('desc').textContent(), /Card flyer at the till done/);
  assert.match(await page.getByTestId('tracking-panel').textContent(), /Card flyer at the till – Done/);
}));

test('the storage meter shows the usage and offers to drop old snapshots near the quota, after confirmation', () => withPage(browser, 'storage-meter', async (page) => {
  await page.goto(srv.base);
  await page.getByTestId('storage-meter').waitFor();
  await waitSaved(page);
  assert.ok(Number(await page.getByTestId('storage-used').getAttribute('data-used')) > 1000);
  assert.equal(await page.getByTestId('storage-near').count(), 0);
  // A big old snapshot of a map deleted long ago fills the storage to near the quota.
  await page.evaluate(() => {
    const map = { schema_version: 1, id: 'gone', name: 'Gone', created_at: 0, updated_at: 0 };
    const snap = { snapshot_version: 1, id: 'old', map_id: 'gone', name: 'Ancient snapshot', taken_at: 1, map, pad: 'x'.repeat(4_400_000) };
    localStorage.setItem('journey-studio:snapshot:gone:old', JSON.stringify(snap));
  });
  await page.reload();
  await page.getByTestId('storage-near').waitFor();
  await page.getByRole('button', { name: 'Export backup' }).waitFor();
  await page.getByRole('button', { name: 'Delete old snapshots…' }).click();
  const dialog = page.getByTestId('confirm-drop');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Ancient snapshot/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.ok(await page.evaluate(() => localStorage.getItem('journey-studio:snapshot:gone:old') !== null), 'nothing deleted on cancel');
  await page.getByRole('button', { name: 'Delete old snapshots…' }).click();
  await page.getByRole('button', { name: 'Delete 1 snapshot' }).click();
  await page.getByText('1 snapshot deleted.').waitFor();
  assert.equal(await page.getByTestId('storage-near').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('journey-studio:snapshot:gone:old')), null);
}));

test('the measures, measurements and snapshots pages speak German', () => withPage(browser, 'measures-german', async (page) => {
  await page.goto(srv.base);
  await page.getByRole('link', { name: 'Kaffee zum Mitnehmen' }).click();
  await page.getByRole('link', { name: 'Maßnahmen', exact: true }).click();
  await page.getByRole('heading', { name: 'Maßnahmen – Kaffee zum Mitnehmen' }).waitFor();
  await page.getByTestId('measure-title').fill('Bestellnummer auf einem Bildschirm');
  await page.getByTestId('measure-status').selectOption({ label: 'In Umsetzung' });
  await page.getByRole('button', { name: 'Maßnahme hinzufügen' }).click();
  await column(page, 'in_progress').getByRole('heading', { name: 'Bestellnummer auf einem Bildschirm' }).waitFor();
  await page.getByRole('link', { name: 'Messwerte', exact: true }).click();
  await page.getByRole('heading', { name: 'Messabdeckung' }).waitFor();
  await page.getByTestId('record-value').fill('x');
  await page.getByRole('button', { name: 'Erfassen' }).click();
  await page.getByTestId('record-error').filter({ hasText: 'Der Wert muss eine Zahl sein.' }).waitFor();
  await page.getByRole('link', { name: 'Schnappschüsse', exact: true }).click();
  await page.getByRole('button', { name: 'Schnappschuss speichern' }).click();
  await page.getByTestId('snapshot-row').getByRole('button', { name: 'Mit jetzt vergleichen' }).click();
  await page.getByRole('heading', { name: 'Beide Emotionskurven' }).waitFor();
  assert.match(await page.getByTestId('compare-emotion-chart').locator('svg').textContent(), /Jetzt \(aktuelle Karte\)/);
}, { locale: 'de-DE' }));
