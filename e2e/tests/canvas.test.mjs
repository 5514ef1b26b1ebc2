// The map canvas end to end, against the release build: what a team sees on a 1366×768
// projector (every stage, every whole title and the emotion curve without scrolling, no form
// controls until a card is selected), the keyboard, and a map built from blank with the
// visible "+" buttons, the inspector, a drag, undo and redo that survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved, until, brokenWords, newLargeMap, settled, canvasOnScreen, storedMap } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const PROJECTOR = { width: 1366, height: 768 };
const mapId = (page) => decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
const stored = (page, id) => page.evaluate((id) => localStorage.getItem('journey-studio:map:' + id), id);
const FORM_CONTROLS = 'select, textarea, input[type="text"], input:not([type]), input[type="number"], input[type="search"]';


/** Titles of the cards of stage `i`, left to right. */
const stageTitles = (page, i) => page.evaluate((i) => {
  const stage = document.querySelectorAll('[data-testid="stage"]')[i].dataset.stageId;
  return [...document.querySelectorAll('.cv-lane-touchpoints')]
    .filter((c) => c.dataset.stageId === stage)
    .flatMap((c) => [...c.querySelectorAll('[data-testid="card-title"]')].map((t) => t.textContent));
}, i);

/** The "+ touchpoint" button of stage `i` (in its header, or in its empty column). */
async function addButton(page, i) {
  const sid = await page.getByTestId('stage').nth(i).getAttribute('data-stage-id');
  return page.locator(`[data-stage-id="${sid}"] [data-testid="add-touchpoint"]`).first();
}


async function openExample(page) {
  await page.goto(srv.base);
  await page.getByRole('link', { name: 'Coffee to go' }).click();
  await page.getByTestId('map-canvas').waitFor();
  await page.getByTestId('touchpoint').first().waitFor();
  await settled(page);
}

test('at 1366×768 the example shows every stage, every whole title and the curve without scrolling', () =>
  withPage(browser, 'canvas-projector', async (page) => {
    await openExample(page);
    const report = await canvasOnScreen(page);
    assert.equal(report.scrolled, false);
    assert.deepEqual(report.stages.map((s) => s.text), ['Awareness', 'Consideration', 'Purchase', 'Delivery & service', 'Loyalty']);
    for (const s of report.stages) assert.ok(s.inside && s.whole, `stage “${s.text}” on screen and whole`);
    const cards = await page.getByTestId('touchpoint').count();
    assert.equal(report.titles.length, cards);
    for (const t of report.titles) assert.ok(t.inside && t.whole, `title “${t.text}” on screen and whole`);
    assert.deepEqual(await brokenWords(page, '[data-testid="stage-name"], [data-testid="card-title"]'), [], 'no word broken over two lines');
    assert.ok(report.curve, 'the emotion curve is on screen');
    assert.equal(report.faces, cards, 'one point per touchpoint');

    // Read first: no form controls in the map until something is selected.
    const canvas = page.getByTestId('map-canvas');
    assert.equal(await canvas.locator(FORM_CONTROLS).count(), 0);
    assert.equal(await page.getByTestId('inspector').count(), 0);
    await page.getByTestId('touchpoint').nth(1).click();
    await page.getByTestId('inspector').waitFor();
    assert.equal(await page.getByTestId('inspector').getByTestId('tp-title').inputValue(), report.titles[1].text);
    assert.equal(await page.locator('[data-testid="touchpoint"][aria-current="true"]').count(), 1, 'a visible selection');
  }, { viewport: PROJECTOR }));

