// Focus and page names as a keyboard and screen-reader user meets them (issue 30): after a
// page change the focus is on the new page's heading and the document title names the page
// and the map (EN and DE); the flow view takes the focus when chosen; undo/redo of a move
// across stages and a deleted card leave the focus on a card; the skip link reaches the map;
// every confirm takes the focus, is named by its question, closes on Esc and gives the focus
// back. What has the focus is read from the accessibility tree (role and accessible name).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved, until } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/**
 * The focused element as the accessibility tree has it: "role: name [test id]" — the first
 * line of its ARIA snapshot (`- heading "Coffee to go" [level=1]`).
 */
async function focused(page) {
  const el = page.locator(':focus');
  if (!(await el.count())) return '(none)';
  let first = (await el.first().ariaSnapshot()).split('\n')[0].replace(/^- /, '').replace(/:$/, '');
  // YAML quotes a line holding ": " in single quotes.
  if (first.startsWith("'")) first = first.slice(1, first.lastIndexOf("'")).replace(/''/g, "'");
  const m = first.match(/^(\w+)(?: "((?:[^"\\]|\\.)*)")?/);
  const testid = await el.first().evaluate((e) => e.dataset.testid || e.tagName.toLowerCase());
  return m ? `${m[1]}: ${(m[2] ?? '').replace(/\\"/g, '"')} [${testid}]` : `${first} [${testid}]`;
}

/** Waits until the focus is on the element with role `role` and accessible name `name`. */
async function focusOn(page, role, name, testid) {
  await until(async () => {
    const f = await focused(page);
    return f.startsWith(`${role}: ${name} [`) && (!testid || f.endsWith(`[${testid}]`)) ? 'ok' : f;
  }, 'ok');
}

async function openExample(page) {
  await page.goto(srv.base);
  await page.getByRole('link', { name: 'Coffee to go' }).click();
  await page.getByTestId('touchpoint').first().waitFor();
}

