// Numbers you can trust (issue 14), end to end. An online-shop log (2,000 cases: visit →
// view product → add to cart → checkout → pay; many leave after viewing products) is
// imported on the analytics page of a map whose main route ends at "Pay". The goal
// defaults to that end, the preview lists every change before → after, Apply writes the
// true drop-off rates (computed here, independently, from the generated rows) into the
// stored map; a survey file reaches CSAT / NPS through the same preview; Undo restores the
// map. The matching step pairs "View product" with a touchpoint titled "Product page"
// when the user picks it, and the choice survives a reload. Screenshots of the page at
// 1366×768 in English and German go to e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, withPage, waitSaved, ARTIFACTS, mulberry32, storedMap } from '../harness.mjs';

let srv, browser, dir, logFile, surveyFile, truth, surveyTruth;

const STEPS = ['Visit shop', 'View product', 'Add to cart', 'Checkout', 'Pay'];
const DAY = 86_400_000;
const TAU = 7 * DAY;


/** The shop log: how far each case gets is drawn first, then its events are written. */
function shopLog(cases, seed) {
  const r = mulberry32(seed);
  const rows = [];
  const start = Date.UTC(2024, 2, 1);
  for (let c = 1; c <= cases; c++) {
    let t = start + Math.floor(r() * 40 * DAY);
    // ~14.5 % leave after the visit; of those viewing products ~46 % leave there.
    const trace = ['Visit shop'];
    if (r() < 0.855) {
      const views = 1 + Math.floor(r() * 3);
      for (let v = 0; v < views; v++) trace.push('View product');
      if (r() < 0.54) {
        trace.push('Add to cart');
        if (r() < 0.8) {
          trace.push('Checkout');
          if (r() < 0.9) trace.push('Pay');
        }
      }
    }
    for (const a of trace) {
      rows.push([`S${c}`, a, t]);
      t += 1000 + Math.floor(r() * 600_000);
    }
  }
  rows.sort((x, y) => x[2] - y[2]);
  return rows;
}

/** Drop-off against the goal, computed from the rows with the documented definition. */
function dropOffTruth(rows, goal) {
  const byCase = new Map();
  for (const [c, a, t] of rows) {
    if (!byCase.has(c)) byCase.set(c, []);
    byCase.get(c).push([t, a]);
  }
  const logEnd = Math.max(...rows.map((r) => r[2]));
  const reached = {}, dropped = {};
  for (const evs of byCase.values()) {
    evs.sort((x, y) => x[0] - y[0]);
    for (const a of new Set(evs.map((e) => e[1]))) reached[a] = (reached[a] || 0) + 1;
    if (evs.some((e) => e[1] === goal)) continue;
    const [lastT, lastA] = evs[evs.length - 1];
    if (logEnd - lastT > TAU) dropped[lastA] = (dropped[lastA] || 0) + 1;
  }
  const rate = {};
  for (const a of Object.keys(reached)) rate[a] = (dropped[a] || 0) / reached[a];
  return { reached, dropped, rate, cases: byCase.size };
}

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'analytics-goal-e2e-'));
  const rows = shopLog(2000, 14);
  truth = dropOffTruth(rows, 'Pay');
  logFile = join(dir, 'shop.csv');
  writeFileSync(logFile, 'case_id,activity,timestamp\n' + rows.map(([c, a, t]) => `${c},${a},${iso(t)}`).join('\n') + '\n');
  // Survey: CSAT and NPS for two touchpoints.
  const answers = [['Pay', 5, 'csat'], ['Pay', 4, 'csat'], ['Pay', 2, 'csat'], ['Pay', 10, 'nps'], ['Pay', 9, 'nps'],
    ['Pay', 3, 'nps'], ['Checkout', 3, 'csat'], ['Checkout', 4, 'csat'], ['Checkout', 7, 'nps']];
  surveyFile = join(dir, 'survey.csv');
  writeFileSync(surveyFile, 'touchpoint,rating,scale\n' + answers.map((a) => a.join(',')).join('\n') + '\n');
  surveyTruth = { payCsat: 11 / 3, payNps: (2 / 3 - 1 / 3) * 100, checkoutCsat: 3.5, checkoutNps: 0 };
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close(); await srv?.close();
  // The generated logs are tens of MB each; CI machines keep /tmp between runs.
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const tp = (id, stage, title) => ({ id, stage_id: stage, title });
function shopMap(viewTitle) {
  return {
    schema_version: 1, id: 'shop', name: 'Online shop', created_at: 0, updated_at: 0, next_seq: 20,
    stages: [{ id: 's1', name: 'Browse' }, { id: 's2', name: 'Buy' }],
    touchpoints: [tp('t1', 's1', 'Visit shop'), tp('t2', 's1', viewTitle), tp('t3', 's2', 'Add to cart'),
      tp('t4', 's2', 'Checkout'), tp('t5', 's2', 'Pay')],
    routes: [{ id: 'r1', from: 't1', to: 't2' }, { id: 'r2', from: 't2', to: 't3' }, { id: 'r3', from: 't3', to: 't4' },
      { id: 'r4', from: 't4', to: 't5' }],
  };
}

