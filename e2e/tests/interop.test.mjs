// Files, share links, Mermaid, print and presentation, driven through the UI against the
// release build: JSON export → delete → import gives the identical map; conflicts are never
// resolved silently; Mermaid text → map → Mermaid text; a share link opened in a fresh
// browser; CSV export and import with the mapping step; presentation mode by keyboard; and
// the printed sheet (print media and Chromium's PDF).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, launch, withPage, waitSaved, until } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const rows = (page) => page.getByTestId('map-row');
const rowNamed = (page, name) => rows(page).filter({ has: page.getByRole('link', { name, exact: true }) });

/** Clicks `trigger` and returns the text of the file it downloads. */
async function downloadText(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** Opens the map page's menu (exports, share, print, CSV import) and waits for its buttons. */
async function openMenu(page) {
  const button = page.getByTestId('map-menu');
  await button.waitFor();
  if (await button.getAttribute('aria-expanded') !== 'true') await button.click();
  await page.getByTestId('map-actions').waitFor();
}

async function openExample(page) {
  await page.goto(srv.base);
  await page.getByRole('link', { name: 'Coffee to go', exact: true }).click();
  await openMenu(page);
}

async function openFiles(page) {
  await page.getByTestId('library-files').locator('summary').click();
}

const jsonFile = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function deleteMap(page, name) {
  const row = rowNamed(page, name);
  await row.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await row.waitFor({ state: 'detached' });
}

test('JSON: export, delete, import gives the identical map; a second import asks before anything', () =>
  withPage(browser, 'json-round-trip', async (page) => {
    await openExample(page);
    const exported = await downloadText(page, page.getByTestId('export-json'));
    assert.equal(exported.name, 'Coffee-to-go.json');
    const original = JSON.parse(exported.text);
    assert.equal(original.name, 'Coffee to go');

    await page.getByRole('link', { name: 'All maps' }).click();
    await deleteMap(page, 'Coffee to go');
    await openFiles(page);
    await page.getByLabel('Import a map or a backup (JSON)').setInputFiles(jsonFile('map.json', exported.text));
    await page.getByTestId('import-done').filter({ hasText: '1 map imported.' }).waitFor();
    await page.getByRole('link', { name: 'Coffee to go', exact: true }).click();
    await openMenu(page);
    const again = await downloadText(page, page.getByTestId('export-json'));
    assert.deepEqual(JSON.parse(again.text), original, 'the imported map is the exported one');

    // The same file again: a conflict. No choice → refused; nothing changes.
    await page.getByRole('link', { name: 'All maps' }).click();
    await openFiles(page);
    await page.getByLabel('Import a map or a backup (JSON)').setInputFiles(jsonFile('map.json', exported.text));
    const conflict = page.getByTestId('import-conflict');
    await conflict.waitFor();
    assert.match(await conflict.textContent(), /“Coffee to go” is already in your library/);
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-refused').waitFor();
    assert.equal(await rows(page).count(), 1);
    await conflict.getByLabel('Import as a copy').check();
    await page.getByTestId('import-confirm').click();
    await rowNamed(page, 'Coffee to go (imported)').waitFor();
    assert.equal(await rows(page).count(), 2);
    await waitSaved(page);
  }));

test('JSON: a backup of all maps imports into another browser; replace only when chosen', () =>
  withPage(browser, 'backup', async (page) => {
    await page.goto(srv.base);
    await page.getByLabel('Name of the new map').fill('Second map');
    await page.getByRole('button', { name: 'New blank map' }).click();
    await openMenu(page);
    await page.getByRole('link', { name: 'All maps' }).click();
    await openFiles(page);
    const backup = await downloadText(page, page.getByTestId('export-backup'));
    assert.match(backup.name, /^journey-studio-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(backup.text);
    assert.equal(parsed.format, 'journey-studio-backup');
    assert.deepEqual(parsed.maps.map((m) => m.name).sort(), ['Coffee to go', 'Second map']);

    await withPage(browser, 'backup-other-browser', async (other) => {
      await other.goto(srv.base);
      await rowNamed(other, 'Coffee to go').waitFor();
      await openFiles(other);
      await other.getByLabel('Import a map or a backup (JSON)').setInputFiles(jsonFile('backup.json', backup.text));
      // The other browser's own example has another id but the same name.
      const conflict = other.getByTestId('import-conflict');
      await conflict.waitFor();
      assert.match(await conflict.textContent(), /A map named “Coffee to go” already exists/);
      assert.equal(await other.getByTestId('import-conflict').count(), 1, 'only the clashing map asks');
      await conflict.getByLabel('Replace').check();
      await other.getByTestId('import-confirm').click();
      await other.getByTestId('import-done').filter({ hasText: '2 maps imported.' }).waitFor();
      await rowNamed(other, 'Second map').waitFor();
      assert.equal(await rows(other).count(), 2, 'the example was replaced by the imported one, as chosen');
    });
  }));

test('JSON: a broken file is refused with the JSON path; the library is untouched', () =>
  withPage(browser, 'json-errors', async (page) => {
    await openExample(page);
    const exported = await downloadText(page, page.getByTestId('export-json'));
    const broken = JSON.parse(exported.text);
    broken.touchpoints[0].emotion = 'happy';
    await page.getByRole('link', { name: 'All maps' }).click();
    await openFiles(page);
    const input = page.getByTestId('import-json');
    await input.setInputFiles(jsonFile('broken.json', JSON.stringify(broken)));
    const error = page.getByTestId('import-error');
    await error.waitFor();
    assert.match(await error.textContent(), /touchpoints\[0\]\.emotion/);
    await input.setInputFiles(jsonFile('cut.json', exported.text.slice(0, 200)));
    await error.filter({ hasText: /line \d+, column \d+/ }).waitFor();
    await input.setInputFiles(jsonFile('future.json', JSON.stringify({ ...JSON.parse(exported.text), schema_version: 99 })));
    await error.filter({ hasText: 'Please update Journey Studio' }).waitFor();
    assert.equal(await rows(page).count(), 1);
    // A backup with one unreadable map: it is named with its JSON path, the rest imports.
    const good = { ...JSON.parse(exported.text), id: 'other-id', name: 'Other map' };
    const backup = { format: 'journey-studio-backup', schema_version: 1, exported_at: 0, maps: [good, broken] };
    await input.setInputFiles(jsonFile('backup.json', JSON.stringify(backup)));
    const listed = page.getByTestId('import-broken');
    await listed.waitFor();
    assert.match(await listed.textContent(), /maps\[1\]\.touchpoints\[0\]\.emotion/);
    assert.equal(await rows(page).count(), 1, 'nothing imported before the user confirms');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').filter({ hasText: '1 map imported.' }).waitFor();
    await rowNamed(page, 'Other map').waitFor();
    assert.equal(await rows(page).count(), 2);
    // German UI: the same message in German.
    await page.getByTestId('lang-switch').selectOption('de');
    await input.setInputFiles(jsonFile('broken.json', JSON.stringify(broken)));
    await error.filter({ hasText: 'Keine gültige Journey Map bei touchpoints[0].emotion' }).waitFor();
  }));

// Already in the exporter's normal form, so the round trip must give exactly this text.
const MERMAID = `journey
  title Bakery visit
  accTitle: Bakery visit
  section Find the bakery
    Search the map: 3: Anna
    Read reviews#58; mixed: 2: Anna, Ben
  section Buy
    Queue at the counter: 1: Ben
    Pay by card: 5: Anna
`;

test('Mermaid: text → map → text is unchanged; problems show line and column', () =>
  withPage(browser, 'mermaid-round-trip', async (page) => {
    await page.goto(srv.base);
    await openFiles(page);
    const input = page.getByLabel('Mermaid text');
    await input.fill('journey\n  section A\n    Task without score\n    Task: 9: Ben\n');
    const issues = page.getByTestId('mermaid-issue');
    await issues.first().waitFor();
    const texts = await issues.allTextContents();
    assert.ok(texts.some((t) => /Line 3, column 5: .*expected a task/.test(t)), texts.join('\n'));
    assert.ok(texts.some((t) => /Line 4, column 11: .*outside 1–5/.test(t)), texts.join('\n'));
    await input.fill('');
    // Open it as a file, the other way in.
    await page.getByLabel('Open a Mermaid file (.mmd)').setInputFiles({ name: 'bakery.mmd', mimeType: 'text/plain', buffer: Buffer.from(MERMAID) });
    await page.getByTestId('mermaid-preview').filter({ hasText: '“Bakery visit”: 2 stages, 4 touchpoints.' }).waitFor();
    assert.equal(await page.getByTestId('mermaid-preview').getByText('No problems found.').count(), 1);
    await page.getByTestId('mermaid-create').click();
    await openMenu(page);
    await page.getByTestId('export-mermaid').click();
    const text = await page.getByTestId('mermaid-export-text').inputValue();
    assert.equal(text, MERMAID);
    const file = await downloadText(page, page.getByTestId('mermaid-download'));
    assert.equal(file.name, 'Bakery-visit.mmd');
    assert.equal(file.text, MERMAID);
    // The example carries more than Mermaid can hold: the list says what is lost.
    await page.getByRole('link', { name: 'All maps' }).click();
    await page.getByRole('link', { name: 'Coffee to go', exact: true }).click();
    await openMenu(page);
    await page.getByTestId('export-mermaid').click();
    assert.match(await page.getByTestId('not-carried').textContent(), /channel/i);
  }));

test('share link: a fresh browser shows the same map read-only and saves a copy', () =>
  withPage(browser, 'share-link', async (page) => {
    await openExample(page);
    const reference = JSON.parse((await downloadText(page, page.getByTestId('export-json'))).text);
    await page.getByTestId('share-link').click();
    const url = await page.getByLabel('Link to this map').inputValue();
    assert.ok(url.startsWith(srv.base + '#/shared/v1.'), url);
    const stages = await page.locator('.print-sheet [data-testid="sheet-stage"] h2').allTextContents();
    const titles = await page.locator('.print-sheet [data-testid="sheet-touchpoint"] strong').allTextContents();
    assert.equal(stages.length, 5);

    await withPage(browser, 'share-link-receiver', async (other) => {
      // The receiver has no map of that name, so the saved copy keeps it as it is.
      await other.goto(srv.base);
      await deleteMap(other, 'Coffee to go');
      await other.goto(url);
      await other.getByTestId('shared-banner').waitFor();
      assert.equal(await other.getByTestId('sheet-title').textContent(), 'Coffee to go');
      assert.deepEqual(await other.locator('[data-testid="sheet-stage"] h2').allTextContents(), stages);
      assert.deepEqual(await other.locator('[data-testid="sheet-touchpoint"] strong').allTextContents(), titles);
      assert.equal(await other.getByTestId('sheet-curve').locator('svg').count(), 1);
      assert.equal(await rows(other).count(), 0, 'nothing saved before "Save a copy"');
      await other.getByRole('button', { name: 'Save a copy' }).click();
      await openMenu(other);
      const saved = JSON.parse((await downloadText(other, other.getByTestId('export-json'))).text);
      assert.deepEqual(saved, reference, 'the link carries the whole map');
      // Opening the link again and saving again makes a copy, never an overwrite.
      await other.goto(url);
      await other.getByRole('button', { name: 'Save a copy' }).click();
      await openMenu(other);
      await other.getByRole('link', { name: 'All maps' }).click();
      await rowNamed(other, 'Coffee to go (imported)').waitFor();
      assert.equal(await rows(other).count(), 2);
    });

    // A cut-off link says so instead of showing something half.
    await page.goto(url.slice(0, url.length - 40));
    await page.getByTestId('shared-error').waitFor();
  }));

test('share link: a map too large for a link offers a file instead', () =>
  withPage(browser, 'share-too-large', async (page) => {
    await openExample(page);
    const map = JSON.parse((await downloadText(page, page.getByTestId('export-json'))).text);
    // Random titles do not compress: 2,500 of them cannot fit in 32,000 characters.
    const stage = map.stages[0].id;
    const template = map.touchpoints[0];
    const rand = () => Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    map.id = 'big-map';
    map.name = 'Big map';
    for (let i = 0; i < 2500; i++) map.touchpoints.push({ ...template, id: `big-${i}`, stage_id: stage, title: rand() });
    map.next_seq = (map.next_seq || 0) + 3000;
    await page.getByRole('link', { name: 'All maps' }).click();
    await openFiles(page);
    await page.getByLabel('Import a map or a backup (JSON)').setInputFiles(jsonFile('big.json', JSON.stringify(map)));
    await page.getByTestId('import-done').waitFor();
    await page.getByRole('link', { name: 'Big map', exact: true }).click();
    await openMenu(page);
    await page.getByTestId('share-link').click();
    const message = page.getByTestId('share-too-large');
    await message.waitFor();
    assert.match(await message.textContent(), /file/i);
    const file = await downloadText(page, message.getByRole('button', { name: 'Export a JSON file instead' }));
    assert.equal(JSON.parse(file.text).touchpoints.length, map.touchpoints.length);
  }));

test('CSV: touchpoints export with scores, and import through the mapping step', () =>
  withPage(browser, 'csv', async (page) => {
    await openExample(page);
    const csv = await downloadText(page, page.getByTestId('export-csv'));
    assert.equal(csv.name, 'Coffee-to-go-touchpoints.csv');
    const header = csv.text.split(/\r?\n/)[0];
    for (const column of ['Stage', 'Title', 'Channel', 'Emotion', 'Volume', 'Score']) assert.ok(header.includes(column), header);
    // Rates in percent under a header that says so, as the inputs show them (the example's
    // first touchpoint has a drop-off rate of 0.8, i.e. 80 %).
    const cells = header.split(',');
    const dropOff = cells.indexOf('Drop-off rate (%)');
    assert.ok(dropOff > 0 && cells.includes('CES (%)'), header);
    // Split the first row at the commas outside quotes (text cells may hold commas).
    const first = csv.text.split(/\r?\n/)[1].match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, ''));
    assert.equal(first[dropOff], '80', first.join(' | '));
    assert.ok(csv.text.includes('Orders ahead'));

    await page.getByRole('link', { name: 'All maps' }).click();
    await page.getByLabel('Name of the new map').fill('Imported sheet');
    await page.getByRole('button', { name: 'New blank map' }).click();
    await openMenu(page);
    await page.getByTestId('import-csv').click();
    const sheet = 'Step;Name;Mood;Remark\nAwareness;Sees a poster;1;ok\nPurchase;Pays at the till;happy;?\nNew stage;Gets a receipt;-1;x\n';
    await page.getByLabel('CSV file with touchpoints').setInputFiles({ name: 'sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    const mapping = page.getByTestId('csv-mapping');
    await mapping.waitFor();
    // "Step" and "Mood" are not known names: the user maps them.
    await mapping.getByLabel('Step').selectOption({ label: 'Stage' });
    await mapping.getByLabel('Name').selectOption({ label: 'Title' });
    await mapping.getByLabel('Mood').selectOption({ label: 'Emotion' });
    await page.getByTestId('csv-import-now').click();
    const report = page.getByTestId('csv-report');
    await report.waitFor();
    assert.match(await report.textContent(), /2 touchpoints imported, 1 new stage\./);
    assert.match(await page.getByTestId('csv-problem').first().textContent(), /Line 3, column 3: emotion “happy”/);
    // The hidden print sheet follows the map once edits pause.
    await until(async () => (await page.locator('.print-sheet [data-testid="sheet-touchpoint"] strong').allTextContents()).sort(),
      ['Gets a receipt', 'Sees a poster']);
  }));

test('presentation mode: one stage at a time with the arrow keys; Esc leaves', () =>
  withPage(browser, 'presentation', async (page) => {
    await openExample(page);
    const mapUrl = page.url();
    const stages = await page.locator('.print-sheet [data-testid="sheet-stage"] h2').allTextContents();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    // The opening slide (key numbers, main insight) comes first; the arrow key leads on.
    await page.getByTestId('opening-numbers').waitFor();
    await page.keyboard.press('ArrowRight');
    const stage = page.getByTestId('present-stage');
    await stage.waitFor();
    assert.ok(page.url().endsWith('/present'), page.url());
    for (let i = 0; i < stages.length; i++) {
      await page.getByTestId('present-position').filter({ hasText: `Stage ${i + 1} of ${stages.length}` }).waitFor();
      assert.equal(await stage.textContent(), stages[i]);
      assert.equal(await page.getByTestId('present-curve').locator('svg').count(), 1);
      assert.ok(await page.getByTestId('present-numbers').textContent(), 'key numbers shown');
      await page.keyboard.press('ArrowRight');
    }
    // The buttons say where the ends are; past the last stage it stays there.
    assert.equal(await page.getByTestId('present-next').isDisabled(), true);
    assert.equal((await page.getByTestId('present-next').textContent()).trim(), 'Next stage →');
    assert.equal(await page.getByTestId('present-prev').isDisabled(), false);
    await page.getByTestId('present-position').filter({ hasText: `Stage ${stages.length} of ${stages.length}` }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.getByTestId('present-position').filter({ hasText: `Stage ${stages.length - 1} of` }).waitFor();
    assert.match(await page.getByTestId('present-numbers').textContent(), /Touchpoints/);
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    await openMenu(page);
    assert.equal(page.url(), mapUrl);
  }));

test('print the summary: every stage on the A3 landscape page, and the PDF is one page', () =>
  withPage(browser, 'print', async (page) => {
    await openExample(page);
    await page.getByTestId('print-what').selectOption('summary');
    await page.getByLabel('Paper').selectOption('a3');
    // The A3 landscape page box less its 12 mm margins, in CSS pixels (96 per inch).
    const px = (mm) => Math.floor((mm / 25.4) * 96);
    const box = { width: px(420 - 24), height: px(297 - 24) };
    await page.setViewportSize(box);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.app-header').isVisible(), false, 'the chrome is hidden on paper');
    assert.equal(await page.getByTestId('map-actions').isVisible(), false);
    const sheet = page.locator('.print-sheet [data-testid="map-sheet"]');
    assert.ok(await sheet.isVisible());
    const stages = page.locator('.print-sheet [data-testid="sheet-stage"]');
    assert.equal(await stages.count(), 5);
    for (const b of await stages.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
      assert.ok(b.left >= 0 && b.right <= box.width + 1, `stage inside the page width: ${JSON.stringify(b)}`);
      assert.ok(b.bottom <= box.height + 1, `stage inside the page height: ${JSON.stringify(b)}`);
    }
    assert.equal(await page.locator('.print-sheet [data-testid="sheet-curve"] svg').count(), 1);
    const pdf = await page.pdf({ format: 'A3', landscape: true, printBackground: true, preferCSSPageSize: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || [];
    assert.equal(pages.length, 1, 'one A3 page per map');
    // A4 (the default paper) also prints.
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('Paper').selectOption('a4');
    const a4 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    assert.equal(a4.subarray(0, 5).toString(), '%PDF-');
  }));

test('print: an edit made just before printing is on the sheet', () =>
  withPage(browser, 'print-after-edit', async (page) => {
    await openExample(page);
    await page.keyboard.press('Escape');
    await page.getByTestId('touchpoint').first().click();
    // In one go in the page: rename in the inspector, then the browser's "about to print"
    // (Ctrl+P and the menu's Print send it), then read the sheet — well before the sheet
    // would follow the map by itself.
    const titles = await page.evaluate(async () => {
      const field = document.querySelector('[data-testid="inspector"] [data-testid="tp-title"]');
      field.value = 'Renamed right before printing';
      field.dispatchEvent(new Event('change', { bubbles: true }));
      window.dispatchEvent(new Event('beforeprint'));
      await Promise.resolve();
      await new Promise((r) => setTimeout(r, 0));
      return [...document.querySelectorAll('.print-sheet [data-testid="sheet-touchpoint"] strong')].map((e) => e.textContent);
    });
    assert.ok(titles.includes('Renamed right before printing'), JSON.stringify(titles));
  }));
