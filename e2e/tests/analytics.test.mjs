// Journey analytics end to end: a generated event log goes through the file picker and
// the column-mapping step into the background worker; the metrics match what the
// command-line tool computes for the same file; a funnel is computed; the measured values
// are previewed and applied to a map whose touchpoints are named like the log's activities, shown on the
// map as "measured", and undone again. Also: an unusable file gets a clear message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, withPage, waitSaved } from '../harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cargo = process.env.CARGO || 'cargo';
let srv, browser, dir, logFile, expected;

const cli = join(root, 'target', 'release', 'journey-analyze');

/** The CLI (the same core, built natively) writes the log and computes the expected numbers. */
function analyzeCli(...args) {
  if (!existsSync(cli)) {
    execFileSync(cargo, ['build', '--quiet', '--release', '-p', 'journey-core', '--bin', 'journey-analyze'], { cwd: root, stdio: 'inherit' });
  }
  return execFileSync(cli, args, { maxBuffer: 64 << 20 }).toString();
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'analytics-e2e-'));
  logFile = join(dir, 'shop-log.csv');
  writeFileSync(logFile, analyzeCli('generate', '--events', '5000', '--seed', '7'));
  expected = JSON.parse(analyzeCli(logFile, '--json'));
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close(); await srv?.close();
  // The generated logs are tens of MB each; CI machines keep /tmp between runs.
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const tp = (id, stage, title) => ({ id, stage_id: stage, title });
/** A map whose touchpoint titles are activities of the generator (matched case-insensitively). */
const shopMap = {
  schema_version: 1, id: 'shop', name: 'Shop analytics', created_at: 0, updated_at: 0, next_seq: 20,
  stages: [{ id: 's1', name: 'Browse' }, { id: 's2', name: 'Buy' }],
  touchpoints: [tp('t1', 's1', 'Visit website'), tp('t2', 's1', 'View product'), tp('t3', 's2', 'Add to cart'),
    tp('t4', 's2', 'Checkout'), tp('t5', 's2', 'Payment')],
  routes: [{ id: 'r1', from: 't1', to: 't2' }, { id: 'r2', from: 't2', to: 't3' }, { id: 'r3', from: 't3', to: 't4' },
    { id: 'r4', from: 't4', to: 't5' }],
};

/** Stores the map before the app first starts in this tab (later reloads keep what the app saved). */
async function seedMap(page) {
  await page.addInitScript((json) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.clear();
    localStorage.setItem('journey-studio:map:shop', json);
  }, JSON.stringify(shopMap));
  await page.goto(srv.base);
  await page.getByRole('link', { name: 'Shop analytics' }).waitFor();
}

const card = (page, title) => page.getByTestId('touchpoint').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

/** The volume in the inspector of the touchpoint with this title (selecting its card). */
async function volumeOf(page, title) {
  await card(page, title).click();
  return page.getByTestId('inspector').getByTestId('input-volume').inputValue();
}

/** The evidence kind in the inspector of the touchpoint with this title. */
async function evidenceOf(page, title) {
  await card(page, title).click();
  return page.getByTestId('inspector').getByTestId('tp-evidence').inputValue();
}

