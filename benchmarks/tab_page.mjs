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
