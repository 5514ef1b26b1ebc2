// Numbers you can trust, second pass (issue 25), end to end on the app's own example
// "Running shoes online" with a generated shop log whose every case's fate is known
// (`journey-analyze generate --truth-cases`, core/src/analytics/generator.rs):
// * the goal: the example's main route ends at its goal, "Order confirmation", which the shop
//   log's activity of that name stands for — the page takes the goal from the main route and
//   offers no frequency guess; with the matching it suggests accepted (no goal ticked by hand)
//   the drop-off equals the truth. The German example ("Bestellbestätigung") with the English
//   log: the page says the route's end has no matched activity, shows the matching step for
//   it, and once the end is matched there the goal again comes from the main route;
// * Apply writes only what the log measured: every route with an unmatched end keeps its
//   volume in the stored map JSON (no new 0) and the preview lists it as not measured;
// * periods: the preview warns that the map would mix periods and offers to clear the old
//   values; the dashboard funnel marks other periods instead of chaining them, and never
//   rises from one chained step to the next;
// * the scores page marks volumes of another period and says so (none once one period);
// * a log spanning 14 days: the stored count and the unit the map shows agree ("in 14 days"),
//   and the analytics page's counts carry that unit.
// Screenshots of the analytics page and the preview at 1366×768 in English and German go to
// e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, mkdtempSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { startServer, launch, withPage, waitSaved, ARTIFACTS, storedMap } from '../harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let srv, browser, dir, logFile, truth, shortLog;

/** The CLI from the repo (release if built, else debug, built once if missing). */
function analyzeCli(args) {
  const release = join(root, 'target', 'release', 'journey-analyze');
  const debug = join(root, 'target', 'debug', 'journey-analyze');
  let cli = existsSync(release) ? release : debug;
  if (!existsSync(cli)) {
    const cargo = process.env.CARGO || join(process.env.HOME, '.cargo', 'bin', 'cargo');
    execFileSync(cargo, ['build', '--quiet', '-p', 'journey-core', '--bin', 'journey-analyze'], { cwd: root, stdio: 'inherit' });
    cli = debug;
  }
  return execFileSync(cli, args, { maxBuffer: 64 << 20 }).toString();
}

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'analytics-trust-e2e-'));
  const truthFile = join(dir, 'truth.json');
  logFile = join(dir, 'shop.csv');
  writeFileSync(logFile, analyzeCli(['generate', '--truth-cases', '2500', '--seed', '25', '--shape', 'leave-early', '--truth-out', truthFile]));
  truth = JSON.parse(readFileSync(truthFile, 'utf8'));
  // A log spanning exactly 14 calendar days (2024-03-01 … 2024-03-14): 300 visits, every
  // third pays the same day.
  const rows = [];
  for (let c = 0; c < 300; c++) {
    const t = Date.UTC(2024, 2, 1) + Math.floor((c / 300) * 14 * DAY);
    rows.push(`K${c},Visit shop,${iso(t)}`);
    if (c % 3 === 0) rows.push(`K${c},Pay,${iso(t + 600_000)}`);
  }
  shortLog = join(dir, 'two-weeks.csv');
  writeFileSync(shortLog, 'case_id,activity,timestamp\n' + rows.join('\n') + '\n');
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close(); await srv?.close();
  // The generated logs are tens of MB each; CI machines keep /tmp between runs.
  if (dir) rmSync(dir, { recursive: true, force: true });
});


async function createRunningShoes(page) {
  await page.goto(srv.base);
  await page.getByTestId('create-running-shoes').click();
  await page.getByTestId('map-title').waitFor();
  await waitSaved(page);
  const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
  return id;
}

async function importLog(page, file) {
  await page.getByTestId('log-file').setInputFiles(file);
  await page.getByTestId('mapping-step').waitFor();
  await page.getByTestId('start-import').click();
  await page.getByTestId('metrics').waitFor();
}

/** No goal ticked by hand, and the drop-off rate of every activity equals the truth. */
async function dropOffIsTheTruth(page, id) {
  assert.deepEqual((await storedMap(page, id)).analytics?.goal_activities ?? [], [], 'no goal chosen by hand');
  await page.getByTestId('drop-off-summary').waitFor();
  for (const a of truth.activities.filter((x) => x.left > 0)) {
    const row = page.locator(`[data-testid="drop-off-row"][data-activity="${a.activity}"]`);
    await row.waitFor();
    assert.equal(Number(await row.getAttribute('data-rate')), a.left / a.reached, a.activity);
  }
}

/** Steps of the dashboard funnel from its description: [label, volume text, mark]. */
async function funnelSteps(page) {
  const desc = await page.locator('[data-testid="chart-card"][data-chart="funnel"] svg > desc').textContent();
  return desc;
}

