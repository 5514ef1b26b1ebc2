// Scores that tell the truth, driven through the UI: the running-shoes example shows the
// touchpoint-illusion warning until its drop-offs are fixed in the scores view; one emotion
// edit moves the touchpoint, stage and journey scores without a reload; the warning speaks
// German after the language switch; a refused value says why and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** The number at the start of a badge such as "72.4 · good" or "45,1 · schwach". */
async function scoreOf(locator) {
  const text = (await locator.textContent()).trim();
  const n = parseFloat(text.replace(',', '.'));
  assert.ok(Number.isFinite(n), `a score in "${text}"`);
  return n;
}

const row = (page, title) => page.getByTestId('score-row').filter({ has: page.getByRole('rowheader', { name: title }) });
const stageRow = (page, name) => page.getByTestId('stage-row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** Creates the running-shoes example from the library and opens its scores view. */
async function openRunningShoes(page) {
  await page.goto(srv.base);
  await page.getByRole('button', { name: 'Example: running shoes online' }).click();
  await page.getByTestId('map-title').filter({ hasText: 'Running shoes online' }).waitFor();
  await page.getByRole('link', { name: 'Scores' }).click();
  await page.getByTestId('scores-view').waitFor();
}

test('running shoes: the illusion warning shows, and goes when the drop-offs on the main route are fixed',
  () => withPage(browser, 'scores-illusion', async (page) => {
    await openRunningShoes(page);
    const warning = page.getByRole('alert').filter({ hasText: 'Touchpoint illusion' });
    await warning.waitFor();
    const text = await warning.textContent();
    assert.match(text, /Only 20(\.\d)? % of customers complete the journey/, text);
    assert.equal(await page.getByTestId('completion').textContent(), '20.5 %');
    const journeyBefore = await scoreOf(page.getByTestId('journey-score'));
    const meanBefore = await scoreOf(page.getByTestId('mean-score'));
    assert.ok(meanBefore - journeyBefore > 15, `mean ${meanBefore} vs journey ${journeyBefore}`);

    const onRoute = page.locator('[data-testid="score-row"][data-main-route="true"]');
    const n = await onRoute.count();
    assert.equal(n, 7, 'ad → … → order confirmation (the goal)');
    for (let i = 0; i < n; i++) {
      const input = onRoute.nth(i).getByLabel(/^Drop-off \(%\)/);
      await input.fill('2');
      await input.press('Enter');
    }
    await page.getByTestId('illusion-ok').waitFor();
    assert.equal(await page.getByTestId('illusion-warning').count(), 0);
    const journeyAfter = await scoreOf(page.getByTestId('journey-score'));
    assert.ok(journeyAfter > journeyBefore + 30, `journey score rose: ${journeyBefore} → ${journeyAfter}`);
    assert.match(await page.getByTestId('completion').textContent(), /^8\d(\.\d)? %$/);

    // The edits are saved with the map and undo brings the last drop-off back.
    await waitSaved(page);
    await page.reload();
    await page.getByTestId('illusion-ok').waitFor();
    assert.equal(await scoreOf(page.getByTestId('journey-score')), journeyAfter);
  }));

test('coffee to go: one emotion edit moves touchpoint, stage and journey score without a reload',
  () => withPage(browser, 'scores-live', async (page) => {
    await page.goto(srv.base);
    await page.getByRole('link', { name: 'Coffee to go' }).click();
    await page.getByRole('link', { name: 'Scores' }).click();
    await page.getByTestId('scores-view').waitFor();
    await page.evaluate(() => { window.__sameDocument = true; });

    const menu = row(page, /Browses the menu/);
    const stage = stageRow(page, 'Consideration');
    const before = {
      touchpoint: await scoreOf(menu.getByTestId('touchpoint-score')),
      stage: await scoreOf(stage.getByTestId('stage-score')),
      journey: await scoreOf(page.getByTestId('journey-score')),
    };
    assert.equal(await menu.getByLabel(/^Emotion/).inputValue(), '0');
    await menu.getByLabel(/^Emotion/).selectOption('-2');

    await page.waitForFunction((old) => {
      const badge = document.querySelector('[data-testid="journey-score"]');
      return badge && parseFloat(badge.textContent) !== old;
    }, before.journey);
    const after = {
      touchpoint: await scoreOf(menu.getByTestId('touchpoint-score')),
      stage: await scoreOf(stage.getByTestId('stage-score')),
      journey: await scoreOf(page.getByTestId('journey-score')),
    };
    assert.ok(after.touchpoint < before.touchpoint, `touchpoint ${before.touchpoint} → ${after.touchpoint}`);
    assert.ok(after.stage < before.stage, `stage ${before.stage} → ${after.stage}`);
    assert.ok(after.journey < before.journey, `journey ${before.journey} → ${after.journey}`);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload happened');
    assert.match(await menu.textContent(), /Emotion −2 → 0 pts/);

    // Undo takes the edit back, and every score with it.
    await page.getByTestId('scores-undo').click();
    await page.waitForFunction((old) => parseFloat(document.querySelector('[data-testid="journey-score"]').textContent) === old, before.journey);
    assert.equal(await scoreOf(menu.getByTestId('touchpoint-score')), before.touchpoint);
    assert.equal(await menu.getByLabel(/^Emotion/).inputValue(), '0');
  }));

test('the illusion warning speaks German after the language switch', () => withPage(browser, 'scores-german', async (page) => {
  await openRunningShoes(page);
  await page.getByTestId('illusion-warning').waitFor();
  await page.getByTestId('lang-switch').selectOption('de');
  const warning = page.getByRole('alert').filter({ hasText: 'Touchpoint-Illusion' });
  await warning.waitFor();
  const text = await warning.textContent();
  assert.match(text, /Nur 20(,\d)? % der Kunden schließen die Reise ab/, text);
  assert.doesNotMatch(text, /customers/);
  await page.getByRole('heading', { name: 'Phasenwerte' }).waitFor();
  assert.match(await page.getByTestId('journey-score').textContent(), /^\d+(,\d)? · (schlecht|schwach|gut|sehr gut)$/);
}));

test('a value outside its scale is refused with a message and changes nothing', () => withPage(browser, 'scores-refused', async (page) => {
  await openRunningShoes(page);
  const pays = row(page, /^Pays/);
  const before = await scoreOf(pays.getByTestId('touchpoint-score'));
  const input = pays.getByLabel(/^Drop-off \(%\)/);
  assert.equal(await input.inputValue(), '10');
  await input.fill('150');
  await input.press('Enter');
  const problem = page.getByRole('alert').filter({ hasText: '150 is outside the scale 0 to 100' });
  await problem.waitFor();
  assert.match(await problem.textContent(), /“Pays”: Drop-off \(%\)/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.equal(await scoreOf(pays.getByTestId('touchpoint-score')), before);
  await input.fill('5');
  await input.press('Enter');
  await problem.waitFor({ state: 'hidden' });
  assert.ok(await scoreOf(pays.getByTestId('touchpoint-score')) > before);

  // The settings panel: a higher threshold silences the warning, and it is one undo step.
  await page.getByTestId('illusion-warning').waitFor();
  const threshold = page.getByLabel('Warning threshold (points)');
  await threshold.fill('60');
  await threshold.press('Enter');
  await page.getByTestId('illusion-ok').waitFor();
  await page.getByTestId('scores-undo').click();
  await page.getByTestId('illusion-warning').waitFor();
  assert.equal(await threshold.inputValue(), '15');
}));

test('on the map itself: cards, stages and the header carry scores that follow an emotion edit', () =>
  withPage(browser, 'scores-on-map', async (page) => {
    await page.goto(srv.base);
    await page.getByRole('link', { name: 'Coffee to go' }).click();
    await page.getByTestId('map-title').waitFor();
    const card = page.getByTestId('touchpoint').filter({ has: page.getByTestId('card-title').filter({ hasText: /^Browses the menu$/ }) });
    const stage = page.getByTestId('stage').filter({ has: page.getByTestId('stage-name').filter({ hasText: /^Consideration$/ }) });
    const header = page.getByTestId('map-score-header');
    const read = async () => ({
      tp: await scoreOf(card.getByTestId('tp-score')),
      stage: await scoreOf(stage.getByTestId('stage-score')),
      journey: await scoreOf(header.getByTestId('map-journey-score')),
    });
    const before = await read();
    // The emotion is edited in the inspector beside the map.
    await card.click();
    await page.getByTestId('inspector').getByTestId('tp-emotion').selectOption('-2');
    await page.waitForFunction((tp) => {
      const el = [...document.querySelectorAll('[data-testid="touchpoint"]')]
        .find((c) => c.querySelector('[data-testid="card-title"]')?.textContent === 'Browses the menu');
      return el && parseFloat(el.querySelector('[data-testid="tp-score"]').textContent) < tp;
    }, before.tp);
    const after = await read();
    assert.ok(after.tp < before.tp, `touchpoint ${before.tp} → ${after.tp}`);
    assert.ok(after.stage < before.stage, `stage ${before.stage} → ${after.stage}`);
    assert.ok(after.journey < before.journey, `journey ${before.journey} → ${after.journey}`);
  }));

test('the running-shoes map warns of the touchpoint illusion right on the map', () =>
  withPage(browser, 'illusion-on-map', async (page) => {
    await page.goto(srv.base);
    await page.getByTestId('create-running-shoes').click();
    await page.getByTestId('map-title').waitFor();
    // One line on the map: the chip; the warning itself one click away.
    const header = page.getByTestId('map-score-header');
    await header.getByTestId('illusion-chip').waitFor();
    await header.locator('summary').click();
    const warning = header.getByTestId('illusion-warning');
    await warning.waitFor();
    assert.match(await warning.textContent(), /20[.,]5 %/);
  }));
