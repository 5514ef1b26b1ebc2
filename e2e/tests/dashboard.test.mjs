// The charts dashboard in a real Chromium against the release build: every chart card of the
// example map (drawn, or saying which data it needs), every chart drawn once the data exists
// (seeded into the stored map), a screenshot of each chart in e2e/artifacts/charts/, SVG and
// PNG downloads checked byte by byte, German labels, and an unknown map.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, withPage, waitSaved, ARTIFACTS, storedMaps } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const CHARTS = ['emotion-curve', 'funnel', 'score-ranking', 'channel-mix', 'contact-mix', 'throughput', 'route-flow', 'value-effort'];
// What the example map has no data for, and the start of what each chart then says.
const EXAMPLE_NEEDS = {
  'throughput': 'The throughput-time histogram needs an imported event log',
  'route-flow': 'The route flow needs volumes on routes',
  'value-effort': 'The opportunity matrix needs opportunities with a value (0–100) and an effort (0–5).',
};
const SHOTS = join(ARTIFACTS, 'charts');
const card = (page, key) => page.locator(`[data-testid="chart-card"][data-chart="${key}"]`);

/** Opens the example map from the library, then its dashboard through the map page's link. */
async function openExampleDashboard(page, linkName = 'Dashboard', mapName = 'Coffee to go') {
  await page.goto(srv.base);
  await page.getByRole('link', { name: mapName }).click();
  await page.getByTestId('map-title').waitFor();
  await page.getByRole('link', { name: linkName, exact: true }).click();
  await page.getByTestId('dashboard').waitFor();
}

/** Adds what the example lacks to the stored map: route volumes, opportunity figures and
 *  measured throughput times per journey (as an analysed event log would). Returns the id. */
async function seedFullData(page) {
  await page.goto(srv.base);
  await page.getByRole('link', { name: 'Coffee to go' }).waitFor();
  await waitSaved(page);
  const [stored] = await storedMaps(page);
  return page.evaluate((map) => {
    const key = 'journey-studio:map:' + map.id;
    map.routes.forEach((r, i) => { r.volume = [2400, 1560, 1400, 1330, 1277, 1100, 700, 600, 400, 190, 170, 85, 650][i % 13]; });
    let n = 0;
    for (const tp of map.touchpoints) {
      for (const o of tp.opportunities) {
        o.customer_value = [85, 40, 75, 60, 30, 90][n % 6];
        o.business_value = [70, 30, 65, 55, 20, 80][n % 6];
        o.effort = [1, 0.5, 2, 4, 3.5, 1.5][n % 6];
        n += 1;
      }
    }
    // 200 journeys between 3 and 40 minutes.
    map.journey_throughput_s = Array.from({ length: 200 }, (_, i) => 180 + ((i * 37) % 200) * 11);
    localStorage.setItem(key, JSON.stringify(map));
    return map.id;
  }, stored);
}

/** Opens a map's dashboard by its address, loading the app afresh (a hash change alone
 *  would keep the app's in-memory library, which does not see the seeded data). */
async function openDashboard(page, id) {
  await page.goto(`${srv.base}#/map/${encodeURIComponent(id)}/dashboard`);
  await page.reload();
  await page.getByTestId('dashboard').waitFor();
}

/** Checks an SVG file the way a viewer would read it: well-formed XML with an <svg> root and a <title>. */
async function assertValidSvg(page, text) {
  assert.ok(text.startsWith('<svg'), text.slice(0, 80));
  assert.match(text, /<title[^>]*>[^<]+<\/title>/);
  const problem = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return doc.querySelector('parsererror').textContent;
    return doc.documentElement.localName === 'svg' ? null : `root is ${doc.documentElement.localName}`;
  }, text);
  assert.equal(problem, null);
}

/** A PNG starts with its signature; width and height are the first fields of the IHDR chunk. */
function assertPng(bytes, width, height) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  assert.equal(bytes.readUInt32BE(16), width);
  assert.equal(bytes.readUInt32BE(20), height);
}

/** The share of pixels of a PNG that are not white, decoded by the browser. */
function inkedShare(page, bytes) {
  return page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let inked = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] < 240 || px[i + 1] < 240 || px[i + 2] < 240) inked += 1;
    return inked / (px.length / 4);
  }, bytes.toString('base64'));
}

async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await dl.path();
  assert.equal(await dl.failure(), null);
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

