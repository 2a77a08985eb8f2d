// Loads patuh's tools module (src/tools: every file download) on first use, once. boot.js sets
// globalThis.__patuhTools to its content-hashed URLs; a failed load (offline before the service
// worker cached it) is forgotten, so the next click tries again.
let loading;

function load() {
  if (!loading) {
    const files = globalThis.__patuhTools;
    if (!files) return Promise.reject(new Error('patuh: tools module not configured'));
    loading = import(files.js).then(async (m) => {
      await m.default({ module_or_path: files.wasm });
      return m;
    });
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}

/** Produces a file: `request` is the JSON of patuh_core::exports::Request; resolves to its bytes. */
export async function toolsRun(request, photos) {
  const m = await load();
  return m.run(request, photos);
}

/** Starts loading the module in the background (a screen with downloads was opened). */
export function toolsPrefetch() {
  load().catch(() => {});
}
