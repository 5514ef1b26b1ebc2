// The map for a screen reader and without colour (issue 30): every card's accessible name
// holds title, channel, stage, emotion (with its personas), score band and evidence; the
// curve's text alternative lists every stage's value per persona (checked against the
// stored map, computed here); the focus ring reaches 3:1 on its background and is not the
// "assumed" orange; persona lines differ by dash pattern and marker; the score band is a
// shape on chips; at 200 % zoom the map starts on the first screen. Screenshots (200 %:
// library, map, map in grayscale) go to e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, withPage, until, ARTIFACTS, storedMap } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const mapId = (page) => decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));

async function openExample(page) {
  await page.goto(srv.base);
  await page.getByRole('link', { name: 'Coffee to go' }).click();
  await page.getByTestId('touchpoint').first().waitFor();
}

/** The band of a score, by the thresholds of docs/scoring.md (40, 60, 80). */
const band = (v) => (v < 40 ? 'poor' : v < 60 ? 'weak' : v < 80 ? 'good' : 'very good');
const signed = (v) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0');

test('every card is named in full: title, channel, stage, emotion (personas), score band, evidence', () =>
  withPage(browser, 'a11y-card-names', async (page) => {
    await openExample(page);
    const map = await storedMap(page, mapId(page));
    const persona = Object.fromEntries(map.personas.map((p) => [p.id, p.name]));
    const stage = Object.fromEntries(map.stages.map((s) => [s.id, s.name]));
    const evidence = { measured: 'measured', reported: 'reported', assumed: 'assumed' };
    const cards = page.getByTestId('touchpoint');
    const n = await cards.count();
    assert.ok(n >= 8, `${n} cards`);
    let scored = 0;
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i);
      const id = await card.getAttribute('data-tp-id');
      const t = map.touchpoints.find((x) => x.id === id);
      const name = (await card.ariaSnapshot()).split('\n')[0];
      // `- article "Installs the app, App, Consideration, emotion −1 (Lena, commuter), score 45 weak, measured"`
      const full = name.match(/^- article "(.*)"/)?.[1];
      assert.ok(full, `the card has a name: ${name}`);
      const channel = await card.locator('.cv-channel-name').textContent();
      const who = t.persona_ids.map((p) => persona[p]).join('; ');
      const emotion = t.emotion === null || t.emotion === undefined ? 'emotion not known yet' : `emotion ${signed(t.emotion)}${who ? ` (${who})` : ''}`;
      const head = `${t.title}, ${channel}, ${stage[t.stage_id]}, ${emotion}, `;
      assert.ok(full.startsWith(head), `"${full}" starts with "${head}"`);
      const rest = full.slice(head.length);
      // A card without a score (nothing to score it on) has no chip and no score in its name.
      const score = rest.match(/^(?:score (\d+(?:\.\d)?) (poor|weak|good|very good), )?(\w+)$/);
      assert.ok(score, `score band and evidence in "${rest}"`);
      assert.equal(score[3], evidence[t.evidence?.kind ?? 'assumed'], full);
      const chip = card.getByTestId('tp-score');
      if (score[1] === undefined) {
        assert.equal(await chip.count(), 0, `no score in the name, none on the card: ${full}`);
        continue;
      }
      scored++;
      assert.equal(score[2], band(Number(score[1])), `the band word follows the number in "${full}"`);
      // The chip shows the same number and band (as a shape); its visible number is hidden
      // from screen readers, so the score is read once.
      assert.equal(await chip.getAttribute('data-band'), band(Number(score[1])).replace(' ', '_'));
      const shown = Number(await chip.locator('[aria-hidden="true"]').textContent());
      assert.ok(Math.abs(shown - Number(score[1])) <= 0.5, `chip ${shown}, name ${score[1]}`);
    }
    assert.ok(scored >= n / 2, `${scored} of ${n} cards have a score in their name`);
    // Nothing on the card is read twice: channel, evidence and score chip are hidden from the
    // accessibility tree (they are in the name); the title stays a heading.
    const tree = await cards.first().ariaSnapshot();
    assert.ok(!/Score \d/.test(tree) && !/Evidence/.test(tree), tree);
    assert.match(tree, /heading ".+" \[level=3\]/);
  }));

