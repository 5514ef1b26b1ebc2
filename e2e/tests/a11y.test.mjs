// Accessibility of every page, measured with axe-core (WCAG A/AA and best practice) in Chromium
// against the release build:
// the library, the map (grid, flow view, inspector open when the map has one), scores,
// dashboard, analytics, measures, measurements, snapshots and the presentation. The test
// prints the number of serious and critical violations per page (and what they are), then
// holds every page at zero.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, withPage, waitSaved, storedMaps } from '../harness.mjs';
import { axeViolations, describeViolations, WITH_BEST_PRACTICE } from '../a11y.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** The stored id of the map called `name` (the app stores one key per map). */
async function mapId(page, name) {
  return (await storedMaps(page)).find((m) => m.name === name)?.id ?? null;
}

/** A small event log whose activities are touchpoints of the example. */
const LOG = ['case_id,activity,timestamp',
  ...[1, 2, 3].flatMap((c) => [`c${c},Installs the app,2026-03-0${c}T08:00:00`, `c${c},Orders ahead,2026-03-0${c}T08:05:00`, `c${c},Pays in the app,2026-03-0${c}T08:06:00`])].join('\n') + '\n';

/** The pages, each with how to reach it and what shows that it has rendered. */
const PAGES = [
  { name: 'library', hash: '', ready: '[data-testid="map-row"]' },
  { name: 'map (grid)', hash: (id) => `map/${id}`, ready: '[data-testid="map-title"]' },
  {
    name: 'map (flow)', hash: (id) => `map/${id}`, ready: '[data-testid="map-title"]',
    then: async (page) => { await page.getByTestId('view-flow').click(); await page.getByTestId('flow-view').locator('svg').waitFor(); },
  },
  {
    name: 'map (inspector open)', hash: (id) => `map/${id}`, ready: '[data-testid="map-title"]',
    // Select the first card of the canvas: its inspector opens beside the map.
    then: async (page) => {
      await page.getByTestId('touchpoint').first().click();
      await page.getByTestId('inspector').waitFor();
    },
  },
  { name: 'scores', hash: (id) => `map/${id}/scores`, ready: '[data-testid="scores-view"]' },
  { name: 'dashboard', hash: (id) => `map/${id}/dashboard`, ready: '[data-testid="chart-card"] svg' },
  {
    name: 'analytics (log imported)', hash: (id) => `map/${id}/analytics`, ready: '[data-testid="analytics-page"]',
    then: async (page) => {
      await page.getByLabel('Event log (CSV: comma, semicolon or tab)').setInputFiles({ name: 'log.csv', mimeType: 'text/csv', buffer: Buffer.from(LOG) });
      await page.getByTestId('mapping-step').waitFor();
      await page.getByRole('button', { name: 'Import and analyse' }).click();
      await page.getByTestId('metrics').waitFor();
    },
  },
  {
    name: 'measures (one measure, list)', hash: (id) => `map/${id}/measures`, ready: '[data-testid="measures-title"]',
    then: async (page) => {
      const form = page.getByTestId('measure-form');
      await form.getByLabel('Title', { exact: true }).fill('Ready screen at the counter');
      await form.getByRole('button', { name: 'Add measure' }).click();
      await page.getByTestId('measure-card').first().waitFor();
    },
  },
  {
    name: 'measures (board)', hash: (id) => `map/${id}/measures`, ready: '[data-testid="measure-card"]',
    then: async (page) => { await page.getByTestId('view-board').click(); await page.getByTestId('measure-board').waitFor(); },
  },
  {
    name: 'measurements (touchpoint chosen)', hash: (id) => `map/${id}/measurements`, ready: '[data-testid="tracking-title"]',
    then: async (page) => {
      await page.getByTestId('tracking-touchpoint').selectOption({ label: 'Pays in the app' });
      await page.getByTestId('tracking-panel').getByRole('heading', { name: 'Pays in the app' }).waitFor();
    },
  },
  {
    name: 'snapshots (one saved, compared with now)', hash: (id) => `map/${id}/snapshots`, ready: '[data-testid="snapshots-title"]',
    then: async (page) => {
      await page.getByLabel('Snapshot name').fill('Before relaunch');
      await page.getByRole('button', { name: 'Save snapshot' }).click();
      await page.getByTestId('snapshot-row').getByRole('button', { name: 'Compare with now' }).click();
      await page.getByTestId('snapshot-compare').waitFor();
    },
  },
  { name: 'presentation', hash: (id) => `map/${id}/present`, ready: '[data-testid="present-curve"] svg' },
];

test('axe-core with the best-practice rules: no serious or critical violation on any page (counts printed per page)', () =>
  withPage(browser, 'a11y-axe', async (page) => {
    await page.goto(srv.base);
    await page.locator('[data-testid="map-row"]').first().waitFor();
    await waitSaved(page);
    const id = await mapId(page, 'Coffee to go');
    assert.ok(id, 'the example map is there on first start');
    const found = {};
    for (const p of PAGES) {
      const hash = typeof p.hash === 'function' ? p.hash(encodeURIComponent(id)) : p.hash;
      await page.goto(`${srv.base}#/${hash}`);
      await page.reload();
      await page.locator(p.ready).first().waitFor();
      const skipped = p.then ? await p.then(page) : undefined;
      if (skipped) {
        console.log(`axe ${p.name}: skipped (${skipped})`);
        continue;
      }
      const violations = await axeViolations(page, { tags: WITH_BEST_PRACTICE });
      found[p.name] = violations;
      console.log(`axe ${p.name}: ${violations.length} serious/critical` + (violations.length ? '\n' + describeViolations(violations) : ''));
    }
    const failing = Object.entries(found).filter(([, v]) => v.length);
    assert.deepEqual(failing.map(([name]) => name), [], failing.map(([n, v]) => `${n}:\n${describeViolations(v)}`).join('\n'));
  }));
