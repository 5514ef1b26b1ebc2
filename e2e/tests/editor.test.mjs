// The map editor end to end, against the release build and through the UI only: a map built
// from blank (personas, stages, touchpoints with channels, emotions and personas set in the
// inspector, routes with a loop back), reordering by drag-and-drop and by keyboard,
// undo/redo, reload; the flow view; lanes, the persona filter and the to-be emotion; and
// every template in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved, until, newLargeMap, storedMap } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const mapId = (page) => decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
const stored = (page, id) => page.evaluate((id) => localStorage.getItem('journey-studio:map:' + id), id);

/** Titles of the cards of stage `i`, left to right. */
const cardTitles = (page, i) => page.evaluate((i) => {
  const stage = document.querySelectorAll('[data-testid="stage"]')[i].dataset.stageId;
  return [...document.querySelectorAll('.cv-lane-touchpoints')]
    .filter((c) => c.dataset.stageId === stage)
    .flatMap((c) => [...c.querySelectorAll('[data-testid="card-title"]')].map((t) => t.textContent));
}, i);
const stageNames = (page) => page.getByTestId('stage-name').allTextContents();


/** The "+ touchpoint" button of stage `i` (in its header, or in its empty column). */
async function addTouchpoint(page, i) {
  const sid = await page.getByTestId('stage').nth(i).getAttribute('data-stage-id');
  await page.locator(`[data-stage-id="${sid}"] [data-testid="add-touchpoint"]`).first().click();
}

/** Types into the field edited in place and saves with Enter. */
async function nameInPlace(page, text) {
  await page.getByTestId('title-in-place').fill(text);
  await page.getByTestId('title-in-place').press('Enter');
}

/** Fills a text field and leaves it, which commits the edit (one undo step). */
async function commit(locator, value) {
  await locator.fill(value);
  await locator.press('Tab');
}

async function newBlankMap(page, name) {
  await page.goto(srv.base);
  await page.getByLabel('Name of the new map').fill(name);
  await page.getByRole('button', { name: 'New blank map' }).click();
  await page.getByTestId('map-title').filter({ hasText: name }).waitFor();
}

