// A recipe per map and its measurement history (issues 27 and 28) through the UI: a
// generated Shopify month (`journey-analyze sample`) is imported with its preset and applied;
// the next month's export then imports in one step with the map's recipe (pick the file,
// the preview opens, apply) and the measurement history shows both periods with the
// cases and the share reaching the goal counted here from the files themselves. A recipe of
// two joined sources (orders + tickets) re-imports the next month's pair, whatever the order
// picked; the stored map and a share link contain no e-mail address. Screenshots of the
// steps at 1366×768 and 1920×1080 in English and German go to e2e/artifacts/recipe/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, withPage, waitSaved, storedMap, addToHub, ARTIFACTS } from '../harness.mjs';
import { axeViolations, describeViolations } from '../a11y.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cargo = process.env.CARGO || 'cargo';
const cli = process.env.JOURNEY_CLI || join(root, 'target', 'release', 'journey-analyze');
let srv, browser, dir;
const files = {};

function runCli(...args) {
  return execFileSync(cli, args, { maxBuffer: 64 << 20 }).toString();
}

before(async () => {
  // Built (or found up to date) here: `--shift-days` must be known to the binary.
  if (!process.env.JOURNEY_CLI) {
    execFileSync(cargo, ['build', '--quiet', '--release', '-p', 'journey-core', '--bin', 'journey-analyze'], { cwd: root, stdio: 'inherit' });
  }
  dir = mkdtempSync(join(tmpdir(), 'recipe-e2e-'));
  const sample = (name, source, seed, shift) => {
    files[name] = join(dir, `${name}.csv`);
    writeFileSync(files[name], runCli('sample', source, '--customers', '60', '--seed', String(seed), '--shift-days', String(shift)));
  };
  sample('orders-march', 'shopify_orders', 4, 0);
  sample('orders-april', 'shopify_orders', 5, 35);
  sample('tickets-march', 'zendesk_tickets', 4, 0);
  sample('tickets-april', 'zendesk_tickets', 5, 35);
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close(); await srv?.close();
  // The generated logs are tens of MB each; CI machines keep /tmp between runs.
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const map = {
  schema_version: 3, id: 'rec', name: 'Recipe shop', created_at: 0, updated_at: 0, next_seq: 10,
  stages: [{ id: 's1', name: 'Buy' }, { id: 's2', name: 'Service' }],
  touchpoints: [{ id: 't1', stage_id: 's1', title: 'Order placed' }, { id: 't2', stage_id: 's1', title: 'Paid' },
    { id: 't3', stage_id: 's1', title: 'Fulfilled' }, { id: 't4', stage_id: 's2', title: 'Ticket opened' }],
  routes: [{ id: 'r1', from: 't1', to: 't2' }, { id: 'r2', from: 't2', to: 't3' }],
};

/** The map with the German event names of the presets (for the German screenshots). */
const mapDe = {
  ...map, name: 'Rezept-Shop',
  stages: [{ id: 's1', name: 'Kauf' }, { id: 's2', name: 'Service' }],
  touchpoints: [{ id: 't1', stage_id: 's1', title: 'Bestellung aufgegeben' }, { id: 't2', stage_id: 's1', title: 'Bezahlt' },
    { id: 't3', stage_id: 's1', title: 'Versandt' }, { id: 't4', stage_id: 's2', title: 'Ticket eröffnet' }],
};

async function openAnalytics(page, seed = map) {
  await page.addInitScript((json) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.clear();
    localStorage.setItem('journey-studio:index', JSON.stringify({ schema_version: 1, maps: [{ id: 'rec', name: 'Recipe shop', updated_at: 0 }] }));
    localStorage.setItem('journey-studio:map:rec', json);
  }, JSON.stringify(seed));
  await page.goto(srv.base + '#/map/rec/analytics');
  await page.getByTestId('analytics-page').waitFor();
}

/** The rows of a generated Shopify export as objects (no quoted commas in these files). */
function rows(file) {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v.trim()])));
}

