// A warehouse aggregate (docs/scale.md) on the analytics page: `journey-analyze aggregate`
// writes the same JSON file the warehouse SQL does; choosing it on the page shows the
// metrics (equal to the file's numbers), says which metrics need the raw events, goes
// through the preview into the map (volumes and drop-off rates checked in the stored map
// JSON against the aggregate), and Undo restores the map. A broken aggregate gets a
// message with the place of the error. The numbers in the stored map are also checked
// against `reference()`, computed here from the raw log with the definitions of
// docs/scale.md (independent of the core). Screenshots in EN and DE at 1366×768 and 1920×1080.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, withPage, waitSaved, ARTIFACTS, storedMap } from '../harness.mjs';
import { axeViolations, describeViolations } from '../a11y.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cargo = process.env.CARGO || 'cargo';
const cli = join(root, 'target', 'release', 'journey-analyze');
let srv, browser, dir, aggFile, badFile, agg, ref;
const GOAL = 'Checkout';
const TIMEOUT_S = 3600;

/** Per activity: cases containing it, cases that dropped off there (never reached GOAL,
 *  ended there, last event more than τ before the log's last event), median time to the
 *  next event (linear interpolation, seconds); per directly-follows pair: cases with the
 *  step. Read straight from the CSV (no ties in a generated log: stable sort by time). */
function reference(csv) {
  const cases = new Map();
  for (const line of csv.trim().split('\n').slice(1)) {
    const [id, activity, ts] = line.split(',');
    if (!cases.has(id)) cases.set(id, []);
    cases.get(id).push({ activity, ms: Date.parse(ts) });
  }
  const logEnd = Math.max(...[...cases.values()].flat().map((e) => e.ms));
  const act = new Map();
  const get = (a) => act.get(a) ?? act.set(a, { cases: 0, dropped: 0, next: [] }).get(a);
  const stepCases = new Map();
  for (const events of cases.values()) {
    events.sort((x, y) => x.ms - y.ms);
    for (const a of new Set(events.map((e) => e.activity))) get(a).cases += 1;
    events.forEach((e, i) => i + 1 < events.length && get(e.activity).next.push(events[i + 1].ms - e.ms));
    const steps = new Set(events.slice(1).map((e, i) => `${events[i].activity}→${e.activity}`));
    for (const s of steps) stepCases.set(s, (stepCases.get(s) ?? 0) + 1);
    const last = events.at(-1);
    if (!events.some((e) => e.activity === GOAL) && logEnd - last.ms > TIMEOUT_S * 1000) get(last.activity).dropped += 1;
  }
  const median = (v) => {
    if (!v.length) return null;
    const s = [...v].sort((x, y) => x - y), r = 0.5 * (s.length - 1), lo = Math.floor(r);
    return (s[lo] + (r - lo) * ((s[Math.ceil(r)] ?? s[lo]) - s[lo])) / 1000;
  };
  return {
    activity: (a) => ({ cases: act.get(a).cases, dropped: act.get(a).dropped, p50: median(act.get(a).next) }),
    stepCases: (from, to) => stepCases.get(`${from}→${to}`) ?? 0,
  };
}

let cliBuilt = false;
function analyzeCli(...args) {
  // Always ask cargo (a no-op when up to date): a binary left from an older core would
  // write an aggregate of another version than the page reads.
  if (!cliBuilt) {
    execFileSync(cargo, ['build', '--quiet', '--release', '-p', 'journey-core', '--bin', 'journey-analyze'], { cwd: root, stdio: 'inherit' });
    cliBuilt = true;
  }
  return execFileSync(cli, args, { maxBuffer: 64 << 20 }).toString();
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aggregate-e2e-'));
  const logFile = join(dir, 'shop-log.csv');
  const csv = analyzeCli('generate', '--events', '5000', '--seed', '7');
  writeFileSync(logFile, csv);
  ref = reference(csv);
  // Goal "Checkout", a one-hour timeout: both outcomes occur in a generated log.
  const text = analyzeCli('aggregate', logFile, '--goal', GOAL, '--timeout-s', String(TIMEOUT_S));
  aggFile = join(dir, 'warehouse-aggregate.json');
  writeFileSync(aggFile, text);
  agg = JSON.parse(text);
  badFile = join(dir, 'broken-aggregate.json');
  writeFileSync(badFile, text.replace(`"events": ${agg.events}`, `"events": ${agg.events + 1}`));
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close(); await srv?.close();
  // The generated logs are tens of MB each; CI machines keep /tmp between runs.
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const tp = (id, stage, title) => ({ id, stage_id: stage, title });
/** Touchpoints titled like the generator's activities; the main route ends at Checkout. */
const shopMap = {
  schema_version: 1, id: 'shop', name: 'Shop warehouse', created_at: 0, updated_at: 0, next_seq: 20,
  stages: [{ id: 's1', name: 'Browse' }, { id: 's2', name: 'Buy' }],
  touchpoints: [tp('t1', 's1', 'Visit website'), tp('t2', 's1', 'View product'), tp('t3', 's2', 'Add to cart'),
    tp('t4', 's2', 'Checkout')],
  routes: [{ id: 'r1', from: 't1', to: 't2' }, { id: 'r2', from: 't2', to: 't3' }, { id: 'r3', from: 't3', to: 't4' }],
};

async function openAnalytics(page) {
  await page.addInitScript((json) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.clear();
    // With its index entry, as the app stores a map (else it reports a rebuilt list).
    localStorage.setItem('journey-studio:index', JSON.stringify({ schema_version: 1, maps: [{ id: 'shop', name: 'Shop warehouse', updated_at: 0 }] }));
    localStorage.setItem('journey-studio:map:shop', json);
  }, JSON.stringify(shopMap));
  await page.goto(`${srv.base}#/map/shop/analytics`);
  await page.getByTestId('analytics-page').waitFor();
}