test('import with the mapping step, metrics, funnel, apply to the map and undo', () => withPage(browser, 'analytics-apply', async (page) => {
  await seedMap(page);
  await page.getByRole('link', { name: 'Shop analytics' }).click();
  await page.getByRole('link', { name: 'Analytics', exact: true }).click();
  await page.getByTestId('analytics-page').waitFor();

  await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(logFile);
  await page.getByTestId('mapping-step').waitFor();
  assert.equal(await page.getByTestId('delimiter').textContent(), ',');
  // Confirm every role explicitly, as a user checking the guess would.
  await page.getByLabel('Customer or order number', { exact: true }).selectOption('case_id');
  await page.getByLabel('What happened', { exact: true }).selectOption('activity');
  await page.getByLabel('When', { exact: true }).selectOption('timestamp');
  await page.getByLabel('Channel (optional)').selectOption('channel');
  await page.getByRole('button', { name: 'Import and analyse' }).click();

  await page.getByTestId('metrics').waitFor();
  assert.equal(Number(await page.getByTestId('metric-cases').getAttribute('data-value')), expected.cases);
  assert.equal(Number(await page.getByTestId('metric-events').getAttribute('data-value')), expected.events);
  assert.equal(Number(await page.getByTestId('metric-variants').getAttribute('data-value')), expected.variants);
  assert.equal(Number(await page.getByTestId('metric-dfg-edges').getAttribute('data-value')), expected.dfg_edges);
  assert.equal(await page.getByTestId('volumes').locator('tbody tr').count(), expected.activities);
  await page.getByTestId('throughput-chart').locator('svg').waitFor();
  await page.getByTestId('mapped-count').filter({ hasText: '5 activities match' }).waitFor();

  // The funnel starts as the main route's activities; clear it for a two-step funnel:
  // everybody visits, the buyers reach checkout.
  const funnel = page.getByTestId('funnel');
  await funnel.getByTestId('funnel-steps').locator('li').nth(4).waitFor();
  assert.equal(await funnel.getByTestId('funnel-steps').locator('li').count(), 5);
  await funnel.getByRole('button', { name: 'Clear steps' }).click();
  await funnel.getByLabel('Activity for the next step').selectOption('Visit website');
  await funnel.getByRole('button', { name: 'Add step' }).click();
  await funnel.getByLabel('Activity for the next step').selectOption('Checkout');
  await funnel.getByRole('button', { name: 'Add step' }).click();
  await funnel.getByRole('button', { name: 'Compute funnel' }).click();
  const rows = page.getByTestId('funnel-table').locator('tbody tr');
  await rows.nth(1).waitFor();
  assert.equal(Number(await rows.nth(0).locator('td').nth(1).textContent()), expected.cases);
  const checkoutCases = Number(await rows.nth(1).locator('td').nth(1).textContent());
  assert.ok(checkoutCases > 0 && checkoutCases < expected.cases);

  // Into the map through the preview, then look at the map.
  await page.getByRole('button', { name: 'Preview changes to the map' }).click();
  await page.getByTestId('apply-preview').waitFor();
  await page.getByTestId('apply-plan').click();
  await page.getByTestId('analytics-notice').filter({ hasText: 'Measured values written into the map.' }).waitFor();
  await waitSaved(page);
  await page.getByRole('link', { name: 'Back to the map' }).click();
  const visit = card(page, 'Visit website');
  await visit.waitFor();
  assert.equal(await volumeOf(page, 'Visit website'), String(expected.cases));
  assert.equal(await evidenceOf(page, 'Visit website'), 'measured');
  assert.equal(await volumeOf(page, 'Checkout'), String(checkoutCases));

  // Undo, offered on the analytics page, brings the map back.
  await page.goBack();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByTestId('analytics-notice').filter({ hasText: 'Undone' }).waitFor();
  await waitSaved(page);
  await page.getByRole('link', { name: 'Back to the map' }).click();
  await visit.waitFor();
  assert.equal(await volumeOf(page, 'Visit website'), '');
  assert.equal(await evidenceOf(page, 'Visit website'), 'assumed');
  // And it stays undone after a reload (the autosave wrote the old map).
  await page.reload();
  await visit.waitFor();
  assert.equal(await evidenceOf(page, 'Visit website'), 'assumed');
}));

