// The app's own keys, against the release build: `?` lists every shortcut in a modal panel
// (keyboard and button, both languages; Esc gives the focus back), and Ctrl+Z / Ctrl+Shift+Z
// act on the map wherever the focus is — inside a text field the typed value is committed
// first and then taken back, instead of the browser's own text undo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved, storedMaps } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** The stored volume of the first touchpoint of the map called `name`. */
async function storedVolume(page, name) {
  const m = (await storedMaps(page)).find((m) => m.name === name);
  return m ? m.touchpoints[0].measurements?.volume ?? null : undefined;
}

test('? lists every shortcut; Esc closes and gives the focus back; the header button opens it too', () =>
  withPage(browser, 'shortcut-overlay', async (page) => {
    await page.goto(srv.base);
    await page.getByTestId('map-row').first().waitFor();
    await page.keyboard.press('?');
    const panel = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await panel.waitFor();
    const rows = await panel.getByTestId('shortcut').allTextContents();
    for (const key of ['?', 'Ctrl+Z', 'Ctrl+Shift+Z', 'Alt+←', 'Enter', 'Esc', 'Page Down']) {
      assert.ok(rows.some((r) => r.includes(key)), `${key} is listed`);
    }
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'shortcuts-close');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'shortcuts-close', 'the focus stays in the panel');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    const open = page.getByTestId('shortcuts-open');
    await open.focus();
    await page.keyboard.press('Enter');
    await panel.waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'shortcuts-open', 'focus back on the button');

    await page.getByTestId('lang-switch').selectOption('de');
    await page.keyboard.press('?');
    const de = page.getByRole('dialog', { name: 'Tastenkürzel' });
    await de.waitFor();
    assert.match(await de.textContent(), /Strg\+Z/);
  }));

test('Ctrl+Z in a field commits it and undoes it; Ctrl+Shift+Z redoes; Ctrl+Z also works with the focus elsewhere', () =>
  withPage(browser, 'undo-anywhere', async (page) => {
    await page.goto(srv.base);
    await page.getByRole('link', { name: 'Coffee to go' }).click();
    await page.getByTestId('map-title').waitFor();
    await waitSaved(page);
    const original = await storedVolume(page, 'Coffee to go');
    await page.getByRole('link', { name: 'Scores' }).click();
    const field = page.getByTestId('input-volume').first();
    await field.waitFor();
    const shown = await field.inputValue();

    await field.fill('4321');
    await page.keyboard.press('Control+z');
    await page.waitForFunction((v) => document.querySelector('[data-testid="input-volume"]').value === v, shown);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'input-volume', 'the focus stays in the field');
    await waitSaved(page);
    assert.equal(await storedVolume(page, 'Coffee to go'), original, 'the map has its old volume');

    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => document.querySelector('[data-testid="input-volume"]').value.replace(/\D/g, '') === '4321');
    await waitSaved(page);
    assert.equal(await storedVolume(page, 'Coffee to go'), 4321, 'redo writes the typed volume again');

    // With the focus on the page, not in a field.
    await page.getByTestId('scores-title').click();
    await page.keyboard.press('Control+z');
    await page.waitForFunction((v) => document.querySelector('[data-testid="input-volume"]').value === v, shown);
    await waitSaved(page);
    assert.equal(await storedVolume(page, 'Coffee to go'), original);
  }));
