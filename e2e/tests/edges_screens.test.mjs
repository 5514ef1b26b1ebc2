// Robust at the edges (issue 26), as a person sees them: the notices for "no storage" and
// "deleted in another tab" at 1366×768 (a projector) and 1920×1080, in English and German,
// written to e2e/artifacts/edges-*.png for a person to look at. The checks are what the
// reader must be able to see: the notice and its buttons inside the window, the header's
// honest status, in the page's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launch, withPage, waitSaved, ARTIFACTS } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const SIZES = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }];
const LANGS = {
  en: { locale: 'en-US', example: 'Coffee to go', notSaved: 'Not saved — export a backup', deleted: /deleted in another tab/, del: 'Delete' },
  de: { locale: 'de-DE', example: 'Kaffee zum Mitnehmen', notSaved: /Nicht gespeichert/, deleted: /in einem anderen Tab gelöscht/, del: 'Löschen' },
};

/** Whether `locator`'s box lies wholly inside the window. */
async function inWindow(page, locator) {
  const box = await locator.boundingBox();
  const vp = page.viewportSize();
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width + 1 && box.y + box.height <= vp.height + 1;
}

/** Screenshots of `page` at both sizes, named `edges-<what>-<lang>-<width>.png`. */
async function shoot(page, what, lang, check) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    await check();
    await page.screenshot({ path: join(ARTIFACTS, `edges-${what}-${lang}-${size.width}.png`) });
  }
}

for (const [lang, L] of Object.entries(LANGS)) {
  test(`no storage, as seen (${lang}): the map opens, the header says "not saved", the notice offers the backup`, () =>
    withPage(browser, `edges-no-storage-${lang}`, async (page, context) => {
      await context.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
        });
      });
      await page.goto(srv.base);
      await page.getByTestId('storage-unavailable').waitFor();
      await page.getByRole('link', { name: L.example, exact: true }).click();
      await page.getByTestId('map-title').waitFor();
      const status = page.getByTestId('save-status');
      assert.match(await status.textContent(), L.notSaved instanceof RegExp ? L.notSaved : new RegExp(L.notSaved));
      await shoot(page, 'no-storage', lang, async () => {
        assert.ok(await inWindow(page, status), 'the header status is in view');
        assert.ok(await inWindow(page, page.getByTestId('map-title')), 'the map title is in view');
      });
    }, { locale: L.locale, viewport: SIZES[0] }));

  test(`deleted in another tab, as seen (${lang}): the notice and its two buttons are in view`, () =>
    withPage(browser, `edges-deleted-${lang}`, async (b, context) => {
      await b.goto(srv.base);
      await b.getByRole('link', { name: L.example, exact: true }).click();
      await b.getByTestId('map-title').waitFor();
      await waitSaved(b);
      const a = await context.newPage();
      await a.goto(srv.base);
      const row = a.getByTestId('map-row').filter({ has: a.getByRole('link', { name: L.example, exact: true }) });
      await row.getByRole('button', { name: L.del }).click();
      await a.getByRole('alertdialog').getByRole('button', { name: L.del }).click();
      await a.getByTestId('map-row').first().waitFor({ state: 'detached' });
      await a.close();
      const notice = b.getByTestId('conflict');
      await notice.waitFor();
      assert.match(await notice.textContent(), L.deleted);
      await shoot(b, 'deleted', lang, async () => {
        assert.ok(await inWindow(b, notice), 'the notice is in view');
        for (const button of await notice.getByRole('button').all()) {
          assert.ok(await inWindow(b, button), `button “${await button.textContent()}” is in view`);
        }
      });
    }, { locale: L.locale, viewport: SIZES[0] }));
}
