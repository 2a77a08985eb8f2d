// End-to-end tests of patuh as an official on a phone (360 × 740, checked at 320) and on a laptop
// (1280 × 800) sees it: no screen or downloaded HTML document (report, SKM) wider than the phone,
// axe-core clean at phone widths, the walk's first question on the first screen with the current
// step named, the opinion screen's links to its parts, resume where the user left off.
// Screenshots of every screen at 360 px go to target/screens/.
// Usage: node tests/e2e/phone.mjs dist   (E2E_PHONE_PORT, default 8093)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, stop, launch, axe, test, runAndExit, OUT } from './harness.mjs';
import { freshPage, openPage, start, begin, checkAll, resume, waitSaved } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_PHONE_PORT ?? 8093);
const URL_ = `http://127.0.0.1:${PORT}/`;
const SHOTS = path.resolve('target/screens');
fs.mkdirSync(SHOTS, { recursive: true });

const server = await serve(DIST, PORT);
const browser = await launch();

const PHONE = { width: 360, height: 740 };
const WIDTHS = [{ width: 320, height: 640 }, PHONE, { width: 1280, height: 800 }];
// Long names, as real offices have them: they must wrap, never widen the page.
const LONG = {
  opd: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Maluku Tenggara',
  unit: 'Bidang Pelayanan Pendaftaran Penduduk dan Pencatatan Sipil Terpadu Satu Pintu',
  product: 'Penerbitan Kartu Tanda Penduduk Elektronik dan Kartu Identitas Anak (KIA)',
};

// Recap files: three OPD files and one that cannot be read, as a coordinator receives them.
const RECAP = path.join(OUT, 'phone-recap');
fs.rmSync(RECAP, { recursive: true, force: true });
execFileSync('cargo', ['run', '-q', '-p', 'patuh-core', '--example', 'bench', '--', '--write-many', RECAP, '3']);
fs.writeFileSync(path.join(RECAP, 'rusak.json'), '{"format":"patuh-penilaian-mandiri",');
const RECAP_FILES = fs.readdirSync(RECAP).map((f) => path.join(RECAP, f));

/** Asserts nothing is wider than the viewport (no horizontal scroll) on the screen `name`. */
async function noSideScroll(page, name) {
  const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: innerWidth }));
  assert.ok(sw <= iw, `${name} at ${iw} px: the page is ${sw} px wide`);
}

/** Screenshot of the whole page under target/screens/. */
const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/**
 * An HTML document downloaded with the button `button` (the report from the result screen, the SKM
 * document from the calculator), opened at the width `w`: on a phone its tables are stacked rows
 * (each cell with its column's name) and nothing is wider than the screen; on a laptop and in print
 * (A4) they stay tables. At least `tables` tables. Screenshots of both widths and of the print.
 */
async function documentAt(page, w, { button, name, tables: least }) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const file = path.join(SHOTS, `${name}-${w}.html`);
  await d.saveAs(file);
  // Its own context: the document's CSP allows no script, and axe is one (bypassCSP lets it in).
  const rc = await browser.newContext({ viewport: { width: w, height: 800 }, bypassCSP: true });
  const rp = await rc.newPage();
  await rp.goto('file://' + file);
  await noSideScroll(rp, `${name} HTML`);
  const tables = () => rp.locator('table').evaluateAll((ts) => ts.map((t) => ({
    right: Math.ceil(t.getBoundingClientRect().right),
    overflow: t.scrollWidth - t.clientWidth,
    row: getComputedStyle(t.querySelector('tbody tr')).display,
    labelled: [...t.querySelectorAll('tbody td')].every((td) => td.hasAttribute('data-label')),
  })));
  const seen = await tables();
  assert.ok(seen.length >= least, `the ${name} has its tables (${seen.length})`);
  for (const [k, t] of seen.entries()) {
    assert.ok(t.right <= w && t.overflow <= 1, `${name} table ${k} at ${w} px: right edge ${t.right}, overflow ${t.overflow}`);
    assert.ok(t.labelled, `${name} table ${k}: every cell names its column`);
    assert.equal(t.row, w < 600 ? 'block' : 'table-row', `${name} table ${k} at ${w} px: ${w < 600 ? 'stacked rows' : 'a table'}`);
  }
  if (w < 600) assert.deepEqual(await axe(rp), [], `axe on the ${name} HTML at ${w} px`);
  await shot(rp, `${name}-html-${w}`);
  await rp.emulateMedia({ media: 'print' });
  for (const t of await tables()) assert.equal(t.row, 'table-row', `printed, the ${name} keeps its tables`);
  await rp.pdf({ path: path.join(SHOTS, `${name}-print-${w}.pdf`), format: 'A4' });
  await rc.close();
}

