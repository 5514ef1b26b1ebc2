// The map taken out of the meeting (issue 29), driven through the UI: the map as an image
// (SVG with every touchpoint title as text, PNG at twice the SVG's size) from the map's menu,
// and the map itself on paper — print emulation of "Coffee to go" holds every touchpoint
// title, action, thought, pain point, opportunity and owner, split into pages by stages with
// each page's stage headers, plus the score summary; Chromium's PDF has those pages. Texts
// are checked against the map as stored (exported JSON), not against the drawing code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, withPage, waitSaved, brokenWords, storedMap, ARTIFACTS } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); await mkdir(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); await srv?.close(); });

const PROJECTOR = { width: 1366, height: 768 };
const LOCALES = { en: 'en-US', de: 'de-DE' };

async function download(page, trigger) {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function openMenu(page) {
  const button = page.getByTestId('map-menu');
  await button.waitFor();
  if (await button.getAttribute('aria-expanded') !== 'true') await button.click();
  await page.getByTestId('map-actions').waitFor();
}

/** Every text a map's lanes show: titles, actions, thoughts, pain points, opportunities, owners. */
function mapTexts(map) {
  const out = [];
  for (const t of map.touchpoints) {
    out.push(t.title, t.customer_action, t.thoughts, t.owner, ...(t.pain_points || []), ...(t.opportunities || []).map((o) => o.text));
  }
  return out.filter((s) => s && s.trim()).map((s) => s.trim());
}

/** The `<text>` contents of the SVG elements matching `selector`, wrapped lines joined again. */
function svgTexts(page, selector) {
  return page.evaluate((selector) => [...document.querySelectorAll(selector)]
    .map((t) => t.textContent.replace(/\u2010/g, '').replace(/\s+/g, ' ').trim()), selector);
}

async function exportedMap(page) {
  const json = await download(page, page.getByTestId('export-json'));
  return JSON.parse(json.bytes.toString('utf8'));
}

for (const lang of ['en', 'de']) {
  test(`image of "Running shoes online" (${lang}): the SVG holds every lane text as text, the PNG is 2×`, () =>
    withPage(browser, `image-${lang}`, async (page) => {
      await page.goto(srv.base);
      await page.getByTestId('create-running-shoes').click();
      await page.getByTestId('map-title').waitFor();
      await waitSaved(page);
      await openMenu(page);
      const map = await exportedMap(page);
      const svg = await download(page, page.getByTestId('export-image-svg'));
      assert.match(svg.name, /\.svg$/);
      const text = svg.bytes.toString('utf8');
      await writeFile(join(ARTIFACTS, `map-image-${lang}.svg`), text);
      // Parsed by the browser's XML parser: well-formed, and every text of the map as text.
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
        const root = doc.documentElement;
        return {
          root: root.localName, width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')),
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.replace(/\u2010/g, '').replace(/\s+/g, ' ').trim()),
          curves: doc.querySelectorAll('path[data-kind="as-is"]').length,
        };
      }, text);
      assert.equal(parsed.error, undefined, parsed.error);
      assert.equal(parsed.root, 'svg');
      for (const s of [...mapTexts(map), ...map.stages.map((s) => s.name)]) assert.ok(parsed.texts.includes(s), `in the SVG as text: ${s}`);
      for (const p of map.personas) assert.ok(parsed.texts.includes(p.name), `persona ${p.name} in the legend`);
      assert.equal(parsed.curves, Math.max(1, map.personas.length), 'one emotion line per persona');

      const png = await download(page, page.getByTestId('export-image-png'));
      assert.match(png.name, /\.png$/);
      assert.equal(png.bytes.subarray(1, 4).toString('latin1'), 'PNG');
      const [w, h] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
      assert.equal(w, 2 * parsed.width, 'PNG twice as wide as the SVG');
      assert.equal(h, 2 * parsed.height);
      await writeFile(join(ARTIFACTS, `map-image-${lang}.png`), png.bytes);
      // Not an empty white canvas: the picture was drawn into it (compressed size of a blank
      // image of that size is a few KB).
      assert.ok(png.bytes.length > 60_000, `PNG holds a drawing (${png.bytes.length} bytes)`);
    }, { locale: LOCALES[lang] }));
}

