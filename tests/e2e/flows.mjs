// Page flows shared by the e2e suites (e2e.mjs, downloads.mjs, offline.mjs, faults.mjs, …): a
// fresh page that records its errors, starting an assessment, walking it to the result, waiting for
// the autosave, reading the score, the instrument files, and a small PNG for photo evidence.
import fs from 'node:fs';
import zlib from 'node:zlib';

/** The instrument file `id` as the app ships it, and its number of indicators. */
export const instrument = (id) => JSON.parse(fs.readFileSync(new URL(`../../src/core/instruments/${id}.json`, import.meta.url), 'utf8'));
export const count = (ins) => ins.sections.reduce((n, s) => n + s.indicators.length, 0);

/** Records page errors and console errors of `page` in `page.errors`; returns the page. */
export function watch(page) {
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

/** A new context (`options` as for browser.newContext, `init` an init script) and a watched page in it. */
export async function openPage(browser, options, init) {
  const context = await browser.newContext(options);
  if (init) await context.addInitScript(init);
  const page = watch(await context.newPage());
  return { context, page };
}

/** A watched page in a new context that accepts downloads, on `url` with the start screen shown. */
export async function freshPage(browser, url, { viewport = { width: 1280, height: 900 }, init } = {}) {
  const { context, page } = await openPage(browser, { viewport, acceptDownloads: true }, init);
  await page.goto(url);
  await page.waitForSelector('#patuh-start');
  return { context, page };
}

/** A fresh context and page that records page errors, console errors and CSP violations (in `window.__csp`). */
export const recordedPage = (browser, { viewport = { width: 1280, height: 900 } } = {}) => openPage(browser, { viewport, acceptDownloads: true }, () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
});

/** Waits until a service worker controls the page. */
export const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15000 });

/** Opens `url` and waits for the start screen; with `control`, also until the service worker controls the page. */
export async function visit(page, url, { control = false } = {}) {
  await page.goto(url);
  await page.waitForSelector('#patuh-start');
  if (control) await controlled(page);
}

export const DEFAULT_NAMES = { opd: 'Dinas Kependudukan dan Pencatatan Sipil', unit: 'Bidang Pelayanan', product: 'Penerbitan KTP-el' };

/** Clicks "start" on the start screen and waits for the first step of the walk. */
export async function begin(page) {
  await page.click('#patuh-start');
  await page.waitForSelector('#patuh-step-h');
}

/** Starts an assessment of instrument `id` with the OPD, unit and product `names` (defaults for those left out). */
export async function start(page, id, names = {}) {
  const { opd, unit, product } = { ...DEFAULT_NAMES, ...names };
  await page.check(`#patuh-ins-${id}`);
  await page.fill('#patuh-opd', opd);
  await page.fill('#patuh-unit', unit);
  await page.fill('#patuh-product', product);
  await begin(page);
}

/** Continues the saved assessment offered on the start screen (after a reload) and waits for the walk. */
export async function resume(page) {
  await page.waitForSelector('#patuh-continue');
  await page.click('#patuh-continue');
  await page.waitForSelector('#patuh-step-h');
}

/**
 * Walks to the result with "next": on each step `answerStep(guard)` answers, then "next" is
 * clicked, until the button said "see result" (or, for an opinion instrument, "next: opinion data",
 * and then "see the result" there). `root` is a page or a frame locator.
 */
export async function walkToResult(root, answerStep, steps = 200) {
  for (let guard = 0; guard < steps; guard++) {
    await answerStep(guard);
    const next = root.locator('#patuh-next');
    const label = await next.textContent();
    await next.click();
    if (/hasil|result/i.test(label)) return;
    // An opinion instrument's walk ends on its opinion data screen; the result is one click on.
    if (/data Opini|opinion data/i.test(label)) return root.locator('#patuh-opinion-result').click();
  }
  throw new Error('walk did not end');
}

/** Checks every radio with `value` on the current step; `root` is a page or a frame locator. */
export async function checkAll(root, value) {
  const radios = root.locator(`.patuh-section input[type=radio][value="${value}"]`);
  const n = await radios.count();
  for (let i = 0; i < n; i++) await radios.nth(i).check();
}

/** Answers every radio with `value` on each step, walking with "next" to the result. */
export const answerAll = (root, value) => walkToResult(root, () => checkAll(root, value));

/** Answers each radio group of the current step by `pick(index)` → value. */
export async function answerStep(page, pick) {
  const groups = page.locator('.patuh-section fieldset.patuh-ind');
  const n = await groups.count();
  for (let i = 0; i < n; i++) await groups.nth(i).locator(`input[type=radio][value="${pick(i)}"]`).check();
}

/** Walks to the result, answering indicator `i` of step `step` with `pick(step, i)`. */
export const walkAll = (page, pick) => walkToResult(page, (guard) => answerStep(page, (i) => pick(guard, i)), 400);

/** Goes from the result back to the first step of the walk. */
export async function backToFirstStep(root) {
  await root.locator('text=Kembali ke penilaian').click();
  await root.locator('.patuh-step').first().click();
}

export const waitSaved = (page) => page.waitForFunction(() => /Tersimpan|Saved/.test(document.querySelector('.patuh-status')?.textContent ?? ''));
export const scoreText = (page) => page.locator('#patuh-score').first().textContent();
export const zone = (page) => page.locator('#patuh-zone').first().getAttribute('data-zone');

/** A small valid PNG (solid colour), for photo evidence. */
export function png(w, h, rgb = [200, 30, 30]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