async function seed(page, map) {
  await page.addInitScript((json) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.clear();
    localStorage.setItem('journey-studio:map:shop', json);
  }, JSON.stringify(map));
  await page.goto(srv.base + '#/map/shop/analytics');
  await page.getByTestId('analytics-page').waitFor();
}

async function importLog(page) {
  await page.getByTestId('log-file').setInputFiles(logFile);
  await page.getByTestId('mapping-step').waitFor();
  await page.getByTestId('start-import').click();
  await page.getByTestId('metrics').waitFor();
}

const stored = (page) => storedMap(page, 'shop');
const touchpoint = (map, title) => map.touchpoints.find((t) => t.title === title);

test('the shop log: goal from the main route, preview, true drop-off in the map, survey, undo', () => withPage(browser, 'analytics-goal-shop', async (page) => {
  await seed(page, shopMap('View product'));
  await importLog(page);
  // The goal is the main route's end, not the most frequent last activity (View product).
  assert.match(await page.getByTestId('goal-source').textContent(), /end of the map’s main route \(“Pay”\)/);
  assert.equal(await page.locator('[data-testid="goal-activity"][data-activity="Pay"]').isChecked(), true);
  assert.equal(await page.locator('[data-testid="goal-activity"][data-activity="View product"]').isChecked(), false);
  // The drop-off table holds the true rates, and nobody drops off at the goal.
  const rateOf = async (a) => Number(await page.locator(`[data-testid="drop-off-row"][data-activity="${a}"]`).getAttribute('data-rate'));
  for (const a of ['Visit shop', 'View product', 'Add to cart', 'Checkout']) {
    assert.ok(Math.abs(await rateOf(a) - truth.rate[a]) < 1e-12, `${a}: ${await rateOf(a)} vs ${truth.rate[a]}`);
  }
  assert.equal(await page.locator('[data-testid="drop-off-row"][data-activity="Pay"]').count(), 0);
  assert.ok(truth.rate['View product'] > 0.4 && truth.rate['Visit shop'] > 0.1, JSON.stringify(truth.rate));

  // Screenshots of the page with its new steps, English then German (looked at by hand).
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('goal').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-goal-en-1366.png') });

  // Preview: every change listed before → after; the map is not touched yet.
  await page.getByTestId('preview-apply').click();
  await page.getByTestId('apply-preview').waitFor();
  const row = (what, field) => page.locator(`[data-testid="preview-row"][data-what="${what}"][data-field="${field}"]`);
  assert.equal(Number(await row('View product', 'drop_off_rate').getAttribute('data-after')), truth.rate['View product']);
  assert.equal(await row('View product', 'drop_off_rate').getAttribute('data-before'), '');
  assert.match(await row('View product', 'drop_off_rate').textContent(), /–\s*→ \d+(\.\d)? %/);
  assert.equal(Number(await row('Pay', 'drop_off_rate').getAttribute('data-after')), 0);
  assert.equal(Number(await row('Visit shop', 'volume').getAttribute('data-after')), truth.cases);
  // The throughput sample for the chart is listed too.
  assert.equal(await page.locator('[data-testid="preview-row"][data-field="journey_throughputs"]').count(), 1);
  assert.match(await page.getByTestId('preview-goal').textContent(), /Pay/);
  assert.equal(touchpoint(await stored(page), 'Pay').measurements?.drop_off_rate, undefined);
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-preview-en-1366.png') });

  // Cancel changes nothing; Apply writes the true numbers.
  await page.getByTestId('cancel-plan').click();
  assert.equal(await page.getByTestId('apply-preview').count(), 0);
  await page.getByTestId('preview-apply').click();
  await page.getByTestId('apply-plan').click();
  await page.getByTestId('analytics-notice').filter({ hasText: 'Measured values written into the map.' }).waitFor();
  await waitSaved(page);
  let map = await stored(page);
  for (const a of STEPS) {
    const m = touchpoint(map, a).measurements;
    assert.equal(m.drop_off_rate, truth.rate[a], `${a} drop-off in the stored map`);
    assert.equal(m.volume, truth.reached[a], `${a} volume`);
    assert.equal(touchpoint(map, a).evidence.kind, 'measured');
  }
  assert.equal(map.journey_throughput_s.length, truth.cases, 'the throughput chart gets its data');
  assert.equal(map.schema_version, 4);

  // The survey reaches the map through the same preview.
  await page.getByTestId('survey-file').setInputFiles(surveyFile);
  await page.getByTestId('preview-survey').click();
  const preview = page.getByTestId('survey').getByTestId('apply-preview');
  await preview.waitFor();
  assert.ok(Math.abs(Number(await preview.locator('[data-what="Pay"][data-field="csat"]').getAttribute('data-after')) - surveyTruth.payCsat) < 1e-12);
  assert.ok(Math.abs(Number(await preview.locator('[data-what="Pay"][data-field="nps"]').getAttribute('data-after')) - surveyTruth.payNps) < 1e-9);
  await preview.getByTestId('apply-plan').click();
  await waitSaved(page);
  map = await stored(page);
  assert.ok(Math.abs(touchpoint(map, 'Pay').measurements.csat - surveyTruth.payCsat) < 1e-12);
  assert.ok(Math.abs(touchpoint(map, 'Pay').measurements.nps - surveyTruth.payNps) < 1e-9);
  assert.equal(touchpoint(map, 'Checkout').measurements.csat, surveyTruth.checkoutCsat);
  assert.equal(touchpoint(map, 'Checkout').measurements.nps, surveyTruth.checkoutNps);

  // Undo: first the survey, then the log's numbers.
  await page.getByTestId('undo-apply').click();
  await waitSaved(page);
  map = await stored(page);
  assert.equal(touchpoint(map, 'Pay').measurements.csat, undefined);
  assert.equal(touchpoint(map, 'Pay').measurements.drop_off_rate, 0);
  await page.getByTestId('undo-apply').click();
  await waitSaved(page);
  map = await stored(page);
  assert.equal(touchpoint(map, 'View product').measurements?.drop_off_rate, undefined);
  assert.equal(touchpoint(map, 'View product').evidence?.kind ?? 'assumed', 'assumed');

  // German.
  await page.getByTestId('lang-switch').selectOption('de');
  await page.getByRole('heading', { name: 'Das Ziel der Kundenreise' }).waitFor();
  await page.getByTestId('goal').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-goal-de-1366.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('preview-apply').click();
  await page.getByTestId('apply-preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-preview-de-1920.png') });
}));

