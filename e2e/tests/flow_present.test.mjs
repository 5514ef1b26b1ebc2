// The flow view and the presentation mode as they show on a 1366×768 projector, in English and
// German: in the flow view no text covers other text (bounding boxes measured in Chromium),
// every touchpoint title is readable in full (wrapped text, and the node's accessible name),
// there is one legend, and volume labels carry the language's thousands separator; each
// presentation slide of "Running shoes online" lists its stage's touchpoints, shows the
// emotion curve's value at that stage (checked against a mean computed here from the stored
// map, and against the curve's own description), and writes numbers with separators.
// Screenshots of the flow view and of every slide land in e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, withPage, waitSaved, ARTIFACTS, storedMaps } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); await mkdir(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); await srv?.close(); });

const PROJECTOR = { width: 1366, height: 768 };
const LOCALES = { en: 'en-US', de: 'de-DE' };
const MINUS = '\u2212';

/** The stored map called `name` (the app keeps one local-storage key per map). */
async function storedMap(page, name) {
  return (await storedMaps(page)).find((m) => m.name === name) ?? null;
}

/** Writes `map` back under its key, as if it had been edited (used to add route volumes). */
function storeMap(page, map) {
  return page.evaluate((m) => localStorage.setItem(`journey-studio:map:${m.id}`, JSON.stringify(m)), map);
}

/** A number as the test expects it on screen: whole, thousands grouped. */
const grouped = (v, lang) => Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'de' ? '.' : ',');

function overlap(a, b) {
  const eps = 0.5; // sub-pixel rounding of adjacent boxes is not an overlap
  return a.x + eps < b.x + b.width && b.x + eps < a.x + a.width && a.y + eps < b.y + b.height && b.y + eps < a.y + a.height;
}

/** Every text box of the flow view (stage names, titles, "outside", volumes, legend words) and every node frame. */
function flowBoxes(page) {
  return page.getByTestId('flow-view').locator('svg.flow-svg').evaluate((svg) => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    const label = (el) => `${el.getAttribute('class') || el.tagName}: ${el.textContent}`;
    const texts = [...svg.querySelectorAll('text')].map((el) => ({ what: label(el), volume: el.classList.contains('flow-volume'), box: box(el) }));
    const frames = [...svg.querySelectorAll('.flow-node rect')].map((el) => ({ what: `frame of ${el.parentElement.getAttribute('aria-label')}`, box: box(el) }));
    const nodes = [...svg.querySelectorAll('.flow-node')].map((g) => ({
      name: g.getAttribute('aria-label'),
      lines: [...g.querySelectorAll('text.flow-title tspan')].map((t) => t.textContent),
      frame: box(g.querySelector('rect')),
      text: box(g.querySelector('text.flow-title')),
    }));
    return { texts, frames, nodes, legends: document.querySelectorAll('.flow-legend').length, volumes: [...svg.querySelectorAll('.flow-volume')].map((t) => t.textContent) };
  });
}

/** Opens `name`'s flow view at projector size and checks the boxes; returns what it measured. */
async function checkFlow(page, map, lang, shot) {
  await page.setViewportSize(PROJECTOR);
  await page.goto(`${srv.base}#/map/${encodeURIComponent(map.id)}`);
  await page.reload();
  await page.getByTestId('map-title').waitFor();
  await page.getByTestId('view-flow').click();
  await page.getByTestId('flow-view').locator('svg.flow-svg').waitFor();
  const m = await flowBoxes(page);
  // No text covers another text, and no volume label covers a touchpoint's frame.
  for (let i = 0; i < m.texts.length; i++) {
    for (let j = i + 1; j < m.texts.length; j++) {
      assert.ok(!overlap(m.texts[i].box, m.texts[j].box), `"${m.texts[i].what}" overlaps "${m.texts[j].what}" (${lang})`);
    }
    if (m.texts[i].volume) {
      for (const f of m.frames) assert.ok(!overlap(m.texts[i].box, f.box), `"${m.texts[i].what}" covers the ${f.what}`);
    }
  }
  // Every title in full: as the node's name, and as its wrapped lines inside its frame.
  const outside = lang === 'de' ? ' (extern)' : ' (outside)';
  assert.equal(m.nodes.length, map.touchpoints.length);
  for (const tp of map.touchpoints) {
    const node = m.nodes.find((n) => n.name === tp.title || n.name === tp.title + outside);
    assert.ok(node, `a node named "${tp.title}"`);
    assert.equal(node.lines.join(' '), tp.title, 'the whole title is written');
    assert.ok(node.text.x + node.text.width <= node.frame.x + node.frame.width + 0.5, `"${tp.title}" stays inside its frame`);
    assert.ok(node.text.y + node.text.height <= node.frame.y + node.frame.height + 0.5, `"${tp.title}" stays inside its frame`);
  }
  assert.equal(m.legends, 1, 'one legend');
  // …and no second one in words beside the drawing.
  const besides = await page.getByTestId('flow-view').evaluate((el) => [...el.children].filter((c) => !c.querySelector('svg')).map((c) => c.textContent).join(' '));
  assert.doesNotMatch(besides, /loop back|Rücksprung|dashed|gestrichelt/i, `a second legend beside the flow: ${besides}`);
  assert.equal(await page.getByTestId('flow-view').locator('.flow-legend').count(), 1);
  await page.getByTestId('flow-view').screenshot({ path: join(ARTIFACTS, shot) });
  return m;
}