for (const lang of ['en', 'de']) {
  test(`print "Coffee to go" (${lang}): the map itself, pages of stages with their headers, then the summary`, () =>
    withPage(browser, `print-map-${lang}`, async (page) => {
      await page.goto(srv.base);
      const name = lang === 'de' ? 'Kaffee zum Mitnehmen' : 'Coffee to go';
      await page.getByRole('link', { name, exact: true }).click();
      await openMenu(page);
      const map = await exportedMap(page);
      assert.equal(await page.getByTestId('print-what').inputValue(), 'map', 'the map itself by default');
      await page.setViewportSize(PROJECTOR);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByTestId('map-actions').isVisible(), false, 'the menu is not on paper');
      const pages = page.locator('.print-sheet [data-testid="print-map-page"]');
      const n = await pages.count();
      assert.ok(n >= 2, `split into pages by stages (${n})`);
      const printed = await svgTexts(page, '.print-sheet [data-testid="print-map-page"] svg text');
      for (const s of mapTexts(map)) assert.ok(printed.includes(s), `printed: ${s}`);
      // Every stage's header on its page; together the pages hold every stage once, in order;
      // the lane names on every page.
      const perPage = await pages.evaluateAll((els) => els.map((el) => ({
        stages: [...el.querySelectorAll('.mp-stage text')].map((t) => t.textContent.replace(/\u2010/g, '').replace(/\s+/g, ' ').trim()),
        lanes: el.querySelectorAll('.mp-lane').length,
        visible: el.getBoundingClientRect().height > 100,
      })));
      assert.deepEqual(perPage.flatMap((p) => p.stages), map.stages.map((s) => s.name));
      for (const p of perPage) {
        assert.ok(p.stages.length >= 1 && p.visible, JSON.stringify(p));
        assert.equal(p.lanes, perPage[0].lanes);
      }
      // The score summary follows.
      assert.ok(await page.locator('.print-sheet [data-testid="map-sheet"]').isVisible());
      // What each page looks like, at the printable width of A4 landscape (277 mm at 96 dpi).
      await page.setViewportSize({ width: 1047, height: 718 });
      for (let i = 0; i < n; i++) await pages.nth(i).screenshot({ path: join(ARTIFACTS, `print-map-${lang}-page${i + 1}.png`) });
      await page.setViewportSize(PROJECTOR);
      const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
      await writeFile(join(ARTIFACTS, `print-map-${lang}.pdf`), pdf);
      const pdfPages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || [];
      assert.equal(pdfPages.length, n + 1, 'one PDF page per group of stages plus the summary');
      // The summary alone stays a choice.
      await page.emulateMedia({ media: 'screen' });
      await page.getByTestId('print-what').selectOption('summary');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await pages.count(), 0);
      assert.ok(await page.locator('.print-sheet [data-testid="map-sheet"]').isVisible());
    }, { locale: LOCALES[lang] }));
}