test('the curve has a text alternative under the map: every stage’s value per persona', () =>
  withPage(browser, 'a11y-curve-table', async (page) => {
    await openExample(page);
    const map = await storedMap(page, mapId(page));
    const svg = page.getByTestId('emotion-curve').getByRole('img', { name: 'Emotion curve' });
    assert.equal(await svg.getAttribute('aria-describedby'), 'curve-values');
    await page.getByText('Emotion curve as a table').click();
    const table = page.getByRole('table', { name: /Mean emotion per stage and persona/ });
    await table.waitFor();
    const header = await table.locator('thead th').allTextContents();
    assert.deepEqual(header, ['Stage', ...map.personas.map((p) => p.name)]);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.equal(rows.length, map.stages.length, 'a row per stage');
    // The reference: the mean of the known emotions of the stage's touchpoints that belong to
    // the persona (naming it or naming nobody), one decimal, "unknown" when none is known.
    const expected = map.stages.map((s) => [s.name, ...map.personas.map((p) => {
      const values = map.touchpoints.filter((t) => t.stage_id === s.id && (t.persona_ids.length === 0 || t.persona_ids.includes(p.id)))
        .map((t) => t.emotion).filter((e) => e !== null && e !== undefined);
      if (!values.length) return 'unknown';
      // One decimal at most, as the app writes numbers ("+1", "−0.5"), with a real minus.
      const mean = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
      return mean === 0 ? '0' : (mean > 0 ? '+' : '−') + String(Math.abs(mean));
    })]);
    assert.deepEqual(rows, expected);

    // Without colour: each persona's line has its own dash pattern and marker, shown in the legend.
    // A line's markers are the path after it: its marker's shape (one "M" each) beside each
    // of its points in the drawn columns, filled in the line's colour.
    const lines = await page.locator('[data-testid="emotion-curve"] path.curve-as-is').evaluateAll((ps) =>
      ps.map((p) => {
        const m = p.nextElementSibling;
        return [p.getAttribute('stroke-dasharray') || 'solid',
          m.matches('path.curve-markers[data-kind="as-is"]') && m.getAttribute('fill') === p.getAttribute('stroke') && m.getAttribute('data-shape'),
          (m.getAttribute('d').match(/M/g) || []).length, (p.getAttribute('d').match(/[ML]/g) || []).length];
      }));
    assert.equal(lines.length, map.personas.length);
    assert.equal(new Set(lines.map((l) => l[0])).size, lines.length, `dash patterns differ: ${JSON.stringify(lines)}`);
    assert.equal(new Set(lines.map((l) => l[1])).size, lines.length, 'markers differ');
    assert.ok(lines.every((l) => l[1] && l[2] > 0 && l[2] === l[3]), `a small map shows every point's marker: ${JSON.stringify(lines)}`);
    const legend = await page.getByTestId('legend-persona').evaluateAll((lis) =>
      lis.map((li) => [li.querySelector('path').getAttribute('stroke-dasharray') || 'solid', li.querySelector('svg').children[1].tagName]));
    assert.deepEqual(legend.map((l) => l[0]), lines.map((l) => l[0]), 'the legend shows each line’s dash pattern');
    assert.equal(new Set(legend.map((l) => l[1])).size, legend.length, 'and a different marker shape');
    // The score band is a shape on every chip (its ::before), not the colour alone.
    const shapes = await page.locator('.cv-score[data-band]').evaluateAll((els) => [...new Set(els.map((e) => {
      const s = getComputedStyle(e, '::before');
      return `${e.dataset.band}:${s.clipPath}:${s.borderRadius}`;
    }))]);
    const byBand = Object.fromEntries(shapes.map((s) => [s.split(':')[0], s]));
    assert.ok(Object.keys(byBand).length >= 2, `several bands shown: ${shapes}`);
    assert.equal(new Set(Object.values(byBand).map((s) => s.slice(s.indexOf(':')))).size, Object.keys(byBand).length, `a shape per band: ${shapes}`);
  }));

/** Relative luminance and contrast ratio (WCAG 2.x). */
function luminance([r, g, b]) {
  const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

/** The focused element's outline colour, and the backgrounds beside it (its own and behind it). */
const ring = (page) => page.evaluate(() => {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 4).map(Number);
  const opaque = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const el = document.activeElement;
  const s = getComputedStyle(el);
  return { what: el.dataset.testid || el.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: rgb(s.outlineColor).slice(0, 3),
    own: opaque(el), behind: opaque(el.parentElement) };
});

test('the focus ring reaches 3:1 on every background it meets and is not the “assumed” orange', () =>
  withPage(browser, 'a11y-focus-ring', async (page) => {
    await openExample(page);
    const assumed = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.className = 'evidence-assumed';
      document.body.append(probe);
      const c = getComputedStyle(probe).borderTopColor;
      probe.remove();
      return (c.match(/\d+/g) || []).slice(0, 3).map(Number);
    });
    const seen = [];
    const check = async () => {
      const r = await ring(page);
      seen.push(r.what);
      assert.notEqual(r.style, 'none', `${r.what} shows a ring`);
      assert.ok(r.width >= 2, `${r.what}: ${r.width}px`);
      for (const bg of [r.own, r.behind]) {
        const ratio = contrast(r.color, bg);
        assert.ok(ratio >= 3, `${r.what}: ring rgb(${r.color}) on rgb(${bg}) is ${ratio.toFixed(2)}:1`);
      }
      assert.ok(contrast(r.color, assumed) >= 2.5, `${r.what}: ring rgb(${r.color}) stands apart from the assumed rgb(${assumed})`);
    };
    // Keyboard only: skip link, map area, a card, a stage header, a button, a tab link.
    await page.reload();
    await page.getByTestId('touchpoint').first().waitFor();
    await page.keyboard.press('Tab');
    await check();
    await page.keyboard.press('Enter');
    await until(() => page.evaluate(() => document.activeElement?.dataset.testid), 'map-canvas');
    await check();
    await page.keyboard.press('ArrowRight');
    await until(() => page.evaluate(() => document.activeElement?.dataset.testid), 'touchpoint');
    await check();
    await page.keyboard.press('ArrowUp');
    await until(() => page.evaluate(() => document.activeElement?.dataset.testid), 'stage');
    await check();
    await page.getByTestId('zoom-in').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await check();
    await page.getByTestId('nav-scores').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await check();
    assert.deepEqual(seen, ['skip-link', 'map-canvas', 'touchpoint', 'stage', 'zoom-in', 'nav-scores']);
  }));

