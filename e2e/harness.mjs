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
 * when it throws. Page errors (e.g. a wasm start failure) fail the test, except those
 * matching `expectErrors` (a RegExp: a test that makes the app crash on purpose).
 */
export async function withPage(browser, name, body, { locale = 'en-US', viewport = { width: 1280, height: 900 }, expectErrors, ...more } = {}) {
  const context = await browser.newContext({ locale, viewport, ...more });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await body(page, context);
    const unexpected = errors.filter((e) => !expectErrors?.test(e));
    if (unexpected.length) throw new Error('errors in the page:\n' + unexpected.join('\n'));
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

/** Opens the example map from the library at `base`, waits until it is saved; returns its id. */
export async function openExample(page, base) {
  await page.goto(base);
  await page.getByRole('link', { name: 'Coffee to go' }).click();
  await page.getByTestId('map-title').waitFor();
  await waitSaved(page);
  return page.url().split('#/map/')[1];
}

/**
 * Fills the origin's local storage with another app's data until at most `leave` more
 * characters fit (0: to the last byte).
 */
export function fillStorage(page, leave = 0) {
  return page.evaluate((leave) => {
    let chunk = 'x'.repeat(1 << 20);
    let n = 0;
    while (chunk.length > leave) {
      try { localStorage.setItem(`other-app:${n++}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
    }
  }, leave);
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
 * break a word that does not fit instead of clipping it) or whose element has no text. A
 * word broken at a soft hyphen (U+00AD, drawn as a hyphen where the line breaks — the
 * meeting view puts them at syllables) or after its own "-" or "/" is not broken: every line
 * change inside a word must come right after one of them.
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
          // Two lines: tops further apart than a few pixels (a zoomed canvas puts one line's
          // glyphs at fractional, slightly different tops).
          const tops = [...range.getClientRects()].map((r) => r.top);
          if (tops.length && Math.max(...tops) - Math.min(...tops) > 4) {
            // Where does the line change? Only after a soft hyphen is allowed.
            let prevTop = null;
            let bad = false;
            for (let i = 0; i < word.length; i++) {
              range.setStart(text, at + i);
              range.setEnd(text, at + i + 1);
              // The last box: at a break, the drawn hyphen shares the range of the letter after it.
              const rect = [...range.getClientRects()].filter((r) => r.width > 0).pop();
              if (!rect) continue;
              const top = rect.top;
              if (prevTop !== null && Math.abs(top - prevTop) > 4 && !['\u00ad', '-', '/'].includes(word[i - 1])) bad = true;
              prevTop = top;
            }
            if (bad) out.push(word);
          }
        }
        at += word.length;
      }
    }
    return out;
  }, selector);
}

/**
 * In the page: the JSON of a stored map text. The app packs what it stores
 * (`jz1.` + base64 of raw deflate, core/src/model/stored.rs); older plain JSON reads as is.
 * Pass it to page.evaluate as a string and `eval` it there, or use storedMap / storedMaps.
 */
export const UNPACK_IN_PAGE = `async (text) => {
  if (text == null || !text.startsWith('jz1.')) return text;
  const bytes = Uint8Array.from(atob(text.slice(4)), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}`;

/** The stored map whose id — or else whose name — is `idOrName`, parsed (null when none is stored). */
export function storedMap(page, idOrName) {
  return page.evaluate(async ({ idOrName, unpack }) => {
    const byId = localStorage.getItem('journey-studio:map:' + idOrName);
    if (byId != null) return JSON.parse(await eval(unpack)(byId));
    for (const k of Object.keys(localStorage).filter((k) => k.startsWith('journey-studio:map:')).sort()) {
      const m = JSON.parse(await eval(unpack)(localStorage.getItem(k)));
      if (m.name === idOrName) return m;
    }
    return null;
  }, { idOrName, unpack: UNPACK_IN_PAGE });
}

/** Every stored map, parsed, in key order. */
export function storedMaps(page) {
  return page.evaluate(async (unpack) => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('journey-studio:map:')).sort();
    return Promise.all(keys.map(async (k) => JSON.parse(await eval(unpack)(localStorage.getItem(k)))));
  }, UNPACK_IN_PAGE);
}

/**
 * Makes a blank map named `name` through the UI and gives it `n` touchpoints "Step 0" … in
 * storage (spread in order over the five stages; emotions −2…+2 in turn), with a chain of
 * n − 1 routes when `routes`; then reloads. Returns the map's id.
 */
export async function newLargeMap(page, base, name, n, { routes = false } = {}) {
  await page.goto(base);
  await page.getByLabel('Name of the new map').fill(name);
  await page.getByRole('button', { name: 'New blank map' }).click();
  await waitSaved(page);
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
  const map = await storedMap(page, id);
  await page.evaluate(({ id, n, routes, map }) => {
    const key = 'journey-studio:map:' + id;
    for (let i = 0; i < n; i++) {
      map.touchpoints.push({ id: `tp-${map.next_seq++}`, stage_id: map.stages[Math.floor(i * 5 / n)].id,
        title: `Step ${i}`, channel: { kind: 'website' }, emotion: (i % 5) - 2 });
      if (routes && i > 0) map.routes.push({ id: `rt-${map.next_seq++}`, from: map.touchpoints[i - 1].id, to: map.touchpoints[i].id, kind: 'planned' });
    }
    // Plain JSON (the format before packing): the app reads it and packs it on its next save.
    localStorage.setItem(key, JSON.stringify(map));
  }, { id, n, routes, map });
  await page.reload();
  return id;
}

/** mulberry32: a tiny seeded generator, so a generated file is the same on every run. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Waits until the canvas's "fit to screen" has settled (the zoom shown stops changing). */
export async function settled(page) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(() => document.querySelector('.cv-grid')?.style.zoom || '');
    if (now && now === last) return;
    last = now;
    await page.waitForTimeout(100);
  }
}

/**
 * In the page: whether the window is scrolled, and for every stage name and card title of
 * the map canvas its text, whether it lies inside the canvas and the window, and whether it
 * shows whole (not cut); whether the emotion curve is inside and how many faces it has.
 */
export function canvasOnScreen(page) {
  return page.evaluate(() => {
    const vw = innerWidth, vh = innerHeight;
    const area = document.querySelector('[data-testid="map-canvas"]').getBoundingClientRect();
    const inside = (r) => r.left >= Math.max(0, area.left) - 1 && r.right <= Math.min(vw, area.right) + 1
      && r.top >= Math.max(0, area.top) - 1 && r.bottom <= Math.min(vh, area.bottom) + 1;
    const whole = (el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1;
    const check = (sel) => [...document.querySelectorAll(sel)].map((el) => ({
      text: el.textContent, inside: inside(el.getBoundingClientRect()), whole: whole(el) }));
    const curve = document.querySelector('[data-testid="emotion-curve"] svg');
    return {
      scrolled: scrollY !== 0 || scrollX !== 0,
      stages: check('[data-testid="stage-name"]'),
      titles: check('[data-testid="card-title"]'),
      curve: curve ? inside(curve.getBoundingClientRect()) : false,
      faces: document.querySelectorAll('[data-testid="emotion-curve"] .curve-mark').length,
    };
  });
}

/**
 * Adds each of `paths` to the analytics page's customer hub: picks the file, waits until
 * its source is recognised, then "Add to the hub" (the join itself is the caller's step).
 */
export async function addToHub(page, paths) {
  for (const path of paths) {
    await page.getByTestId('log-file').setInputFiles(path);
    await page.getByTestId('source-recognised').waitFor();
    await page.getByTestId('hub-add').click();
  }
}
