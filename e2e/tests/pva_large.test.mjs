// Planned vs actual on the canvas for a large plan (issue 28): a 150-touchpoint plan (harness
// `newLargeMap`, a chain of planned routes) against a log where every case walks the steps
// in order, nobody reaches the last step, and every second case does "Extra 0" (an activity
// the plan lacks) after step 140. Truth by construction: "Step 149" not reached, "Extra 0"
// unplanned in 75 cases. The board draws only the cards near the window; the list under
// it still names every difference, and scrolling with the keyboard (End) draws the cards
// at the bottom — there "Step 149", marked "Not reached". The lines are one path per kind.
// Screenshot: e2e/artifacts/planned-actual-canvas-large-en-1366.png (the bottom of the board).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { startServer, launch, withPage, newLargeMap, ARTIFACTS } from '../harness.mjs';

const STEPS = 150;
const CASES = 150;
let srv, browser, file;

before(async () => {
  const rows = ['case_id,activity,timestamp'];
  const start = Date.UTC(2024, 4, 1);
  for (let c = 0; c < CASES; c++) {
    let t = start + c * 3_600_000;
    for (let i = 0; i < STEPS - 1; i++) {
      rows.push(`C${c},Step ${i},${new Date(t).toISOString()}`);
      t += 60_000;
      if (i === 140 && c % 2 === 0) {
        rows.push(`C${c},Extra 0,${new Date(t).toISOString()}`);
        t += 60_000;
      }
    }
  }
  file = join(mkdtempSync(join(tmpdir(), 'pva-large-')), 'large-log.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  srv = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await srv?.close();
  if (file) rmSync(dirname(file), { recursive: true, force: true });
});

const cardsInPage = (page) => page.getByTestId('pva-card-title').allTextContents();

test('planned vs actual on the canvas, 150 touchpoints: the cards near the window, every difference listed, End draws the bottom', () =>
  withPage(browser, 'planned-actual-large', async (page) => {
    const id = await newLargeMap(page, srv.base, 'Plan 150', STEPS, { routes: true });
    await page.goto(srv.base + `#/map/${encodeURIComponent(id)}/analytics`);
    await page.getByTestId('log-file').setInputFiles(file);
    await page.getByTestId('mapping-step').waitFor();
    await page.getByTestId('start-import').click();
    await page.getByTestId('pva-open-canvas').click({ timeout: 50_000 });
    await page.getByTestId('pva-canvas').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="pva-lines"]')?.dataset.count) > 0);
    assert.equal(await page.getByTestId('analytics-page').isVisible(), false, 'the steps are hidden beneath');
    // Only the cards near the window are in the page: the first, not the last.
    let titles = await cardsInPage(page);
    assert.ok(titles.includes('Step 0'), titles.join());
    assert.ok(!titles.includes('Step 149') && titles.length < STEPS, `${titles.length} cards in the page`);
    // All 148 planned routes taken (thin), one per kind of line: a few paths, every line in them.
    const lines = await page.getByTestId('pva-lines').evaluate((svg) => ({
      count: Number(svg.dataset.count),
      paths: svg.querySelectorAll('path.pva-line').length,
      segments: [...svg.querySelectorAll('path.pva-line')].reduce((n, p) => n + (p.getAttribute('d').match(/M/g) || []).length, 0),
    }));
    assert.ok(lines.count >= STEPS - 2, `${lines.count} lines`);
    assert.equal(lines.segments, lines.count);
    assert.ok(lines.paths <= 4, `${lines.paths} paths`);
    // Every difference named in words under the board, drawn or not.
    const differences = await page.getByTestId('pva-card-difference').allTextContents();
    assert.ok(differences.some((d) => /^Not reached: Step 149 \(stage [^)]+\) — No case reached it$/.test(d)), differences.join(' | '));
    assert.ok(differences.some((d) => /^Unplanned: Extra 0 \(stage [^)]+\) — 75 cases in \d+ days? \(50 %\)$/.test(d)), differences.join(' | '));
    // Keyboard alone: from the board's region, End scrolls to the bottom, which is drawn.
    await page.getByTestId('pva-board-area').focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="pva-card-title"]')].some((t) => t.textContent === 'Step 149'));
    const last = await page.locator('[data-testid="pva-card"]', { has: page.getByText('Step 149', { exact: true }) }).evaluate((el) => {
      return { status: el.dataset.status, text: el.textContent };
    });
    assert.equal(last.status, 'not-reached');
    assert.match(last.text, /Not reached.*No case reached it/);
    titles = await cardsInPage(page);
    assert.ok(!titles.includes('Step 0'), 'the top of the board left the page');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('[data-testid="pva-card"]', { has: page.getByText('Step 149', { exact: true }) }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(ARTIFACTS, 'planned-actual-canvas-large-en-1366.png') });
  }, { viewport: { width: 1366, height: 768 } }));
