// End-to-end tests of patuh against the release build in dist/: the walk and its scores (each
// instrument, equal to the core's computation), saves and reloads, photos, the keyboard, axe-core
// and screenshots. Downloads, reopening files, the comparison, the pemda recap and the SKM
// calculator: downloads.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, stop, launch, axe, test, runAndExit, OUT } from './harness.mjs';
import { freshPage as openApp, start, begin, resume, answerAll, answerStep, walkAll, backToFirstStep, waitSaved, scoreText, zone, png, instrument, count } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_PORT ?? 8091);
const URL_ = `http://127.0.0.1:${PORT}/`;
/** Round half-up to 2 decimals and format the Indonesian way, independently of the app. */
const idNum = (num, den) => { const h = Math.floor((num * 100 * 2 + den) / (den * 2)); return `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}`; };

const server = await serve(DIST, PORT);
const browser = await launch();

const freshPage = (viewport) => openApp(browser, URL_, { viewport });

test('ori-2016: all "Ada" → 100,00 hijau; one "Tidak ada" → exact lower score; reload keeps everything', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2016');
  assert.equal(await page.locator('.patuh-step[aria-current="step"]').count(), 1);
  await answerAll(page, 'ada');
  await page.waitForSelector('.patuh-result');
  assert.equal(await scoreText(page), '100,00');
  assert.equal(await zone(page), 'zona hijau');
  assert.match(await page.locator('#patuh-status').first().textContent(), /Semua sudah dijawab/);
  // One "Tidak ada" on the first indicator.
  const ins = instrument('ori-2016');
  const n = count(ins);
  await backToFirstStep(page);
  await page.locator('.patuh-section input[type=radio][value="tidak_ada"]').first().check();
  const want = idNum(100 * (n - 1), n);
  await page.waitForFunction((w) => document.querySelector('#patuh-score')?.textContent === w, want);
  await waitSaved(page);
  await page.reload();
  await resume(page);
  assert.equal(await scoreText(page), want);
  assert.equal(await page.locator('.patuh-section input[type=radio][value="tidak_ada"]').first().isChecked(), true);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('ori-2022: all "3" → 100,00 A hijau; all "1" → 33,33 D merah', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2022');
  // A unit-wide question says it is answered once for its unit; "Tidak berlaku" says when it fits.
  const tag = page.locator('.patuh-ind .patuh-tag:not(.patuh-tag--assumed)').first();
  assert.equal(await tag.textContent(), 'Dijawab sekali untuk unit ini (semua produknya)');
  assert.equal(await page.locator('.patuh-opt--na .patuh-opt__desc').first().textContent(),
    'Pilih hanya bila unit ini memang tidak wajib menyediakannya. Bila wajib tetapi belum ada, pilih jawaban terendah.');
  await answerAll(page, '3');
  await page.waitForSelector('.patuh-result');
  assert.equal(await scoreText(page), '100,00');
  assert.match(await page.locator('#patuh-zone').first().textContent(), /Zona Hijau — Kualitas Tertinggi \(A\)/);
  await backToFirstStep(page);
  await answerAll(page, '1');
  assert.equal(await scoreText(page), '33,33');
  assert.match(await page.locator('#patuh-zone').first().textContent(), /Zona Merah — Kualitas Rendah \(D\)/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a corrupt save shows a notice with a rescue download, and the app still works', async () => {
  const { context, page } = await freshPage();
  await page.evaluate(() => {
    localStorage.setItem('patuh.v1.assessment.rusak', '{"format":"patuh-penilaian-mandiri", broken');
    localStorage.setItem('host.site.key', 'milik situs induk');
  });
  await page.reload();
  await page.waitForSelector('.patuh-notice--error');
  assert.match(await page.locator('.patuh-notice--error').textContent(), /rusak/);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('text=Unduh salinan yang rusak')]);
  const saved = path.join(OUT, 'rescued.json');
  await dl.saveAs(saved);
  assert.equal(fs.readFileSync(saved, 'utf8'), '{"format":"patuh-penilaian-mandiri", broken');
  await start(page, 'ori-2016');
  await waitSaved(page);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.includes('host.site.key'), 'the host page keeps its own keys');
  assert.ok(keys.includes('patuh.v1.assessment.rusak'), 'the damaged save is not deleted');
  assert.ok(keys.filter((k) => k !== 'host.site.key').every((k) => k.startsWith('patuh.v1.')), keys.join());
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** The page frame and screen as markup to compare: tags, sorted attributes and text, whoever built them. */
const markup = (page) => page.evaluate(() => {
  const walk = (n) => n.nodeType === 3 ? n.data.trim() : n.nodeType !== 1 ? ''
    : `<${n.localName} ${[...n.attributes].map((a) => `${a.name}="${a.value}"`).filter((a) => a !== 'style=""').sort().join(' ')}>${[...n.childNodes].map(walk).join('')}</${n.localName}>`;
  return walk(document.querySelector('#patuh-app'));
});

