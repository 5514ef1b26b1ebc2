// Robust at the edges (issue 26), hostile event logs: a log whose activity column holds
// a unique value per row (an order number taken as the activity) imports with a warning
// and bounded lists, and the next import works; the files are generated here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, withPage, ARTIFACTS } from '../harness.mjs';

let srv, browser, dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edges-logs-'));
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close(); await srv?.close();
  // The generated logs are tens of MB each; CI machines keep /tmp between runs.
  if (dir) rmSync(dir, { recursive: true, force: true });
});

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

    await warnings.screenshot({ path: join(ARTIFACTS, 'edges-unique-activities-warning-en.png') });
    // German: the same warning in the glossary's words.
    await page.getByTestId('lang-switch').selectOption('de');
    assert.match(await warnings.textContent(), /„activity“ hat 200\.000 verschiedene Werte.*falsche Spalte/s);
    await warnings.screenshot({ path: join(ARTIFACTS, 'edges-unique-activities-warning-de.png') });
    await page.getByTestId('lang-switch').selectOption('en');

    // The next import on the same page works.
    await importLog(page, small);
    await page.getByTestId('metrics').waitFor();
    await page.getByTestId('metric-activities').filter({ hasText: /^3$/ }).waitFor();
    assert.equal(await page.getByTestId('import-warnings').count(), 0);
    assert.deepEqual(errors, []);
  }));

/** Starts a heartbeat in the page: the longest gap between two 50 ms ticks is kept. */
async function startHeartbeat(page) {
  await page.evaluate(() => {
    const beat = { max: 0, last: performance.now() };
    window.__beat = beat;
    window.__beatTimer = setInterval(() => {
      const now = performance.now();
      beat.max = Math.max(beat.max, now - beat.last);
      beat.last = now;
    }, 50);
  });
}

test('a 50 MB field is cut with a warning naming line and column; the page never stalls', () =>
  withPage(browser, 'edges-long-field', async (page) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const file = join(dir, 'long-field.csv');
    const head = 'case_id,activity,timestamp\nc1,Visit,2026-01-01T10:00:00Z\nc1,"';
    const tail = '",2026-01-01T10:05:00Z\nc2,Visit,2026-01-01T11:00:00Z\nc2,Pay,2026-01-01T11:02:00Z\n';
    writeFileSync(file, Buffer.concat([Buffer.from(head), Buffer.alloc(50 * 1024 * 1024, 'x'), Buffer.from(tail)]));
    await openAnalytics(page);
    await startHeartbeat(page);
    await importLog(page, file);
    const warnings = page.getByTestId('import-warnings');
    await warnings.waitFor({ timeout: 40_000 });
    await page.getByTestId('metrics').waitFor();
    // Let the page render what arrived, then read the longest gap.
    await page.waitForTimeout(300);
    const gap = await page.evaluate(() => { clearInterval(window.__beatTimer); return window.__beat.max; });
    console.log(`50 MB field: longest heartbeat gap ${gap.toFixed(0)} ms`);
    assert.ok(gap < 500, `the page stalled for ${gap} ms`);
    assert.match(await warnings.textContent(), /Line 3, column “activity”: a value of 52,428,800 bytes was cut to its first 4,096 bytes/);
    assert.equal(Number(await page.getByTestId('metric-events').getAttribute('data-value')), 4);
    // The cut name is 4,096 characters, not 50 MB, wherever the page shows it.
    const longest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('[data-testid="volumes"] th[scope="row"]')].map((th) => th.textContent.length)));
    assert.equal(longest, 4096);
    await page.getByTestId('lang-switch').selectOption('de');
    assert.match(await warnings.textContent(), /Zeile 3, Spalte „activity“: ein Wert von 52\.428\.800 Byte wurde auf seine ersten 4\.096 Byte gekürzt/);
    assert.deepEqual(errors, []);
  }));

test('a file split into thousands of columns offers the first 300 in the mapping step and says so', () =>
  withPage(browser, 'edges-many-columns', async (page) => {
    const file = join(dir, 'one-long-line.csv');
    // One 5 MB line: every word a column (a wrong delimiter gives the same).
    const cols = Array.from({ length: 600_000 }, (_, i) => `col${i}`).join(',');
    writeFileSync(file, cols + '\n');
    await openAnalytics(page);
    await startHeartbeat(page);
    await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(file);
    const note = page.getByTestId('columns-left-out');
    await note.waitFor();
    const text = await note.textContent();
    const [, all] = text.match(/This file has ([\d,]+) columns; the lists below offer the first 300 \(([\d,]+) left out\)/) ?? [];
    assert.ok(Number(all?.replaceAll(',', '')) > 300, text);
    const options = await page.getByTestId('map-activity').locator('option').count();
    assert.ok(options <= 304, `${options} options`);
    const headers = await page.getByTestId('mapping-step').locator('table.preview th').count();
    assert.ok(headers <= 300, `${headers} preview columns`);
    const gap = await page.evaluate(() => { clearInterval(window.__beatTimer); return window.__beat.max; });
    // Logged, not asserted: the 64 KiB sample's detection and this step's first render
    // (in a debug build several hundred ms) are one task, as for any file.
    console.log(`one long line: ${all} columns, ${options} options, longest heartbeat gap ${gap.toFixed(0)} ms`);
  }));

for (const side of ['worker', 'page']) {
  test(`a crash of the ${side}'s wasm during an import is said, and the next import works without a reload`, () =>
    withPage(browser, `edges-crash-${side}`, async (page) => {
      const small = join(dir, `small-${side}.csv`);
      writeFileSync(small, smallLog());
      await openAnalytics(page);
      await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles(small);
      await page.getByTestId('mapping-step').waitFor();
      // The test hook (src/ui/analytics/worker.rs): this side panics once, on the import.
      await page.evaluate((s) => { window.__journeyTestPanic = s; }, side);
      await page.getByRole('button', { name: 'Import and analyse' }).click();
      const error = page.getByTestId('analytics-error');
      await error.waitFor({ timeout: 20_000 });
      const text = await error.textContent();
      console.log(`${side} crash: ${text}`);
      assert.match(text, side === 'worker'
        ? /The import stopped with an internal error.*restarted; you can import again|The background import stopped unexpectedly/s
        : /The page stopped with an internal error.*Import again/s);
      await page.getByTestId('import-progress').waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => window.__journeyTestPanic), undefined, 'the hook was used');
      // No reload: the same page imports the file again.
      await page.getByRole('button', { name: 'Import and analyse' }).click();
      await page.getByTestId('metrics').waitFor({ timeout: 20_000 });
      assert.equal(Number(await page.getByTestId('metric-events').getAttribute('data-value')), 150);
      assert.equal(await page.getByTestId('analytics-error').count(), 0);
    }, { expectErrors: /unreachable|panicked|asked to panic|closure invoked/ }));
}
