// Robust at the edges (issue 26), hostile event logs: a log whose activity column holds
// a unique value per row (an order number taken as the activity) imports with a warning
// and bounded lists, and the next import works; the files are generated here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, withPage } from '../harness.mjs';

let srv, browser, dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edges-logs-'));
  srv = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); await srv?.close(); });

const pad = (n) => String(n).padStart(2, '0');
/** `rows` events, four per case, every activity name unique ("Order 0000123"). */
function uniqueActivityLog(rows) {
  const lines = ['case_id,activity,timestamp'];
  for (let i = 0; i < rows; i++) {
    lines.push(`c${Math.floor(i / 4)},Order ${String(i).padStart(7, '0')},2026-01-${pad(1 + (i % 28))}T10:${pad(i % 60)}:00Z`);
  }
  return lines.join('\n') + '\n';
}

/** A small healthy log: 50 cases through three steps. */
function smallLog() {
  const lines = ['case_id,activity,timestamp'];
  for (let c = 0; c < 50; c++) {
    ['Visit', 'Cart', 'Pay'].forEach((a, k) => lines.push(`k${c},${a},2026-02-01T10:${pad(c % 60)}:${pad(k * 10)}Z`));
  }
  return lines.join('\n') + '\n';
}

/** The example map's analytics page. */
async function openAnalytics(page) {
  await page.goto(srv.base);
  await page.getByRole('link', { name: 'Coffee to go' }).click();
  await page.getByRole('link', { name: 'Analytics', exact: true }).click();
  await page.getByTestId('analytics-page').waitFor();
}

/** Picks `file` and confirms the mapping case_id / activity / timestamp. */
async function importLog(page, file) {
  await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(file);
  await page.getByTestId('mapping-step').waitFor();
  await page.getByLabel('Customer or order number', { exact: true }).selectOption('case_id');
  await page.getByLabel('What happened', { exact: true }).selectOption('activity');
  await page.getByLabel('When', { exact: true }).selectOption('timestamp');
  await page.getByRole('button', { name: 'Import and analyse' }).click();
}

test('200,000 unique activity names import within 10 s with the warning; the next import works', () =>
  withPage(browser, 'edges-unique-activities', async (page) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const big = join(dir, 'orders-as-activities.csv');
    writeFileSync(big, uniqueActivityLog(200_000));
    const small = join(dir, 'small.csv');
    writeFileSync(small, smallLog());
    await openAnalytics(page);

    const start = Date.now();
    await importLog(page, big);
    await page.getByTestId('metrics').waitFor({ timeout: 30_000 });
    const warnings = page.getByTestId('import-warnings');
    await warnings.waitFor();
    const seconds = (Date.now() - start) / 1000;
    console.log(`200,000 unique activities: metrics and warning after ${seconds.toFixed(1)} s`);
    assert.ok(seconds <= 10, `took ${seconds} s`);
    assert.match(await warnings.textContent(), /“activity” has 200,000 different values.*probably the wrong column/s);
    assert.equal(Number(await page.getByTestId('metric-activities').getAttribute('data-value')), 200_000);
    // The page lists the 2,000 most frequent and says what it left out.
    assert.equal(await page.getByTestId('volumes').locator('tbody tr').count(), 2_000);
    assert.match(await page.getByTestId('list-cut').first().textContent(), /198,000 more activities, each rare \(at most 1 events each/);
    assert.match(await page.getByTestId('activity-matching').getByTestId('listed-note').textContent(), /Only the 300 most frequent of 200,000 activities/);
    assert.equal(await page.getByTestId('match-row').count(), 300);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(`DOM elements after the import: ${nodes}`);
    assert.ok(nodes < 60_000, `${nodes} elements`);

    // German: the same warning in the glossary's words.
    await page.getByTestId('lang-switch').selectOption('de');
    assert.match(await warnings.textContent(), /„activity“ hat 200\.000 verschiedene Werte.*falsche Spalte/s);
    await page.getByTestId('lang-switch').selectOption('en');

    // The next import on the same page works.
    await importLog(page, small);
    await page.getByTestId('metrics').waitFor();
    await page.getByTestId('metric-activities').filter({ hasText: /^3$/ }).waitFor();
    assert.equal(await page.getByTestId('import-warnings').count(), 0);
    assert.deepEqual(errors, []);
  }));
