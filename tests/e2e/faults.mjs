// End-to-end fault tests (docs/RELIABILITY.md): patuh must never lose work or show a blank
// screen when the browser misbehaves. Against the release build in dist/:
//   (a) a damaged save in localStorage (ten kinds of damage) → a notice and a "download the
//       damaged copy" rescue that returns the stored text, the start screen still works;
//   (b) storage refused (quota exhausted, storage disabled) → a visible error, nothing lost on
//       screen, the rescue download holds every answer, and once storage is back the next change
//       saves;
//   (c) reloads at 20 random moments of a walk (seeded PRNG: FAULTS_SEED) → "Lanjutkan" restores
//       every answer, note and review mark given before the reload;
//   (d) IndexedDB (the photo store) throwing, failing or missing → a clear message, the
//       assessment still works;
//   (e) (retired: the separate tools module is gone; the result, recap and SKM screens and every
//       download are in the app module, so (g) covers them);
//   (f) an instrument's data file unreachable or stale → a clear message, nothing started or
//       lost; once it is reachable, "Mulai" starts;
//   (g) the app module (every screen past the start screen; the first load is the start screen
//       only) unreachable → a clear message, the start screen keeps what was typed; once it is
//       reachable, "Mulai" starts.
// Usage: node tests/e2e/faults.mjs dist   (E2E_PORT, default 8098; FAULTS_SEED, default 20261123;
//        FAULTS_ONLY=<regex> runs only the tests whose name matches)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, stop, launch, test, runAndExit, OUT } from './harness.mjs';
import { freshPage as openApp, start, resume, waitSaved, png } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_PORT ?? 8098);
const URL_ = `http://127.0.0.1:${PORT}/`;
const SEED = Number(process.env.FAULTS_SEED ?? 20261123);
const ONLY = process.env.FAULTS_ONLY ? new RegExp(process.env.FAULTS_ONLY) : null; // run only matching tests

// Known failures: bugs found by these tests in code this file does not own. Such a test still
// runs; its failure is printed as "KNOWN FAILURE" with the bug and does not fail the run. When it
// passes it prints "FIXED": then remove it from this list, so that it guards against a regression.
const KNOWN = new Map([]);

/** Registers a test; one listed in KNOWN is labelled, and its failure printed but not counted. */
function check(name, fn) {
  if (ONLY && !ONLY.test(name)) return;
  const bug = KNOWN.get(name);
  if (!bug) return test(name, fn);
  test(`${name} [KNOWN BUG, not counted]`, async () => {
    try {
      await fn();
      console.log(`     FIXED: remove it from KNOWN in tests/e2e/faults.mjs so that it counts again`);
    } catch (e) {
      console.log(`     KNOWN FAILURE — bug: ${bug}\n     observed: ${String(e?.message ?? e).split('\n')[0]}`);
    }
  });
}

const server = await serve(DIST, PORT);
const browser = await launch();

