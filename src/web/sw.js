// patuh service worker. This file is a template: the post-build hook (src/web/postbuild.mjs) fills in
// the build version (a hash of every built file) and the list of files, and writes dist/sw.js.
//
// - One cache per build and per deployment path: "patuh-<scope path> <version>". A new release
//   never mixes files with an old one; on activate, only OUR older caches (same prefix) are deleted,
//   never another deployment's or the host site's.
// - Navigations: network first (so a new release is seen at once), falling back to the cached page
//   of this build when offline or when the network takes too long.
// - Content-hashed files (the wasm, its js, css, the versioned loader, the instrument data files):
//   cache first, else the network.
//   Other files (icons, manifest, wasm-bindgen snippets, whose names do not change with their bytes):
//   network first, cache offline, and cache first for a page that was itself served from the cache,
//   so a page never mixes files of two builds.
// - A new worker waits until the page asks it to take over ({type: 'patuh:skip-waiting'}), after the
//   user clicked "Muat ulang / Reload"; the page then reloads on `controllerchange`.
'use strict';

const VERSION = '__PATUH_VERSION__';
const FILES = __PATUH_PRECACHE__;
const SCOPE = new URL(self.registration.scope).pathname; // e.g. "/layanan/patuh/"; never contains a space
const PREFIX = `patuh-${SCOPE} `;
const CACHE = PREFIX + VERSION;
const NAVIGATION_TIMEOUT_MS = 4000;
// Content-hashed names: patuh-<hash>.js, _bg.wasm, .css (Trunk writes the hash in hex without
// leading zeros, so it may be shorter than 16), patuh-app-<hash>.js/_bg.wasm, boot-<version>.js,
// instruments/<id>-<hash>.json.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|json)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // Files whose names carry a content hash may come from the HTTP cache (the page has just
      // downloaded the app's wasm, js and css: no second download on a metered phone). The others
      // (the page, icons, snippets) bypass it (`cache: 'reload'`), so the
      // precache holds exactly this build.
      cache.addAll(FILES.map((f) => new Request(new URL(f, self.registration.scope), { cache: HASHED.test(f) ? 'default' : 'reload' })))),
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

/** The network within `ms`, or null (slow or failed). */
async function network(request, ms) {
  const response = fetch(request);
  response.catch(() => {}); // a late failure after the timeout is not an error
  const timeout = new Promise((resolve) => setTimeout(resolve, ms, null));
  try {
    return await Promise.race([response, timeout]);
  } catch (_) {
    return null; // offline
  }
}

// Pages (clients) that were served from this cache: their other files come from the cache too, so a
// page of this build never loads a file of a newer one.
const cachedPages = new Set();

async function navigation(event) {
  const request = event.request;
  const fresh = await network(request, NAVIGATION_TIMEOUT_MS);
  if (fresh && fresh.status < 500) return fresh;
  const cached = (await fromCache(request, { ignoreSearch: true })) || (await fromCache(new URL('./', self.registration.scope).href));
  if (cached) {
    if (event.resultingClientId) cachedPages.add(event.resultingClientId);
    return cached;
  }
  return fresh || fetch(request); // nothing cached (cannot happen after install)
}


async function asset(event) {
  const request = event.request;
  const url = new URL(request.url);
  // A hashed name always means the same bytes; a page served from this cache stays on this build.
  if (HASHED.test(url.pathname) || cachedPages.has(event.clientId)) {
    return (await fromCache(request)) || fetch(request);
  }
  // Other names (icons, manifest, wasm-bindgen snippets) may change between builds: the network
  // first, so a page that came from the network gets files of its own build; the cache offline.
  const fresh = await network(request, NAVIGATION_TIMEOUT_MS);
  if (fresh && fresh.ok) return fresh;
  return (await fromCache(request)) || fresh || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  if (url.pathname === SCOPE + 'sw.js') return;
  event.respondWith(request.mode === 'navigate' ? navigation(event) : asset(event));
});