test('share link: a fresh browser sees the map itself read-only, zooms it, switches to the flow view, saves a copy', () =>
  withPage(browser, 'share-canvas', async (page) => {
    await page.goto(srv.base);
    await page.getByRole('link', { name: 'Coffee to go', exact: true }).click();
    await openMenu(page);
    const map = await exportedMap(page);
    await page.getByTestId('share-link').click();
    const url = await page.getByTestId('share-url').inputValue();
    await withPage(browser, 'share-canvas-receiver', async (other) => {
      await other.setViewportSize(PROJECTOR);
      await other.goto(url);
      const canvas = other.getByTestId('shared-canvas');
      await canvas.waitFor();
      const picture = canvas.locator('svg.map-picture');
      await picture.waitFor();
      const texts = await svgTexts(other, '[data-testid="shared-canvas"] svg.map-picture text');
      for (const s of [...mapTexts(map), ...map.stages.map((s) => s.name)]) assert.ok(texts.includes(s), `on the shared canvas: ${s}`);
      // Fitted to the width, then zoomed in: wider than the area, which scrolls by keyboard.
      const area = other.getByTestId('shared-canvas-area');
      const width = async () => (await picture.boundingBox()).width;
      const fitted = await width();
      assert.ok(fitted <= PROJECTOR.width, `fitted ${fitted}`);
      await other.getByTestId('shared-zoom-in').click();
      await other.getByTestId('shared-zoom-in').click();
      // The picture follows the zoom on the next frame: wait for it.
      const settle = async (ok) => { for (let i = 0; i < 30 && !ok(await width()); i++) await other.waitForTimeout(100); return width(); };
      assert.ok(await settle((w) => w > fitted * 1.1) > fitted * 1.1, 'zoomed in');
      // As a user does: arrow keys until the map moves (the wider picture may need a frame
      // before the area can scroll).
      await area.focus();
      await other.keyboard.press('End');
      let scrolled = 0;
      for (let i = 0; i < 30 && scrolled === 0; i++) {
        await other.keyboard.press('ArrowRight');
        await other.waitForTimeout(100);
        scrolled = await area.evaluate((el) => el.scrollLeft);
      }
      assert.ok(scrolled > 0, 'the keys scroll the map');
      await other.getByTestId('shared-zoom-fit').click();
      assert.ok(Math.abs(await settle((w) => Math.abs(w - fitted) < 20) - fitted) < 20, 'fitted to the width again');
      // Nothing on it edits: no inputs, no buttons inside the picture.
      assert.equal(await area.locator('input, textarea, select, button').count(), 0);
      await other.getByTestId('shared-view-flow').click();
      await other.getByTestId('flow-view').locator('svg').waitFor();
      await other.getByTestId('shared-view-map').click();
      await picture.waitFor();
      await other.screenshot({ path: join(ARTIFACTS, 'shared-canvas-1366.png') });
      await other.getByTestId('save-copy').click();
      await other.getByTestId('map-title').waitFor();
    });
  }));


const EXAMPLES = {
  coffee: { en: 'Coffee to go', de: 'Kaffee zum Mitnehmen' },
  shoes: { en: 'Running shoes online', de: 'Laufschuhe online' },
};