test('a map built from blank with the UI survives undo/redo and a reload, and its flow shows the loop', () =>
  withPage(browser, 'editor-build', async (page) => {
    await newBlankMap(page, 'Garden shop journey');
    const id = mapId(page);

    // Five stages: the blank map's last one is deleted (asked first), a new one added and named.
    assert.equal(await page.getByTestId('stage').count(), 5);
    await page.getByTestId('stage').nth(4).click();
    await page.getByTestId('stage-remove').click();
    await page.getByTestId('confirm-delete').click();
    assert.equal(await page.getByTestId('stage').count(), 4);
    await page.getByTestId('add-stage').click();
    await nameInPlace(page, 'Loyalty & next purchase');
    assert.equal(await page.getByTestId('stage').count(), 5);

    // Two personas.
    await page.getByTestId('personas').locator('summary').click();
    for (const name of ['Lena, hobby gardener', 'Tom, landscaper']) {
      await page.getByTestId('add-persona').click();
      await commit(page.getByTestId('persona-name').last(), name);
    }
    await commit(page.getByTestId('persona-segment').first(), 'Private customers');
    assert.equal(await page.getByTestId('persona').count(), 2);

    // Ten touchpoints, two per stage, with channel, emotion and personas set in the inspector.
    const plan = [
      ['Searches for seeds', 'search_engine', '1'], ['Reads a forum thread', 'review_portal', '0'],
      ['Compares prices', 'online_shop', '-1'], ['Asks in the chat', 'chat', '1'],
      ['Orders online', 'online_shop', '2'], ['Pays by invoice', 'email', '0'],
      ['Parcel arrives', 'letter', '1'], ['Calls about damage', 'phone', '-2'],
      ['Gets a voucher', 'email', '1'], ['Recommends the shop', 'social_media', '2'],
    ];
    const inspector = page.getByTestId('inspector');
    for (const [i, [title, channel, emotion]] of plan.entries()) {
      await addTouchpoint(page, Math.floor(i / 2));
      await nameInPlace(page, title);
      await inspector.getByTestId('tp-channel').selectOption(channel);
      await inspector.getByTestId('tp-emotion').selectOption(emotion);
      await inspector.getByTestId('tp-persona').nth(i % 2).check();
    }
    assert.equal(await page.getByTestId('touchpoint').count(), 10);
    assert.equal(await page.locator('[data-testid="touchpoint"][data-channel="search_engine"]').count(), 1);

    // Three routes, one looping back from loyalty to awareness.
    const addRoute = async (from, to, kind) => {
      await page.getByTestId('route-from').selectOption({ label: from });
      await page.getByTestId('route-to').selectOption({ label: to });
      await page.getByTestId('route-kind').selectOption(kind);
      await page.getByTestId('add-route').click();
    };
    await addRoute('Awareness: Searches for seeds', 'Consideration: Compares prices', 'planned');
    await addRoute('Consideration: Asks in the chat', 'Purchase: Orders online', 'alternative');
    await addRoute('Loyalty & next purchase: Recommends the shop', 'Awareness: Searches for seeds', 'loop_back');
    assert.equal(await page.getByTestId('route').count(), 3);
    assert.equal(await page.locator('[data-testid="route"][data-kind="LoopBack"]').count(), 1);

    // Drag "Pays by invoice" onto "Orders online": it moves before it.
    assert.deepEqual(await cardTitles(page, 2), ['Orders online', 'Pays by invoice']);
    const card = (title) => page.locator('[data-testid="touchpoint"]', { hasText: title });
    await card('Pays by invoice').dragTo(card('Orders online'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="card-title"]')[4].textContent === 'Pays by invoice');
    assert.deepEqual(await cardTitles(page, 2), ['Pays by invoice', 'Orders online']);

    // Keyboard: "Calls about damage" one place earlier with its inspector button, then Alt+→
    // twice: past "Parcel arrives", into the next stage; the focus stays on the card.
    await card('Calls about damage').click();
    await inspector.getByTestId('tp-earlier').click();
    await until(() => cardTitles(page, 3), ['Calls about damage', 'Parcel arrives']);
    await card('Calls about damage').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="card-title"]')[7].textContent === 'Calls about damage');
    assert.deepEqual(await cardTitles(page, 4), ['Calls about damage', 'Gets a voucher', 'Recommends the shop']);
    assert.deepEqual(await cardTitles(page, 3), ['Parcel arrives']);

    // Undo six steps (keyboard), the map changes; redo them (keyboard and button): it is back.
    await waitSaved(page);
    const built = await stored(page, id);
    await page.getByTestId('map-title').click();
    for (let i = 0; i < 6; i++) await page.keyboard.press('Control+z');
    await until(() => cardTitles(page, 3), ['Parcel arrives', 'Calls about damage']);
    assert.deepEqual(await cardTitles(page, 2), ['Orders online', 'Pays by invoice'], 'drag undone');
    assert.equal(await page.getByTestId('route').count(), 1, 'the loop and the alternative route undone');
    await waitSaved(page);
    assert.notEqual(await stored(page, id), built);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Shift+z');
    await page.getByTestId('redo').click();
    assert.ok(await page.getByTestId('redo').isDisabled());
    await waitSaved(page);
    assert.equal(await stored(page, id), built, 'redo restores exactly the built map');

    // Reload: the stored model and the screen are identical.
    const screen = [];
    for (let i = 0; i < 5; i++) screen.push(await cardTitles(page, i));
    await page.reload();
    await page.getByTestId('map-title').filter({ hasText: 'Garden shop journey' }).waitFor();
    await page.getByTestId('touchpoint').first().waitFor();
    assert.equal(await stored(page, id), built);
    for (let i = 0; i < 5; i++) assert.deepEqual(await cardTitles(page, i), screen[i]);
    const model = await storedMap(page, id);
    assert.equal(model.personas.length, 2);
    assert.equal(model.stages.length, 5);
    assert.equal(model.touchpoints.length, 10);
    assert.ok(model.touchpoints.every((t) => typeof t.emotion === 'number' && t.persona_ids.length === 1));
    assert.deepEqual(model.routes.map((r) => r.kind), ['planned', 'alternative', 'loop_back']);

    // The flow view draws the three routes, the loop back distinctly.
    await page.getByTestId('view-flow').click();
    const flow = page.getByTestId('flow-view');
    await flow.waitFor();
    assert.equal(await flow.locator('path[data-kind="loop_back"]').count(), 1);
    assert.equal(await flow.locator('path.flow-edge').count(), 3);
    assert.equal(await flow.locator('.flow-node').count(), 10);
    assert.match(await flow.locator('svg title').first().textContent(), /Garden shop journey/);
  }));

