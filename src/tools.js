// The tools module (src/tools: every file download, and the result, recap and SKM screens) and the
// instrument data files, loaded on first use (docs/PERFORMANCE.md). Imported by the app module
// only; the module loader itself is src/lazy.js.
import { module } from './lazy.js';

const load = () => module('tools');

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