for (const lang of ['en', 'de']) {
  for (const example of ['coffee', 'shoes']) {
    test(`meeting view at 1366×768 (${lang}, ${example}): titles ≥ 14 px and whole, lane text ≥ 12 px, no word broken without a hyphen, every stage by keyboard`, () =>
      withPage(browser, `meeting-${lang}-${example}`, async (page) => {
        await page.goto(srv.base);
        if (example === 'shoes') {
          await page.getByTestId('create-running-shoes').click();
        } else {
          await page.getByRole('link', { name: EXAMPLES.coffee[lang], exact: true }).click();
        }
        await page.getByTestId('map-canvas').waitFor();
        await waitSaved(page);
        const map = await storedMap(page, EXAMPLES[example][lang]);
        assert.ok(map, 'the example is stored');
        await page.getByTestId('meeting-view').click();
        assert.equal(await page.getByTestId('meeting-view').getAttribute('aria-pressed'), 'true');
        await page.waitForFunction(() => parseFloat(document.querySelector('.cv-grid').style.zoom) >= 1.1);
        await page.waitForTimeout(100);
        await page.screenshot({ path: join(ARTIFACTS, `meeting-${lang}-${example}-1366.png`) });
        const measure = () => page.evaluate(() => {
          const px = (el) => parseFloat(getComputedStyle(el).fontSize) * (el.currentCSSZoom ?? 1);
          return {
            titles: [...document.querySelectorAll('[data-testid="card-title"]')].map((el) => ({
              text: el.textContent.replace(/\u00ad/g, ''), px: px(el), clipped: el.scrollWidth > el.clientWidth + 1,
            })),
            lane: [...document.querySelectorAll('.cv-text, .cv-items li > span:not(.icon-box)')].map((el) => px(el)),
          };
        });
        const seen = new Set();
        let lanePx = [];
        // Drawn: the columns in view and near it; scroll across so every column is drawn once.
        const area = page.getByTestId('map-canvas');
        const width = await area.evaluate((el) => el.scrollWidth);
        for (let x = 0; x <= width; x += 600) {
          await area.evaluate((el, x) => { el.scrollLeft = x; }, x);
          await page.waitForTimeout(120);
          const m = await measure();
          for (const t of m.titles) {
            assert.ok(t.px >= 14, `card title “${t.text}” drawn at ${t.px} px`);
            assert.ok(!t.clipped, `card title “${t.text}” whole`);
            seen.add(t.text);
          }
          lanePx = lanePx.concat(m.lane);
          const broken = await brokenWords(page, '[data-testid="card-title"], .cv-text, .cv-items li > span:not(.icon-box)');
          assert.deepEqual(broken, [], 'no word broken over two lines without a hyphen');
        }
        for (const t of map.touchpoints) assert.ok(seen.has(t.title), `title shown whole: ${t.title}`);
        assert.ok(lanePx.length > 0 && Math.min(...lanePx) >= 12, `lane text ≥ 12 px (least ${Math.min(...lanePx)})`);

        // Without the mouse: Tab to the map, the arrow keys walk every card, each one scrolled
        // into view, through every stage.
        await area.evaluate((el) => { el.scrollLeft = 0; });
        let tabs = 0;
        while (!(await area.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) && tabs++ < 80) {
          await page.keyboard.press('Tab');
        }
        assert.ok(tabs < 80, 'the map is reached with Tab');
        const stagesSeen = new Set();
        for (let i = 0; i < map.touchpoints.length + 2; i++) {
          await page.keyboard.press('ArrowRight');
          await page.waitForTimeout(60);
          const at = await page.evaluate(() => {
            const el = document.activeElement?.closest('[data-tp-id]');
            if (!el) return null;
            const r = el.getBoundingClientRect();
            const a = el.closest('[data-testid="map-canvas"]').getBoundingClientRect();
            return { id: el.dataset.tpId, inView: r.left >= a.left - 1 && r.right <= a.right + 1 };
          });
          if (!at) continue;
          assert.ok(at.inView, `card ${at.id} scrolled into view`);
          stagesSeen.add(map.touchpoints.find((t) => t.id === at.id)?.stage_id);
        }
        for (const s of map.stages.filter((s) => map.touchpoints.some((t) => t.stage_id === s.id))) {
          assert.ok(stagesSeen.has(s.id), `stage “${s.name}” reached by keyboard`);
        }
        // The same view on a 1920×1080 screen, for a person to look at: it fits the wider
        // window again (never smaller than at 1366; the least meeting zoom may hold both).
        const zoomAt = () => page.evaluate(() => parseFloat(document.querySelector('.cv-grid').style.zoom));
        const zoom1366 = await zoomAt();
        await page.setViewportSize({ width: 1920, height: 1080 });
        await area.evaluate((el) => { el.scrollLeft = 0; });
        await page.waitForTimeout(500);
        assert.ok(await zoomAt() >= zoom1366, `zoom at 1920 (${await zoomAt()}) not below 1366's (${zoom1366})`);
        await page.screenshot({ path: join(ARTIFACTS, `meeting-${lang}-${example}-1920.png`) });
      }, { locale: LOCALES[lang], viewport: PROJECTOR }));
  }
}

test('the browser\'s own print menu on a map opened first (map module) prints the map itself too', () =>
  withPage(browser, 'print-map-module', async (page) => {
    await page.goto(srv.base);
    await page.getByRole('link', { name: 'Coffee to go', exact: true }).click();
    await page.getByTestId('map-canvas').waitFor();
    await waitSaved(page);
    const map = await storedMap(page, 'Coffee to go');
    // The menu is not opened: the page runs in the map module. The browser says it is about
    // to print (its menu and page.pdf both send `beforeprint`).
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const printed = await svgTexts(page, '.print-sheet [data-testid="print-map-page"] svg text');
    for (const s of mapTexts(map)) assert.ok(printed.includes(s), `printed: ${s}`);
    const stages = await page.locator('.print-sheet [data-testid="print-map-page"] .mp-stage text').allTextContents();
    assert.deepEqual(stages.map((t) => t.replace(/\u2010/g, '').replace(/\s+/g, ' ').trim()), map.stages.map((s) => s.name));
    assert.ok(await page.locator('.print-sheet [data-testid="print-map-page"]').count() >= 2);
    assert.ok(await page.locator('.print-sheet [data-testid="print-map-page"]').first().isVisible());
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
    const pdfPages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || [];
    const groups = await page.locator('.print-sheet [data-testid="print-map-page"]').count();
    // A page per group of stages; the note on where the summary prints may need one more.
    assert.ok(pdfPages.length >= groups && pdfPages.length <= groups + 1, `${pdfPages.length} PDF pages for ${groups} groups`);
  }));
