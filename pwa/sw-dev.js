// Journey Studio's service worker in development builds (`trunk serve`): it removes every
// cache of its scope and unregisters itself, so live rebuilds always come from the server
// even where a release build's worker was installed before on the same address.
'use strict';

const PREFIX = 'journey-studio:' + new URL('./', self.location).href + ':';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX)).map((k) => caches.delete(k))))
      .then(() => self.registration.unregister()),
  );
});
