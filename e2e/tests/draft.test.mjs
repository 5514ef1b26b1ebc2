// The as-is map from what customers did (issue 28), end to end.
// 1. A generated shop log (ten activities over five phases, many leave early) is imported on
//    the analytics page of a small plan whose main route ends at "Pay" (the goal). "Draft a
//    map from this log" with 5 stages shows the draft; "Create this map" opens the new map
//    on the canvas, where at 1366×768 every stage name and every touchpoint title is on
//    screen and whole; it survives a reload; Undo then asks before it removes the map (Keep
//    it keeps it), and removes it from the library when confirmed.
// 2. Planned vs actual of the template "Running shoes online" against a log of its own
//    touchpoint titles plus one activity the plan lacks lists that activity and the planned
//    touchpoints no case reached.
// 3. The same on the canvas: the unplanned activity is a card marked "Unplanned" in the stage
//    where it happens, the planned touchpoint no case reached a card marked "Not reached",
//    the route customers take that the plan lacks is drawn and listed with its cases, and a
//    volume that differs shows both numbers; Back returns to the analytics page.
// Screenshots of the draft step and of planned vs actual (list and canvas) at 1366×768 and
// 1920×1080, English and German, go to e2e/artifacts/ (draft-*.png, planned-actual-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, withPage, waitSaved, brokenWords, mulberry32, settled, canvasOnScreen, ARTIFACTS, storedMap } from '../harness.mjs';
import { axeViolations, describeViolations } from '../a11y.mjs';

let srv, browser, dir, shopFile, shoesFile, shopCases;

const DAY = 86_400_000;
const SHOP = ['See ad', 'Visit shop', 'Search', 'View product', 'Add to cart', 'Checkout', 'Pay', 'Order confirmation', 'Delivery', 'Write review'];
const EXTRA = 'Compares prices elsewhere';


const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const csv = (rows, header = 'case_id,activity,timestamp,channel') =>
  header + '\n' + rows.map((r) => r.map((x, i) => (i === 2 ? iso(x) : x)).join(',')).join('\n') + '\n';

/** The shop: every case walks SHOP in order; a third leave after viewing a product. */
function shopLog(cases, seed) {
  const r = mulberry32(seed);
  const rows = [];
  const start = Date.UTC(2024, 4, 1);
  for (let c = 1; c <= cases; c++) {
    let t = start + Math.floor(r() * 30 * DAY);
    const leaveAt = r() < 0.33 ? 3 : (r() < 0.1 ? 5 : SHOP.length);
    for (let i = 0; i < SHOP.length; i++) {
      const a = SHOP[i];
      if (a === 'Search' && r() < 0.3) continue;
      rows.push([`S${c}`, a, t, i >= 7 ? 'email' : 'website']);
      t += (i === 1 || i === 6 || i === 8 ? 6 * 3600_000 : 60_000) + Math.floor(r() * 300_000);
      if (i >= leaveAt) break;
    }
  }
  rows.sort((x, y) => x[2] - y[2]);
  return rows;
}

/** Running shoes: the template's English titles on its planned route, EXTRA in between for
 * every fourth case, and every fifth case skipping account and shipping costs (basket → pay,
 * a route the plan lacks). */
const SHOES = ['Sees a running-shoe ad', 'Browses the product page', 'Puts the shoes in the basket', 'Creates a customer account',
  'Sees the shipping costs', 'Pays', 'Order confirmation', 'Receives the parcel'];
function shoesLog(cases, seed) {
  const r = mulberry32(seed);
  const rows = [];
  const start = Date.UTC(2024, 4, 1);
  for (let c = 1; c <= cases; c++) {
    let t = start + Math.floor(r() * 20 * DAY);
    for (const a of SHOES) {
      if (c % 5 === 0 && (a === 'Creates a customer account' || a === 'Sees the shipping costs')) continue;
      rows.push([`R${c}`, a, t, 'website']);
      t += 120_000;
      if (a === 'Browses the product page' && c % 4 === 0) {
        rows.push([`R${c}`, EXTRA, t, 'website']);
        t += 120_000;
      }
    }
  }
  return rows;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'draft-e2e-'));
  const shop = shopLog(1500, 28);
  shopCases = 1500;
  shopFile = join(dir, 'shop-log.csv');
  writeFileSync(shopFile, csv(shop));
  shoesFile = join(dir, 'shoes-log.csv');
  writeFileSync(shoesFile, csv(shoesLog(400, 5)));
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close(); await srv?.close();
  // The generated logs are tens of MB each; CI machines keep /tmp between runs.
  if (dir) rmSync(dir, { recursive: true, force: true });
});