test('lanes hide and show, the persona filter shows one journey, the to-be emotion is drawn dashed', () =>
  withPage(browser, 'editor-views', async (page) => {
    await page.goto(srv.base);
    await page.getByRole('link', { name: 'Coffee to go' }).click();
    await page.getByTestId('map-canvas').waitFor();
    const all = await page.getByTestId('touchpoint').count();
    await page.getByTestId('persona-filter').selectOption({ label: 'Tom, student' });
    const toms = await page.getByTestId('touchpoint').count();
    assert.ok(toms > 0 && toms < all, `${toms} of ${all}`);
    assert.equal(await page.locator('[data-testid="emotion-curve"] .curve-as-is').count(), 1, 'one persona, one line');
    await page.getByTestId('persona-filter').selectOption({ label: 'All personas' });
    assert.equal(await page.locator('[data-testid="emotion-curve"] .curve-as-is').count(), 2);

    await page.locator('.cv-lane-label[data-lane="thoughts"]').hover();
    await page.locator('[data-testid="hide-lane"][data-lane="thoughts"]').click();
    assert.equal(await page.locator('.cv-lane-label[data-lane="thoughts"]').count(), 0);
    assert.equal(await page.locator('.cv-lane-label[data-lane="actions"]').count(), 1);
    await page.locator('[data-testid="hidden-lanes"]').waitFor();

    // A stage dragged onto another takes its place; its inspector moves it back.
    const before = await stageNames(page);
    await page.getByTestId('stage').nth(0).dragTo(page.getByTestId('stage').nth(2));
    await page.waitForFunction((first) => document.querySelector('[data-testid="stage-name"]').textContent !== first, before[0]);
    assert.deepEqual(await stageNames(page), [before[1], before[2], before[0], before[3], before[4]]);
    await page.getByTestId('stage').nth(2).click();
    await page.getByRole('button', { name: `Move stage “${before[0]}” left` }).click();
    await page.getByRole('button', { name: `Move stage “${before[0]}” left` }).click();
    await until(() => stageNames(page), before);

    // The to-be emotion and note in the inspector; the curve gets its dashed to-be line.
    await page.getByTestId('touchpoint').first().click();
    const inspector = page.getByTestId('inspector');
    await inspector.getByTestId('tp-to-be-emotion').selectOption('2');
    await commit(inspector.getByTestId('tp-to-be-note'), 'Address in every post');
    await page.locator('[data-testid="emotion-curve"] .curve-to-be').first().waitFor({ state: 'attached' });
    assert.match(await page.locator('[data-testid="emotion-curve"] .curve-to-be').first().getAttribute('stroke-dasharray'), /\d/);

    // A word in a number field is refused with a message; the old value stays.
    const volume = inspector.getByTestId('input-volume');
    const old = await volume.inputValue();
    await commit(volume, 'lots');
    await page.getByTestId('editor-problem').waitFor();
    assert.match(await page.getByTestId('editor-problem').textContent(), /lots/);
    assert.equal(await volume.inputValue(), old);

    await waitSaved(page);
    const id = mapId(page);
    const model = await storedMap(page, id);
    assert.deepEqual(model.hidden_lanes, ['thoughts']);
    assert.equal(model.touchpoints[0].to_be_emotion, 2);
    assert.equal(model.touchpoints[0].to_be_note, 'Address in every post');
  }));

