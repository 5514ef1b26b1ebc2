// Your own data in (issue 27) through the UI: sample files in each tool's real column
// layout (written by the repo's generator, `journey-analyze sample`) are recognised and
// imported with their source preset; the same files read as plain event logs end in a
// warning naming the mapping to check, not in a "successful" import; a GA4 export is
// guessed right. Screenshots of the import steps at 1366×768 in English and German go to
// e2e/artifacts/sources/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, withPage, waitSaved, ARTIFACTS, UNPACK_IN_PAGE, addToHub } from '../harness.mjs';
import { axeViolations, describeViolations } from '../a11y.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cargo = process.env.CARGO || 'cargo';
const cli = process.env.JOURNEY_CLI || join(root, 'target', 'release', 'journey-analyze');
let srv, browser, dir;
const files = {};

function runCli(...args) {
  if (!existsSync(cli)) {
    execFileSync(cargo, ['build', '--quiet', '--release', '-p', 'journey-core', '--bin', 'journey-analyze'], { cwd: root, stdio: 'inherit' });
  }
  return execFileSync(cli, args, { maxBuffer: 64 << 20 }).toString();
}

const SOURCES = ['shopify_orders', 'woocommerce_orders', 'zendesk_tickets', 'freshdesk_tickets', 'ga4_flat', 'matomo_actions'];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sources-e2e-'));
  for (const s of SOURCES) {
    files[s] = join(dir, `${s}.csv`);
    writeFileSync(files[s], runCli('sample', s, '--customers', '60', '--seed', '4'));
  }
  files.ga4_dated = join(dir, 'ga4_with_event_date.csv');
  writeFileSync(files.ga4_dated, runCli('sample', 'ga4_flat', '--customers', '60', '--seed', '4', '--event-date', 'yes'));
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close(); await srv?.close();
  // The generated logs are tens of MB each; CI machines keep /tmp between runs.
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const map = {
  schema_version: 1, id: 'own', name: 'Own data', created_at: 0, updated_at: 0, next_seq: 10,
  stages: [{ id: 's1', name: 'Buy' }],
  touchpoints: [{ id: 't1', stage_id: 's1', title: 'Order placed' }, { id: 't2', stage_id: 's1', title: 'Paid' },
    { id: 't3', stage_id: 's1', title: 'Ticket opened' }],
  routes: [{ id: 'r1', from: 't1', to: 't2' }],
};

async function openAnalytics(page) {
  await page.addInitScript((json) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.clear();
    localStorage.setItem('journey-studio:map:own', json);
  }, JSON.stringify(map));
  await page.goto(srv.base + '#/map/own/analytics');
  await page.getByTestId('analytics-page').waitFor();
}

const metric = async (page, name) => Number(await page.getByTestId(`metric-${name}`).getAttribute('data-value'));

test('each source preset is recognised and imports its events through the worker', () => withPage(browser, 'sources-presets', async (page) => {
  await openAnalytics(page);
  for (const s of SOURCES) {
    const expected = JSON.parse(runCli(files[s], '--source', s, '--json'));
    await page.getByTestId('log-file').setInputFiles(files[s]);
    await page.getByTestId('source-recognised').waitFor();
    assert.equal(await page.getByTestId('source-pick').inputValue(), s);
    // The preset says which columns it reads; the generic mapping is not shown.
    await page.getByTestId('source-columns').waitFor();
    assert.equal(await page.getByTestId('mapping-step').count(), 0);
    await page.getByTestId('case-customer').check();
    await page.getByTestId('import-source').click();
    await page.getByTestId('source-result').waitFor();
    assert.equal(await metric(page, 'events'), expected.events, s);
    assert.equal(await metric(page, 'cases'), expected.cases, s);
    assert.equal(await page.getByTestId('import-warnings').count(), 0, s);
    if (s.endsWith('_tickets')) {
      const contacts = await page.getByTestId('contact-counts').textContent();
      for (const [channel, n] of expected.source.contacts.by_channel) assert.ok(contacts.includes(`${channel}: ${n}`), contacts);
    }
  }
  // Sessions after a pause: GA4 by idle time gives the same sessions as the session column here.
  const bySession = JSON.parse(runCli(files.ga4_flat, '--source', 'ga4_flat', '--case-by', 'record', '--json'));
  await page.getByTestId('log-file').setInputFiles(files.ga4_flat);
  await page.getByTestId('source-recognised').waitFor();
  await page.getByTestId('idle-minutes').fill('30');
  await page.getByTestId('idle-minutes').dispatchEvent('change');
  assert.ok(await page.getByTestId('case-idle').isChecked());
  await page.getByTestId('import-source').click();
  await page.getByTestId('source-result').waitFor();
  assert.equal(await metric(page, 'cases'), bySession.cases);
}));