test('auf 1366×768 zeigt das Beispiel auf Deutsch jede Phase und jeden Titel ganz, ohne getrennte Wörter', () =>
  withPage(browser, 'canvas-projector-de', async (page) => {
    await page.goto(srv.base);
    await page.getByRole('link', { name: 'Kaffee zum Mitnehmen' }).click();
    await page.getByTestId('touchpoint').first().waitFor();
    await settled(page);
    const offScreen = await page.evaluate(() => {
      const area = document.querySelector('[data-testid="map-canvas"]').getBoundingClientRect();
      return [...document.querySelectorAll('[data-testid="stage-name"], [data-testid="card-title"]')]
        .filter((el) => { const r = el.getBoundingClientRect(); return r.right > Math.min(innerWidth, area.right) + 1 || r.bottom > innerHeight + 1; })
        .map((el) => el.textContent);
    });
    assert.deepEqual(offScreen, []);
    const broken = await brokenWords(page, '[data-testid="stage-name"], [data-testid="card-title"], .cv-channel-name');
    assert.deepEqual(broken, []);
  }, { viewport: PROJECTOR, locale: 'de-DE' }));

test('the keyboard selects, opens, renames in place and moves cards; Esc closes', () =>
  withPage(browser, 'canvas-keyboard', async (page) => {
    await openExample(page);
    const selected = () => page.locator('[aria-current="true"]').getAttribute('data-tp-id');
    const ids = await page.getByTestId('touchpoint').evaluateAll((els) => els.map((e) => e.dataset.tpId));
    await page.getByTestId('map-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await until(selected, ids[0]); // the first arrow: the first card
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await until(selected, ids[3]); // across the stage border
    await until(() => page.evaluate(() => document.activeElement?.dataset.tpId), ids[3]); // focus follows the selection (next frame)
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.locator('[data-testid="stage"][aria-current="true"] [data-testid="stage-name"]').textContent(), 'Consideration');
    await page.keyboard.press('ArrowDown');
    await until(selected, ids[3]);

    // Enter: the inspector; Esc: closed, the card keeps the focus.
    await page.keyboard.press('Enter');
    await page.getByTestId('inspector').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('inspector').waitFor({ state: 'detached' });
    await until(() => page.evaluate(() => document.activeElement?.dataset.tpId), ids[3]);

    // F2: the title in place; Enter saves.
    await page.keyboard.press('F2');
    const input = page.getByTestId('title-in-place');
    await input.fill('Installs the app (v2)');
    await input.press('Enter');
    await page.getByTestId('card-title').filter({ hasText: 'Installs the app (v2)' }).waitFor();
    assert.equal(await page.getByTestId('map-canvas').locator(FORM_CONTROLS).count(), 0, 'the field is gone again');

    // Alt+→ twice: within the stage, then into the next one; the focus stays on the card.
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await until(() => stageTitles(page, 2), ['Installs the app (v2)', 'Orders ahead', 'Pays in the app']);
    await until(() => page.evaluate(() => document.activeElement?.dataset.tpId), ids[3]);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await until(() => stageTitles(page, 1), ['Installs the app (v2)', 'Browses the menu']);
  }));