async function importLog(page, file) {
  await page.getByTestId('log-file').setInputFiles(file);
  await page.getByTestId('mapping-step').waitFor();
  await page.getByTestId('start-import').click();
  await page.getByTestId('metrics').waitFor();
}


/** "Running shoes online" made from the library, its analytics page with the shoes log imported. */
async function shoesAnalytics(page) {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(srv.base);
    await page.getByTestId('create-running-shoes').click();
    await page.waitForURL(/#\/map\/[^/]+$/);
    const id = decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
    await page.goto(srv.base + `#/map/${encodeURIComponent(id)}/analytics`);
    await page.getByTestId('analytics-page').waitFor();
    await importLog(page, shoesFile);
}

async function draft(page) {
  await page.getByTestId('draft-button').click();
  await page.getByTestId('draft-preview').waitFor();
  await page.locator('[role="status"]', { hasText: /Drafting|Wird entworfen/ }).waitFor({ state: 'detached' });
}

test('draft a map from a shop log with 5 stages: it opens on the canvas, survives a reload, undo asks, then removes it', () =>
  withPage(browser, 'draft-shop', async (page) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    // The plan: a blank map made through the UI, given "Visit shop → Pay" in storage.
    await page.goto(srv.base);
    await page.getByLabel('Name of the new map').fill('Shop plan');
    await page.getByRole('button', { name: 'New blank map' }).click();
    await waitSaved(page);
    const planId = decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
    const planMap = await storedMap(page, planId);
    await page.evaluate(({ id, map }) => {
      const key = 'journey-studio:map:' + id;
      const s = map.stages[2].id;
      map.touchpoints.push({ id: 'tp-90', stage_id: s, title: 'Visit shop' }, { id: 'tp-91', stage_id: s, title: 'Pay' });
      map.routes.push({ id: 'rt-92', from: 'tp-90', to: 'tp-91', kind: 'planned' });
      map.next_seq = 93;
      localStorage.setItem(key, JSON.stringify(map));
    }, { id: planId, map: planMap });
    await page.goto(srv.base + `#/map/${encodeURIComponent(planId)}/analytics`);
    await page.reload();
    await page.getByTestId('analytics-page').waitFor();
    await importLog(page, shopFile);
    const section = page.getByTestId('draft');
    await section.waitFor();
    assert.match(await page.getByTestId('draft-goal').textContent(), /Pay/);
    await page.getByTestId('draft-stage-count').fill('5');
    await page.getByTestId('draft-stage-count').dispatchEvent('change');
    await draft(page);
    const rows = page.getByTestId('draft-row');
    assert.equal(await rows.count(), SHOP.length, 'every activity of the log is a touchpoint');
    assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.dataset.activity)), SHOP, 'in the order customers walk it');
    const stages = await rows.evaluateAll((els) => els.map((e) => Number(e.dataset.stage)));
    assert.deepEqual([...stages].sort((a, b) => a - b), stages, 'stages in order');
    assert.equal(new Set(stages).size, 5, 'five stages, each with a touchpoint');
    assert.match(await page.getByTestId('draft-main-route').textContent(), new RegExp(SHOP.join(' → ')));
    assert.match(await page.getByTestId('draft-to-fill').textContent(), /Emotion/);
    // The draft step and planned vs actual pass axe (serious and critical).
    let violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => v.id), [], describeViolations(violations));
    // Moving an activity to another stage drafts again with it there.
    await page.locator('[data-testid="draft-row"][data-activity="Write review"] [data-testid="draft-move"]').selectOption({ label: 'Delivery & service' });
    await page.locator('[data-testid="draft-row"][data-activity="Write review"][data-stage="3"]').waitFor();
    await page.locator('[data-testid="draft-row"][data-activity="Write review"] [data-testid="draft-move"]').selectOption({ label: 'Loyalty' });
    await page.locator('[data-testid="draft-row"][data-activity="Write review"][data-stage="4"]').waitFor();

    // Screenshots of the draft step, English and German (the German draft names the stages in German).
    mkdirSync(ARTIFACTS, { recursive: true });
    const toTop = (loc) => loc.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // Both window sizes: the step from its heading, and the preview.
    const shoot = async (lang) => {
      for (const [w, h] of [[1366, 768], [1920, 1080]]) {
        await page.setViewportSize({ width: w, height: h });
        await toTop(section);
        await page.screenshot({ path: join(ARTIFACTS, `draft-${lang}-${w}.png`) });
        await toTop(page.getByTestId('draft-preview'));
        await page.screenshot({ path: join(ARTIFACTS, `draft-preview-${lang}-${w}.png`) });
      }
      await page.setViewportSize({ width: 1366, height: 768 });
    };
    await shoot('en');
    await page.getByTestId('lang-switch').selectOption('de');
    await page.getByRole('heading', { name: 'Karte aus diesem Protokoll entwerfen' }).waitFor();
    await draft(page);
    await page.locator('[data-testid="draft-move"] option', { hasText: 'Aufmerksamkeit' }).first().waitFor({ state: 'attached' });
    await shoot('de');
    await page.getByTestId('lang-switch').selectOption('en');
    await page.getByRole('heading', { name: 'Draft a map from this log' }).waitFor();
    await draft(page);
    await page.locator('[data-testid="draft-move"] option', { hasText: 'Awareness' }).first().waitFor({ state: 'attached' });

    // Create: the new map opens on the canvas.
    await page.getByTestId('draft-create').click();
    await page.waitForURL((u) => /#\/map\/[^/]+$/.test(u.hash) && !u.hash.includes(encodeURIComponent(planId)));
    const id = decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
    await page.getByTestId('map-canvas').waitFor();
    await page.getByTestId('touchpoint').first().waitFor();
    await settled(page);
    const inView = () => canvasOnScreen(page);
    let report = await inView();
    assert.deepEqual(report.stages.map((s) => s.text), ['Awareness', 'Consideration', 'Purchase', 'Delivery & service', 'Loyalty']);
    for (const s of report.stages) assert.ok(s.inside && s.whole, `stage “${s.text}” on screen and whole`);
    assert.deepEqual(report.titles.map((t) => t.text), SHOP);
    for (const t of report.titles) assert.ok(t.inside && t.whole, `title “${t.text}” on screen and whole`);
    assert.deepEqual(await brokenWords(page, '[data-testid="stage-name"], [data-testid="card-title"]'), []);
    await page.screenshot({ path: join(ARTIFACTS, 'draft-canvas-en-1366.png') });
    await waitSaved(page);
    const stored = await storedMap(page, id);
    assert.equal(stored.analytics.drafted_from.name, 'shop-log.csv');
    assert.equal(stored.analytics.drafted_from.cases, shopCases);
    const pay = stored.touchpoints.find((t) => t.title === 'Pay');
    assert.equal(pay.evidence.kind, 'measured');
    assert.equal(pay.emotion, undefined, 'nothing invented');

    // The plan against the drafted as-is map (no log needed): on the canvas, the plan's two
    // touchpoints are reached, the eight activities it lacks are unplanned cards, and the
    // planned route Visit shop → Pay, which no drafted route takes directly, is dotted.
    await page.goto(srv.base + `#/map/${encodeURIComponent(planId)}/analytics`);
    await page.getByTestId('pva-drafted').waitFor();
    await page.getByTestId('pva-drafted-pick').selectOption({ label: 'As-is journey (shop-log.csv)' });
    await page.getByTestId('pva-open-drafted').click();
    await page.getByTestId('pva-canvas').waitFor();
    assert.match(await page.locator('.pva-canvas .intro').textContent(), /as-is map “As-is journey \(shop-log.csv\)”/);
    const statuses = await page.getByTestId('pva-card').evaluateAll((els) => els.map((e) => [e.querySelector('[data-testid="pva-card-title"]').textContent, e.dataset.status]));
    const byStatus = (st) => statuses.filter((x) => x[1] === st).map((x) => x[0]).sort();
    assert.deepEqual(byStatus('reached'), ['Pay', 'Visit shop']);
    assert.deepEqual(byStatus('unplanned'), SHOP.filter((a) => a !== 'Pay' && a !== 'Visit shop').sort());
    const listed = await page.locator('[data-testid="pva-route"][data-kind="untaken"]').allTextContents();
    assert.equal(listed.length, 1);
    assert.match(listed[0], /Planned, no case took it: Visit shop → Pay$/);
    await page.waitForFunction(() => document.querySelector('[data-testid="pva-lines"] path.pva-line-untaken'));
    violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => v.id), [], describeViolations(violations));
    await page.getByTestId('pva-back').click();
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'pva-open-drafted');
    await page.goto(srv.base + `#/map/${encodeURIComponent(id)}`);
    await page.getByTestId('touchpoint').first().waitFor();

    // A reload keeps it.
    await page.reload();
    await page.getByTestId('touchpoint').first().waitFor();
    await settled(page);
    report = await inView();
    assert.deepEqual(report.titles.map((t) => t.text), SHOP);

    // Undo after the reload does not delete silently: it asks; "Keep it" keeps the map.
    await page.getByTestId('undo').click();
    await page.getByTestId('remove-draft').waitFor();
    assert.ok(await page.evaluate((id) => localStorage.getItem('journey-studio:map:' + id) !== null, id), 'still stored while asked');
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'remove-draft-no', null, { timeout: 2000 });
    await page.screenshot({ path: join(ARTIFACTS, 'draft-undo-asks-en-1366.png') });
    await page.getByTestId('remove-draft-no').click();
    await page.getByTestId('remove-draft').waitFor({ state: 'detached' });
    assert.equal((await storedMap(page, id)).name, stored.name);
    // Ctrl+Z asks the same.
    await page.getByTestId('map-canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.getByTestId('remove-draft').waitFor();
    // Confirmed, the drafted map goes and the library shows.
    await page.getByTestId('remove-draft-yes').click();
    await page.waitForFunction((id) => localStorage.getItem('journey-studio:map:' + id) === null, id);
    const index = await page.evaluate(() => localStorage.getItem('journey-studio:index'));
    assert.ok(!String(index).includes(id), 'gone from the library index');
    await page.goto(srv.base + '#/');
    await page.getByText('Shop plan').first().waitFor();
    assert.equal(await page.getByText('As-is journey (shop-log.csv)').count(), 0);
  }));

