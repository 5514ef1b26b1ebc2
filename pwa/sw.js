// Journey Studio's service worker (template). pwa/precache.mjs writes the real `sw.js` into
// the built site after every Trunk build, replacing the two placeholders below with the
// build's own file list and a hash of all its files, so the list is never written by hand
// and every new deployment has a different `sw.js` (which is how browsers notice it).
//
// What it does: on install, it stores every file of the build in one cache for this version;
// afterwards every request inside its scope is answered from that cache (navigations get
// `index.html`: routing is by hash), so the app, every page, the on-demand modules and the
// analytics worker load without a network. The maps themselves live in local storage.
// A new version installs beside the old one and waits: the page shows "new version —
// reload", and only the user's click (after the page saved everything) lets it take over.
'use strict';

const VERSION = '__VERSION__';
const FILES = __FILES__;

// Several deployments can share one origin (all GitHub Pages project sites of a user do),
// so the cache name carries this deployment's scope, and only its own old caches are deleted.
const SCOPE = new URL('./', self.location).href;
const PREFIX = 'journey-studio:' + SCOPE + ':';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload`: fetch past the HTTP cache, so a new version never stores an old file.
      cache.addAll(FILES.map((f) => new Request(new URL(f, SCOPE), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page sends this when the user clicks "reload" on the update notice.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith(answer(request));
});

async function answer(request) {
  const cache = await caches.open(CACHE);
  const hit = request.mode === 'navigate'
    ? await cache.match(new URL('index.html', SCOPE))
    : await cache.match(request, { ignoreSearch: true });
  return hit || fetch(request);
}