test('a page change puts the focus on the page heading and names page and map in the title (EN, DE)', () =>
  withPage(browser, 'a11y-focus-pages', async (page) => {
    await page.goto(srv.base);
    await page.getByTestId('map-row').first().waitFor();
    assert.equal(await page.title(), 'Your journey maps – Journey Studio');
    await page.getByRole('link', { name: 'Coffee to go' }).click();
    await until(() => page.title(), 'Map – Coffee to go – Journey Studio');
    await focusOn(page, 'heading', 'Coffee to go', 'map-title');

    for (const [nav, title, heading] of [
      ['Scores', 'Scores – Coffee to go – Journey Studio', /^Scores: Coffee to go$/],
      ['Analytics', 'Analytics – Coffee to go – Journey Studio', /^Journey analytics$/],
      ['Snapshots', 'Snapshots – Coffee to go – Journey Studio', /^Snapshots – Coffee to go$/],
      ['Map', 'Map – Coffee to go – Journey Studio', /^Coffee to go$/],
    ]) {
      await page.getByRole('navigation', { name: 'Map sections' }).getByRole('link', { name: nav, exact: true }).click();
      await until(() => page.title(), title);
      await until(async () => {
        const f = await focused(page);
        const name = f.match(/^heading: (.*) \[/)?.[1];
        return name !== undefined && heading.test(name) ? 'heading' : f;
      }, 'heading');
    }
    // Back to the library by the crumb: its heading.
    await page.getByTestId('back').click();
    await until(() => page.title(), 'Your journey maps – Journey Studio');
    await focusOn(page, 'heading', 'Your journey maps');

    // In German the title follows the language.
    await page.getByRole('link', { name: 'Coffee to go' }).click();
    await page.getByTestId('map-title').waitFor();
    await page.getByTestId('lang-switch').selectOption('de');
    await until(() => page.title(), 'Karte – Coffee to go – Journey Studio');
    await page.getByRole('navigation', { name: 'Bereiche der Karte' }).getByRole('link', { name: 'Werte', exact: true }).click();
    await until(() => page.title(), 'Werte – Coffee to go – Journey Studio');
    await focusOn(page, 'heading', 'Werte: Coffee to go');
  }));

test('the flow view takes the focus when chosen; the skip link jumps to the map', () =>
  withPage(browser, 'a11y-focus-flow-skip', async (page) => {
    await openExample(page);
    // A reload: no page change, the focus stays at the top; the first Tab is the skip link.
    await page.reload();
    await page.getByTestId('touchpoint').first().waitFor();
    await page.keyboard.press('Tab');
    await focusOn(page, 'link', 'Skip to the map', 'skip-link');
    assert.ok(await page.getByTestId('skip-link').evaluate((el) => el.getBoundingClientRect().top >= 0), 'visible when focused');
    await page.keyboard.press('Enter');
    await focusOn(page, 'region', 'Journey map', 'map-canvas');

    await page.getByTestId('view-flow').click();
    await page.getByTestId('flow-view').waitFor();
    await focusOn(page, 'region', 'Flow');
  }));

/** Titles of the cards of stage `i`, in order. */
const stageTitles = (page, i) => page.evaluate((i) => {
  const stage = document.querySelectorAll('[data-testid="stage"]')[i].dataset.stageId;
  return [...document.querySelectorAll(`.cv-cell[data-stage-id="${stage}"] [data-testid="card-title"]`)].map((e) => e.textContent);
}, i);
const focusedCard = (page) => page.evaluate(() => document.activeElement?.closest('[data-testid="touchpoint"]')?.dataset.tpId ?? null);

test('undo and redo of a move across stages, and a deleted card, leave the focus on a card', () =>
  withPage(browser, 'a11y-focus-canvas', async (page) => {
    await openExample(page);
    const firstStage = await stageTitles(page, 0);
    const last = page.locator('[data-testid="touchpoint"]', { hasText: firstStage.at(-1) });
    const id = await last.getAttribute('data-tp-id');
    await last.click();
    await page.keyboard.press('Escape'); // the inspector closes, the card stays selected
    await last.focus();
    await page.keyboard.press('Alt+ArrowRight');
    await until(async () => (await stageTitles(page, 1))[0], firstStage.at(-1));
    await until(() => focusedCard(page), id);
    await waitSaved(page);
    await page.keyboard.press('Control+z');
    await until(async () => (await stageTitles(page, 0)).at(-1), firstStage.at(-1));
    await until(() => focusedCard(page), id);
    await page.keyboard.press('Control+Shift+z');
    await until(async () => (await stageTitles(page, 1))[0], firstStage.at(-1));
    await until(() => focusedCard(page), id);

    // Delete: the question takes the focus, Esc closes it and gives the focus back.
    await page.keyboard.press('Delete');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await until(() => page.evaluate(() => document.activeElement?.dataset.testid), 'cancel-delete');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await until(() => focusedCard(page), id);
    // Deleting it leaves the focus on its neighbour (the next card).
    const next = await page.evaluate((id) => {
      const cards = [...document.querySelectorAll('[data-testid="touchpoint"]')].map((e) => e.dataset.tpId);
      return cards[cards.indexOf(id) + 1];
    }, id);
    await page.keyboard.press('Delete');
    await dialog.waitFor();
    await page.getByTestId('confirm-delete').click();
    await until(() => focusedCard(page), next);
    assert.equal(await page.locator(`[data-tp-id="${id}"][data-testid="touchpoint"]`).count(), 0);
  }));

test('the library and snapshot confirms take the focus, are named, close on Esc and give the focus back', () =>
  withPage(browser, 'a11y-focus-dialogs', async (page) => {
    await page.goto(srv.base);
    const row = page.getByTestId('map-row').first();
    await row.waitFor();
    await row.getByTestId('delete').click();
    const dialog = page.getByRole('alertdialog', { name: /^Delete the map “Coffee to go” for good\?/ });
    await dialog.waitFor();
    await focusOn(page, 'button', 'Cancel', 'confirm-delete-no');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await focusOn(page, 'button', 'Delete', 'delete');
    assert.equal(await page.getByTestId('map-row').count(), 1, 'Esc deletes nothing');

    await row.getByRole('link').click();
    await page.getByTestId('map-title').waitFor();
    await page.getByTestId('nav-snapshots').click();
    await page.getByLabel('Snapshot name').fill('Before relaunch');
    await page.getByRole('button', { name: 'Save snapshot' }).click();
    await page.getByTestId('snapshot-row').getByTestId('snapshot-delete').click();
    const snap = page.getByRole('alertdialog', { name: /Before relaunch/ });
    await snap.waitFor();
    await focusOn(page, 'button', 'Cancel');
    await page.keyboard.press('Escape');
    await snap.waitFor({ state: 'detached' });
    await focusOn(page, 'button', 'Delete', 'snapshot-delete');
  }));
