// One number formatter everywhere (issue 25): every page of both example maps ("Coffee to
// go", "Running shoes online"), in English and German, is scanned for numbers written without
// the language's separators — a run of four or more digits without a thousands group
// ("10000" instead of "10,000" / "10.000") — and for an ASCII hyphen-minus before a digit
// ("-1" instead of "−1"). Dates (2024-03-01, 01.03.2024) and times are not numbers here.
// Pages: library, map (canvas and flow view), print sheet, scores, dashboard (chart SVGs),
// presentation, measures, measurements, snapshots, analytics, and the shared-link view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const VIEWS = ['', '/scores', '/dashboard', '/present', '/measures', '/measurements', '/snapshots', '/analytics'];

/** Every text of the page a reader sees: rendered text, SVG labels, the print sheet. */
const pageText = (page) => page.evaluate(() => {
  const parts = [document.body.innerText];
  for (const t of document.querySelectorAll('svg text, svg title, svg desc')) parts.push(t.textContent);
  for (const s of document.querySelectorAll('.print-sheet')) parts.push(s.textContent);
  return parts.join('\n');
});

/** Numbers written without the language's separators, with some context. */
function badNumbers(text) {
  const found = [];
  // 4+ digits not part of a date, time, id or decimal: "10000", "22042".
  for (const m of text.matchAll(/(?<![\d.,:/\-–_#\p{L}])\d{4,}(?![\d:/\-–_\p{L}])/gu)) {
    found.push(`ungrouped "${text.slice(Math.max(0, m.index - 25), m.index + m[0].length + 25).replace(/\s+/g, ' ')}"`);
  }
  // ASCII hyphen-minus as a sign: "-1" after a space, a bracket or the start.
  for (const m of text.matchAll(/(?<=^|[\s(=:])-\d/gmu)) {
    found.push(`hyphen-minus "${text.slice(Math.max(0, m.index - 25), m.index + 25).replace(/\s+/g, ' ')}"`);
  }
  return found;
}

/** The two example maps: the first-start example and the running-shoes one. */
async function exampleIds(page) {
  await page.goto(srv.base);
  await page.getByTestId('create-running-shoes').click();
  await page.getByTestId('map-title').waitFor();
  await waitSaved(page);
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('journey-studio:map:')).map((k) => k.slice(19)));
}

test('the scan finds what it looks for, and leaves dates, times and grouped numbers alone', () => {
  assert.equal(badNumbers('Volume: 10000').length, 1);
  assert.equal(badNumbers('Emotion -1 → +1').length, 1);
  assert.equal(badNumbers('22042 cases').length, 1);
  const found = badNumbers('2024-03-01 – 2024-03-14 · 01.03.2024 · 12:30 · 12,000 · 12.000 · −1 · 3.5 · 1–5 · 1234,5');
  assert.equal(found.length, 1, found.join(' | '));
  assert.match(found[0], /1234,5"$/);
});

async function scan(page, lang) {
  const problems = [];
  let grouped = 0;
  const check = async (where) => {
    const text = await pageText(page);
    if (/\d{1,3}[,.]\d{3}(?!\d)/.test(text)) grouped++;
    for (const p of badNumbers(text)) problems.push(`${where}: ${p}`);
  };
  await page.goto(srv.base);
  await page.getByTestId('lang-switch').selectOption(lang);
  const ids = await exampleIds(page);
  assert.equal(ids.length, 2, ids.join(', '));
  await check('library');
  for (const id of ids) {
    for (const view of VIEWS) {
      await page.goto(`${srv.base}#/map/${encodeURIComponent(id)}${view}`);
      await page.waitForLoadState('networkidle');
      await page.locator('main, article, [data-testid]').first().waitFor();
      await page.waitForTimeout(300);
      await check(`${id}${view || ' (map)'}`);
    }
    // The flow view and the share link's page (the whole app's map page has both).
    await page.goto(`${srv.base}#/map/${encodeURIComponent(id)}`);
    await page.getByTestId('view-flow').click();
    await page.getByTestId('flow-view').locator('svg.flow-svg').waitFor();
    await check(`${id} flow view`);
    await page.getByTestId('map-menu').click();
    await page.getByTestId('share-link').click();
    const url = await page.getByTestId('share-url').inputValue().catch(() => '');
    await check(`${id} print sheet`);
    if (url) {
      await page.goto(url);
      await page.getByTestId('shared-banner').waitFor();
      await check(`${id} shared view`);
    }
  }
  return { problems, grouped };
}

for (const lang of ['en', 'de']) {
  test(`every page of both example maps writes numbers with the ${lang} separators and a real minus`, () =>
    withPage(browser, `number-format-${lang}`, async (page) => {
      const { problems, grouped } = await scan(page, lang);
      assert.deepEqual(problems, []);
      assert.ok(grouped >= 10, `pages with grouped numbers seen: ${grouped}`);
    }));
}