async function templateTitles(page, lang) {
  await page.goto(srv.base);
  await page.getByTestId('lang-switch').selectOption(lang);
  const options = await page.getByTestId('template-select').locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  assert.equal(options.length, 5);
  const result = {};
  for (const [key, name] of options) {
    await page.goto(srv.base);
    await page.getByTestId('template-select').selectOption(key);
    await page.getByTestId('create-from-template').click();
    await page.getByTestId('map-title').filter({ hasText: name }).waitFor();
    await page.getByTestId('map-canvas').waitFor();
    result[key] = {
      name,
      stages: await stageNames(page),
      titles: await page.getByTestId('card-title').allTextContents(),
      addLabel: await page.getByTestId('add-touchpoint').first().getAttribute('aria-label'),
    };
  }
  return result;
}

test('every template opens in English and German, with nothing left untranslated', () =>
  withPage(browser, 'editor-templates', async (page) => {
    const en = await templateTitles(page, 'en');
    const de = await templateTitles(page, 'de');
    for (const key of Object.keys(en)) {
      const [a, b] = [en[key], de[key]];
      assert.notEqual(a.name, b.name, key);
      assert.equal(a.stages.length, 5 + (key === 'welcome' ? 1 : 0), key);
      assert.equal(a.titles.length, b.titles.length, key);
      if (key !== 'blank') assert.ok(a.titles.length >= 10, key);
      for (const [i, t] of a.titles.entries()) assert.notEqual(b.titles[i], t, `${key}: “${t}” untranslated`);
      assert.match(a.addLabel, /Add a touchpoint to/);
      assert.match(b.addLabel, /Touchpoint zu .* hinzufügen/);
    }
  }));

test('a long list of routes starts closed with its count, opens on click, and a renamed touchpoint shows in it', () =>
  withPage(browser, 'editor-many-routes', async (page) => {
    const N = 60;
    // N touchpoints in a chain: N − 1 routes.
    await newLargeMap(page, srv.base, 'Many routes', N, { routes: true });
    const routes = page.getByTestId('routes');
    await routes.waitFor();
    assert.equal(await routes.evaluate((el) => el.open), false, 'closed');
    assert.equal(await routes.locator('summary').textContent(), `Routes (${N - 1})`);
    assert.equal(await page.getByTestId('route').count(), 0, 'no rows built while closed');
    await routes.locator('summary').click();
    await until(() => page.getByTestId('route').count(), N - 1);
    assert.equal(await page.getByTestId('route-from').locator('option').count(), N + 1, 'every touchpoint and "–"');
    // A renamed touchpoint: its two routes and its options follow (keyed lists).
    await page.getByTestId('touchpoint').first().click();
    await page.getByTestId('inspector').getByTestId('tp-title').fill('First step');
    await page.getByTestId('inspector').getByTestId('tp-title').press('Enter');
    await until(() => page.getByTestId('route').first().textContent(), 'First step → Step 1 (planned)Remove');
    assert.equal(await page.getByTestId('route-from').locator('option', { hasText: 'First step' }).count(), 1);
    assert.equal(await page.getByTestId('route-from').locator('option').count(), N + 1);
    // The choice survives a reload (open stays a view setting: a long list starts closed again).
    await waitSaved(page);
    await page.reload();
    await routes.waitFor();
    assert.equal(await routes.evaluate((el) => el.open), false);
  }));