/**
 * The SKM calculator with a small survey (3 respondents) and a refused count (-5): the warning and
 * the message fit the screen; then its HTML document at the width `w` (documentAt).
 */
async function skmAt(page, w, check) {
  for (let u = 0; u < 9; u++) await page.fill(`#patuh-skm-${u}-3`, '3');
  await page.fill('#patuh-skm-4-2', '-5');
  await page.waitForSelector('#patuh-skm-4-2-error');
  await page.waitForSelector('#patuh-skm-sample');
  await check('skm-messages');
  await page.fill('#patuh-skm-4-2', '0');
  await documentAt(page, w, { button: '#patuh-skm-html', name: 'skm', tables: 2 });
}

/**
 * Visits every screen at `viewport`: start, walk, setup, result, SKM, recap. On each: no horizontal
 * scroll; at phone widths axe-core finds nothing; at 360 px a screenshot.
 */
async function everyScreen(viewport) {
  const w = viewport.width;
  const phone = w < 600;
  const { context, page } = await freshPage(browser, URL_, { viewport });
  const check = async (name) => {
    await noSideScroll(page, name);
    if (phone) assert.deepEqual(await axe(page), [], `axe on ${name} at ${w} px`);
    if (w === 360) await shot(page, name);
  };
  await check('start');
  await start(page, 'ori-2022', LONG);
  await check('walk');
  // On a phone the numbered steps have the current step's name above them.
  const now = page.locator('#patuh-step-now');
  assert.deepEqual([await now.isVisible(), await now.textContent()], [phone, 'Langkah 1 dari 4: Dimensi Input']);
  await checkAll(page, '2');
  await page.click('#patuh-next');
  await page.waitForSelector('.patuh-step--current');
  assert.equal(await now.textContent(), 'Langkah 2 dari 4: Dimensi Proses');
  await check('walk-step2');
  await page.click('text=Identitas, unit dan produk');
  await page.waitForSelector('#patuh-struct-h');
  await check('setup');
  await page.click('text=Kembali ke penilaian');
  await page.click('#patuh-see-result');
  await page.waitForSelector('#patuh-downloads');
  await check('result');
  // The result explains its figures: a gain is points on the OPD score; unanswered indicators are
  // said to be left out of the fix-first lists.
  const fix = await page.locator('#patuh-gaps-h').locator('xpath=..').innerText();
  assert.match(fix, /\+\d+,\d\d poin pada nilai OPD/);
  assert.match(fix, /\d+ pertanyaan belum dijawab: tidak masuk daftar ini/);
  if (w === 360 || w === 1280) await documentAt(page, w, { button: '#patuh-dl-html', name: 'report', tables: 6 });
  await page.reload();
  await page.waitForSelector('#patuh-start');
  await page.click('#patuh-open-skm');
  await page.waitForSelector('.patuh-skm__grid');
  await check('skm');
  await skmAt(page, w, check);
  await page.reload();
  await page.waitForSelector('#patuh-start');
  await check('start-saved');
  await page.click('#patuh-open-recap');
  await page.waitForSelector('#patuh-recap-files');
  await check('recap');
  await page.setInputFiles('#patuh-recap-files', RECAP_FILES);
  await page.waitForSelector('#patuh-pemda-status');
  await check('recap-files');
  if (w === 360) {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-recap-html')]);
    const file = path.join(SHOTS, 'recap.html');
    await d.saveAs(file);
    const rp = await context.newPage();
    await rp.goto('file://' + file);
    await noSideScroll(rp, 'recap HTML');
    await shot(rp, 'recap-html');
    await rp.close();
  }
  assert.deepEqual(page.errors, []);
  await context.close();
}

for (const viewport of WIDTHS) {
  test(`${viewport.width} px: no screen is wider than the screen${viewport.width < 600 ? '; axe-core finds nothing' : ''}`, () => everyScreen(viewport));
}