test('planned vs actual: "Running shoes online" against a log with an unplanned activity', () =>
  withPage(browser, 'planned-actual-shoes', async (page) => {
    await shoesAnalytics(page);
    const pva = page.getByTestId('planned-actual');
    await pva.waitFor();
    const unplanned = page.getByTestId('pva-unplanned-activities');
    assert.match(await unplanned.textContent(), new RegExp(`${EXTRA}.*100 cases \\(25 %\\)`));
    const unreached = await page.getByTestId('pva-unreached').textContent();
    assert.match(unreached, /Asks where the parcel is/);
    assert.doesNotMatch(unreached, /Pays/);
    assert.equal(await page.locator('[data-testid="pva-planned"][data-reached="false"]', { hasText: 'Asks where the parcel is' }).count(), 1);
    assert.equal(await page.locator('[data-testid="pva-actual"][data-planned="false"]').allTextContents().then((t) => t.length), 1);
    mkdirSync(ARTIFACTS, { recursive: true });
    const toTop = (loc) => loc.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await toTop(pva);
    await page.screenshot({ path: join(ARTIFACTS, 'planned-actual-en-1366.png') });
    await page.getByTestId('lang-switch').selectOption('de');
    await page.getByRole('heading', { name: 'Soll und Ist' }).waitFor();
    assert.match(await page.getByTestId('pva-unplanned-activities').textContent(), new RegExp(`Nicht im Plan: „${EXTRA}“ — 100 Fälle`));
    await toTop(pva);
    await page.screenshot({ path: join(ARTIFACTS, 'planned-actual-de-1366.png') });
  }));

