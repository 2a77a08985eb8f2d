// The instrument data files, fetched when an instrument is first used (docs/PERFORMANCE.md):
// the first load carries only the catalogue. Imported by the app module only.

/** The text of an instrument data file (`file` as the catalogue, src/core/catalogue.json, names it). */
export async function instrumentText(file) {
  const base = globalThis.__patuh?.instruments ?? new URL('instruments/', document.baseURI).href;
  // boot.js maps the catalogue's name to this build's content-hashed file.
  const named = globalThis.__patuh?.instrumentFiles?.[file] ?? file;
  const response = await fetch(new URL(named, base));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}
