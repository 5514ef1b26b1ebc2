// One reader of typed numbers (issue 24): "1,234.5" typed with the English UI and "1.234,5"
// typed with the German one are the same number in the inspector, on the scores page and in
// the analytics goal controls; in a survey file, whose language is unknown, both texts read as
// the same number (refused the same way: a CSAT answer is a whole number 1–5), and "4,0" is
// "4.0". Expected values are what the texts say (known by construction). The event log's
// rating column is read by the same reader; the page shows no rating, so that path is checked
// natively (core/tests/imported_numbers.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, withPage, waitSaved, storedMap } from '../harness.mjs';

let srv, browser, dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'numbers-e2e-'));
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close(); await srv?.close();
  // The generated logs are tens of MB each; CI machines keep /tmp between runs.
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const MAP = {
  schema_version: 2, id: 'shop', name: 'Shop', created_at: 0, updated_at: 0, next_seq: 20,
  stages: [{ id: 's1', name: 'Buy' }],
  touchpoints: [{ id: 't1', stage_id: 's1', title: 'Visit' }, { id: 't2', stage_id: 's1', title: 'Pay' }],
  routes: [{ id: 'r1', from: 't1', to: 't2' }],
};
const LOG = 'case_id,activity,timestamp\n1,Visit,2024-03-01T10:00:00Z\n1,Pay,2024-03-01T10:05:00Z\n2,Visit,2024-03-02T10:00:00Z\n';

async function seed(page) {
  // The UI language follows the browser's (the context's locale) on a first start.
  await page.addInitScript((json) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.clear();
    localStorage.setItem('journey-studio:map:shop', json);
  }, JSON.stringify(MAP));
}

const stored = (page) => storedMap(page, 'shop');
const tp = (map, id) => map.touchpoints.find((t) => t.id === id);

for (const [lang, locale, typed] of [['en', 'en-US', '1,234.5'], ['de', 'de-DE', '1.234,5']]) {
  test(`${lang}: "${typed}" is 1234.5 in the inspector, the scores page and the goal controls; a survey file reads both forms alike`, () => withPage(browser, `numbers-${lang}`, async (page) => {
    await seed(page);
    // The inspector beside the map.
    await page.goto(srv.base + '#/map/shop');
    await page.locator('[data-testid="touchpoint"][data-tp-id="t1"]').click();
    const volume = page.getByTestId('inspector').getByTestId('input-volume');
    await volume.fill(typed);
    await volume.press('Tab');
    await waitSaved(page);
    assert.equal(tp(await stored(page), 't1').measurements.volume, 1234.5);

    // The scores page.
    await page.goto(srv.base + '#/map/shop/scores');
    const row = page.locator('[data-testid="score-row"][data-touchpoint-id="t2"]');
    await row.getByTestId('input-volume').fill(typed);
    await row.getByTestId('input-volume').press('Tab');
    await waitSaved(page);
    assert.equal(tp(await stored(page), 't2').measurements.volume, 1234.5);

    // The analytics page: the goal controls after a log is read.
    await page.goto(srv.base + '#/map/shop/analytics');
    await page.getByTestId('analytics-page').waitFor();
    const log = join(dir, `log-${lang}.csv`);
    writeFileSync(log, LOG);
    await page.getByTestId('log-file').setInputFiles(log);
    await page.getByTestId('mapping-step').waitFor();
    await page.getByTestId('start-import').click();
    await page.getByTestId('metrics').waitFor();
    await page.getByTestId('drop-off-days').fill(typed);
    await page.getByTestId('drop-off-days').press('Tab');
    await waitSaved(page);
    assert.equal((await stored(page)).analytics.drop_off_timeout_s, 1234.5 * 86_400);
    // Shown back in the UI's language, as typed without the thousands mark.
    assert.equal(await page.getByTestId('drop-off-days').inputValue(), lang === 'en' ? '1234.5' : '1234,5');
    await page.getByTestId('funnel-window').fill(typed);
    await page.getByTestId('funnel-window').press('Tab');
    await waitSaved(page);
    assert.equal((await stored(page)).analytics.funnel_window_s, 1234.5 * 3600);

    // A survey file: "4,0" and "4.0" are two answers of 4; "1.234,5" and "1,234.5" are the
    // same number, refused alike.
    const survey = join(dir, `survey-${lang}.csv`);
    writeFileSync(survey, 'touchpoint;rating;scale\nPay;"4,0";csat\nPay;4.0;csat\nPay;1.234,5;csat\nPay;1,234.5;csat\n');
    await page.getByTestId('survey-file').setInputFiles(survey);
    const box = page.getByTestId('survey');
    await box.getByTestId('survey-summary').filter({ hasText: /^4 \D+, 2 \D+\.$/ }).waitFor();
    const pay = box.locator('tr', { has: page.getByRole('rowheader', { name: 'Pay', exact: true }) });
    assert.equal(await pay.locator('td').nth(0).textContent(), lang === 'en' ? '4.00 (n = 2)' : '4,00 (n = 2)');
    const issues = await box.getByText(/^(Line|Zeile) [45]: /).allTextContents();
    assert.equal(issues.length, 2, issues.join(' | '));
    assert.equal(issues[0].replace(/^\S+ 4/, ''), issues[1].replace(/^\S+ 5/, ''), issues.join(' | '));
    assert.match(issues[0], /1234[.,]5/);
  }, { locale }));
}