test('running shoes: the goal comes from the main route, drop-off is the truth, Apply writes no false 0, periods are not chained', () =>
  withPage(browser, 'analytics-trust-shoes', async (page) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const id = await createRunningShoes(page);
    const before = await storedMap(page, id);
    await page.goto(`${srv.base}#/map/${encodeURIComponent(id)}/analytics`);
    await page.getByTestId('analytics-page').waitFor();
    // The warehouse hint links the SQL files and the guide shipped with the app.
    assert.equal(await page.getByTestId('sql-file').count(), 4);
    for (const href of [...await page.getByTestId('sql-file').evaluateAll((as) => as.map((a) => a.href)), await page.getByTestId('scale-guide').evaluate((a) => a.href)]) {
      assert.equal((await page.request.get(href)).status(), 200, href);
    }
    assert.doesNotMatch(await page.getByTestId('warehouse-hint').textContent(), /project's sql\/ folder/);
    // Plain language in the column mapping.
    await page.getByTestId('log-file').setInputFiles(logFile);
    await page.getByTestId('mapping-step').waitFor();
    assert.equal(await page.getByLabel('Customer or order number').count(), 1);
    assert.equal(await page.getByLabel('What happened').count(), 1);
    assert.equal(await page.getByLabel('When', { exact: true }).count(), 1);
    assert.equal(await page.locator('.column-hint').count(), 4, 'one sentence per optional column');
    await page.getByTestId('start-import').click();
    await page.getByTestId('metrics').waitFor();

    // The goal: the end of the main route, matched by its title; no guess offered.
    const source = await page.getByTestId('goal-source').textContent();
    assert.match(source, /Goal: the end of the map’s main route \(“Order confirmation”\)/);
    assert.doesNotMatch(source, /no main route/i);
    assert.equal(await page.getByTestId('end-matching').count(), 0, 'the end is matched: no matching step for it');
    assert.equal(await page.getByTestId('goal-suggestion').count(), 0, 'no one-click frequency guess on a map with a main route');
    // Activities in journey order (where they come in the customers' cases), not by frequency.
    const listed = await page.getByTestId('match-row').evaluateAll((rs) => rs.map((r) => r.dataset.activity));
    assert.equal(listed[0], 'Visit website', listed.join(', '));
    assert.ok(listed.indexOf('Payment') < listed.indexOf('Order confirmation') && listed.indexOf('Order confirmation') < listed.indexOf('Delivery'), listed.join(', '));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.getByTestId('goal').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'trust-analytics-en-1366.png') });

    // Accept the matching the page suggests; the goal is not touched.
    for (let i = 0; i < 10 && (await page.getByTestId('use-suggestion').count()) > 0; i++) {
      await page.getByTestId('use-suggestion').first().click();
      await waitSaved(page);
    }
    assert.match(await page.getByTestId('goal-source').textContent(), /main route \(“Order confirmation”\)/);
    assert.ok(await page.locator(`[data-testid="goal-activity"][data-activity="${truth.goal}"]`).isChecked(), 'the goal is the route end’s activity');
    await dropOffIsTheTruth(page, id);
    assert.equal(await page.locator(`[data-testid="drop-off-row"][data-activity="${truth.goal}"]`).count(), 0);

    // Preview: the routes the log cannot see are listed as not measured; periods warned about.
    await page.getByTestId('preview-apply').click();
    await page.getByTestId('apply-preview').waitFor();
    const notMeasuredRoutes = await page.locator('[data-testid="not-measured"][data-kind="route"]').count();
    assert.ok(notMeasuredRoutes >= 8, `unseen routes listed: ${notMeasuredRoutes}`);
    assert.match(await page.getByTestId('preview-period').textContent(), /2024-01-01 – 2024-0[23]-\d\d \(\d+ days\)/);
    await page.getByTestId('mixed-periods').waitFor();
    await page.getByTestId('apply-preview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'trust-preview-en-1366.png') });
    await page.getByTestId('apply-plan').click();
    await waitSaved(page);
    let map = await storedMap(page, id);
    const matchedTitles = new Set(['Browses the product page', 'Order confirmation']);
    const title = (m, tid) => m.touchpoints.find((t) => t.id === tid).title;
    let unchanged = 0;
    for (const r of map.routes) {
      const old = before.routes.find((o) => o.id === r.id);
      if (!old) continue;
      if (!(matchedTitles.has(title(map, r.from)) && matchedTitles.has(title(map, r.to)))) {
        assert.equal(r.volume, old.volume, `route ${title(map, r.from)} → ${title(map, r.to)} unchanged`);
        unchanged++;
      }
      if (r.volume === 0) assert.equal(old.volume, 0, 'no new 0');
    }
    assert.ok(unchanged >= 8);
    const conf = map.touchpoints.find((t) => t.title === 'Order confirmation');
    assert.equal(conf.measurements.volume, truth.reached_goal);
    assert.ok(conf.measurements.period, 'a measured value carries its period');

    // Dashboard: steps of another period are marked, not chained; no chained step rises.
    await page.goto(`${srv.base}#/map/${encodeURIComponent(id)}/dashboard`);
    let desc = await funnelSteps(page);
    assert.match(desc, /other period/);
    for (const m of desc.matchAll(/\((\+|−|±)[\d.,]+ %\)/g)) assert.notEqual(m[1], '+', desc);
    assert.match(await page.getByTestId('mixed-periods-note').textContent(), /This map mixes periods: [\d,]+ volumes are not from the latest measurement \(2024-01-01 – /);
    // Scores page: the same values marked in the touchpoint table, the measured one not.
    await page.goto(`${srv.base}#/map/${encodeURIComponent(id)}/scores`);
    await page.getByTestId('mixed-periods-note').waitFor();
    const row = (t) => page.getByTestId('score-row').filter({ has: page.locator('.tp-title', { hasText: t }) });
    assert.equal(await row('Sees a running-shoe ad').getByTestId('other-period-mark').textContent(), 'other period');
    assert.equal(await row('Order confirmation').getByTestId('other-period-mark').count(), 0);
    const marked = await page.getByTestId('other-period-mark').count();
    const noteCount = Number((await page.getByTestId('mixed-periods-note').textContent()).match(/periods: ([\d,]+) volume/)[1].replace(/,/g, ''));
    assert.ok(marked > 0 && marked <= noteCount, `${marked} marks, note says ${noteCount}`);
    // The same rows say it beside the name too, in view at 1366 px without scrolling the table.
    assert.equal(await page.getByTestId('other-period-row').count(), marked);
    const beside = row('Sees a running-shoe ad').getByTestId('other-period-row');
    assert.equal(await beside.textContent(), 'volume of another period');
    const box = await beside.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 1366, `the mark beside the name is in view (${JSON.stringify(box)})`);
    await page.getByTestId('mixed-periods-note').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'trust-scores-periods-en-1366.png') });
    await page.getByTestId('lang-switch').selectOption('de');
    await page.getByTestId('mixed-periods-note').filter({ hasText: 'Diese Karte mischt Zeiträume' }).waitFor();
    assert.equal(await row('Sees a running-shoe ad').getByTestId('other-period-mark').textContent(), 'anderer Zeitraum');
    assert.equal(await row('Sees a running-shoe ad').getByTestId('other-period-row').textContent(), 'Volumen aus anderem Zeitraum');
    await page.screenshot({ path: join(ARTIFACTS, 'trust-scores-periods-de-1366.png') });
    await page.getByTestId('lang-switch').selectOption('en');

    // Undo, then apply again with the old values cleared: one period, a funnel that only falls.
    await page.goto(`${srv.base}#/map/${encodeURIComponent(id)}/analytics`);
    await page.getByTestId('undo-apply').click();
    await waitSaved(page);
    await importLog(page, logFile);
    await page.getByTestId('preview-apply').click();
    await page.getByTestId('apply-preview').waitFor();
    await page.getByTestId('clear-other-periods').check();
    await page.getByTestId('mixed-periods').filter({ hasText: 'cleared (empty, not 0)' }).waitFor();
    await page.getByTestId('apply-plan').click();
    await waitSaved(page);
    map = await storedMap(page, id);
    for (const r of map.routes) {
      const old = before.routes.find((o) => o.id === r.id);
      if (old && r.volume === 0) assert.equal(old.volume, 0, 'no new 0 after clearing either');
    }
    assert.equal(map.touchpoints.find((t) => t.title === 'Sees a running-shoe ad').measurements.volume, undefined, 'cleared, not 0');
    await page.goto(`${srv.base}#/map/${encodeURIComponent(id)}/dashboard`);
    desc = await funnelSteps(page);
    assert.doesNotMatch(desc, /other period/);
    assert.doesNotMatch(desc, /\(\+/, desc);
    assert.equal(await page.getByTestId('mixed-periods-note').count(), 0, 'one period: nothing to mark');
    await page.goto(`${srv.base}#/map/${encodeURIComponent(id)}/scores`);
    await page.getByTestId('score-table').waitFor();
    assert.equal(await page.getByTestId('other-period-mark').count(), 0);
    assert.equal(await page.getByTestId('mixed-periods-note').count(), 0);

    // German: the same page in the other language.
    await page.goto(`${srv.base}#/map/${encodeURIComponent(id)}/analytics`);
    await page.getByTestId('lang-switch').selectOption('de');
    await importLog(page, logFile);
    await page.getByTestId('goal-source').waitFor();
    await page.getByTestId('goal').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'trust-analytics-de-1366.png') });
    await page.getByTestId('preview-apply').click();
    await page.getByTestId('apply-preview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'trust-preview-de-1366.png') });
  }));

