// Shared set-up of the end-to-end tests: a static server for the release build (at the site
// root and under a GitHub-Pages-like sub-path), Debian's Chromium through playwright-core,
// and a screenshot of the page whenever a test fails.
import { mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDir } from '../scripts/static_server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.DIST_DIR || join(here, '..', 'dist');
export const ARTIFACTS = join(here, 'artifacts');
export const SUBPATH = '/journey-studio/';

/** Serves DIST (or `dir`) at / and at SUBPATH (like GitHub Pages serves a project site). */
export function startServer(dir = DIST) {
  return serveDir(dir, { subpath: SUBPATH });
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * Runs `body(page)` in a fresh browser context (fresh local storage) and keeps a screenshot
 * when it throws. Page errors (e.g. a wasm start failure) fail the test.
 */
export async function withPage(browser, name, body, { locale = 'en-US', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await body(page, context);
    if (errors.length) throw new Error('errors in the page:\n' + errors.join('\n'));
  } catch (e) {
    await mkdir(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    e.message += `\n(screenshot: ${file})`;
    throw e;
  } finally {
    await context.close();
  }
}

/** Waits until the autosave has written everything. */
export async function waitSaved(page) {
  await page.getByTestId('save-status').and(page.locator('[data-state="saved"]')).waitFor();
}