test('a map built from blank with the + buttons, the inspector, a drag, undo and redo survives a reload', () =>
  withPage(browser, 'canvas-build', async (page) => {
    await page.goto(srv.base);
    await page.getByLabel('Name of the new map').fill('Bakery journey');
    await page.getByRole('button', { name: 'New blank map' }).click();
    await page.getByTestId('map-canvas').waitFor();
    const id = mapId(page);
    assert.equal(await page.getByTestId('stage').count(), 5);
    assert.equal(await page.getByTestId('touchpoint').count(), 0, 'a blank map has no touchpoints');

    // "+ Stage" adds a sixth stage, named in place.
    await page.getByTestId('add-stage').click();
    await page.getByTestId('title-in-place').fill('Recommendation');
    await page.getByTestId('title-in-place').press('Enter');
    assert.equal(await page.getByTestId('stage-name').nth(5).textContent(), 'Recommendation');

    // Two touchpoints with the "+" of their stage; fields in the inspector.
    const plan = [[0, 'Sees the shop window', 'store', '1', 'Walks past on the way to work'],
      [0, 'Reads reviews', 'review_portal', '-1', 'Searches the bakery on a review portal'],
      [2, 'Buys rolls', 'store', '2', 'Pays at the counter']];
    for (const [stage, title, channel, emotion, action] of plan) {
      await (await addButton(page, stage)).click();
      await page.getByTestId('title-in-place').fill(title);
      await page.getByTestId('title-in-place').press('Enter');
      const inspector = page.getByTestId('inspector');
      await inspector.getByTestId('tp-channel').selectOption(channel);
      await inspector.getByTestId('tp-emotion').selectOption(emotion);
      await inspector.getByTestId('tp-action').fill(action);
      await inspector.getByTestId('tp-action').press('Tab');
    }
    const inspector = page.getByTestId('inspector');
    await inspector.getByTestId('tp-pain-points').fill('Queue at 8 am\nNo card payment');
    await inspector.getByTestId('tp-pain-points').press('Tab');
    await inspector.getByTestId('input-volume').fill('1,200');
    await inspector.getByTestId('input-volume').press('Tab');
    await page.getByTestId('map-canvas').getByText('No card payment').waitFor();
    assert.deepEqual(await stageTitles(page, 0), ['Sees the shop window', 'Reads reviews']);

    // Drag "Reads reviews" into Consideration.
    const card = page.locator('[data-testid="touchpoint"]', { hasText: 'Reads reviews' });
    await card.dragTo(await addButton(page, 1));
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="card-title"]')].length === 3
      && document.querySelectorAll('.cv-lane-touchpoints [data-testid="touchpoint"]').length === 3);
    await until(() => stageTitles(page, 1), ['Reads reviews']);

    // Undo the drag, redo it.
    await waitSaved(page);
    const built = await stored(page, id);
    await page.getByTestId('undo').click();
    await until(() => stageTitles(page, 0), ['Sees the shop window', 'Reads reviews']);
    await page.getByTestId('redo').click();
    await until(() => stageTitles(page, 1), ['Reads reviews']);
    await waitSaved(page);
    assert.equal(await stored(page, id), built);

    await page.reload();
    await page.getByTestId('touchpoint').first().waitFor();
    assert.equal(await stored(page, id), built);
    assert.deepEqual(await stageTitles(page, 0), ['Sees the shop window']);
    assert.deepEqual(await stageTitles(page, 1), ['Reads reviews']);
    assert.deepEqual(await stageTitles(page, 2), ['Buys rolls']);
    const model = await storedMap(page, id);
    assert.equal(model.stages.length, 6);
    assert.equal(model.stages[5].name, 'Recommendation');
    const buys = model.touchpoints.find((t) => t.title === 'Buys rolls');
    assert.deepEqual([buys.channel.kind, buys.emotion, buys.customer_action], ['store', 2, 'Pays at the counter']);
    assert.deepEqual(buys.pain_points, ['Queue at 8 am', 'No card payment']);
    assert.equal(buys.measurements.volume, 1200);
  }));

test('deleting is quiet and confirmed, and undoable from the notice', () =>
  withPage(browser, 'canvas-delete', async (page) => {
    await openExample(page);
    const before = await page.getByTestId('touchpoint').count();
    await page.getByTestId('touchpoint').first().click();
    await page.getByTestId('tp-remove').click();
    assert.equal(await page.getByTestId('touchpoint').count(), before, 'nothing deleted before confirming');
    await page.getByTestId('confirm-delete').click();
    assert.equal(await page.getByTestId('touchpoint').count(), before - 1);
    await page.getByTestId('undo-delete').click();
    assert.equal(await page.getByTestId('touchpoint').count(), before);
  }));