test('a log spanning 14 days: the stored count and the unit on the map agree', () =>
  withPage(browser, 'analytics-trust-14-days', async (page) => {
    const map = {
      schema_version: 2, id: 'two', name: 'Two weeks', created_at: 0, updated_at: 0, next_seq: 10,
      stages: [{ id: 's1', name: 'Buy' }],
      touchpoints: [{ id: 't1', stage_id: 's1', title: 'Visit shop' }, { id: 't2', stage_id: 's1', title: 'Pay' }],
      routes: [{ id: 'r1', from: 't1', to: 't2' }],
    };
    await page.addInitScript((json) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.clear();
      localStorage.setItem('journey-studio:map:two', json);
    }, JSON.stringify(map));
    await page.goto(srv.base + '#/map/two/analytics');
    await page.getByTestId('analytics-page').waitFor();
    await importLog(page, shortLog);
    // Counts on the analytics page carry the log's period as their unit.
    assert.equal(await page.getByTestId('volumes-title').textContent(), 'Volumes per activity in 14 days (2024-03-01 – 2024-03-14)');
    assert.match(await page.getByTestId('log-period').textContent(), /This log covers 2024-03-01 – 2024-03-14 \(14 days\): every count on this page is in that period/);
    await page.getByTestId('lang-switch').selectOption('de');
    await page.getByTestId('volumes-title').filter({ hasText: 'Volumen je Aktivität in 14 Tagen (2024-03-01 – 2024-03-14)' }).waitFor();
    await page.getByTestId('lang-switch').selectOption('en');
    await page.getByTestId('volumes-title').filter({ hasText: 'in 14 days' }).waitFor();
    await page.getByTestId('preview-apply').click();
    assert.match(await page.getByTestId('preview-period').textContent(), /2024-03-01 – 2024-03-14 \(14 days\)/);
    await page.getByTestId('apply-plan').click();
    await waitSaved(page);
    const stored = await storedMap(page, 'two');
    const visit = stored.touchpoints.find((t) => t.title === 'Visit shop').measurements;
    assert.equal(visit.volume, 300);
    const days = Math.floor(visit.period.end_ms / DAY) - Math.floor(visit.period.start_ms / DAY) + 1;
    assert.equal(days, 14);
    assert.equal(stored.routes[0].volume, 100);
    assert.equal(stored.routes[0].period.start_ms, visit.period.start_ms);
    // The map shows the count with its period, never "/ month".
    await page.goto(srv.base + '#/map/two');
    const lines = await page.locator('.cv-measures li').allTextContents();
    assert.ok(lines.includes('300 in 14 days'), lines.join(' | '));
    assert.ok(!lines.some((l) => l.includes('/ month')), lines.join(' | '));
    await page.getByTestId('lang-switch').selectOption('de');
    await page.locator('.cv-measures li').filter({ hasText: '300 in 14 Tagen' }).first().waitFor();
  }));