/** Where a planned-vs-actual card is: its status, stage and whether it is inside the window and whole. */
function pvaCard(page, title) {
  return page.locator('[data-testid="pva-card"]', { has: page.getByText(title, { exact: true }) }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const t = el.querySelector('[data-testid="pva-card-title"]');
    return {
      status: el.dataset.status,
      text: el.textContent,
      stage: el.closest('section').querySelector('[data-testid="pva-stage-name"]').textContent,
      inside: r.left >= 0 && r.right <= innerWidth,
      whole: t.scrollWidth <= t.clientWidth + 1,
    };
  });
}

test('planned vs actual on the canvas: "Running shoes online" against a log with an unplanned activity', () =>
  withPage(browser, 'planned-actual-canvas', async (page) => {
    await shoesAnalytics(page);
    await page.getByTestId('planned-actual').waitFor();
    await page.getByTestId('pva-open-canvas').click();
    await page.getByTestId('pva-canvas').waitFor();
    assert.equal(await page.getByTestId('analytics-page').isVisible(), false, 'the steps are hidden beneath');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="pva-lines"]')?.dataset.count) > 0);
    // The five planned stages side by side, every name in the window.
    assert.deepEqual(await page.getByTestId('pva-stage-name').allTextContents(), ['Awareness', 'Consideration', 'Purchase', 'Delivery & service', 'Loyalty']);
    // The unplanned activity: a card of its own, where it happens (after the product page).
    const extra = await pvaCard(page, EXTRA);
    assert.equal(extra.status, 'unplanned');
    assert.equal(extra.stage, 'Consideration');
    assert.match(extra.text, /Unplanned.*100 cases in \d+ days \(25 %\)/);
    // The planned touchpoint no case reached, marked in words.
    const parcel = await pvaCard(page, 'Asks where the parcel is');
    assert.equal(parcel.status, 'not-reached');
    assert.match(parcel.text, /Not reached.*No case reached it/);
    assert.equal((await pvaCard(page, 'Pays')).status, 'reached');
    // Where the volumes differ most: both numbers with their periods.
    assert.match((await pvaCard(page, 'Sees a running-shoe ad')).text, /Planned 10,000 \/ month · measured 400 in \d+ days/);
    // The route customers take that the plan lacks: drawn dashed and listed with its cases.
    assert.ok(await page.locator('[data-testid="pva-lines"] path.pva-line-unplanned').count() >= 1);
    const routes = await page.locator('[data-testid="pva-route"][data-kind="unplanned"]').allTextContents();
    assert.ok(routes.some((r) => /Puts the shoes in the basket → Pays — 80 cases in \d+ days/.test(r)), routes.join(' | '));
    // Readable at 1366×768: nothing wider than the window, no title cut or broken mid-word.
    const titles = await page.getByTestId('pva-card-title').allTextContents();
    for (const t of titles) {
      const c = await pvaCard(page, t);
      assert.ok(c.inside && c.whole, `card “${t}” inside the window and whole`);
    }
    assert.deepEqual(await brokenWords(page, '[data-testid="pva-card-title"], [data-testid="pva-stage-name"]'), []);
    let violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => v.id), [], describeViolations(violations));
    mkdirSync(ARTIFACTS, { recursive: true });
    const shots = async (lang) => {
      for (const [w, h] of [[1366, 768], [1920, 1080]]) {
        await page.setViewportSize({ width: w, height: h });
        await page.evaluate(() => scrollTo(0, 0));
        await page.waitForTimeout(150);
        await page.screenshot({ path: join(ARTIFACTS, `planned-actual-canvas-${lang}-${w}.png`) });
      }
      await page.screenshot({ path: join(ARTIFACTS, `planned-actual-canvas-${lang}-1920-full.png`), fullPage: true });
      await page.setViewportSize({ width: 1366, height: 768 });
    };
    await shots('en');
    await page.getByTestId('lang-switch').selectOption('de');
    await page.getByRole('heading', { name: /^Soll und Ist: Laufschuhe online|^Soll und Ist: Running shoes online/ }).waitFor();
    assert.match((await pvaCard(page, EXTRA)).text, /Ungeplant.*100 Fälle in \d+ Tagen \(25 %\)/);
    assert.match((await pvaCard(page, 'Asks where the parcel is')).text, /Nicht erreicht/);
    violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => v.id), [], describeViolations(violations));
    await shots('de');
    await page.getByTestId('lang-switch').selectOption('en');
    // The way back: the analytics page as it was, the focus on the button that opened the view.
    await page.getByTestId('pva-back').click();
    await page.getByTestId('planned-actual').waitFor();
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'pva-open-canvas');
    assert.equal(await page.getByTestId('pva-canvas').count(), 0);
    // Esc leaves it too.
    await page.getByTestId('pva-open-canvas').press('Enter');
    await page.getByTestId('pva-canvas').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('pva-canvas').waitFor({ state: 'detached' });
  }));
