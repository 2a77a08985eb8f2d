// The instrument data files, fetched when an instrument is first used (docs/PERFORMANCE.md):
// the first load carries only the catalogue. Imported by the app module only.

// "ori-2025.json" (the catalogue's name) → "ori-2025-<hash>.json" (this build's file): filled in by
// src/web/postbuild.mjs; left empty where the files keep their names (the browser tests).
const FILES = /*__PATUH_INSTRUMENT_FILES__*/{};

/** The text of an instrument data file (`file` as the catalogue, src/core/catalogue.json, names it). */
export async function instrumentText(file) {
  const base = globalThis.__patuh?.instruments ?? new URL('instruments/', document.baseURI).href;
  const response = await fetch(new URL(FILES[file] ?? file, base));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}