/** Presses Tab (at most 200 times) until `locator`'s element has the keyboard focus. */
async function tabTo(page, locator) {
  const target = await locator.elementHandle();
  for (let i = 0; i < 200; i++) {
    if (await page.evaluate((t) => document.activeElement === t, target)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail('Tab never reached the element');
}
const focusedCard = (page) => page.evaluate(() => document.activeElement?.dataset.tpId ?? null);

test('a map built from blank with the keyboard alone: Alt+arrow twice keeps the focus on the card; undo, redo and a reload keep it', () =>
  withPage(browser, 'canvas-keyboard-build', async (page) => {
    await page.goto(srv.base);
    await page.getByTestId('map-link').first().waitFor();
    await tabTo(page, page.getByLabel('Name of the new map'));
    await page.keyboard.type('Bike shop journey');
    await tabTo(page, page.getByRole('button', { name: 'New blank map' }));
    await page.keyboard.press('Enter');
    await page.getByTestId('map-canvas').waitFor();
    const id = mapId(page);

    // "+ Stage", named in place.
    await tabTo(page, page.getByTestId('add-stage'));
    await page.keyboard.press('Enter');
    await page.getByTestId('title-in-place').waitFor();
    await page.keyboard.type('Repair');
    await page.keyboard.press('Enter');
    await until(async () => (await page.getByTestId('stage-name').allTextContents())[5], 'Repair');

    // Three touchpoints: "+" of the stage, name in place, Enter opens the inspector, the
    // customer action typed there, Esc back to the card.
    const add = async (stage, title, action) => {
      await tabTo(page, await addButton(page, stage));
      await page.keyboard.press('Enter');
      await page.getByTestId('title-in-place').waitFor();
      await page.keyboard.type(title);
      await page.keyboard.press('Enter');
      await page.getByTestId('title-in-place').waitFor({ state: 'detached' });
      const tp = await page.locator('[data-testid="touchpoint"]', { hasText: title }).getAttribute('data-tp-id');
      await until(() => focusedCard(page), tp);
      await page.keyboard.press('Enter');
      const inspector = page.getByTestId('inspector');
      await inspector.waitFor();
      await tabTo(page, inspector.getByTestId('tp-action'));
      await page.keyboard.type(action);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await inspector.waitFor({ state: 'detached' });
      await until(() => focusedCard(page), tp);
      return tp;
    };
    const ad = await add(0, 'Sees the ad', 'Scrolls past a bike ad');
    await add(0, 'Visits the shop', 'Walks in on Saturday');
    await add(1, 'Test ride', 'Rides two bikes');
    assert.deepEqual(await stageTitles(page, 0), ['Sees the ad', 'Visits the shop']);

    // Home selects the first card; Alt+→ twice: past its neighbour, then into the next stage.
    await page.keyboard.press('Home');
    await until(() => focusedCard(page), ad);
    await page.keyboard.press('Alt+ArrowRight');
    await until(() => stageTitles(page, 0), ['Visits the shop', 'Sees the ad']);
    await until(() => focusedCard(page), ad);
    await page.keyboard.press('Alt+ArrowRight');
    await until(() => stageTitles(page, 1), ['Sees the ad', 'Test ride']);
    await until(() => focusedCard(page), ad);

    // Undo both moves, redo them, all from the keyboard.
    await waitSaved(page);
    const built = await stored(page, id);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await until(() => stageTitles(page, 0), ['Sees the ad', 'Visits the shop']);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await until(() => stageTitles(page, 1), ['Sees the ad', 'Test ride']);
    await waitSaved(page);
    assert.equal(await stored(page, id), built);

    await page.reload();
    await page.getByTestId('touchpoint').first().waitFor();
    assert.deepEqual(await stageTitles(page, 0), ['Visits the shop']);
    assert.deepEqual(await stageTitles(page, 1), ['Sees the ad', 'Test ride']);
    const model = await storedMap(page, id);
    assert.equal(model.stages[5].name, 'Repair');
    assert.equal(model.touchpoints.find((t) => t.id === ad).customer_action, 'Scrolls past a bike ad');
  }));

test('Delete asks first (the focus on Cancel), deletes on confirmation and Ctrl+Z brings the card back', () =>
  withPage(browser, 'canvas-delete-key', async (page) => {
    await openExample(page);
    const before = await page.getByTestId('touchpoint').count();
    const first = await page.getByTestId('touchpoint').first().getAttribute('data-tp-id');
    await page.getByTestId('map-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await until(() => focusedCard(page), first);
    await page.keyboard.press('Delete');
    await page.getByRole('alertdialog').waitFor();
    // The focus moves to Cancel in the frame after the dialog appears.
    const focused = () => page.evaluate(() => document.activeElement?.dataset.testid);
    await until(focused, 'cancel-delete');
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('touchpoint').count(), before, 'Cancel deletes nothing');
    await until(() => focusedCard(page), first);

    await page.keyboard.press('Delete');
    await page.getByRole('alertdialog').waitFor();
    await until(focused, 'cancel-delete');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'confirm-delete');
    await page.keyboard.press('Enter');
    await until(() => page.getByTestId('touchpoint').count(), before - 1);
    await page.keyboard.press('Control+z');
    await until(() => page.getByTestId('touchpoint').count(), before);
  }));

test('a large map draws the cards near the view; End and scrolling reach the far ones', () =>
  withPage(browser, 'canvas-large', async (page) => {
    const N = 150;
    await page.setViewportSize(PROJECTOR);
    await newLargeMap(page, srv.base, 'Large map', N);
    await settled(page);
    // The curve has every touchpoint; the page holds the cards near the view only.
    await page.waitForFunction((n) => {
      const line = document.querySelector('[data-testid="emotion-curve"] path.curve-as-is');
      return !!line && line.getAttribute('d').split(/[ML]/).filter((p) => p.trim()).length === n;
    }, N);
    const drawn = await page.getByTestId('touchpoint').count();
    assert.ok(drawn > 5 && drawn < N, `${drawn} of ${N} cards in the page`);
    // The line's markers likewise: one at each drawn face (each touchpoint has an emotion), not at all N points.
    const [markers, faces] = await page.evaluate(() => [
      // One closed shape (one "M") per marker.
      (document.querySelector('[data-testid="emotion-curve"] path.curve-markers').getAttribute('d').match(/M/g) || []).length,
      document.querySelectorAll('[data-testid="emotion-curve"] .curve-mark').length]);
    assert.ok(markers > 5 && markers < N && markers === faces, `${markers} markers, ${faces} faces`);
    assert.equal(await page.getByTestId('card-title').first().textContent(), 'Step 0');
    // Every lane row still spans the whole map: a gap cell stands for the columns not drawn.
    assert.ok(await page.locator('.cv-gap').count() > 0);

    // End selects the last card: it is drawn, in view and has the focus.
    await page.getByTestId('touchpoint').first().click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    const last = page.locator('[data-testid="touchpoint"][aria-current="true"]');
    await until(() => last.locator('[data-testid="card-title"]').textContent(), `Step ${N - 1}`);
    await until(() => page.evaluate(() => document.activeElement?.dataset?.testid), 'touchpoint');
    const inView = await last.evaluate((el) => {
      const r = el.getBoundingClientRect(), area = document.querySelector('[data-testid="map-canvas"]').getBoundingClientRect();
      return r.left >= area.left && r.right <= area.right;
    });
    assert.ok(inView, 'the last card is scrolled into view');

    // Scrolling back to the start draws the first cards again.
    await page.getByTestId('map-canvas').evaluate((el) => { el.scrollLeft = 0; });
    await until(() => page.getByTestId('card-title').first().textContent(), 'Step 0');
  }));

test('leaving the map in the same moment as a zoom raises no error (the next frame finds the canvas gone)', () =>
  withPage(browser, 'canvas-leave-at-once', async (page) => {
    await openExample(page);
    // The zoom asks for a measurement on the next frame; the page is left before that frame.
    // withPage fails the test on any error in the page (a disposed signal used to panic here).
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => {
        document.querySelector('[data-testid="zoom-in"]').click();
        location.hash = '#/';
      });
      await page.getByRole('link', { name: 'Coffee to go' }).click();
      await page.getByTestId('touchpoint').first().waitFor();
    }
  }));
