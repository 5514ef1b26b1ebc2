// Temporary (editor session 4): the map page's accessibility tree of a build, for a diff.
import { startServer, launch, openExample } from './harness.mjs';
const srv = await startServer();
const browser = await launch();
for (const locale of ['en-US', 'de-DE']) {
  const page = await (await browser.newContext({ locale, viewport: { width: 1920, height: 1080 } })).newPage();
  await openExample(page, srv.base);
  await page.waitForTimeout(800);
  console.log(`### ${locale}`);
  console.log(await page.locator('body').ariaSnapshot());
  // A card selected (inspector open) and one with an emotion changed.
  await page.getByTestId('touchpoint').nth(2).click();
  await page.getByTestId('inspector').getByTestId('tp-emotion').selectOption('-2');
  await page.waitForTimeout(800);
  console.log(await page.locator('.cv').ariaSnapshot());
}
await browser.close();
await srv.close();