// The 2025 instrument with the longest names an office has: two products and a second unit.
const LONG_2025 = {
  opd: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Kepulauan Seribu Utara',
  unit: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Kepulauan Seribu Utara',
  product: 'Penerbitan Persetujuan Bangunan Gedung dan Sertifikat Laik Fungsi untuk Usaha Mikro, Kecil dan Menengah',
};
const LONG_PRODUCT = 'Perizinan-Berusaha-Berbasis-Risiko/OSS-RBA untuk Penanam Modal Asing dan Dalam Negeri';
const LONG_UNIT = 'Unit Pelaksana Teknis Daerah Pelayanan Perizinan dan Non-Perizinan Kecamatan Kepulauan Seribu Selatan';

/** Opens every folded part of the screen (help, evidence lists, interview answers). */
const unfold = (page) => page.evaluate(() => document.querySelectorAll('.patuh details').forEach((d) => { d.open = true; }));

for (const viewport of WIDTHS.filter((v) => v.width < 600)) {
  test(`${viewport.width} px, 2025 instrument with long names: every walk step, the opinion data screens and the result fit the screen`, async () => {
    const w = viewport.width;
    const { context, page } = await freshPage(browser, URL_, { viewport });
    await start(page, 'ori-2025', LONG_2025);
    await page.click('text=Identitas, unit dan produk');
    await page.waitForSelector('#patuh-struct-h');
    await page.click('text=Tambah produk');
    await page.locator('.patuh-struct__product input[type=text]').nth(1).fill(LONG_PRODUCT);
    await page.click('text=Tambah unit');
    await page.locator('.patuh-struct__unit input[id^=patuh-un-]').nth(1).fill(LONG_UNIT);
    await noSideScroll(page, 'setup with long names');
    await page.click('text=Kembali ke penilaian');
    await page.waitForSelector('#patuh-step-h');
    // "Menjawab untuk" lists every unit › product in full, and stays within the screen.
    const names = await page.locator('#patuh-place option').allTextContents();
    assert.ok(names.some((n) => n.includes(LONG_PRODUCT)), 'the long product is a place');
    const seen = new Set();
    for (let guard = 0; guard < 40; guard++) {
      const step = await page.locator('#patuh-step-h').innerText();
      const place = await page.locator('#patuh-place').inputValue();
      await unfold(page);
      await noSideScroll(page, `walk step ${place}/${step.replace(/\s+/g, ' ')}`);
      const box = await page.locator('#patuh-place').boundingBox();
      assert.ok(box.x + box.width <= w, `the place picker ends at ${box.x + box.width} px`);
      if (w === 360 && !seen.has(place)) await shot(page, `walk-2025-place${place}`);
      seen.add(place);
      const next = page.locator('#patuh-next');
      const label = await next.textContent();
      await next.click();
      if (/data Opini/.test(label)) break;
      await page.waitForFunction((s) => document.querySelector('#patuh-step-h')?.innerText !== s, step);
    }
    assert.equal(seen.size, 3, 'every product of both units walked');
    await page.waitForSelector('#patuh-opinion-h');
    // The way back and the links to the parts are on the first screen.
    assert.ok((await page.locator('#patuh-opinion-jumps').boundingBox()).y < viewport.height, 'jump links on the first screen');
    // The register with one Ombudsman product, the Output figures, trust, evidence and interviews.
    await page.click('#patuh-add-followup');
    await page.locator('.patuh-followup').first().waitFor();
    await unfold(page);
    await noSideScroll(page, 'opinion data (register, trust, Output figures, interview, evidence)');
    assert.deepEqual(await axe(page), [], `axe on the opinion data screen at ${w} px`);
    if (w === 360) {
      await shot(page, 'opinion-2025');
      for (const [sel, name] of [['#patuh-output-h', 'output'], ['#patuh-trust-h', 'trust'], ['#patuh-register-h', 'register'], ['#patuh-prepare-h', 'evidence'], ['#patuh-interview-h', 'interview']]) {
        await page.click(`#patuh-opinion-jumps a[href="${sel}"]`);
        await page.waitForFunction((id) => document.activeElement?.id === id, sel.slice(1));
        await page.screenshot({ path: path.join(SHOTS, `2025-${name}.png`) });
      }
      await page.locator('.patuh-trust__grid').first().evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: path.join(SHOTS, '2025-trust-grid.png') });
    }
    await page.click('#patuh-opinion-result');
    await page.waitForSelector('.patuh-result');
    await unfold(page);
    await noSideScroll(page, 'result of the 2025 instrument');
    if (w === 360) await shot(page, 'result-2025');
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('phone: the start form comes before the legal text; the first question of the walk is on the first screen', async () => {
  const { context, page } = await freshPage(browser, URL_, { viewport: PHONE });
  const top = (sel) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().top + scrollY);
  assert.ok(await top('#patuh-start') < await top('#patuh-about'), '"Mulai penilaian" before the legal text');
  assert.equal(await page.locator('#patuh-about').evaluate((d) => d.open), false, 'legal text folded');
  // The task first: the three names on the first screen, "Mulai penilaian" right under them (the
  // rounds are a compact row, not cards).
  const bottom = (sel) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().bottom + scrollY);
  assert.ok(await bottom('#patuh-product') <= PHONE.height * 0.75, `product name ends at ${await bottom('#patuh-product')} px`);
  assert.ok(await bottom('#patuh-start') <= PHONE.height * 1.1, `"Mulai penilaian" ends at ${await bottom('#patuh-start')} px`);
  await start(page, 'ori-2022', LONG);
  // Its question is above the sticky score bar, without scrolling.
  const q = await page.locator('.patuh-ind legend').first().evaluate((el) => el.getBoundingClientRect().bottom);
  const bar = await page.locator('.patuh-aside').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(q <= bar && bar <= PHONE.height, `first question ends at ${q} px, the score bar starts at ${bar} px of ${PHONE.height}`);
  // The question's title starts inside its card: no border runs through a title of two lines.
  const inside = await page.locator('.patuh-ind').first().evaluate((f) => f.querySelector('legend').getBoundingClientRect().top - f.getBoundingClientRect().top);
  assert.ok(inside >= 1, `the title starts ${inside} px below the card's top`);
  // Nothing answered yet: the score says so instead of "0,00" in the lowest band.
  assert.match(await page.locator('#patuh-score').textContent(), /Belum dijawab/);
  assert.equal(await page.locator('#patuh-zone').count(), 0);
  // The step strip: every step whole, the current one marked.
  const current = page.locator('.patuh-step[aria-current="step"]');
  assert.equal(await current.count(), 1);
  const clipped = await page.locator('.patuh-step').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth).length);
  assert.equal(clipped, 0, 'no step button cut off');
  await context.close();
});