const stored = (page) => storedMap(page, 'shop');
const activity = (name) => agg.activities.find((a) => a.activity === name);

test('an aggregate file: metrics, what needs raw events, preview, apply into the map, undo', () => withPage(browser, 'analytics-aggregate', async (page) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openAnalytics(page);
  await page.getByTestId('log-file').setInputFiles(aggFile);

  // The metrics are the file's numbers; no column mapping for an aggregate.
  await page.getByTestId('aggregate-notice').waitFor();
  await page.getByTestId('metrics').waitFor();
  assert.equal(await page.getByTestId('mapping-step').count(), 0);
  assert.equal(Number(await page.getByTestId('metric-cases').getAttribute('data-value')), agg.cases);
  assert.equal(await page.getByTestId('metric-events').textContent(), agg.events.toLocaleString('en-US'));
  assert.equal(Number(await page.getByTestId('metric-events').getAttribute('data-value')), agg.events);
  assert.equal(Number(await page.getByTestId('metric-variants').getAttribute('data-value')), agg.variants.distinct);
  assert.equal(Number(await page.getByTestId('metric-dfg-edges').getAttribute('data-value')), agg.edges.length);
  assert.equal(await page.getByTestId('volumes').locator('tbody tr').count(), agg.activities.length);
  assert.match(await page.getByTestId('aggregate-source').textContent(), /journey-analyze/);
  assert.match(await page.getByTestId('aggregate-goal').textContent(), /Checkout/);
  // What needs the raw events is said, and nothing asks the worker for it.
  const raw = await page.getByTestId('needs-raw-events').locator('li').allTextContents();
  assert.ok(raw.includes('funnels') && raw.includes('the throughput-time histogram'), raw.join(' | '));
  await page.getByTestId('funnel-needs-raw').waitFor();
  await page.getByTestId('deviation').waitFor();
  assert.equal(await page.getByTestId('analytics-error').count(), 0);
  await page.getByTestId('aggregate-notice').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-aggregate-en-1366.png') });

  // Into the map through the preview: before → after per touchpoint, then Apply.
  await page.getByTestId('preview-apply').click();
  await page.getByTestId('apply-preview').waitFor();
  const row = (what, field) => page.locator(`[data-testid="preview-row"][data-what="${what}"][data-field="${field}"]`);
  const view = activity('View product');
  assert.ok(view.dropped_cases > 0);
  assert.equal(Number(await row('View product', 'volume').getAttribute('data-after')), view.cases);
  assert.equal(Number(await row('View product', 'drop_off_rate').getAttribute('data-after')), view.dropped_cases / view.cases);
  assert.equal(await row('View product', 'drop_off_rate').getAttribute('data-before'), '');
  assert.match(await page.getByTestId('preview-goal').textContent(), /Checkout/);
  await page.getByTestId('apply-preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-aggregate-preview-en-1366.png') });
  // The page with an aggregate and its preview open: no serious or critical axe finding.
  const violations = await axeViolations(page);
  assert.deepEqual(violations.map((v) => v.id), [], describeViolations(violations));
  await page.getByTestId('apply-plan').click();
  await page.getByTestId('analytics-notice').filter({ hasText: 'Measured values written into the map.' }).waitFor();
  await waitSaved(page);

  // The stored map holds the aggregate's numbers.
  // The stored map holds the aggregate's numbers, and they are the raw log's (reference()).
  const map = await stored(page);
  const byTitle = (t) => map.touchpoints.find((x) => x.title === t);
  for (const name of ['Visit website', 'View product', 'Add to cart', 'Checkout']) {
    const a = activity(name);
    const m = byTitle(name).measurements;
    assert.equal(m.volume, a.cases, name);
    assert.equal(m.drop_off_rate, a.dropped_cases / a.cases, name);
    assert.equal(m.throughput_time_s ?? null, a.time_to_next_s.p50 ?? null, name);
    const r = ref.activity(name);
    assert.equal(m.volume, r.cases, `${name}: volume against the raw log`);
    assert.equal(m.drop_off_rate, r.dropped / r.cases, `${name}: drop-off rate against the raw log`);
    assert.ok(Math.abs(m.throughput_time_s - r.p50) <= 1e-9 * r.p50, `${name}: ${m.throughput_time_s} vs ${r.p50}`);
  }
  assert.ok(ref.activity('View product').dropped > 0 && ref.activity('Add to cart').dropped > 0);
  assert.equal(byTitle('Checkout').measurements.drop_off_rate, 0); // nobody drops off at the goal
  const edge = agg.edges.find((e) => e.from === 'View product' && e.to === 'Add to cart');
  assert.equal(map.routes.find((r) => r.id === 'r2').volume, edge.cases);
  for (const [id, from, to] of [['r1', 'Visit website', 'View product'], ['r2', 'View product', 'Add to cart'], ['r3', 'Add to cart', 'Checkout']]) {
    assert.equal(map.routes.find((r) => r.id === id).volume, ref.stepCases(from, to), `${from} → ${to}`);
  }

  // Undo restores the map.
  await page.getByTestId('undo-apply').click();
  await page.getByTestId('analytics-notice').filter({ hasText: 'Undone' }).waitFor();
  await waitSaved(page);
  const undone = await stored(page);
  assert.equal(undone.touchpoints.find((x) => x.title === 'View product').measurements?.volume, undefined);

  // German, and the large screen (from the top: notice and overview).
  await page.setViewportSize({ width: 1920, height: 1080 });
  const toTop = () => page.evaluate(() => window.scrollTo(0, 0));
  await toTop();
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-aggregate-en-1920.png') });
  await page.getByTestId('lang-switch').selectOption('de');
  await page.getByTestId('aggregate-notice').filter({ hasText: 'Aggregat' }).waitFor();
  // Messages already shown follow the language switch.
  await page.getByTestId('analytics-notice').filter({ hasText: 'Rückgängig gemacht' }).waitFor();
  await page.getByTestId('histogram-needs-raw').filter({ hasText: 'Durchlaufzeit jedes Falls' }).waitFor();
  await toTop();
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-aggregate-de-1920.png') });
  await page.getByTestId('metrics').scrollIntoViewIfNeeded();
  await page.getByTestId('metrics').screenshot({ path: join(ARTIFACTS, 'analytics-aggregate-metrics-de-1920.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('aggregate-notice').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-aggregate-de-1366.png') });
  await page.getByTestId('preview-apply').click();
  await page.getByTestId('apply-preview').waitFor();
  await page.getByTestId('apply-preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-aggregate-preview-de-1366.png') });
}));

