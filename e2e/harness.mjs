// Shared set-up of the end-to-end tests: a static server for the release build (at the site
// root and under a GitHub-Pages-like sub-path), Debian's Chromium through playwright-core,
// and a screenshot of the page whenever a test fails.
import assert from 'node:assert/strict';
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

/** Waits until `read()` deep-equals `expected` (the screen follows an edit on the next frame). */
export async function until(read, expected) {
  let last;
  for (let i = 0; i < 50; i++) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(last, expected);
}

/**
 * In the page: the words of `selector`'s elements that are broken over two lines (CSS may
 * break a word that does not fit instead of clipping it) or whose element has no text.
 */
export function brokenWords(page, selector) {
  return page.evaluate((selector) => {
    const out = [];
    for (const el of document.querySelectorAll(selector)) {
      const text = [...el.childNodes].find((n) => n.nodeType === 3 && n.data.trim());
      if (!text) { out.push(`no text: ${el.outerHTML.slice(0, 80)}`); continue; }
      const range = document.createRange();
      let at = 0;
      for (const word of text.data.split(/(\s+)/)) {
        if (word.trim()) {
          range.setStart(text, at);
          range.setEnd(text, at + word.length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) out.push(word);
        }
        at += word.length;
      }
    }
    return out;
  }, selector);
}