test('orders and tickets read as plain event logs end in a warning naming the mapping', () => withPage(browser, 'sources-misread', async (page) => {
  await openAnalytics(page);
  for (const [s, name] of [['shopify_orders', 'Shopify'], ['zendesk_tickets', 'Zendesk'], ['freshdesk_tickets', 'Freshdesk']]) {
    await page.getByTestId('log-file').setInputFiles(files[s]);
    await page.getByTestId('source-recognised').waitFor();
    await page.getByTestId('source-pick').selectOption('generic');
    await page.getByTestId('mapping-step').waitFor();
    await page.getByTestId('start-import').click();
    const warning = page.getByTestId('import-warnings');
    await warning.waitFor();
    const text = await warning.textContent();
    assert.ok(text.includes('Check the mapping') && text.includes(name) && text.includes('check the case, activity and time columns'), text);
  }
}));

test('GA4 flat with and without event_date: guessed right; the old misread warns on the case column', () => withPage(browser, 'sources-ga4', async (page) => {
  await openAnalytics(page);
  for (const file of [files.ga4_flat, files.ga4_dated]) {
    const expected = JSON.parse(runCli(file, '--source', 'ga4_flat', '--json'));
    await page.getByTestId('log-file').setInputFiles(file);
    await page.getByTestId('source-pick').selectOption('generic');
    await page.getByTestId('mapping-step').waitFor();
    assert.equal(await page.getByTestId('map-time').inputValue(), 'event_timestamp');
    assert.equal(await page.getByTestId('map-activity').inputValue(), 'event_name');
    assert.equal(await page.getByTestId('map-lifecycle').inputValue(), '');
    await page.getByTestId('start-import').click();
    await page.getByTestId('metrics').waitFor();
    assert.equal(await metric(page, 'events'), expected.events);
    assert.equal(await page.getByTestId('import-warnings').count(), 0);
  }
  // As the issue found it: case = event_timestamp, time = user_pseudo_id.
  await page.getByTestId('log-file').setInputFiles(files.ga4_flat);
  await page.getByTestId('source-pick').selectOption('generic');
  await page.getByTestId('map-case').selectOption('event_timestamp');
  await page.getByTestId('map-time').selectOption('user_pseudo_id');
  await page.getByTestId('start-import').click();
  const text = await page.getByTestId('import-warnings').textContent();
  assert.ok(text.includes('case column “event_timestamp”'), text);
}));

for (const [lang, locale] of [['en', 'en-US'], ['de', 'de-DE']]) {
  test(`screenshots of the import steps at 1366×768 (${lang})`, () => withPage(browser, `sources-screens-${lang}`, async (page) => {
    const out = join(ARTIFACTS, 'sources');
    mkdirSync(out, { recursive: true });
    await openAnalytics(page);
    await page.getByTestId('log-file').setInputFiles(files.shopify_orders);
    await page.getByTestId('source-columns').waitFor();
    await page.getByTestId('source-step').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${lang}-1366x768-1-source.png`) });
    await page.getByTestId('import-source').click();
    await page.getByTestId('source-result').waitFor();
    await page.getByTestId('source-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${lang}-1366x768-2-imported.png`) });
    await page.getByTestId('source-pick').selectOption('generic');
    await page.getByTestId('start-import').click();
    await page.getByTestId('import-warnings').waitFor();
    await page.getByTestId('import-warnings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${lang}-1366x768-3-warning.png`) });
    // (Choosing the same file again fires no change: tickets first.)
    await addToHub(page, [files.zendesk_tickets, files.shopify_orders]);
    await page.getByTestId('hub-join').click();
    await page.getByTestId('hub-matched').waitFor();
    await page.getByTestId('customer-hub').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${lang}-1366x768-4-hub.png`) });
    await page.getByTestId('log-file').setInputFiles(files.zendesk_tickets);
    await page.getByTestId('import-source').click();
    await page.getByTestId('contact-counts').waitFor();
    await page.getByTestId('source-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${lang}-1366x768-5-tickets.png`) });
  }, { locale, viewport: { width: 1366, height: 768 } }));
}

/** The e-mail addresses in one column of a generated CSV (no quoted commas in these files), lower case. */
function emails(file, column) {
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const i = head.split(',').indexOf(column);
  return new Set(rows.map((r) => r.split(',')[i].trim().toLowerCase()).filter((e) => e.includes('@')));
}

