// End-to-end fault tests (docs/RELIABILITY.md): patuh must never lose work or show a blank
// screen when the browser misbehaves. Against the release build in dist/:
//   (a) a damaged save in localStorage (ten kinds of damage) → a notice and a "download the
//       damaged copy" rescue that returns the stored text, the start screen still works;
//   (b) storage refused (quota exhausted, storage disabled) → a visible error, nothing lost on
//       screen, the rescue download holds every answer, and once storage is back the next change
//       saves;
//   (d) IndexedDB (the photo store) throwing, failing or missing → a clear message, the
//       assessment still works.
// (c) reloads at random moments, (f) an instrument file and (g) the app module that cannot be
// loaded: faults_loads.mjs. (e) is retired: the separate tools module is gone.
// Usage: node tests/e2e/faults.mjs dist   (E2E_PORT, default 8098; FAULTS_ONLY=<regex> runs only
//        the tests whose name matches)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runAndExit, OUT } from './harness.mjs';
import { start, resume, waitSaved, png } from './flows.mjs';
import { init, finish, check, prng, SEED, URL_, browser, freshPage, download, shown, shownEverywhere, answersInFile, answer, notBlank } from './faults_kit.mjs';

await init(8098);

// --- (a) damaged saves
// -----------------------------------------------------------------------------

/** A real save made by the app (ori-2016, one answer), as stored in localStorage. */
async function realSave() {
  const { context, page } = await freshPage();
  await start(page, 'ori-2016', { opd: 'Dinas Arsip' });
  await answer(page, 0, 0);
  await waitSaved(page);
  const saved = await page.evaluate(() => {
    const id = localStorage.getItem('patuh.v1.last');
    return { id, text: localStorage.getItem(`patuh.v1.assessment.${id}`) };
  });
  await context.close();
  return saved;
}

const good = await realSave();
assert.ok(good.text.includes('"format": "patuh-penilaian-mandiri"'), 'the app saves the documented format');

/** Binary junk: random UTF-16 code units, NUL, controls and lone surrogates included. */
function junk(rng, n) {
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    s += String.fromCharCode(r < 0.1 ? 0 : r < 0.2 ? 0xd800 + rng.int(0x800) : r < 0.5 ? rng.int(0x20) : rng.int(0x10000));
  }
  return s;
}

const DAMAGE = [
  ['truncated JSON', good.text.slice(0, Math.floor(good.text.length / 2))],
  ['wrong format marker', good.text.replace('"patuh-penilaian-mandiri"', '"patuh-penilaian-lain"')],
  ['valid JSON of another instrument version', good.text.replace('"instrument_version": "1"', '"instrument_version": "0"')],
  ['a newer format version', good.text.replace('"format_version": 1', '"format_version": 2')],
  ['an unknown instrument', good.text.replace('"instrument": "ori-2016"', '"instrument": "ori-1999"')],
  // Chromium keeps at most 10 MB (UTF-16) per origin in localStorage: 4.5 M ASCII characters
  // are read and refused as broken JSON; 2 M "€" are 6 MB of UTF-8, over patuh's 5 MiB limit.
  ['a huge string (4.5 MB of broken JSON)', good.text.slice(0, 200) + 'x'.repeat(4_500_000)],
  ['a huge string (6 MB of UTF-8, over the 5 MiB file limit)', good.text.slice(0, 200) + '€'.repeat(2_000_000)],
  ['binary junk with NUL and lone surrogates', junk(prng(SEED), 4000)],
  ['an empty string', ''],
  ['JSON null', 'null'],
];