test('the start screen without Yew: a language switch keeps what was typed and the focus; delete asks first; the app shows the same markup after the hand-over', async () => {
  const { context, page } = await freshPage({ width: 360, height: 800 });
  await page.fill('#patuh-opd', 'Dinas Kesehatan');
  await page.check('#patuh-ins-ori-2016');
  await page.click('#patuh-app button[lang="en"]');
  assert.equal(await page.textContent('#patuh-new-h'), 'New assessment');
  assert.equal(await page.inputValue('#patuh-opd'), 'Dinas Kesehatan');
  assert.ok(await page.isChecked('#patuh-ins-ori-2016'));
  assert.equal(await page.getAttribute('#patuh-app', 'lang'), 'en');
  assert.equal(await page.getAttribute('html', 'lang'), 'id', 'the host <html> keeps its language');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('lang')), 'id', 'focus stays on the switch');
  await page.click('#patuh-app button[lang="id"]');
  // A start without the other names: each says it is required, and nothing starts.
  await page.click('#patuh-start');
  assert.equal(await page.getAttribute('#patuh-unit', 'aria-invalid'), 'true');
  assert.equal(await page.textContent('#patuh-unit-err'), 'Wajib diisi.');
  await page.fill('#patuh-unit', 'Puskesmas');
  await page.fill('#patuh-product', 'KIA');
  assert.equal(await page.locator('#patuh-unit-err').count(), 0);
  await begin(page);
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('#patuh-continue');
  // Delete asks first; "Batal" keeps it.
  const item = page.locator('.patuh-saved__item');
  await item.locator('button', { hasText: 'Hapus' }).click();
  await item.locator('.patuh-confirm button', { hasText: 'Batal' }).click();
  assert.equal(await item.count(), 1);
  const first = await markup(page);
  await page.click('#patuh-open-recap');
  await page.locator('button', { hasText: 'Kembali' }).first().click();
  await page.waitForSelector('#patuh-continue');
  assert.equal(await markup(page), first, 'the app\'s start screen is the first load\'s');
  await item.locator('button', { hasText: 'Hapus' }).click();
  await item.locator('.patuh-confirm button', { hasText: 'Hapus' }).click();
  assert.equal(await item.count(), 0);
  assert.equal(await page.locator('#patuh-continue').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('axe-core: 0 violations on the start, walk, result and setup screens', async () => {
  const { context, page } = await freshPage();
  const screens = {};
  screens.start = await axe(page);
  await page.click('#patuh-start'); // shows the required-field errors
  screens.start_errors = await axe(page);
  await start(page, 'ori-2022');
  screens.walk = await axe(page);
  await page.locator('.patuh-help summary').first().click();
  screens.walk_help = await axe(page);
  await page.click('#patuh-see-result');
  await page.waitForSelector('.patuh-result');
  screens.result = await axe(page);
  await page.click('text=Kembali ke penilaian');
  await page.click('text=Identitas, unit dan produk');
  screens.setup = await axe(page);
  const bad = Object.entries(screens).filter(([, v]) => v.length);
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
  await context.close();
});

test('screenshots at 1280 and 360 px', async () => {
  for (const width of [1280, 360]) {
    const { context, page } = await freshPage({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: path.join(OUT, `start-${width}.png`), fullPage: true });
    await start(page, 'ori-2016');
    // "Mulai" is at the end of a long form (scrolled far down at 360 px): the walk starts at its
    // top.
    const top = await page.evaluate(() => document.getElementById('patuh-app').getBoundingClientRect().top);
    assert.ok(top >= -1, `the walk starts at its top at ${width}px (its top is at ${top}px)`);
    await page.locator('.patuh-section input[type=radio][value="ada"]').first().check();
    await page.screenshot({ path: path.join(OUT, `walk-${width}.png`), fullPage: false });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at ${width}px (overflow ${overflow}px)`);
    await answerAll(page, 'ada');
    await page.waitForSelector('.patuh-result');
    await page.screenshot({ path: path.join(OUT, `result-${width}.png`), fullPage: true });
    await context.close();
  }
});


/** Downloads the JSON through the UI and returns the core's own computation of it. */
async function coreResult(page, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-download-json')]);
  assert.match(dl.suggestedFilename(), /^penilaian-mandiri_[a-z0-9-]+_\d{4}-\d{2}-\d{2}\.json$/);
  const file = path.join(OUT, name);
  await dl.saveAs(file);
  const out = execFileSync('cargo', ['run', '-q', '-p', 'patuh-core', '--example', 'score', '--', file], { encoding: 'utf8' });
  return JSON.parse(out);
}
const toId = (en) => en.replace('.', ',');

test('ori-2016: 2 units × 2 products, mixed answers → the result equals the core computation', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2016', { unit: 'Unit Pendaftaran', product: 'KTP-el' });
  await page.click('text=Identitas, unit dan produk');
  await page.fill('#patuh-m-name', 'Siti Aminah');
  await page.fill('#patuh-m-pos', 'Kepala Seksi');
  await page.click('text=+ Tambah produk');
  // The new product's name field has the focus with "Produk baru" selected: typing replaces it.
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('patuh-pn-')
    && document.activeElement.selectionEnd - document.activeElement.selectionStart === 'Produk baru'.length);
  await page.keyboard.type('Kartu Keluarga');
  assert.equal(await page.locator('.patuh-struct__product input').nth(1).inputValue(), 'Kartu Keluarga');
  // Only the moves there are: the first product can go down, not up.
  const firstProduct = page.locator('.patuh-struct__product').nth(0);
  assert.equal(await firstProduct.locator('button', { hasText: 'Naikkan' }).count(), 0);
  assert.equal(await firstProduct.locator('button', { hasText: 'Turunkan' }).count(), 1);
  await page.click('text=+ Tambah unit');
  // A new unit starts with one product, named as a product (not as the unit).
  const newUnit = page.locator('.patuh-struct__unit').nth(1);
  assert.equal(await newUnit.locator('input[type=text]').first().inputValue(), 'Unit baru');
  assert.equal(await newUnit.locator('.patuh-struct__product input[type=text]').first().inputValue(), 'Produk baru');
  await page.locator('.patuh-struct__unit input[type=text]').nth(2).fill('Unit Pencatatan Sipil');
  await page.locator('.patuh-struct__unit').nth(1).locator('text=+ Tambah produk').click();
  assert.equal(await page.locator('.patuh-struct__product').count(), 4);
  await page.click('text=Kembali ke penilaian');
  // Unit-wide indicators are answered once per unit: the second product of a unit shows them
  // answered.
  const pattern = ['ada', 'ada', 'tidak_ada', 'ada', 'tb', 'ada', 'tidak_ada'];
  await walkAll(page, (step, i) => pattern[(step * 3 + i) % pattern.length]);
  await page.waitForSelector('.patuh-result');
  const core = await coreResult(page, 'walk-2016.json');
  assert.equal(core.unanswered, 0);
  assert.equal(await scoreText(page), toId(core.score));
  assert.equal(await zone(page), `zona ${core.zone}`);
  assert.equal(core.units.length, 2);
  assert.match(await page.locator('.patuh-result').textContent(), /Perbaiki \d+ hal ini untuk naik ke Zona/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('ori-2022: one unit, mixed levels → the result equals the core computation', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2022');
  await walkAll(page, (step, i) => ['3', '2', '1', '3', '0', 'tb', '2'][(step + i) % 7]);
  await page.waitForSelector('.patuh-result');
  const core = await coreResult(page, 'walk-2022.json');
  assert.equal(await scoreText(page), toId(core.score));
  assert.match(await page.locator('#patuh-zone').first().textContent(), new RegExp(`\\(${core.grade}\\)`));
  assert.equal(await zone(page), `zona ${core.zone}`);
  await context.close();
});

test('keyboard only: one product walked with Tab, Space and Enter; focus lands on each step heading', async () => {
  const { context, page } = await freshPage();
  await page.keyboard.press('Tab'); // skip link first
  assert.equal(await page.evaluate(() => document.activeElement.className), 'patuh-skip');
  await start(page, 'ori-2016');
  const active = () => page.evaluate(() => { const a = document.activeElement; return { id: a.id, type: a.type, value: a.value, checked: a.checked }; });
  let steps = 0;
  for (let presses = 0; presses < 3000; presses++) {
    const a = await active();
    if (a.type === 'radio' && a.value !== 'ada' && !(await page.evaluate(() => document.activeElement.closest('fieldset').querySelector('input[value=ada]').checked))) {
      // Arrow keys move within the radio group; go to "Ada" (the first option).
      await page.keyboard.press('Home');
      await page.keyboard.press('Space');
      continue;
    }
    if (a.type === 'radio' && a.value === 'ada' && !a.checked) { await page.keyboard.press('Space'); continue; }
    if (a.id === 'patuh-next') {
      const label = await page.locator('#patuh-next').textContent();
      await page.keyboard.press('Enter');
      if (/hasil/.test(label)) break;
      await page.waitForFunction(() => document.activeElement?.id === 'patuh-step-h');
      steps++;
      continue;
    }
    await page.keyboard.press('Tab');
  }
  await page.waitForSelector('.patuh-result');
  const ins = instrument('ori-2016');
  assert.equal(steps, ins.sections.length - 1);
  assert.equal(await scoreText(page), '100,00');
  await context.close();
});

test('reload in the middle of a walk loses nothing; photos survive a reload', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2016');
  await answerStep(page, () => 'ada');
  await page.locator('.patuh-section .patuh-more summary').first().click();
  await page.locator('.patuh-section textarea').first().fill('Papan persyaratan di dekat loket 2');
  await page.locator('.patuh-section input[type=file][multiple]').first().setInputFiles([
    { name: 'papan.png', mimeType: 'image/png', buffer: png(2400, 1800) },
    { name: 'loket.png', mimeType: 'image/png', buffer: png(64, 48, [20, 120, 40]) },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('.patuh-section canvas.patuh-thumb').length === 2
    && [...document.querySelectorAll('.patuh-section canvas.patuh-thumb')].every((c) => c.width > 1));
  await page.click('#patuh-next');
  await page.locator('.patuh-section input[type=radio][value="tidak_ada"]').first().check();
  await page.reload(); // no wait for the debounced save: the pagehide flush must keep the last answer
  // The card names the last assessment without claiming it is unfinished (it may be finished).
  assert.equal((await page.locator('#patuh-resume-h').textContent()).trim(), 'Penilaian terakhir');
  await page.click('#patuh-continue');
  await page.waitForSelector('#patuh-step-h');
  const n = count(instrument('ori-2016'));
  const k = instrument('ori-2016').sections[0].indicators.length;
  assert.equal(await scoreText(page), idNum(100 * k, n));
  assert.match(await page.locator('#patuh-status').textContent(), new RegExp(`${n - k - 1} pertanyaan belum dijawab`));
  // "Lanjutkan" returns to the step left (the second); the note and photos are on the first.
  assert.equal(await page.locator('.patuh-step').nth(1).getAttribute('aria-current'), 'step');
  await page.locator('.patuh-step').first().click();
  assert.equal(await page.locator('.patuh-section textarea').first().inputValue(), 'Papan persyaratan di dekat loket 2');
  await page.waitForFunction(() => [...document.querySelectorAll('.patuh-section canvas.patuh-thumb')].filter((c) => c.width > 1).length === 2);
  // The big photo was downscaled to at most 1600 px before it was stored.
  const sizes = await page.evaluate(() => new Promise((res) => {
    const r = indexedDB.open('patuh.v1.photos');
    r.onsuccess = () => { const g = r.result.transaction('photos').objectStore('photos').getAll(); g.onsuccess = async () => res(await Promise.all(g.result.map(async (b) => { const i = await createImageBitmap(b); return [i.width, i.height, b.type]; }))); };
  }));
  assert.deepEqual(sizes.map((s) => Math.max(s[0], s[1])).sort((a, b) => a - b), [64, 1600]);
  assert.ok(sizes.every((s) => s[2] === 'image/jpeg'));
  await page.screenshot({ path: path.join(OUT, 'photos-1280.png') });
  // "Hapus" asks first: "Batal" keeps the photo, "Hapus" in the question removes it.
  const photos = page.locator('.patuh-section .patuh-photos__list').first();
  await photos.getByRole('button', { name: 'Hapus Foto bukti 1' }).click();
  await photos.locator('.patuh-confirm', { hasText: 'tidak dapat dikembalikan' }).waitFor();
  await photos.locator('.patuh-confirm').getByRole('button', { name: 'Batal' }).click();
  assert.equal(await photos.locator('li').count(), 2, 'Batal keeps the photo');
  await photos.getByRole('button', { name: 'Hapus Foto bukti 1' }).click();
  await photos.locator('.patuh-confirm').getByRole('button', { name: 'Hapus', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('.patuh-section .patuh-photos__list li').length === 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('on a phone, "what to fix" leads to the indicator itself, in view and outlined', async () => {
  const { context, page } = await freshPage({ width: 360, height: 740 });
  await start(page, 'ori-2016');
  await answerAll(page, 'tidak_ada');
  await page.waitForSelector('.patuh-result');
  // The last item of the plan lies deep in its step, far below the step's top on a phone.
  const link = page.locator('.patuh-plan li a').last();
  const id = (await link.getAttribute('href')).replace('#patuh-ind-', '');
  await link.click();
  await page.waitForSelector('#patuh-step-h');
  const target = page.locator(`#patuh-ind-${id}`);
  await page.waitForFunction((sel) => document.querySelector(sel)?.hasAttribute('data-target'), `#patuh-ind-${id}`);
  const box = await target.boundingBox();
  assert.ok(box && box.y > -2 && box.y < 740, `the indicator starts in view (y = ${box?.y})`);
  await page.screenshot({ path: path.join(OUT, 'goto-indicator-360.png') });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a save the browser refuses is shown at once and the work stays on screen', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2016');
  await page.evaluate(() => {
    const orig = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) { if (k.startsWith('patuh.')) throw new DOMException('full', 'QuotaExceededError'); return orig.call(this, k, v); };
  });
  await page.locator('.patuh-section input[type=radio][value="ada"]').first().check();
  await page.waitForSelector('.patuh-notice--error');
  assert.match(await page.locator('.patuh-notice--error').textContent(), /Gagal menyimpan/);
  assert.equal(await page.locator('.patuh-section input[type=radio][value="ada"]').first().isChecked(), true);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('.patuh-notice--error button').click()]);
  assert.match(dl.suggestedFilename(), /\.json$/);
  await context.close();
});


test('ori-2025 is shown as provisional everywhere it is used; full marks on the walk give its 53,03 points, provisional until the Output figures and the trust survey are in', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2025');
  assert.match(await page.locator('.patuh-section').textContent(), /Instrumen sementara/);
  await walkAll(page, () => '3');
  await page.waitForSelector('.patuh-result');
  assert.equal(await scoreText(page), '53,03');
  await context.close();
});


await runAndExit(async () => {
  await browser.close();
  await stop(server);
});
