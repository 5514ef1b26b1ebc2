// Screenshots of every page at 1366×768 (a common projector) and 1920×1080, in English and
// German, written to e2e/artifacts/screens/ on every run — for a person to look at (the
// checks here are only that each page rendered without errors and its main part is there).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, withPage, ARTIFACTS } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const SIZES = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }];
const DIR = join(ARTIFACTS, 'screens');

/** Each page: its name, the hash after `#/map/<id>` (or a full hash), and what shows it is there. */
const PAGES = [
  ['library', '#/', '[data-testid="map-list"]'],
  ['map', '', '[data-testid="map-canvas"]'],
  ['map-inspector', '', '[data-testid="inspector"]'],
  ['map-flow', '', '[data-testid="flow-view"]'],
  ['scores', '/scores', 'main'],
  ['dashboard', '/dashboard', 'main'],
  ['analytics', '/analytics', 'main'],
  ['measures', '/measures', 'main'],
  ['measurements', '/measurements', 'main'],
  ['snapshots', '/snapshots', 'main'],
  ['present', '/present', 'main'],
];

for (const lang of ['en', 'de']) {
  for (const size of SIZES) {
    test(`screenshots ${lang} ${size.width}×${size.height}`, () =>
      withPage(browser, `screens-${lang}-${size.width}`, async (page) => {
        await mkdir(DIR, { recursive: true });
        await page.goto(srv.base);
        await page.getByTestId('map-link').first().waitFor();
        const href = await page.getByTestId('map-link').first().getAttribute('href');
        const id = decodeURIComponent(href.replace('#/map/', ''));
        for (const [name, hash, ready] of PAGES) {
          const target = hash.startsWith('#') ? hash : `#/map/${encodeURIComponent(id)}${hash}`;
          await page.goto(srv.base + target);
          if (name === 'map-inspector') {
            await page.getByTestId('touchpoint').first().click();
          }
          if (name === 'map-flow') {
            await page.getByTestId('view-flow').click();
          }
          await page.locator(ready).first().waitFor();
          await page.waitForTimeout(700);
          await page.screenshot({ path: join(DIR, `${lang}-${size.width}x${size.height}-${name}.png`) });
        }
        assert.equal(await page.evaluate(() => document.documentElement.lang || 'x').then((l) => l.length > 0), true);
      }, { locale: lang === 'de' ? 'de-DE' : 'en-US', viewport: size }));
  }
}
