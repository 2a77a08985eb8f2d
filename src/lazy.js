// What patuh loads on first use, not in its first load (issue #7, docs/PERFORMANCE.md):
//   - the app module (src/main_app.rs), imported when the start screen hands over;
//   - the tools module (src/tools: every file download, and the recap and SKM screens), imported
//     once;
//   - an instrument's data file (dist/instruments/<id>.json), fetched when it is first used.
// boot.js sets globalThis.__patuh to their URLs; a failed load (offline before the service worker
// cached it) is forgotten, so the next try starts again.
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

/** Imports and starts a module of this build once: `which` is `app` or `tools` (boot.js's names). */
function module(which) {
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

const load = () => module('tools');

/** The app module, imported and started (resolves to the module). */
export function appModule() {
  return module('app');
}

/** Starts the whole app in `root` (src/main_app.rs `start`). */
export function appStart(m, root, handoff) {
  m.start(root, handoff);
}

/** Produces a file: `request` is the JSON of patuh_core::exports::Request; resolves to its bytes. */
export async function toolsRun(request, photos) {
  const m = await load();
  return m.run(request, photos);
}

/** Starts loading the tools module in the background (a screen with downloads was opened). */
export function toolsPrefetch() {
  load().catch(() => {});
}

/** The text of an instrument data file (`file` as the catalogue, src/core/catalogue.json, names it). */
export async function instrumentText(file) {
  const base = globalThis.__patuh?.instruments ?? new URL('instruments/', document.baseURI).href;
  const response = await fetch(new URL(file, base));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/**
 * Mounts a screen of the tools module (recap, skm) into `el`; `state` is JSON (lang, the open
 * assessment, the place), `onEvent` receives the screen's events as JSON. Resolves to its handle.
 */
export async function screenMount(el, state, onEvent) {
  const m = await load();
  return m.mount(el, state, onEvent);
}

/** Tells a mounted screen the interface language changed. */
export function screenSetLang(handle, lang) {
  handle.set_lang(lang);
}

/** Removes a mounted screen. */
export function screenUnmount(handle) {
  handle.unmount();
}
