// The analytics page of the example map in a fresh browser context, as the tab benchmarks
// (browser_bench.mjs, browser_trace.mjs) open it; returns the context and the page.
export async function openAnalyticsPage(browser, srv) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(srv.base);
  const href = await page.getByTestId('map-link').first().getAttribute('href');
  await page.goto(srv.base + href + '/analytics');
  await page.getByTestId('analytics-page').waitFor();
  return { context, page };
}

// The command line of a tab benchmark: `--name value` flags (numbers; `defaults` gives each
// flag's value when absent, null allowed) and the first other argument as the log file.
// An absent flag must not hide the file (its index is -1, so "the argument after it" is 0).
export function benchArgs(argv, defaults) {
  const values = {};
  const taken = new Set();
  for (const [name, fallback] of Object.entries(defaults)) {
    const at = argv.indexOf(`--${name}`);
    values[name] = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (at >= 0) taken.add(at + 1);
  }
  const file = argv.find((a, i) => !a.startsWith('--') && !taken.has(i)) ?? null;
  return { ...values, file };
}

// `file` as given, or else `fallback`, written by the native CLI with `cliArgs` when it is
// not there yet (built first if need be). Prints the file's size; returns its path.
export async function ensureLog(root, file, fallback, cliArgs) {
  const { execFileSync } = await import('node:child_process');
  const { existsSync, writeFileSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  if (!file) {
    file = fallback;
    if (!existsSync(file)) {
      const cli = join(root, 'target', 'release', 'journey-analyze');
      if (!existsSync(cli)) execFileSync('cargo', ['build', '--release', '-p', 'journey-core', '--bin', 'journey-analyze'], { cwd: root, stdio: 'inherit' });
      writeFileSync(file, execFileSync(cli, cliArgs, { maxBuffer: 1 << 30 }));
    }
  }
  console.log(`file: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)`);
  return file;
}

// Best and median of one field over the runs.
export const best = (results, k) => Math.min(...results.map((r) => r[k]));
export const median = (results, k) => { const v = results.map((r) => r[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };

// Serves the site, opens its analytics page in a fresh browser and hands the page to
// `body`; everything is closed afterwards, also when `body` throws.
export async function onAnalyticsPage(body) {
  const { startServer, launch } = await import(new URL('../e2e/harness.mjs', import.meta.url).href);
  const srv = await startServer();
  const browser = await launch();
  try {
    const { context, page } = await openAnalyticsPage(browser, srv);
    await body(page);
    await context.close();
  } finally {
    await browser.close();
    await srv.close();
  }
}