test('at 200 % zoom (683×384) the map is on the first screen; screenshots of library, map and map in grayscale', () =>
  withPage(browser, 'a11y-zoom-200', async (page) => {
    await mkdir(ARTIFACTS, { recursive: true });
    await page.goto(srv.base);
    await page.getByTestId('map-row').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-200-library.png') });
    await page.getByRole('link', { name: 'Coffee to go' }).click();
    await page.getByTestId('touchpoint').first().waitFor();
    await page.waitForTimeout(300);
    const where = await page.evaluate(() => {
      const area = document.querySelector('[data-testid="map-canvas"]').getBoundingClientRect();
      const card = document.querySelector('[data-testid="touchpoint"]').getBoundingClientRect();
      return { area: Math.round(area.top), card: Math.round(card.top), cardBottom: Math.round(card.bottom), h: innerHeight };
    });
    console.log(`200 %: map area at y = ${where.area}, first card ${where.card}–${where.cardBottom} of ${where.h}`);
    assert.ok(where.area < where.h / 2, `the map starts in the upper half: ${JSON.stringify(where)}`);
    assert.ok(where.card < where.h, `a card is on the first screen: ${JSON.stringify(where)}`);
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-200-map.png') });
    // In grayscale, with the curve and its legend in view: the persona lines by dash and marker.
    await page.getByTestId('emotion-curve').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-200-map-grayscale.png') });
  }, { viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 }));

test('live regions only where something is announced: no empty alerts, no roles on table cells', () =>
  withPage(browser, 'a11y-live-regions', async (page) => {
    await openExample(page);
    // Stage headers carry their name on a role that takes one.
    const stageRoles = await page.getByTestId('stage').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('role')))]);
    assert.deepEqual(stageRoles, ['group']);
    await page.getByTestId('nav-scores').click();
    await page.getByTestId('scores-view').waitFor();
    const count = () => page.evaluate(() => ({
      emptyAlerts: [...document.querySelectorAll('[role="alert"], [aria-live]')].filter((e) => !e.textContent.trim()).length,
      cellRoles: document.querySelectorAll('td[role], th[role]').length,
    }));
    assert.deepEqual(await count(), { emptyAlerts: 0, cellRoles: 0 });
    // A refused value is announced: the alert appears with the message, and goes with it.
    const row = page.locator('tr', { has: page.locator('th', { hasText: 'Installs the app' }) }).first();
    const input = row.getByLabel(/^Drop-off \(%\)/);
    await input.fill('150');
    await input.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: '150 is outside the scale 0 to 100' });
    await alert.waitFor();
    assert.equal(await alert.evaluate((e) => e.tagName), 'SPAN', 'inside the cell, not on it');
    await input.fill('35');
    await input.press('Enter');
    await alert.waitFor({ state: 'detached' });
    assert.deepEqual(await count(), { emptyAlerts: 0, cellRoles: 0 });
  }));

for (const [lang, locale, link, table] of [['en', 'en-US', 'Coffee to go', 'Emotion curve as a table'], ['de', 'de-DE', 'Kaffee zum Mitnehmen', 'Emotionskurve als Tabelle']]) {
  test(`screenshots 1366×768 (${lang}): the map with its legend, band shapes and the curve as a table`, () =>
    withPage(browser, `a11y-shot-${lang}`, async (page) => {
      await mkdir(ARTIFACTS, { recursive: true });
      await page.goto(srv.base);
      await page.getByRole('link', { name: new RegExp(link) }).first().click();
      await page.getByTestId('touchpoint').first().waitFor();
      await page.getByText(table).click();
      await page.getByRole('table').first().waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `a11y-map-${lang}-1366.png`) });
      await page.getByTestId('curve-values').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await page.screenshot({ path: join(ARTIFACTS, `a11y-curve-table-${lang}-1366.png`) });
    }, { locale, viewport: { width: 1366, height: 768 } }));
}