/** Customers with an order, and those with a fulfilled order (the goal), from the file. */
function truth(file) {
  const all = rows(file).filter((r) => r.Email);
  const customers = new Set(all.map((r) => r.Email.toLowerCase()));
  const fulfilled = new Set(all.filter((r) => r['Fulfilled at']).map((r) => r.Email.toLowerCase()));
  return { cases: customers.size, completion: fulfilled.size / customers.size };
}

async function applyPreview(page) {
  await page.getByTestId('apply-preview').waitFor();
  await page.getByTestId('apply-plan').click();
  await page.getByTestId('analytics-notice').waitFor();
  await waitSaved(page);
}

const noMail = (text) => !/@/.test(text);

test('the recipe imports the next month in one step; the history shows both periods with the truth', () => withPage(browser, 'recipe-month', async (page) => {
  await openAnalytics(page);
  assert.equal(await page.getByTestId('recipe-step').count(), 0, 'no recipe before the first apply');
  await page.getByTestId('log-file').setInputFiles(files['orders-march']);
  await page.getByTestId('source-recognised').waitFor();
  // A filter that goes with the recipe: cancellations left out.
  await page.getByTestId('drop-activities').fill('Cancelled');
  await page.getByTestId('drop-activities').dispatchEvent('change');
  await page.getByTestId('import-source').click();
  await page.getByTestId('source-result').waitFor();
  await page.getByTestId('preview-apply').click();
  await page.getByTestId('preview-recipe').waitFor();
  await applyPreview(page);
  let stored = await storedMap(page, 'rec');
  assert.equal(stored.schema_version, 4);
  assert.equal(stored.analytics.recipe.sources[0].source, 'shopify_orders');
  assert.equal(stored.analytics.recipe.sources[0].last_file, 'orders-march.csv');
  assert.deepEqual(stored.analytics.recipe.sources[0].drop, ['Cancelled']);
  assert.match(await page.getByTestId('recipe-sources').textContent(), /left out: Cancelled/);
  assert.ok(!JSON.stringify(stored.analytics.recipe).includes('@'), 'column names and settings only');
  assert.equal(stored.analytics.history.length, 1);
  assert.match(await page.getByTestId('history-trend').textContent(), /One period so far/);

  // A file that does not fit the recipe: the reader names what it misses; the map stays.
  await page.getByTestId('recipe-step').waitFor();
  await page.getByTestId('recipe-files').setInputFiles(files['tickets-march']);
  await page.getByTestId('analytics-error').waitFor();
  assert.match(await page.getByTestId('analytics-error').textContent(), /Paid at|Email|Name/);
  assert.equal((await storedMap(page, 'rec')).analytics.history.length, 1);
  // Next month: one file, and the preview opens by itself.
  await page.getByTestId('recipe-files').setInputFiles(files['orders-april']);
  await page.getByTestId('preview-table').waitFor();
  // The preview is brought into view (the file was picked at the top of the page).
  await page.waitForFunction(() => {
    const top = document.querySelector('[data-testid=apply-preview]')?.getBoundingClientRect().top;
    return top !== undefined && top > -2 && top < window.innerHeight; // scrolled to its top (sub-pixel)
  }, null, { timeout: 5000 });
  await applyPreview(page);
  stored = await storedMap(page, 'rec');
  assert.equal(stored.analytics.recipe.sources[0].last_file, 'orders-april.csv');
  assert.deepEqual(stored.analytics.recipe.sources[0].drop, ['Cancelled'], 'the filter went with the recipe');
  const h = stored.analytics.history;
  assert.equal(h.length, 2, 'two periods');
  for (const [p, file] of [[h[0], 'orders-march'], [h[1], 'orders-april']]) {
    const t = truth(files[file]);
    assert.equal(p.cases, t.cases, `${file}: cases`);
    assert.ok(Math.abs(p.completed / p.cases - t.completion) < 1e-9, `${file}: share reaching the goal`);
    assert.ok(p.period.source.startsWith(file + '.csv'));
  }
  assert.ok(h[0].period.end_ms < h[1].period.start_ms + 35 * 86400000 && h[0].period.start_ms < h[1].period.start_ms);
  // The page: two rows, newest first, and the verdict by the share reaching the goal.
  const rowsShown = page.getByTestId('history-row');
  assert.equal(await rowsShown.count(), 2);
  assert.equal(Number(await rowsShown.nth(0).getAttribute('data-cases')), h[1].cases);
  const [a, b] = [truth(files['orders-march']).completion, truth(files['orders-april']).completion];
  const verdict = await page.getByTestId('history-trend').textContent();
  assert.match(verdict, Math.abs(b - a) < 0.005 ? /About the same/ : b > a ? /^Better/ : /^Worse/);
  // Each count with its own period: "in N days", never "/ month".
  const volumes = await page.getByTestId('history-volumes').textContent();
  assert.match(volumes, /in \d+ days/);
  assert.ok(!volumes.includes('/ month'));
  // The measurements page shows the same periods.
  await page.goto(srv.base + '#/map/rec/measurements');
  await page.getByTestId('history').waitFor();
  assert.equal(await page.getByTestId('history-row').count(), 2);
  assert.equal(await page.getByTestId('history-trend').textContent(), verdict);
  await page.goto(srv.base + '#/map/rec/analytics');
  // Undo takes the second period back out.
  await page.getByTestId('undo-apply').click();
  await waitSaved(page);
  assert.equal((await storedMap(page, 'rec')).analytics.history.length, 1);
}));