test('Laufschuhe online with the English shop log: the unmatched route end is named, matched there, and then the goal', () =>
  withPage(browser, 'analytics-trust-shoes-de', async (page) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(srv.base);
    await page.getByTestId('lang-switch').selectOption('de');
    const id = await createRunningShoes(page);
    await page.goto(`${srv.base}#/map/${encodeURIComponent(id)}/analytics`);
    await page.getByTestId('analytics-page').waitFor();
    await importLog(page, logFile);
    // "Bestellbestätigung" ends the main route; no activity of the English log has its name.
    const source = page.getByTestId('goal-source');
    assert.match(await source.textContent(), /„Bestellbestätigung“ beendet Ihre Hauptroute, aber keine Aktivität dieses Protokolls ist ihr zugeordnet/);
    assert.equal(await page.getByTestId('goal-suggestion').count(), 0, 'no frequency guess');
    assert.equal(await page.getByTestId('drop-off-summary').count(), 0, 'no drop-off without a goal');
    await page.getByTestId('end-matching').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'trust-end-matching-de-1366.png') });
    // Matched in the step the page shows for it: the goal comes from the main route.
    await page.getByLabel('Welche Aktivität dieses Protokolls steht für „Bestellbestätigung“?').selectOption(truth.goal);
    await waitSaved(page);
    await page.getByTestId('goal-source').filter({ hasText: 'Ziel: das Ende der Hauptroute der Karte („Bestellbestätigung“)' }).waitFor();
    await dropOffIsTheTruth(page, id);
  }));