test('the example dashboard has a card per chart: drawn, or saying which data it needs', () =>
  withPage(browser, 'dashboard-example', async (page) => {
    await openExampleDashboard(page);
    assert.match(await page.getByTestId('dashboard-title').textContent(), /Charts dashboard – Coffee to go/);
    assert.deepEqual(await page.getByTestId('chart-card').evaluateAll((cs) => cs.map((c) => c.dataset.chart)), CHARTS);
    await mkdir(SHOTS, { recursive: true });
    for (const key of CHARTS) {
      const c = card(page, key);
      await assert.doesNotReject(c.getByRole('heading').waitFor(), key);
      if (EXAMPLE_NEEDS[key]) {
        assert.equal(await c.locator('svg').count(), 0, `${key} draws no empty frame`);
        assert.match(await c.getByTestId('needs-data').textContent(), new RegExp(EXAMPLE_NEEDS[key].replace(/[().]/g, '\\$&')));
        assert.equal(await c.getByRole('button').count(), 0, `${key} offers no download of nothing`);
      } else {
        const figure = c.getByRole('figure');
        await figure.waitFor();
        assert.equal(await figure.locator('svg > title').count(), 1, key);
        assert.ok((await figure.locator('figcaption').textContent()).length > 10);
        const box = await figure.locator('svg').boundingBox();
        assert.ok(box.width > 300 && box.height > 150, `${key} is drawn at a visible size: ${JSON.stringify(box)}`);
      }
      await c.screenshot({ path: join(SHOTS, `example-${key}.png`) });
    }
    // The emotion curve draws one line per persona of the example.
    const legend = await card(page, 'emotion-curve').locator('svg').textContent();
    assert.match(legend, /Lena/);
  }));

test('with route volumes, opportunity figures and throughput times every chart draws', () =>
  withPage(browser, 'dashboard-full', async (page) => {
    const id = await seedFullData(page);
    await openDashboard(page, id);
    await mkdir(SHOTS, { recursive: true });
    for (const key of CHARTS) {
      const c = card(page, key);
      const figure = c.getByRole('figure');
      await assert.doesNotReject(figure.waitFor({ timeout: 5000 }), key);
      assert.equal(await c.getByTestId('needs-data').count(), 0, key);
      assert.equal(await figure.locator('svg > title').count(), 1, key);
      await c.screenshot({ path: join(SHOTS, `${key}.png`) });
    }
    assert.match(await card(page, 'value-effort').locator('svg').textContent(), /Quick wins/);
    assert.match(await card(page, 'throughput').locator('svg').textContent(), /Median/);
  }));

test('every chart downloads as a valid SVG and as a PNG of twice its size', () =>
  withPage(browser, 'dashboard-downloads', async (page) => {
    const id = await seedFullData(page);
    await openDashboard(page, id);
    for (const key of CHARTS) {
      const c = card(page, key);
      await c.getByRole('figure').waitFor();
      const svg = await download(page, c.getByRole('button', { name: 'Download SVG' }));
      assert.equal(svg.name, `coffee-to-go-${key}.svg`);
      const text = svg.bytes.toString('utf8');
      await assertValidSvg(page, text);
      assert.match(text, /Coffee to go/, 'the title names the map');
      const png = await download(page, c.getByRole('button', { name: 'Download PNG' }));
      assert.equal(png.name, `coffee-to-go-${key}.png`);
      assertPng(png.bytes, 1920, 1080);
      const inked = await inkedShare(page, png.bytes);
      assert.ok(inked > 0.01, `${key}: the PNG shows the chart, not a blank canvas (${(inked * 100).toFixed(2)} % non-white)`);
    }
    assert.equal(await page.getByTestId('download-error').count(), 0);
  }));

test('in German the link, headings, buttons and messages are German', () =>
  withPage(browser, 'dashboard-german', async (page) => {
    await openExampleDashboard(page, 'Dashboard', 'Kaffee zum Mitnehmen');
    await page.getByRole('heading', { name: 'Emotionskurve' }).waitFor();
    assert.match(await page.getByTestId('dashboard-title').textContent(), /Diagramm-Übersicht – Kaffee zum Mitnehmen/);
    assert.equal(await card(page, 'funnel').getByRole('button', { name: 'SVG herunterladen' }).count(), 1);
    assert.equal(await card(page, 'funnel').getByRole('button', { name: 'PNG herunterladen' }).count(), 1);
    assert.match(await card(page, 'route-flow').getByTestId('needs-data').textContent(), /Der Routenfluss braucht Volumen an den Routen/);
    assert.match(await card(page, 'funnel').locator('svg > title').textContent(), /Trichter/);
    await page.getByRole('link', { name: 'Zurück zur Karte' }).click();
    await page.getByTestId('map-title').filter({ hasText: 'Kaffee zum Mitnehmen' }).waitFor();
  }, { locale: 'de-DE' }));

test('switching the language redraws the charts in place', () =>
  withPage(browser, 'dashboard-lang-switch', async (page) => {
    await openExampleDashboard(page);
    const title = card(page, 'funnel').locator('svg > title');
    assert.match(await title.textContent(), /^Funnel and drop-off/);
    await page.getByTestId('lang-switch').selectOption('de');
    await page.getByRole('heading', { name: 'Trichter und Abbruch' }).waitFor();
    assert.match(await title.textContent(), /^Trichter/);
  }));

test('the dashboard of an unknown map says so', () => withPage(browser, 'dashboard-unknown', async (page) => {
  await page.goto(`${srv.base}#/map/no-such-map/dashboard`);
  await page.getByTestId('map-missing').waitFor();
  assert.equal(await page.getByTestId('chart-card').count(), 0);
}));