test('resume: after a reload, "Lanjutkan" returns to the unit, product, step and indicator left', async () => {
  const { context, page } = await freshPage(browser, URL_, { viewport: PHONE });
  await start(page, 'ori-2022');
  await page.click('#patuh-next');
  await page.click('#patuh-next');
  await page.waitForFunction(() => document.querySelectorAll('.patuh-step')[2]?.getAttribute('aria-current') === 'step');
  const inds = page.locator('.patuh-ind');
  const target = inds.nth(3);
  await target.locator('input[type=radio]').first().check();
  await target.scrollIntoViewIfNeeded();
  await target.evaluate((el) => el.scrollIntoView());
  const id = await target.getAttribute('id');
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('#patuh-continue');
  await resume(page);
  await page.waitForFunction(() => document.querySelectorAll('.patuh-step')[2]?.getAttribute('aria-current') === 'step');
  await page.waitForFunction((sel) => Math.abs(document.querySelector(sel).getBoundingClientRect().top) < innerHeight / 2, `#${id}`, { timeout: 5000 }).catch(() => {});
  const box = await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(box >= -2 && box < PHONE.height / 2, `${id} is in view (top at ${box} px)`);
  assert.deepEqual(page.errors, []);
  await context.close();
});


test('a name typed without spaces wraps: the walk and the result stay within a 360 px phone', async () => {
  const unbroken = 'DinasKependudukanDanPencatatanSipil'.repeat(6);
  const { context, page } = await freshPage(browser, URL_, { viewport: PHONE });
  await start(page, 'ori-2016', { opd: unbroken, unit: `Unit${unbroken}`, product: `Produk${unbroken}` });
  await noSideScroll(page, 'walk with an unbroken name');
  await page.click('#patuh-see-result');
  await page.waitForSelector('#patuh-downloads');
  await noSideScroll(page, 'result with an unbroken name');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the saved list says when in words, on the official\'s own clock (Jakarta and Jayapura, both languages)', async () => {
  for (const [timezoneId, id, en] of [
    ['Asia/Jakarta', '3 Desember 2026, 13.43', '3 December 2026, 13:43'],
    ['Asia/Jayapura', '3 Desember 2026, 15.43', '3 December 2026, 15:43'],
  ]) {
    const { context, page } = await openPage(browser, { viewport: PHONE, timezoneId });
    await page.goto(URL_);
    await page.waitForSelector('#patuh-start');
    await start(page, 'ori-2022');
    await waitSaved(page);
    // Saved at 06:43 UTC: 13.43 in Jakarta (UTC+7), 15.43 in Jayapura (UTC+9).
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage).filter((k) => k.startsWith('patuh.v1.assessment.'))) {
        const doc = JSON.parse(localStorage.getItem(k));
        doc.saved_at = '2026-12-03T06:43:10.000Z';
        localStorage.setItem(k, JSON.stringify(doc));
      }
    });
    await page.reload();
    const item = page.locator('.patuh-saved__item').first();
    assert.match(await item.innerText(), new RegExp(`· ${id}\\n|· ${id}$`, 'm'), `${timezoneId} Indonesian`);
    assert.doesNotMatch(await item.innerText(), /2026-12-03|06:43/);
    if (timezoneId === 'Asia/Jakarta') await shot(page, 'start-saved-list');
    await page.click('.patuh-header__tools button');
    assert.ok((await item.innerText()).includes(`· ${en}`), `${timezoneId} English: ${await item.innerText()}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('a name longer than 200 characters: the field keeps 200 and says the rest is cut (start and setup, both languages)', async () => {
  const long = 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu '.repeat(5);
  const { context, page } = await freshPage(browser, URL_, { viewport: PHONE });
  const hint = page.locator('#patuh-opd-hint');
  const before = await hint.innerText();
  await page.fill('#patuh-opd', long.slice(0, 199));
  assert.equal(await hint.innerText(), before, 'under the limit: the example, no message');
  await page.locator('#patuh-opd').focus();
  await page.keyboard.insertText(long); // a paste: the browser keeps the first 200 characters
  assert.equal((await page.inputValue('#patuh-opd')).length, 200);
  assert.match(await hint.innerText(), /Sudah 200 karakter.*dipotong/);
  assert.equal(await hint.getAttribute('aria-live'), 'polite');
  assert.deepEqual(await axe(page), [], 'axe with the message shown');
  await page.click('.patuh-header__tools button');
  assert.match(await hint.innerText(), /200 characters.*cut off/);
  await page.click('.patuh-header__tools button');
  await page.fill('#patuh-unit', 'Bidang Pelayanan');
  await page.fill('#patuh-product', 'Izin Usaha');
  await begin(page);
  await page.click('text=Identitas, unit dan produk');
  await page.waitForSelector('#patuh-struct-h');
  const unit = page.locator('.patuh-struct__unit input[type=text]').first();
  const note = page.locator('.patuh-struct__unit .patuh-field .patuh-limit').first();
  assert.equal(await note.innerText(), '');
  await unit.fill('');
  await unit.focus();
  await page.keyboard.insertText(long);
  assert.equal((await unit.inputValue()).length, 200);
  assert.match(await note.innerText(), /Sudah 200 karakter/);
  assert.match(await page.locator('#patuh-m-opd').locator('xpath=..').innerText(), /Sudah 200 karakter/, 'the OPD name carried over is full too');
  // The date field shows the browser's own order (mm/dd/yyyy in an English one): the date entered is
  // written out under it.
  await page.fill('#patuh-m-date', '2026-12-03');
  assert.equal(await page.locator('#patuh-m-date-said').innerText(), 'Tanggal terisi: 3 Desember 2026');
  await noSideScroll(page, 'setup with full names');
  assert.deepEqual(await axe(page), [], 'axe on setup with the messages');
  assert.deepEqual(page.errors, []);
  await context.close();
});

await runAndExit(async () => {
  await browser.close();
  await stop(server);
});