for (const [kind, value] of DAMAGE) {
  check(`(a) damaged save, ${kind} → notice, rescue download of the stored text, the app still works`, async () => {
    assert.notEqual(value, good.text, 'the damage changed the text');
    const { context, page } = await freshPage();
    const stored = await page.evaluate(([v]) => {
      try {
        localStorage.setItem('patuh.v1.assessment.rusak', v);
        localStorage.setItem('patuh.v1.last', 'rusak');
        return localStorage.getItem('patuh.v1.assessment.rusak');
      } catch (e) { return `refused: ${e.name}`; }
    }, [value]);
    assert.ok(!stored.startsWith('refused'), `the browser keeps the damaged save (${stored.slice(0, 40)})`);
    await page.reload();
    await page.waitForSelector('.patuh-notice--error');
    await notBlank(page);
    assert.match(await page.locator('.patuh-notice--error').first().textContent(), /rusak/);
    assert.equal(await page.locator('#patuh-continue').count(), 0, 'a damaged save is not offered to continue');
    const { bytes } = await download(page, 'text=Unduh salinan yang rusak');
    // What the app can read of the stored text, byte for byte (lone surrogates read as U+FFFD).
    assert.ok(bytes.equals(Buffer.from(stored, 'utf8')), `rescued ${bytes.length} bytes = the ${Buffer.byteLength(stored)} stored`);
    // The app still works: a new assessment starts and saves; the damaged save is kept.
    await start(page, 'ori-2022');
    await answer(page, 0, 0);
    await waitSaved(page);
    assert.equal(await page.evaluate(() => localStorage.getItem('patuh.v1.assessment.rusak')), stored, 'the damaged save is not deleted');
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

check('(a) a damaged save next to a good one: notice, and "Lanjutkan" still opens the good one', async () => {
  const { context, page } = await freshPage();
  await page.evaluate(([g]) => {
    localStorage.setItem(`patuh.v1.assessment.${g.id}`, g.text);
    localStorage.setItem('patuh.v1.last', g.id);
    localStorage.setItem('patuh.v1.assessment.rusak', g.text.slice(0, 100));
  }, [good]);
  await page.reload();
  await page.waitForSelector('.patuh-notice--error');
  await page.click('#patuh-continue');
  await page.waitForSelector('#patuh-step-h');
  const x = await shown(page);
  assert.deepEqual(x.answers, answersInFile(good.text), 'the good save opens with its answer');
  assert.deepEqual(page.errors, []);
  await context.close();
});

// --- (b) storage refused
// ---------------------------------------------------------------------------

const REFUSE = `(() => {
  const orig = Storage.prototype.setItem;
  window.__patuhQuota = { full: false, orig };
  Storage.prototype.setItem = function (k, v) {
    if (window.__patuhQuota.full && String(k).startsWith('patuh.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return orig.call(this, k, v);
  };
})();`;

check('(b) quota exhausted → visible error, nothing lost on screen, rescue holds every answer, next change after the quota is back saves', async () => {
  const { context, page } = await freshPage({ init: REFUSE });
  await start(page, 'ori-2022');
  const given = {};
  const put = ([n, v]) => { given[n] = v; };
  put(await answer(page, 0, 0));
  await waitSaved(page);
  await page.evaluate(() => { window.__patuhQuota.full = true; });
  put(await answer(page, 1, 1));
  put(await answer(page, 2, 2));
  const note = page.locator('.patuh-section fieldset.patuh-ind').nth(2).locator('textarea');
  await page.locator('.patuh-section fieldset.patuh-ind').nth(2).locator('details.patuh-more > summary').click();
  await note.fill('Dicatat saat penyimpanan penuh');
  await page.waitForSelector('.patuh-notice--error');
  assert.match(await page.locator('.patuh-notice--error').textContent(), /Gagal menyimpan/);
  await notBlank(page);
  // Nothing lost on screen.
  const x = await shown(page);
  assert.deepEqual(x.answers, given);
  assert.equal(await note.inputValue(), 'Dicatat saat penyimpanan penuh');
  // The rescue download holds every answer and the note.
  const { bytes, name } = await download(page, '.patuh-notice--error button');
  assert.match(name, /\.json$/);
  assert.deepEqual(answersInFile(bytes.toString('utf8')), given, 'the rescued file has every answer');
  assert.ok(bytes.toString('utf8').includes('Dicatat saat penyimpanan penuh'), 'and the note');
  // The quota is back: the next change saves, the error goes away, and a reload keeps everything.
  await page.evaluate(() => { window.__patuhQuota.full = false; });
  put(await answer(page, 3, 0));
  await waitSaved(page);
  assert.equal(await page.locator('.patuh-notice--error').count(), 0, 'the error notice is gone');
  await page.reload();
  await resume(page);
  const y = await shown(page);
  assert.deepEqual(y.answers, given, 'every answer, those given while storage was full included');
  assert.deepEqual(Object.values(y.notes), ['Dicatat saat penyimpanan penuh']);
  assert.deepEqual(page.errors, []);
  await context.close();
});

check('(b) storage disabled (localStorage throws on access) → the app starts, says it cannot save, the work stays', async () => {
  const init = `Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });`;
  const { context, page } = await freshPage({ init });
  await notBlank(page);
  // Said on the start screen, before anything is typed (a widget in a private window meets this).
  assert.match(await page.locator('.patuh-notice--error').textContent(), /tidak mengizinkan patuh menyimpan di halaman ini/);
  // In the language chosen, also after a switch.
  await page.click('.patuh-header button');
  assert.match(await page.locator('.patuh-notice--error').textContent(), /does not let patuh save on this page/);
  await page.click('.patuh-header button');
  assert.match(await page.locator('.patuh-notice--error').textContent(), /tidak mengizinkan patuh menyimpan/);
  await start(page, 'ori-2016');
  const [n, v] = await answer(page, 0, 0);
  await page.waitForSelector('.patuh-notice--error');
  assert.match(await page.locator('.patuh-notice--error').textContent(), /Gagal menyimpan/);
  assert.deepEqual((await shown(page)).answers, { [n]: v });
  const { bytes } = await download(page, '.patuh-notice--error button');
  assert.deepEqual(answersInFile(bytes.toString('utf8')), { [n]: v });
  await context.close();
});

// --- (d) the photo store (IndexedDB) failing
// --------------------------------------------------------

const IDB_FAULTS = [
  ['indexedDB.open throws', `IDBFactory.prototype.open = function () { throw new DOMException('blocked by policy', 'SecurityError'); };`],
  ['indexedDB.open fails with an error event', `IDBFactory.prototype.open = function () {
     const req = new EventTarget();
     Object.defineProperty(req, 'error', { value: new DOMException('disk full', 'UnknownError') });
     setTimeout(() => { if (req.onerror) req.onerror(new Event('error')); }, 5);
     return req;
   };`],
  ['indexedDB missing', `Object.defineProperty(window, 'indexedDB', { configurable: true, get() { return undefined; } });`],
];

for (const [kind, init] of IDB_FAULTS) {
  check(`(d) photo store broken (${kind}) → a clear message, the assessment still works and keeps its answers`, async () => {
    const { context, page } = await freshPage({ init });
    await start(page, 'ori-2016');
    const fs0 = page.locator('.patuh-section fieldset.patuh-ind').first();
    await fs0.locator('details.patuh-more > summary').click();
    await fs0.locator('input[type=file][multiple]').setInputFiles([{ name: 'papan.png', mimeType: 'image/png', buffer: png(64, 48) }]);
    const err = fs0.locator('.patuh-photos .patuh-error');
    await err.waitFor();
    assert.match(await err.textContent(), /Foto tidak dapat disimpan di peramban/);
    await notBlank(page);
    const given = {};
    for (let g = 0; g < 3; g++) { const [n, v] = await answer(page, g, g % 2); given[n] = v; }
    await waitSaved(page);
    await page.reload();
    await resume(page);
    assert.deepEqual((await shown(page)).answers, given);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

check('(d) an evidence bundle with photos opens while IndexedDB fails', async () => {
  // Make a real bundle with one photo in a working browser…
  const ok = await freshPage();
  await start(ok.page, 'ori-2016', { opd: 'Dinas Bundel' });
  const fs0 = ok.page.locator('.patuh-section fieldset.patuh-ind').first();
  await answer(ok.page, 0, 0);
  await fs0.locator('details.patuh-more > summary').click();
  await fs0.locator('input[type=file][multiple]').setInputFiles([{ name: 'papan.png', mimeType: 'image/png', buffer: png(64, 48) }]);
  await ok.page.waitForFunction(() => [...document.querySelectorAll('.patuh-section canvas.patuh-thumb')].some((c) => c.width > 1));
  await ok.page.click('#patuh-see-result');
  const { bytes } = await download(ok.page, '#patuh-dl-zip');
  await ok.context.close();
  const zip = path.join(OUT, 'faults-bundle.zip');
  fs.writeFileSync(zip, bytes);
  // …and open it where the photo store throws.
  const { context, page } = await freshPage({ init: IDB_FAULTS[0][1] });
  await page.setInputFiles('#patuh-open-file', zip);
  await page.waitForSelector('#patuh-step-h, .patuh-notice--error');
  const notice = await page.locator('.patuh-notice').allTextContents();
  await notBlank(page);
  assert.equal(await page.locator('#patuh-step-h').count(), 1, `expected the assessment to open; it did not, notice shown: ${notice.join(' | ')}`);
  assert.ok(notice.some((t) => /foto|photo/i.test(t)), `expected a message that the photos could not be stored; notice shown: ${notice.join(' | ')}`);
  await context.close();
});

await runAndExit(finish);