/**
 * A plain event log, `;`-separated, dates written day first (`DD/MM/YYYY HH:MM`): `n` cases
 * from day `first` on, one a day, each Visit → Cart, and every case with an even number Pay.
 */
function dayFirstLog(month, first, n) {
  const p2 = (x) => String(x).padStart(2, '0');
  const lines = ['Kunde;Schritt;Zeit'];
  for (let i = 0; i < n; i++) {
    const day = `${p2(first + (i % 12))}/${p2(month)}/2026`;
    lines.push(`k${month}-${i};Visit;${day} 09:0${i % 10}`, `k${month}-${i};Cart;${day} 10:00`);
    if (i % 2 === 0) lines.push(`k${month}-${i};Pay;${day} 11:00`);
  }
  return lines.join('\n') + '\n';
}

test('a plain log recipe keeps the mapping and the day-first date form: the next month with ambiguous dates reads right', () => withPage(browser, 'recipe-log', async (page) => {
  const march = join(dir, 'log-march.csv');
  const april = join(dir, 'log-april.csv');
  writeFileSync(march, dayFirstLog(3, 13, 24)); // days 13–24: the order shows
  writeFileSync(april, dayFirstLog(4, 1, 30)); // days 1–12 only: the order cannot show
  await page.addInitScript((json) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.clear();
    localStorage.setItem('journey-studio:index', JSON.stringify({ schema_version: 1, maps: [{ id: 'log', name: 'Log', updated_at: 0 }] }));
    localStorage.setItem('journey-studio:map:log', json);
  }, JSON.stringify({ ...map, id: 'log', name: 'Log',
    touchpoints: [{ id: 't1', stage_id: 's1', title: 'Visit' }, { id: 't2', stage_id: 's1', title: 'Cart' }, { id: 't3', stage_id: 's1', title: 'Pay' }] }));
  await page.goto(srv.base + '#/map/log/analytics');
  await page.getByTestId('log-file').setInputFiles(march);
  await page.getByTestId('mapping-step').waitFor();
  assert.equal(await page.getByTestId('time-form-pick').inputValue(), 'day_first');
  await page.getByTestId('start-import').click();
  await page.getByTestId('preview-apply').click();
  await applyPreview(page);
  const recipe = (await storedMap(page, 'log')).analytics.recipe.sources[0];
  assert.deepEqual([recipe.source, recipe.time_form, recipe.columns.delimiter, recipe.columns.case, recipe.columns.time], ['generic', 'day_first', ';', 'Kunde', 'Zeit']);
  await page.getByTestId('recipe-files').setInputFiles(april);
  await applyPreview(page);
  const h = (await storedMap(page, 'log')).analytics.history;
  assert.equal(h.length, 2);
  assert.deepEqual([h[1].cases, h[1].completed], [30, 15]);
  // Read day first: 1–12 April, not twelve months.
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  assert.deepEqual([day(h[1].period.start_ms), day(h[1].period.end_ms)], ['2026-04-01', '2026-04-12']);
  // Without the recipe the same file cannot say which comes first, and the page asks.
  await page.getByTestId('log-file').setInputFiles(april);
  await page.getByTestId('order-unknown').waitFor();
  assert.equal(await page.getByTestId('time-form-pick').inputValue(), 'auto');
}));