test('an aggregate whose ties were ordered by name says so, with the number of cases', () => withPage(browser, 'analytics-aggregate-ties', async (page) => {
  // The app's own aggregate orders ties by file row: no notice.
  await openAnalytics(page);
  await page.getByTestId('log-file').setInputFiles(aggFile);
  await page.getByTestId('aggregate-notice').waitFor();
  assert.equal(await page.getByTestId('aggregate-ties').count(), 0);
  // The SQL without an order column (docs/scale.md, "Ties") writes "activity_name" and how
  // many cases had different activities at one timestamp.
  assert.deepEqual(agg.ties, { order: 'file_row', cases_with_ties: 0 });
  const tiesFile = join(dir, 'ties-by-name.json');
  writeFileSync(tiesFile, JSON.stringify({ ...agg, ties: { order: 'activity_name', cases_with_ties: 123 } }));
  await page.getByTestId('log-file').setInputFiles(tiesFile);
  const ties = page.getByTestId('aggregate-ties');
  await ties.waitFor();
  assert.match(await ties.textContent(), /^In 123 cases, different activities share a timestamp\. The warehouse ordered them by activity name/);
  await page.getByTestId('lang-switch').selectOption('de');
  await ties.filter({ hasText: 'In 123 Fällen haben verschiedene Aktivitäten denselben Zeitstempel' }).waitFor();
  await ties.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-aggregate-ties-de-1366.png') });
}));

test('an aggregate whose numbers do not add up is refused with the place', () => withPage(browser, 'analytics-aggregate-broken', async (page) => {
  await openAnalytics(page);
  await page.getByTestId('log-file').setInputFiles(badFile);
  const error = page.getByTestId('analytics-error');
  await error.waitFor();
  assert.match(await error.textContent(), /broken-aggregate\.json: Not a valid aggregate at events \(line \d+, column \d+\)/);
  assert.equal(await page.getByTestId('metrics').count(), 0);
}));
