// Ad-hoc look at pages (not a test): node e2e/peek.mjs <hash-suffix> <w> <h> <lang> <out> [click-first-card]
import { startServer, launch } from './harness.mjs';
const [suffix = '', w = '1366', h = '768', lang = 'en', out = '/tmp/mc/peek.png', action = ''] = process.argv.slice(2);
const srv = await startServer();
const browser = await launch();
const ctx = await browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-US', viewport: { width: +w, height: +h } });
const page = await ctx.newPage();
page.on('pageerror', (e) => console.error('pageerror', String(e)));
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error('console', m.text()); });
await page.goto(srv.base);
await page.getByTestId('map-link').first().waitFor();
const href = await page.getByTestId('map-link').first().getAttribute('href');
await page.goto(srv.base + href + suffix);
await page.waitForTimeout(1500);
if (action === 'click' || action === 'canvas') { await page.getByTestId('touchpoint').nth(1).click(); await page.waitForTimeout(500); }
const info = await page.evaluate(() => {
  const g = document.querySelector('.cv-grid');
  const s = document.querySelector('.cv-scroll');
  if (!g) return null;
  const r = g.getBoundingClientRect();
  return { zoom: g.style.zoom, rect: [r.width, r.height], offset: [g.offsetWidth, g.offsetHeight], scroll: [s.clientWidth, s.clientHeight, s.scrollWidth, s.scrollHeight], top: s.getBoundingClientRect().top };
});
console.log(JSON.stringify(info));
if (action === 'canvas') await page.locator('.cv').screenshot({ path: out }); else await page.screenshot({ path: out });
await browser.close(); await srv.close();