test('matching: "View product" is paired with "Product page" when picked, and stays after a reload', () => withPage(browser, 'analytics-matching', async (page) => {
  await seed(page, shopMap('Product page'));
  await importLog(page);
  const row = page.locator('[data-testid="match-row"][data-activity="View product"]');
  await row.waitFor();
  // Not matched silently: only suggested.
  assert.equal(await row.getByTestId('match-select').inputValue(), '');
  assert.match(await row.getByTestId('match-kind').textContent(), /no match.*Suggestion: use “Product page”/);
  // Without the match the goal still comes from the main route, and "View product" is unmatched in the preview.
  await row.getByTestId('match-select').selectOption({ label: 'Product page' });
  await waitSaved(page);
  await page.locator('[data-testid="match-row"][data-activity="View product"] [data-testid="match-kind"]').filter({ hasText: 'your choice' }).waitFor();
  let map = await stored(page);
  assert.deepEqual(map.analytics.activity_matches, [{ activity: 'View product', touchpoint_id: 't2' }]);

  await page.reload();
  await page.getByTestId('analytics-page').waitFor();
  map = await stored(page);
  assert.deepEqual(map.analytics.activity_matches, [{ activity: 'View product', touchpoint_id: 't2' }]);
  await importLog(page);
  const again = page.locator('[data-testid="match-row"][data-activity="View product"]');
  assert.equal(await again.getByTestId('match-select').inputValue(), 't2');
  assert.match(await again.getByTestId('match-kind').textContent(), /your choice/);
  // And apply writes View product's true drop-off into "Product page".
  await page.getByTestId('preview-apply').click();
  const drop = page.locator('[data-testid="preview-row"][data-what="Product page"][data-field="drop_off_rate"]');
  assert.equal(Number(await drop.getAttribute('data-after')), truth.rate['View product']);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('activity-matching').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-matching-en-1366.png') });
}));