for (const lang of ['en', 'de']) {
  test(`flow view of "Coffee to go" and of a map with route volumes (${lang}): no overlaps, whole titles, one legend`, () =>
    withPage(browser, `flow-${lang}`, async (page) => {
      await page.goto(srv.base);
      await page.getByTestId('map-row').first().waitFor();
      await waitSaved(page);
      const coffee = await storedMap(page, lang === 'de' ? 'Kaffee zum Mitnehmen' : 'Coffee to go');
      assert.ok(coffee, 'the example map');
      const plain = await checkFlow(page, coffee, lang, `flow-coffee-${lang}-1366.png`);
      assert.deepEqual(plain.volumes, []);

      // Volumes on every route, up to six digits, as an applied event log writes them.
      const volumes = [128650, 2400, 1560, 98765, 1277, 1100, 700, 600, 400, 190, 170, 85, 64000];
      coffee.routes.forEach((r, i) => { r.volume = volumes[i % volumes.length]; });
      await storeMap(page, coffee);
      const busy = await checkFlow(page, coffee, lang, `flow-volumes-${lang}-1366.png`);
      assert.deepEqual([...busy.volumes].sort(), coffee.routes.map((r) => grouped(r.volume, lang)).sort(), 'every volume, grouped');
      assert.ok(busy.volumes.includes(lang === 'de' ? '128.650' : '128,650'));
    }, { locale: LOCALES[lang] }));
}

/** The emotion curve's value at a stage, as a slide must write it: signed, one decimal. */
function curveText(mean, lang) {
  const rounded = Math.round(mean * 10) / 10;
  let s = Math.abs(rounded).toFixed(1).replace(/\.0$/, '');
  if (lang === 'de') s = s.replace('.', ',');
  if (rounded > 0) return '+' + s;
  if (rounded < 0) return MINUS + s;
  return s;
}

for (const lang of ['en', 'de']) {
  test(`presentation of "Running shoes online" (${lang}): touchpoints on every slide, the curve's emotion, grouped numbers`, () =>
    withPage(browser, `present-${lang}`, async (page) => {
      await page.setViewportSize(PROJECTOR);
      await page.goto(srv.base);
      await page.getByTestId('create-running-shoes').click();
      await page.getByTestId('map-title').waitFor();
      await waitSaved(page);
      const map = await storedMap(page, lang === 'de' ? 'Laufschuhe online' : 'Running shoes online');
      assert.ok(map);
      await page.goto(`${srv.base}#/map/${encodeURIComponent(map.id)}/present`);
      await page.getByTestId('present-stage').waitFor();
      let sawGrouped = false;
      for (const [i, stage] of map.stages.entries()) {
        const position = lang === 'de' ? `Phase ${i + 1} von` : `Stage ${i + 1} of`;
        await page.getByTestId('present-position').filter({ hasText: position }).waitFor();
        assert.equal(await page.getByTestId('present-stage').textContent(), stage.name);
        const tps = map.touchpoints.filter((t) => t.stage_id === stage.id);
        // Each touchpoint with its title, channel, emotion and pain points.
        const listed = page.getByTestId('present-touchpoint');
        assert.deepEqual(await listed.getByTestId('present-tp-title').allTextContents(), tps.map((t) => t.title));
        for (const [k, tp] of tps.entries()) {
          const item = listed.nth(k);
          assert.ok((await item.getByTestId('present-tp-channel').textContent()).trim().length > 0, 'channel named');
          if (tp.emotion !== undefined) {
            assert.match(await item.getByTestId('present-tp-emotion').textContent(), new RegExp(`[${MINUS}+]?${Math.abs(tp.emotion)}\\b`));
          }
          assert.deepEqual(await item.getByTestId('present-tp-pain').allTextContents(), tp.pain_points.filter((p) => p.trim()));
        }
        // The emotion shown is the curve's value: the mean of the stage's known emotions
        // (every touchpoint belongs to the one persona), and the curve says the same.
        const known = tps.map((t) => t.emotion).filter((e) => e !== undefined && e !== null);
        const mean = known.reduce((a, b) => a + b, 0) / known.length;
        const shown = (await page.getByTestId('present-emotion').first().textContent()).trim();
        const value = Number(shown.replace(MINUS, '-').replace(',', '.'));
        assert.ok(Math.abs(value - mean) <= 0.05 + 1e-9, `emotion of ${stage.name}: ${shown} for a mean of ${mean}`);
        assert.equal(shown, curveText(value, lang), 'signed, one decimal, the language\'s decimal mark');
        const desc = await page.getByTestId('present-curve').locator('svg desc').first().textContent();
        assert.ok(desc.includes(`${stage.name} ${shown}`), `the curve says ${stage.name} ${shown}: ${desc}`);
        // Numbers: every figure of four or more digits is grouped.
        const numbers = await page.getByTestId('present-numbers').textContent();
        assert.doesNotMatch(numbers, /\d{4}/, `ungrouped number on ${stage.name}: ${numbers}`);
        const volume = Math.max(...tps.filter((t) => (t.visibility ?? 'frontstage') === 'frontstage').map((t) => t.measurements?.volume ?? 0));
        if (volume >= 1000) {
          assert.ok(numbers.includes(grouped(volume, lang)), `${grouped(volume, lang)} on ${stage.name}: ${numbers}`);
          sawGrouped = true;
        }
        await page.screenshot({ path: join(ARTIFACTS, `present-${lang}-${i + 1}-1366.png`) });
        await page.keyboard.press('ArrowRight');
      }
      assert.ok(sawGrouped, 'at least one slide shows a grouped volume (Purchase: 6,375)');
    }, { locale: LOCALES[lang] }));
}
