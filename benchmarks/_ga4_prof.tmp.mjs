import { join, dirname } from 'node:path';
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { startServer, launch } = await import(pathToFileURL(join(root, 'e2e', 'harness.mjs')).href);
const { openAnalyticsPage } = await import(pathToFileURL(join(root, 'benchmarks', 'tab_page.mjs')).href);
const file = process.argv[2] || '/tmp/ga4-1m.csv';
const srv = await startServer();
const browser = await launch();
try {
  const { context, page } = await openAnalyticsPage(browser, srv);
  await page.getByTestId('log-file').setInputFiles(file);
  await page.getByTestId('source-recognised').waitFor({ timeout: 60000 });
  await page.getByTestId('idle-minutes').fill('30');
  await page.getByTestId('idle-minutes').dispatchEvent('change');
  await page.waitForTimeout(1000);
  await browser.startTracing(page, { categories: ['disabled-by-default-v8.cpu_profiler', 'v8', 'toplevel'] });
  await page.getByTestId('import-source').click();
  const timings = page.getByTestId('timings');
  await timings.waitFor({ timeout: 120000 });
  console.log('import', await timings.getAttribute('data-import-ms'), 'analyze', await timings.getAttribute('data-analyze-ms'));
  const buf = await browser.stopTracing();
  writeFileSync('/tmp/prof/trace.json', buf);
  await context.close();
} finally { await browser.close(); await srv.close(); }
