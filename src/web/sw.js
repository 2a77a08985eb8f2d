// patuh service worker. This file is a template: the post-build hook (src/web/postbuild.mjs) fills in
// the build version (a hash of every built file) and the list of files, and writes dist/sw.js.
//
// - One cache per build and per deployment path: "patuh-<scope path> <version>". A new release
//   never mixes files with an old one; on activate, only OUR older caches (same prefix) are deleted,
//   never another deployment's or the host site's.
// - Navigations: network first (so a new release is seen at once), falling back to the cached page
//   of this build when offline or when the network takes too long.
// - Everything else in scope: cache first from this build's cache (every file name the page loads
//   is content-hashed, so a cached file is always the right one), else the network.
// - A new worker waits until the page asks it to take over ({type: 'patuh:skip-waiting'}), after the
//   user clicked "Muat ulang / Reload"; the page then reloads on `controllerchange`.
'use strict';

const VERSION = '__PATUH_VERSION__';
const FILES = __PATUH_PRECACHE__;
const SCOPE = new URL(self.registration.scope).pathname; // e.g. "/layanan/patuh/"; never contains a space
const PREFIX = `patuh-${SCOPE} `;
const CACHE = PREFIX + VERSION;
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `cache: 'reload'` bypasses the HTTP cache, so the precache holds exactly this build.
      cache.addAll(FILES.map((f) => new Request(new URL(f, self.registration.scope), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'patuh:skip-waiting') {
    self.skipWaiting();
  } else if (data.type === 'patuh:version' && event.ports && event.ports[0]) {
    event.ports[0].postMessage({ type: 'patuh:version', version: VERSION });
  }
});

async function fromCache(request, options) {
  const cache = await caches.open(CACHE);
  return cache.match(request, options);
}

async function navigation(request) {
  const network = fetch(request);
  network.catch(() => {}); // a late failure after the timeout is not an error
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, null));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch (_) {
    // offline: fall through to the cache
  }
  const cached = (await fromCache(request, { ignoreSearch: true })) || (await fromCache(new URL('./', self.registration.scope).href));
  if (cached) return cached;
  return network; // nothing cached (should not happen after install): let the browser show its error
}

async function asset(request) {
  const cached = await fromCache(request);
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  if (url.pathname === SCOPE + 'sw.js') return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
  } else {
    event.respondWith(asset(request));
  }
});