/** Mulberry32: a tiny seeded PRNG, so a failing walk can be replayed with FAULTS_SEED. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

// --- shared flows (flows.mjs) ------------------------------------------------------------------

const freshPage = ({ init } = {}) => openApp(browser, URL_, { init });

// --- helpers of this file ------------------------------------------------------------------------

/** Downloads what clicking `selector` offers; returns its bytes and suggested name. */
async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(selector).first().click()]);
  const file = path.join(OUT, `faults-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { bytes: fs.readFileSync(file), name: dl.suggestedFilename() };
}

/** What the current step shows: checked answers by radio name, notes by textarea id, review marks. */
const shown = (page) => page.evaluate(() => {
  const sec = document.querySelector('.patuh-section');
  return {
    answers: Object.fromEntries([...sec.querySelectorAll('input[type=radio]:checked')].map((r) => [r.name, r.value])),
    notes: Object.fromEntries([...sec.querySelectorAll('textarea')].filter((t) => t.value !== '').map((t) => [t.id, t.value])),
    reviews: [...sec.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.id).sort(),
  };
});

/** Everything every step shows, visiting each step with the step list. */
async function shownEverywhere(page) {
  const all = { answers: {}, notes: {}, reviews: [] };
  const steps = page.locator('.patuh-step');
  const n = await steps.count();
  for (let s = 0; s < n; s++) {
    await steps.nth(s).click();
    await page.waitForFunction((i) => document.querySelectorAll('.patuh-step')[i]?.getAttribute('aria-current') === 'step', s);
    const x = await shown(page);
    Object.assign(all.answers, x.answers);
    Object.assign(all.notes, x.notes);
    all.reviews.push(...x.reviews);
  }
  all.reviews.sort();
  return all;
}

/** The indicator id and level of a radio name `patuh-<owner>-<indicator>` (owner u… or p…). */
function owner(name) {
  const rest = name.slice('patuh-'.length);
  const cut = rest.indexOf('-');
  return { level: rest[0] === 'u' ? 'unit' : 'product', indicator: rest.slice(cut + 1) };
}

/** Answers in a patuh JSON file of one unit with one product, by radio name as the walk shows them. */
function answersInFile(text) {
  const a = JSON.parse(text).assessment;
  const u = a.units[0];
  const p = u.products[0];
  const out = {};
  for (const [id, e] of Object.entries(u.answers ?? {})) if (e.answer) out[`patuh-${u.id}-${id}`] = e.answer;
  for (const [id, e] of Object.entries(p.answers ?? {})) if (e.answer) out[`patuh-${p.id}-${id}`] = e.answer;
  return out;
}

/** Checks radio `k` of indicator group `g` in the current step; returns [name, value]. */
async function answer(page, g, k) {
  const radio = page.locator('.patuh-section fieldset.patuh-ind').nth(g).locator('input[type=radio]').nth(k);
  await radio.check();
  return [await radio.getAttribute('name'), await radio.getAttribute('value')];
}

/** No blank screen: the header, a notice or a main view with content are on screen. */
async function notBlank(page) {
  await page.waitForSelector('.patuh-header');
  const text = await page.locator('#patuh-main').innerText();
  assert.ok(text.trim().length > 50, `the main area shows something (got ${JSON.stringify(text.slice(0, 80))})`);
}

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
  await start(page, 'ori-2016');
  const [n, v] = await answer(page, 0, 0);
  await page.waitForSelector('.patuh-notice--error');
  assert.match(await page.locator('.patuh-notice--error').textContent(), /Gagal menyimpan/);
  assert.deepEqual((await shown(page)).answers, { [n]: v });
  const { bytes } = await download(page, '.patuh-notice--error button');
  assert.deepEqual(answersInFile(bytes.toString('utf8')), { [n]: v });
  await context.close();
});

// --- (c) reloads at random moments ---------------------------------------------------------------

check(`(c) 20 reloads at random moments of a walk (seed ${SEED}) → "Lanjutkan" restores everything given`, async () => {
  const rng = prng(SEED);
  const { context, page } = await freshPage();
  await start(page, 'ori-2022');
  const want = { answers: {}, notes: {}, reviews: new Set() };
  const steps = await page.locator('.patuh-step').count();
  const log = [];
  for (let round = 1; round <= 20; round++) {
    log.length = 0;
    const actions = 1 + rng.int(6);
    let typing = null;
    for (let i = 0; i < actions; i++) {
      const groups = page.locator('.patuh-section fieldset.patuh-ind');
      const g = rng.int(await groups.count());
      const fs_ = groups.nth(g);
      const last = i === actions - 1;
      const r = rng.next();
      if (r < 0.5) {
        const k = rng.int(await fs_.locator('input[type=radio]').count());
        const [n, v] = await answer(page, g, k);
        want.answers[n] = v;
        log.push(`answer ${n}=${v}`);
      } else if (r < 0.6) {
        const clear = fs_.locator(':scope > button');
        if (await clear.count()) {
          const n = await fs_.locator('input[type=radio]').first().getAttribute('name');
          await clear.click();
          await page.waitForFunction((nm) => !document.querySelector(`input[name="${nm}"]:checked`), n);
          delete want.answers[n];
          log.push(`clear ${n}`);
        }
      } else if (r < 0.7) {
        const box = fs_.locator('input[type=checkbox]');
        const id = await box.getAttribute('id');
        const on = !(await box.isChecked());
        await box.setChecked(on);
        if (on) want.reviews.add(id); else want.reviews.delete(id);
        log.push(`review ${id}=${on}`);
      } else if (r < 0.85) {
        // Type in a note; on the last action of a round, reload mid-typing (no blur, no pause).
        if ((await fs_.locator('details.patuh-more').getAttribute('open')) === null) await fs_.locator('details.patuh-more > summary').click();
        const ta = fs_.locator('textarea');
        const id = await ta.getAttribute('id');
        await ta.click();
        await page.keyboard.press('End');
        const text = ` catatan ${round}.${i} ✓ ${'xyz'.slice(0, 1 + rng.int(3))}`;
        const upTo = last ? 1 + rng.int(text.length - 1) : text.length;
        await page.keyboard.type(text.slice(0, upTo));
        want.notes[id] = ((want.notes[id] ?? '') + text.slice(0, upTo));
        if (last) typing = id;
        log.push(`type ${id} ${JSON.stringify(text.slice(0, upTo))}`);
      } else {
        const s = rng.int(steps);
        await page.locator('.patuh-step').nth(s).click();
        await page.waitForFunction((i) => document.querySelectorAll('.patuh-step')[i]?.getAttribute('aria-current') === 'step', s);
        log.push(`go to step ${s}`);
      }
    }
    // Reload right after the last action, sometimes after a short random pause (inside the
    // 300 ms autosave debounce).
    const pause = rng.next() < 0.3 ? rng.int(400) : 0;
    if (pause) await page.waitForTimeout(pause);
    log.push(`reload after ${pause} ms${typing ? ' (mid-typing)' : ''}`);
    await page.reload();
    await resume(page);
    const got = await shownEverywhere(page);
    const ctx = `round ${round} (seed ${SEED}): ${log.join('; ')}`;
    assert.deepEqual(got.answers, want.answers, `answers after ${ctx}`);
    assert.deepEqual(got.notes, want.notes, `notes after ${ctx}`);
    assert.deepEqual(got.reviews, [...want.reviews].sort(), `review marks after ${ctx}`);
    assert.equal(await page.locator('.patuh-notice--error').count(), 0, ctx);
    // Carry on from a random step.
    const s = rng.int(steps);
    await page.locator('.patuh-step').nth(s).click();
    await page.waitForFunction((i) => document.querySelectorAll('.patuh-step')[i]?.getAttribute('aria-current') === 'step', s);
  }
  console.log(`     (20 reloads; ${Object.keys(want.answers).length} answers, ${Object.keys(want.notes).length} notes, ${want.reviews.size} review marks kept)`);
  assert.deepEqual(page.errors, []);
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

/**
 * A page on the start screen whose requests matching `pattern` fail (as offline) until `unblock()`;
 * no service worker, which would serve them from its cache.
 */
async function withBroken(pattern, fault = (route) => route.abort('internetdisconnected')) {
  const ctx = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  let broken = true;
  await ctx.route(pattern, (route) => (broken ? fault(route) : route.continue()));
  const p = await ctx.newPage();
  p.errors = [];
  p.on('pageerror', (e) => p.errors.push(e.message));
  await p.goto(URL_);
  await p.waitForSelector('#patuh-start');
  return { ctx, p, unblock: () => { broken = false; } };
}

/** Fills the start form (ori-2022, the OPD `opd`, "Unit A", "Produk A") and presses "Mulai"; no waiting. */
async function tryStart(p, opd) {
  await p.check('#patuh-ins-ori-2022');
  await p.fill('#patuh-opd', opd);
  await p.fill('#patuh-unit', 'Unit A');
  await p.fill('#patuh-product', 'Produk A');
  await p.click('#patuh-start');
}

// --- (f) an instrument's data file unreachable or stale
// --------------------------------------------

for (const [kind, fault] of [
  ['offline', (route) => route.abort('internetdisconnected')],
  ['a stale file of another version', async (route) => {
    const r = await route.fetch();
    await route.fulfill({ response: r, body: (await r.text()).replace('"version": "', '"version": "0-') });
  }],
  ['an error page instead of the file', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Captive portal</h1>' })],
]) {
  check(`(f) instrument file ${kind} → a clear message, nothing starts or is lost; then "Mulai" works`, async () => {
    const { ctx, p, unblock } = await withBroken(/\/instruments\/ori-2022-[0-9a-f]{16}\.json$/, fault);
    await tryStart(p, 'Dinas Sinyal Lemah');
    const notice = p.locator('.patuh-notice--error');
    await notice.waitFor();
    const said = await notice.textContent();
    assert.match(said, /Data instrumen “Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik” belum dapat dimuat/);
    assert.ok(!said.includes('ori-2022'), `the instrument by its name, not its id: ${said}`);
    assert.equal(await p.locator('#patuh-step-h').count(), 0, 'nothing started');
    assert.equal(await p.inputValue('#patuh-opd'), 'Dinas Sinyal Lemah', 'the form keeps what was typed');
    await notBlank(p);
    unblock();
    await p.click('#patuh-start');
    await p.waitForSelector('#patuh-step-h');
    assert.deepEqual(p.errors, []);
    await ctx.close();
  });
}

// --- (g) the app module unreachable
// ----------------------------------------------------------------

check('(g) the app module cannot be loaded → a clear message, the form keeps what was typed, nothing is lost; then "Mulai" works', async () => {
  const { ctx, p, unblock } = await withBroken(/patuh-app-[0-9a-f]+(_bg\.wasm|\.js)$/);
  await tryStart(p, 'Dinas Tanpa Sinyal');
  const notice = p.locator('.patuh-notice--error');
  await notice.waitFor();
  assert.match(await notice.textContent(), /bagian aplikasi ini belum termuat.*Isian Anda tetap ada/);
  assert.equal(await p.locator('#patuh-step-h').count(), 0, 'nothing started');
  assert.equal(await p.inputValue('#patuh-opd'), 'Dinas Tanpa Sinyal', 'the form keeps what was typed');
  assert.equal(await p.isChecked('#patuh-ins-ori-2022'), true, 'the chosen instrument stays chosen');
  await notBlank(p);
  // The other ways past the start screen say the same, and the button is usable again each time.
  await p.click('.patuh-notice--error button');
  await p.click('#patuh-open-recap');
  await notice.waitFor();
  assert.match(await notice.textContent(), /belum termuat/);
  unblock();
  await p.click('#patuh-start');
  await p.waitForSelector('#patuh-step-h');
  // The start screen made way: one page frame, no loading card, no start form left behind.
  assert.equal(await p.locator('.patuh-header').count(), 1);
  assert.equal(await p.locator('.patuh-shell, #patuh-start').count(), 0);
  assert.match(await p.locator('.patuh-main').textContent(), /Dinas Tanpa Sinyal|Produk A/);
  assert.deepEqual(p.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|dynamically imported module/.test(e)), []);
  await ctx.close();
});

check('(g) a slow app module: the start screen shows it is busy, three presses of "Mulai" start one assessment, in the language chosen meanwhile', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const { ctx, p } = await withBroken(/patuh-app-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await tryStart(p, 'Dinas Lambat');
  await p.waitForSelector('.patuh-home[aria-busy="true"]');
  await p.click('#patuh-start');
  await p.click('#patuh-start');
  await p.screenshot({ path: path.join(OUT, 'start-busy.png') });
  // The language switched while the module loads: the app starts in it.
  await p.click('.patuh-header__tools button');
  release();
  await p.waitForSelector('#patuh-step-h');
  assert.equal(await p.getAttribute('.patuh', 'lang'), 'en', 'the app starts in the language chosen while it loaded');
  await p.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('patuh.v1.assessment.')));
  const saved = await p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('patuh.v1.assessment.')).length);
  assert.equal(saved, 1, 'one assessment started');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});

await runAndExit(async () => {
  await browser.close();
  await stop(server);
});