test('a workbook recipe reads its sheet again: the next file imports from "Events", not the first sheet', () => withPage(browser, 'recipe-workbook', async (page) => {
  const fixture = join(root, 'e2e', 'fixtures', 'events.xlsx'); // sheets "Notes", "Events": 2 customers, 5 events
  await page.addInitScript((json) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.clear();
    localStorage.setItem('journey-studio:index', JSON.stringify({ schema_version: 1, maps: [{ id: 'wb', name: 'Workbook', updated_at: 0 }] }));
    localStorage.setItem('journey-studio:map:wb', json);
  }, JSON.stringify({ ...map, id: 'wb', name: 'Workbook',
    touchpoints: [{ id: 't1', stage_id: 's1', title: 'Visit' }, { id: 't2', stage_id: 's1', title: 'Pay' }], routes: [{ id: 'r1', from: 't1', to: 't2' }] }));
  await page.goto(srv.base + '#/map/wb/analytics');
  await page.getByTestId('log-file').setInputFiles(fixture);
  await page.getByTestId('log-sheet').waitFor();
  await page.getByTestId('log-sheet').selectOption('Events');
  await page.getByTestId('mapping-step').waitFor();
  await page.getByTestId('start-import').click();
  await page.getByTestId('preview-apply').click();
  await applyPreview(page);
  const recipe = (await storedMap(page, 'wb')).analytics.recipe.sources[0];
  assert.deepEqual([recipe.last_file, recipe.sheet], ['events.xlsx', 'Events']);
  await page.getByTestId('recipe-files').setInputFiles(fixture);
  // The same file again: the preview opens and says nothing would change.
  await page.getByTestId('preview-empty').waitFor();
  assert.equal(Number(await page.getByTestId('metric-cases').getAttribute('data-value')), 2);
  assert.equal(Number(await page.getByTestId('metric-events').getAttribute('data-value')), 5);
  await applyPreview(page);
  const h = (await storedMap(page, 'wb')).analytics.history;
  assert.equal(h.length, 1, 'the same span from the same source is one period');
  assert.equal(h[0].cases, 2);
}));

test('a recipe of orders + tickets joined per customer re-imports the next pair; no e-mail address stored or shared', () => withPage(browser, 'recipe-hub', async (page) => {
  await openAnalytics(page);
  await addToHub(page, [files['orders-march'], files['tickets-march']]);
  await page.getByTestId('hub-join').click();
  await page.getByTestId('hub-matched').waitFor();
  await page.getByTestId('preview-apply').click();
  await applyPreview(page);
  let stored = await storedMap(page, 'rec');
  assert.deepEqual(stored.analytics.recipe.sources.map((s) => s.source), ['shopify_orders', 'zendesk_tickets']);
  // Picked in the other order: matched to the recipe's sources by their headers.
  await page.getByTestId('recipe-files').setInputFiles([files['tickets-april'], files['orders-april']]);
  await page.getByTestId('preview-table').waitFor();
  assert.ok(Number(await page.getByTestId('hub-matched').getAttribute('data-value')) > 0, 'customers matched across the two files');
  await applyPreview(page);
  stored = await storedMap(page, 'rec');
  assert.equal(stored.analytics.history.length, 2);
  assert.deepEqual(stored.analytics.history[1].sources, ['shopify_orders', 'zendesk_tickets']);
  assert.deepEqual(stored.analytics.recipe.sources.map((s) => s.last_file), ['orders-april.csv', 'tickets-april.csv']);
  assert.ok(stored.touchpoints.find((t) => t.title === 'Ticket opened').measurements.volume > 0, 'tickets measured');
  assert.ok(noMail(JSON.stringify(stored)), 'no e-mail address in the stored map');
  await page.goto(srv.base + '#/map/rec');
  await page.getByTestId('map-menu').click();
  await page.getByTestId('map-actions').waitFor();
  await page.getByTestId('share-link').click();
  const url = await page.getByLabel('Link to this map').inputValue();
  const json = inflateRawSync(Buffer.from(url.split('#/shared/v1.')[1], 'base64url')).toString('utf8');
  assert.ok(json.includes('Ticket opened') && noMail(json), 'no e-mail address in the share link');
}));