test('customer hub: orders and tickets joined per customer, applied through the preview; no e-mail address stored or shared', () => withPage(browser, 'sources-hub', async (page) => {
  await openAnalytics(page);
  await addToHub(page, [files.shopify_orders, files.zendesk_tickets]);
  assert.equal(await page.getByTestId('hub-files').locator('li').count(), 2);
  await page.getByTestId('hub-join').click();
  await page.getByTestId('hub-matched').waitFor();
  // The customers in both files, counted here from the files themselves.
  const shop = emails(files.shopify_orders, 'Email');
  const both = [...emails(files.zendesk_tickets, 'Requester email')].filter((e) => shop.has(e)).length;
  assert.ok(both > 0);
  assert.equal(Number(await page.getByTestId('hub-matched').getAttribute('data-value')), both);
  // Into the map through the preview.
  await page.getByRole('button', { name: 'Preview changes to the map' }).click();
  await page.getByTestId('apply-preview').waitFor();
  await page.getByTestId('apply-plan').click();
  await page.getByTestId('analytics-notice').filter({ hasText: 'Measured values written into the map.' }).waitFor();
  await waitSaved(page);
  // A snapshot of the measured map, then look everywhere something is kept or shared.
  await page.goto(srv.base + '#/map/own/snapshots');
  await page.getByTestId('snapshot-name').fill('After the join');
  await page.getByTestId('snapshot-save').click();
  await waitSaved(page);
  // Every key, unpacked where the app packs it (maps are stored deflated, harness UNPACK_IN_PAGE).
  const stored = await page.evaluate(async (unpack) => {
    const open = eval(unpack);
    const rows = await Promise.all(Object.keys(localStorage).map(async (k) => k + '=' + await open(localStorage.getItem(k))));
    return rows.join('\n');
  }, UNPACK_IN_PAGE);
  assert.ok(stored.includes('journey-studio:snapshot:own:'), 'the snapshot is stored');
  assert.ok(stored.includes('"measured"') || stored.includes('measured'), 'measured values are in the map');
  const leaks = (text) => /@example\.com|customer\d+@/i.test(text);
  assert.ok(!leaks(stored), 'no e-mail address in local storage (map, snapshot, index)');
  await page.goto(srv.base + '#/map/own');
  await page.getByTestId('map-menu').click();
  await page.getByTestId('map-actions').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const exported = await readFile(await download.path(), 'utf8');
  assert.ok(exported.includes('Order placed') && !leaks(exported), 'no e-mail address in the exported map');
  await page.getByTestId('share-link').click();
  const url = await page.getByLabel('Link to this map').inputValue();
  const payload = url.split('#/shared/v1.')[1];
  const json = inflateRawSync(Buffer.from(payload, 'base64url')).toString('utf8');
  assert.ok(json.includes('Order placed') && !leaks(json), 'no e-mail address in the share link');
  // The customer key: never in the map's file or the share link, but in the user's backup,
  // and a browser that restores that backup takes it (so its imports hash alike).
  const key = await page.evaluate(() => localStorage.getItem('journey-studio:customer-key'));
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.ok(!exported.includes(key) && !json.includes(key) && !exported.includes('customer_key'), 'the key is not in the map file or share link');
  await page.goto(srv.base + '#/');
  await page.getByTestId('library-files').locator('summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-backup').click()]);
  const backup = await readFile(await dl.path(), 'utf8');
  assert.equal(JSON.parse(backup).customer_key, key, 'the backup carries the key');
  assert.ok(!leaks(backup), 'no e-mail address in the backup');
  await withPage(browser, 'sources-hub-restore', async (other) => {
    await other.goto(srv.base);
    assert.equal(await other.evaluate(() => localStorage.getItem('journey-studio:customer-key')), null);
    await other.getByTestId('library-files').locator('summary').click();
    await other.getByTestId('import-json').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await other.getByTestId('import-done').waitFor();
    assert.match(await other.getByTestId('import-key').textContent(), /customer key is now used here/);
    assert.equal(await other.evaluate(() => localStorage.getItem('journey-studio:customer-key')), key);
  });
}));

test('the source step, the warnings and the hub have no serious accessibility violations; the picker works by keyboard', () => withPage(browser, 'sources-a11y', async (page) => {
  await openAnalytics(page);
  await page.getByTestId('log-file').setInputFiles(files.zendesk_tickets);
  await page.getByTestId('source-columns').waitFor();
  await page.getByTestId('hub-add').click();
  // Keyboard only: focus the picker, choose the plain event log with the arrow keys.
  await page.getByTestId('source-pick').focus();
  await page.keyboard.press('Home');
  await page.getByTestId('mapping-step').waitFor();
  await page.getByTestId('start-import').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('import-warnings').waitFor();
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
}));
