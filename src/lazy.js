// What patuh loads on first use, not in its first load (docs/PERFORMANCE.md):
//   - the app module (src/main_app.rs: every screen past the start screen, and every download) and
//     its stylesheet (styles/screens.css), imported when the start screen hands over (or earlier,
//     once the user starts using the start screen);
//   - the instrument data files: src/instruments.js, which the app module imports.
// boot.js sets globalThis.__patuh to their URLs; a failed load (offline before the service worker
// cached it) is forgotten, so the next try starts again. This file is part of the first load.
const loading = new Map();

/** Adds a stylesheet (once) and resolves when it has loaded. */
function stylesheet(href) {
  if (!href || [...document.querySelectorAll('link[rel~="stylesheet"]')].some((l) => l.href === href)) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = resolve;
    link.onerror = () => { link.remove(); reject(new Error(`patuh: ${href} did not load`)); };
    document.head.append(link);
  });
}

/** Imports and starts a module of this build once: `which` is `app` (boot.js's name). */
export function module(which) {
  if (!loading.has(which)) {
    const files = globalThis.__patuh?.[which];
    if (!files) return Promise.reject(new Error(`patuh: ${which} module not configured`));
    // The app module's screens come with their stylesheet: both loaded before it starts.
    const started = Promise.all([import(files.js), stylesheet(files.css)]).then(async ([m]) => {
      const instance = await m.default({ module_or_path: files.wasm });
      // For `make bench`: the module's wasm memory, in bytes.
      globalThis.__patuh[`${which}Memory`] = () => instance.memory.buffer.byteLength;
      return m;
    });
    started.catch(() => loading.delete(which));
    loading.set(which, started);
  }
  return loading.get(which);
}

/** The app module, imported and started (resolves to the module). */
export function appModule() {
  return module('app');
}

/** Starts the whole app in `root` (src/main_app.rs `start`). */
export function appStart(m, root, handoff) {
  m.start(root, handoff);
}

/** Starts loading the app module in the background (the user is using the start screen). */
export function appPrefetch() {
  module('app').catch(() => {});
}