test('an unusable file gets a clear message and the map stays as it was', () => withPage(browser, 'analytics-bad-file', async (page) => {
  await seedMap(page);
  await page.goto(srv.base + '#/map/shop/analytics');
  await page.getByTestId('analytics-page').waitFor();
  const bad = join(dir, 'one-column.csv');
  writeFileSync(bad, 'just one column\nvalue\nanother\n');
  await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(bad);
  const error = page.getByTestId('analytics-error');
  await error.waitFor();
  assert.match(await error.textContent(), /column/i);
  assert.equal(await page.getByTestId('mapping-step').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Undo' }).count(), 0);
}));

test('bad rows are skipped and reported with their line numbers', () => withPage(browser, 'analytics-bad-rows', async (page) => {
  await seedMap(page);
  await page.goto(srv.base + '#/map/shop/analytics');
  await page.getByTestId('analytics-page').waitFor();
  const file = join(dir, 'bad-rows.csv');
  writeFileSync(file, 'case;activity;timestamp\nc1;Visit website;2024-03-01T09:00:00Z\nc1;Checkout;not a time\n'
    + 'c2;Visit website;2024-03-01T10:00:00Z\nc2;;2024-03-01T10:05:00Z\nc2;Checkout;2024-03-01T10:09:00Z\n');
  await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(file);
  await page.getByTestId('mapping-step').waitFor();
  assert.equal(await page.getByTestId('delimiter').textContent(), ';');
  await page.getByRole('button', { name: 'Import and analyse' }).click();
  await page.getByTestId('metrics').waitFor();
  assert.equal(await page.getByTestId('metric-events').textContent(), '3');
  assert.match(await page.getByTestId('skipped-rows').textContent(), /2 rows skipped/);
  const issues = page.getByTestId('row-issues').locator('li');
  assert.equal(await issues.count(), 2);
  assert.match(await issues.nth(0).textContent(), /^Line 3\b/);
  assert.match(await issues.nth(1).textContent(), /^Line 5\b/);
}));

test('1,000,000 events import in the tab with progress; an import can be cancelled; the next import still works', () => withPage(browser, 'analytics-cancel', async (page) => {
  const big = join(dir, 'big-log.csv');
  writeFileSync(big, analyzeCli('generate', '--events', '1000000', '--seed', '42'));
  await seedMap(page);
  await page.goto(srv.base + '#/map/shop/analytics');
  await page.getByTestId('analytics-page').waitFor();
  // Record every progress text the page shows (the DOM updates on each worker message,
  // whether or not a frame gets painted before the import ends).
  await page.evaluate(() => {
    window.progressTexts = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="progress-text"]');
      if (el) window.progressTexts.push(el.textContent);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(big);
  // Clicked at once: the worker is still reading the file, and takes the rows of each
  // chunk read while the next is read (streaming.rs) — the figures must be the CLI's.
  await page.getByRole('button', { name: 'Import and analyse' }).click();
  await page.getByTestId('metrics').waitFor({ timeout: 120_000 });
  assert.equal(await page.getByTestId('metric-events').textContent(), '1,000,000'); // grouped for reading
  const bigExpected = JSON.parse(analyzeCli(big, '--json'));
  for (const [id, key] of [['metric-cases', 'cases'], ['metric-variants', 'variants'], ['metric-dfg-edges', 'dfg_edges']]) {
    assert.equal(Number(await page.getByTestId(id).getAttribute('data-value')), bigExpected[key], id);
  }
  const texts = await page.evaluate(() => window.progressTexts);
  assert.ok(texts.some((t) => /^[1-9]\d{0,2}(,\d{3})+ rows read \([\d,]+ rows\/s\)$/.test(t)), `progress seen: ${texts.slice(-3)}`);

  // Cancel right away: the page is still reading the file or the worker still importing.
  await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(logFile);
  await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(big);
  await page.getByRole('button', { name: 'Import and analyse' }).click();
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await page.getByTestId('analytics-notice').filter({ hasText: 'Import cancelled' }).waitFor();
  assert.equal(await page.getByTestId('import-progress').count(), 0);
  await page.waitForTimeout(2000);
  assert.equal(await page.getByTestId('metrics').count(), 0, 'a cancelled import shows no results');
  // The restarted worker takes the next file.
  await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(logFile);
  await page.getByRole('button', { name: 'Import and analyse' }).click();
  await page.getByTestId('metrics').waitFor();
  assert.equal(Number(await page.getByTestId('metric-events').getAttribute('data-value')), expected.events);
}));

test('a survey file gives CSAT and NPS per touchpoint and stage, bad rows named by line', () => withPage(browser, 'analytics-survey', async (page) => {
  await seedMap(page);
  await page.goto(srv.base + '#/map/shop/analytics');
  await page.getByTestId('analytics-page').waitFor();
  const file = join(dir, 'survey.csv');
  writeFileSync(file, 'touchpoint,rating,scale\nVisit website,5,csat\nvisit website,4,csat\nCheckout,10,nps\nCheckout,3,nps\nNowhere,5,csat\n');
  await page.getByLabel('Survey file (CSV)').setInputFiles(file);
  const survey = page.getByTestId('survey');
  await survey.getByTestId('survey-summary').filter({ hasText: '5 answers read, 1 skipped.' }).waitFor();
  await survey.getByText(/^Line 6: no touchpoint or stage is called “Nowhere”$/).waitFor();
  const visit = survey.locator('tr', { has: page.getByRole('rowheader', { name: 'Visit website', exact: true }) });
  assert.equal(await visit.locator('td').nth(0).textContent(), '4.50 (n = 2)');
  const checkout = survey.locator('tr', { has: page.getByRole('rowheader', { name: 'Checkout', exact: true }) });
  // One promoter, one detractor: NPS 0.
  assert.equal(await checkout.locator('td').nth(2).textContent(), '+0 (n = 2)');
  // Stage "Buy" pools its touchpoints' answers.
  const buy = survey.locator('tr', { has: page.getByRole('rowheader', { name: 'Buy', exact: true }) });
  assert.equal(await buy.locator('td').nth(2).textContent(), '+0 (n = 2)');
}));
