// A file too large for the tab (above 500 MB, src/ui/analytics/too_large.rs) is refused
// before any of it is read: the page shows its size, the limit and the warehouse route
// (links to the SQL and docs/scale.md shipped with the app), and neither the file is read
// (no slice/arrayBuffer/text/stream on it) nor the worker asked anything (no postMessage,
// no progress line). The large file is a Blob whose parts all point at one 1 MiB Blob, so
// it has its size without that memory in the browser or in node. A small file chosen
// afterwards is read as before (the spies do see reading), and the message goes away.
// Screenshots EN 1366×768 and DE 1920×1080.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launch, withPage, ARTIFACTS } from '../harness.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Counts reads of any Blob/File and messages to any Worker, from before the app starts. */
function spy() {
  window.__reads = 0;
  window.__posts = 0;
  for (const name of ['slice', 'arrayBuffer', 'text', 'stream', 'bytes']) {
    const orig = Blob.prototype[name];
    if (!orig) continue;
    Blob.prototype[name] = function (...args) { window.__reads++; return orig.apply(this, args); };
  }
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...args) { window.__posts++; return post.apply(this, args); };
}

/** Puts a File made in the page (`mib` MiB of repeated CSV rows) into the file input. */
function choose(page, mib, name) {
  return page.evaluate(({ mib, name }) => {
    const row = 'c1,View product,2024-01-01T00:00:00Z\n';
    const chunk = new Blob([row.repeat(Math.ceil((1 << 20) / row.length))]);
    const file = new File([new Blob(['case,activity,time\n']), ...Array(mib).fill(chunk)], name, { type: 'text/csv' });
    const before = { reads: window.__reads, posts: window.__posts };
    const dt = new DataTransfer();
    dt.items.add(file);
    const input = document.querySelector('[data-testid="log-file"]');
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return { size: file.size, before };
  }, { mib, name });
}

async function openAnalytics(page) {
  await page.addInitScript(spy);
  await page.goto(srv.base);
  const href = await page.getByTestId('map-link').first().getAttribute('href');
  await page.goto(srv.base + href + '/analytics');
  await page.getByTestId('analytics-page').waitFor();
}

test('a file above the limit is refused with size, limit and the warehouse route before any reading', () => withPage(browser, 'analytics-too-large', async (page) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openAnalytics(page);
  const { size, before } = await choose(page, 600, 'huge.csv');
  assert.ok(size > 500e6, `file of ${size} bytes`);
  const msg = page.getByTestId('too-large');
  await msg.waitFor();
  const text = await msg.textContent();
  assert.match(text, new RegExp(`This file is ${Math.round(size / 1e6).toLocaleString('en-US')} MB`));
  assert.match(text, /up to 500 MB/);
  assert.match(text, /Nothing was read/);
  // The links point at files the app ships.
  for (const a of await msg.getByRole('link').all()) {
    const href = await a.getAttribute('href');
    const res = await page.request.get(srv.base + href);
    assert.equal(res.status(), 200, href);
  }
  assert.equal(await msg.getByRole('link').count(), 5);
  // Give a wrongly started read time to show itself, then check nothing happened.
  await page.waitForTimeout(1000);
  const after = await page.evaluate(() => ({ reads: window.__reads, posts: window.__posts }));
  assert.deepEqual(after, before, 'no read of the file, no message to the worker');
  assert.equal(await page.getByTestId('import-progress').count(), 0);
  assert.equal(await page.getByTestId('mapping-step').count(), 0);
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-too-large-en-1366.png') });

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('lang-switch').selectOption('de');
  await assert.doesNotReject(page.getByText(/Diese Datei ist .* MB groß; ein Browser-Tab importiert Ereignisprotokolle bis 500 MB/).waitFor());
  await page.screenshot({ path: join(ARTIFACTS, 'analytics-too-large-de-1920.png') });

  // A small file is read as usual: the spies see it, and the refusal goes away.
  const small = await choose(page, 1, 'small.csv');
  await page.getByTestId('mapping-step').waitFor();
  assert.ok(await page.evaluate(() => window.__reads) > small.before.reads, 'the small file is read');
  assert.equal(await page.getByTestId('too-large').count(), 0);
}));
