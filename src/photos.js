// Photo evidence store: IndexedDB database "patuh.v1.photos" (namespaced; the widget shares the
// origin with its host). Called from src/browser/photos.rs. Every function returns a Promise.
const DB = 'patuh.v1.photos';
const STORE = 'photos';

function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('blocked'));
  });
}

function tx(mode, fn) {
  return open().then((db) => new Promise((resolve, reject) => {
    const t = db.transaction(STORE, mode);
    const out = fn(t.objectStore(STORE));
    t.oncomplete = () => { db.close(); resolve(out && 'result' in out ? out.result : undefined); };
    t.onerror = () => { db.close(); reject(t.error); };
    t.onabort = () => { db.close(); reject(t.error || new Error('aborted')); };
  }));
}

export function photoPut(id, blob) { return tx('readwrite', (s) => s.put(blob, id)); }
export function photoPutBytes(id, bytes) { return photoPut(id, new Blob([bytes], { type: 'image/jpeg' })); }
export function photoGet(id) { return tx('readonly', (s) => s.get(id)).then((b) => b ?? null); }
export function photoDelete(id) { return tx('readwrite', (s) => s.delete(id)); }

// Downscales an image file so its longer side is at most `maxSide` px and re-encodes it as JPEG.
export async function photoDownscale(file, maxSide, quality) {
  const bmp = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bmp.width, bmp.height));
  const w = Math.max(1, Math.round(bmp.width * scale));
  const h = Math.max(1, Math.round(bmp.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  canvas.getContext('2d').drawImage(bmp, 0, 0, w, h);
  bmp.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode'))), 'image/jpeg', quality));
}

// Draws a stored photo into a <canvas> thumbnail. A canvas, not <img src="blob:…">, so the app
// keeps working under the strict CSP `default-src 'self'` (blob: and data: images are blocked).
export async function photoDraw(canvas, blob, maxSide) {
  const bmp = await createImageBitmap(blob);
  const scale = Math.min(1, maxSide / Math.max(bmp.width, bmp.height));
  canvas.width = Math.max(1, Math.round(bmp.width * scale));
  canvas.height = Math.max(1, Math.round(bmp.height * scale));
  canvas.getContext('2d').drawImage(bmp, 0, 0, canvas.width, canvas.height);
  bmp.close();
  return true;
}