test('a map drafted from a log keeps its recipe and first period, and is re-measured from the next month', () => withPage(browser, 'recipe-draft', async (page) => {
  await openAnalytics(page);
  await page.getByTestId('log-file').setInputFiles(files['orders-march']);
  await page.getByTestId('source-recognised').waitFor();
  await page.getByTestId('import-source').click();
  await page.getByTestId('source-result').waitFor();
  await page.getByTestId('draft-button').click();
  await page.getByTestId('draft-preview').waitFor();
  await page.getByTestId('draft-create').click();
  await page.getByTestId('map-canvas').waitFor();
  await waitSaved(page);
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
  const drafted = await storedMap(page, id);
  assert.equal(drafted.analytics.drafted_from.name, 'orders-march.csv');
  assert.equal(drafted.analytics.recipe.sources[0].source, 'shopify_orders');
  assert.equal(drafted.analytics.history.length, 1);
  assert.equal(drafted.analytics.history[0].cases, truth(files['orders-march']).cases);
  // Re-measured on its own analytics page with next month's file, in one step.
  await page.goto(srv.base + `#/map/${encodeURIComponent(id)}/analytics`);
  await page.getByTestId('recipe-files').setInputFiles(files['orders-april']);
  await applyPreview(page);
  const after = await storedMap(page, id);
  assert.equal(after.analytics.history.length, 2);
  assert.equal(after.analytics.history[1].cases, truth(files['orders-april']).cases);
  assert.equal(await page.getByTestId('history-row').count(), 2);
}));

test('helpdesk tickets per contact reason become classified contacts through the preview; the reduction potential follows', () => withPage(browser, 'recipe-contacts', async (page) => {
  await openAnalytics(page);
  await page.getByTestId('log-file').setInputFiles(files['tickets-march']);
  await page.getByTestId('source-recognised').waitFor();
  await page.getByTestId('import-source').click();
  await page.getByTestId('contacts-step').waitFor();
  // The truth, from the file: tickets per "Ticket type".
  const tickets = rows(files['tickets-march']);
  const per = (r) => tickets.filter((t) => t['Ticket type'] === r).length;
  for (const [reason, cls, kind] of [['question', 'self_service_candidate', 'information'], ['incident', 'disruptive', 'service'], ['problem', 'value_adding', 'service']]) {
    const row = page.locator(`[data-testid="contact-reason"][data-reason="${reason}"]`);
    await row.getByTestId('contact-class').selectOption(cls);
    await row.getByTestId('contact-kind').selectOption(kind);
  }
  await page.getByTestId('contact-stage').selectOption('s2');
  await page.getByTestId('contacts-preview').click();
  await page.getByTestId('preview-contacts').waitFor();
  assert.match(await page.getByTestId('preview-contacts').textContent(), /Contact-reduction potential: 0 → [\d,]+ contacts per month/);
  const shown = Number(await page.getByTestId('preview-contacts').getAttribute('data-after'));
  await applyPreview(page);
  const stored = await storedMap(page, 'rec');
  const q = stored.touchpoints.find((t) => t.title === 'Contact: question');
  const i = stored.touchpoints.find((t) => t.title === 'Contact: incident');
  assert.equal(q.measurements.volume, per('question'));
  assert.equal(i.measurements.volume, per('incident'));
  assert.equal(q.contact_class, 'self_service_candidate');
  assert.equal(i.contact_reason, 'service');
  assert.equal(q.stage_id, 's2');
  // Per month from the tickets' own period (first to last event, whole days).
  const p = q.measurements.period;
  const days = Math.floor(p.end_ms / 86400000) - Math.floor(p.start_ms / 86400000) + 1;
  const expected = (per('question') + per('incident')) * 30.436875 / days;
  assert.ok(Math.abs(shown - expected) < 1e-6, `${shown} vs ${expected}`);
  await page.goto(srv.base + '#/map/rec/scores');
  const potential = await page.getByTestId('reduction-potential').textContent();
  assert.ok(potential.includes(expected.toFixed(1)), `${potential} shows ${expected.toFixed(1)}`);
}));

