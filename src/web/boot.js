// patuh loader. An external module script instead of Trunk's inline one, so the app runs under
// `script-src 'self' 'wasm-unsafe-eval'` (no 'unsafe-inline'). This file is a template: the post-build
// hook (src/web/postbuild.mjs) fills in the content-hashed file names and writes it twice to dist/:
//   boot.js             stable name, for pages that mount patuh themselves (docs/EMBEDDING.md)
//   boot-<version>.js   the one index.html loads, so a page never mixes files of two builds
// Every URL is resolved against this file, so the app works from any sub-path and from a host page.
const FILES = __PATUH_FILES__;
const at = (f) => new URL(f, import.meta.url).href;

// The stylesheet: index.html links it already; a host page that mounts patuh gets it added here.
const css = at(FILES.css);
let styled = Promise.resolve();
if (![...document.querySelectorAll('link[rel~="stylesheet"]')].some((l) => l.href === css)) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = css;
  styled = new Promise((resolve) => { link.onload = link.onerror = resolve; });
  document.head.append(link);
}

// What patuh loads on first use, not now (src/lazy.js): the app module (every screen past the start
// screen, and every download) and the instrument data files.
globalThis.__patuh = {
  app: { js: at(FILES.app), wasm: at(FILES.appWasm), css: at(FILES.screensCss) },
  instruments: at('instruments/'),
};

const { default: init } = await import(at(FILES.js));
await styled;
const app = await init({ module_or_path: at(FILES.wasm) });
// For `make bench` (tests/bench/browser.mjs): the start screen's wasm memory, in bytes.
globalThis.__patuh.memory = () => app.memory.buffer.byteLength;