test('recipe, history and contacts steps: no serious accessibility violations; contacts classified by keyboard alone', () => withPage(browser, 'recipe-a11y', async (page) => {
  await openAnalytics(page);
  await page.getByTestId('log-file').setInputFiles(files['orders-march']);
  await page.getByTestId('import-source').click();
  await page.getByTestId('preview-apply').click();
  await applyPreview(page);
  await page.getByTestId('log-file').setInputFiles(files['tickets-march']);
  await page.getByTestId('import-source').click();
  await page.getByTestId('contacts-step').waitFor();
  // Keyboard only: the first reason's class with the arrow keys, then Preview with Enter.
  const first = page.getByTestId('contact-class').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await first.inputValue(), '', 'a class chosen by keyboard');
  await page.getByTestId('contacts-preview').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('preview-contacts').waitFor();
  for (const id of ['recipe-step', 'history', 'contacts-step', 'apply-preview']) await page.getByTestId(id).waitFor();
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
}));

for (const [lang, locale, width, height] of [['en', 'en-US', 1366, 768], ['de', 'de-DE', 1366, 768], ['en', 'en-US', 1920, 1080], ['de', 'de-DE', 1920, 1080]]) {
  test(`screenshots of the recipe steps at ${width}×${height} (${lang})`, () => withPage(browser, `recipe-screens-${lang}-${width}`, async (page) => {
    const out = join(ARTIFACTS, 'recipe');
    mkdirSync(out, { recursive: true });
    await openAnalytics(page, lang === 'de' ? mapDe : map);
    await page.getByTestId('log-file').setInputFiles(files['orders-march']);
    await page.getByTestId('source-step').waitFor();
    await page.getByTestId('source-step').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${lang}-${width}x${height}-1-source.png`) });
    await page.getByTestId('source-pick').selectOption('generic');
    await page.getByTestId('mapping-step').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${lang}-${width}x${height}-1b-mapping.png`) });
    await page.getByTestId('source-pick').selectOption('shopify_orders');
    await page.getByTestId('import-source').click();
    await page.getByTestId('preview-apply').click();
    await page.getByTestId('apply-preview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${lang}-${width}x${height}-2-preview.png`) });
    await applyPreview(page);
    await page.getByTestId('recipe-step').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${lang}-${width}x${height}-3-recipe.png`) });
    await page.getByTestId('recipe-files').setInputFiles(files['orders-april']);
    await applyPreview(page);
    await page.getByTestId('history').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${lang}-${width}x${height}-4-history.png`) });
    await page.getByTestId('log-file').setInputFiles(files['tickets-march']);
    await page.getByTestId('import-source').click();
    await page.getByTestId('contacts-step').waitFor();
    await page.getByTestId('contact-class').first().selectOption('self_service_candidate');
    await page.getByTestId('contacts-preview').click();
    await page.getByTestId('contacts-step').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${lang}-${width}x${height}-5-contacts.png`) });
  }, { locale, viewport: { width, height } }));
}
