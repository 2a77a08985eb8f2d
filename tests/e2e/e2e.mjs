// End-to-end tests of patuh against the release build in dist/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, stop, launch, axe, test, runAndExit, OUT } from './harness.mjs';
import { freshPage as openApp, start, resume, walkToResult, answerAll, backToFirstStep, waitSaved, scoreText, zone, png } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_PORT ?? 8091);
const URL_ = `http://127.0.0.1:${PORT}/`;
const instrument = (id) => JSON.parse(fs.readFileSync(new URL(`../../src/core/instruments/${id}.json`, import.meta.url), 'utf8'));
const count = (ins) => ins.sections.reduce((n, s) => n + s.indicators.length, 0);
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
  assert.match(await page.locator('#patuh-status').first().textContent(), /Final/);
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

/** Answers each radio group of the current step by `pick(index)` → value. */
async function answerStep(page, pick) {
  const groups = page.locator('.patuh-section fieldset.patuh-ind');
  const n = await groups.count();
  for (let i = 0; i < n; i++) await groups.nth(i).locator(`input[type=radio][value="${pick(i)}"]`).check();
}

const walkAll = (page, pick) => walkToResult(page, (guard) => answerStep(page, (i) => pick(guard, i)), 400);

test('ori-2016: 2 units × 2 products, mixed answers → the result equals the core computation', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2016', { unit: 'Unit Pendaftaran', product: 'KTP-el' });
  await page.click('text=Identitas, unit dan produk');
  await page.fill('#patuh-m-name', 'Siti Aminah');
  await page.fill('#patuh-m-pos', 'Kepala Seksi');
  await page.click('text=+ Tambah produk');
  await page.locator('.patuh-struct__product input').nth(1).fill('Kartu Keluarga');
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


test('downloads: HTML report renders without JavaScript and prints to A4; CSV opens in Excel (BOM, ;) and is neutralised', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2016', { opd: '=HYPERLINK("http://x") <b>Dinas</b>', unit: 'Unit "A"', product: 'KTP-el; KK' });
  await walkAll(page, (step, i) => ['ada', 'tidak_ada', 'ada'][(step + i) % 3]);
  await page.waitForSelector('.patuh-result');
  const shown = await scoreText(page);
  const [dlh] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-dl-html')]);
  assert.match(dlh.suggestedFilename(), /^penilaian-mandiri_hyperlink-http-x-b-dinas-b_\d{4}-\d{2}-\d{2}\.html$/);
  const htmlFile = path.join(OUT, 'report.html');
  await dlh.saveAs(htmlFile);
  const html = fs.readFileSync(htmlFile, 'utf8');
  assert.ok(!html.includes('<b>Dinas</b>'), 'user text is escaped');
  // Open it as an email preview would: scripts off.
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 900, height: 1200 } });
  const rp = await noJs.newPage();
  await rp.goto('file://' + htmlFile);
  const body = await rp.locator('body').innerText();
  assert.ok(body.includes(shown), `report shows the score ${shown}`);
  assert.match(body, /Zona (Merah|Kuning|Hijau)/);
  assert.match(body, /Mengetahui/);
  await rp.screenshot({ path: path.join(OUT, 'report-html.png') });
  await noJs.close();
  const pdfCtx = await browser.newContext();
  const pp = await pdfCtx.newPage();
  await pp.goto('file://' + htmlFile);
  await pp.pdf({ path: path.join(OUT, 'report-printed.pdf'), format: 'A4', printBackground: true });
  await pdfCtx.close();
  const pages = execFileSync('pdfinfo', [path.join(OUT, 'report-printed.pdf')], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1];
  assert.ok(Number(pages) >= 2, `printed report has ${pages} A4 pages`);
  execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '2', '-png', path.join(OUT, 'report-printed.pdf'), path.join(OUT, 'report-printed')]);
  // CSV with ";".
  const [dlc] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-dl-csv')]);
  const csv = fs.readFileSync(await dlc.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'UTF-8 BOM for Excel');
  const header = csv.slice(1).split(/\r?\n/)[0];
  assert.ok(header.split(';').length >= 10, header);
  assert.ok(csv.includes(`'=HYPERLINK`), 'formula neutralised');
  assert.ok(!/(^|;)=HYPERLINK/m.test(csv.replace(/"/g, '')), 'no live formula');
  await context.close();
});


test('pemda recap: 50 files (one broken) → table, pemda score equal to the core, weakest indicators', async () => {
  const dir = path.join(OUT, 'recap-files');
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync('cargo', ['run', '-q', '-p', 'patuh-core', '--example', 'bench', '--', '--write-many', dir, '50']);
  fs.writeFileSync(path.join(dir, 'rusak.json'), '{"format":"patuh-penilaian-mandiri","format_version":1,');
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  assert.equal(files.length, 51);
  // The core's own pemda figure: mean of all units of all files (ori-2022).
  const unitScores = files.filter((f) => !f.endsWith('rusak.json')).flatMap((f) =>
    JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'patuh-core', '--example', 'score', '--', f], { encoding: 'utf8' })).units);
  const hundredths = unitScores.map((s) => Math.round(Number(s) * 100));
  const { context, page } = await freshPage();
  await page.click('#patuh-open-recap');
  const t0 = Date.now();
  await page.setInputFiles('#patuh-recap-files', files);
  await page.waitForSelector('#patuh-pemda-score');
  const took = Date.now() - t0;
  console.log(`     (50 files read and recapped in ${took} ms in the browser)`);
  // One count and one status (docs/SCORING.md §Pemda recap): the screen says it as the files do.
  const count = await page.locator('#patuh-recap-count').textContent();
  assert.equal(count, '51 berkas dipilih, 50 terbaca, 1 tidak dapat dibaca: rusak.json.');
  const status = (await page.locator('#patuh-pemda-status').textContent()).trim();
  assert.match(status, /^Sementara · .*1 berkas tidak dapat dibaca, jadi isinya belum masuk nilai ini\.$/, status);
  const because = status.replace(/^Sementara · /, '');
  const counted = (await page.locator('#patuh-pemda-counted').textContent()).replace(/^.*?\. /, '');
  assert.match(counted, /^Nilai ini rata-rata \d+ unit layanan dari 50 berkas OPD\.$/, counted);
  const flat = (s) => s.replace(/\s+/g, ' ');
  assert.match(await page.locator('#patuh-recap-errors').textContent(), /rusak\.json/);
  assert.equal(await page.locator('#patuh-recap-table tr.patuh-row--unit').count(), 50);
  // Mean of the units' exact scores, rounded once: recompute from the two-decimal unit figures as a
  // check within 0,01 (the core works with exact fractions).
  const mean = hundredths.reduce((a, b) => a + b, 0) / hundredths.length / 100;
  const shown = Number((await page.locator('#patuh-pemda-score').textContent()).replace(',', '.'));
  assert.ok(Math.abs(shown - mean) <= 0.01, `pemda ${shown} vs mean of units ${mean}`);
  const [rh] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-recap-html')]);
  const recapHtml = path.join(OUT, 'recap.html');
  await rh.saveAs(recapHtml);
  const rv = await browser.newContext({ javaScriptEnabled: false });
  const rvp = await rv.newPage();
  await rvp.goto('file://' + recapHtml);
  const htmlText = flat(await rvp.locator('body').innerText());
  await rv.close();
  assert.match(htmlText, /Dinas 49/);
  const [rp] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-recap-pdf')]);
  assert.match(execFileSync('pdftotext', ['-layout', await rp.path(), '-'], { encoding: 'utf8' }), /Dinas 49/);
  const pdfText = flat(execFileSync('pdftotext', [await rp.path(), '-'], { encoding: 'utf8' }));
  for (const [what, text] of [['HTML', htmlText], ['PDF', pdfText]]) {
    assert.ok(text.includes(count), `the ${what} says "${count}"`);
    assert.ok(text.includes(counted), `the ${what} says "${counted}"`);
    assert.ok([' ', ': '].some((sep) => text.includes(`Sementara${sep}${because}`)), `the ${what} is provisional for the same reasons: ${because}`);
    assert.ok(!/berkas terbaca ·|\bFinal\b/.test(text), `the ${what} has no other count or status`);
  }
  const [rc] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-recap-csv')]);
  const rcsv = fs.readFileSync(await rc.path(), 'utf8');
  assert.ok(rcsv.startsWith('\ufeff'));
  // A header, the pemda's row (the score shown above), then one row per unit.
  const lines = rcsv.trim().split(/\r?\n/);
  assert.equal(lines.length - 2, hundredths.length, 'one CSV row per unit after the pemda row');
  assert.ok(lines[1].startsWith(`;Nilai pemerintah daerah;${await page.locator('#patuh-pemda-score').textContent()};`), lines[1]);
  await page.fill('#patuh-recap-filter', 'Dinas 07');
  assert.equal(await page.locator('#patuh-recap-table tr.patuh-row--unit').count(), 1);
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
  await page.screenshot({ path: path.join(OUT, 'recap-1280.png'), fullPage: true });
  await context.close();
});

test('SKM calculator: counts → NRR, IKM with 1/9 and mutu; CSV import; attached to an open assessment', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2016');
  await page.click('#patuh-open-skm');
  // 100 respondents per unsur: 10×1, 20×2, 30×3, 40×4 → NRR 3,000 → IKM 75,00 → C.
  for (let u = 0; u < 9; u++) for (const [v, n] of [[0, 10], [1, 20], [2, 30], [3, 40]]) await page.fill(`#patuh-skm-${u}-${v}`, String(n));
  assert.equal(await page.locator('#patuh-ikm').textContent(), '75,00');
  assert.match(await page.locator('#patuh-mutu').textContent(), /C — Kurang baik/);
  assert.equal(await page.locator('.patuh-nrr').first().textContent(), '3,000');
  const csvFile = path.join(OUT, 'skm.csv');
  fs.writeFileSync(csvFile, 'U1;U2;U3;U4;U5;U6;U7;U8;U9\n' + Array.from({ length: 10 }, () => '4;4;4;4;4;4;4;4;4').join('\n') + '\n');
  await page.setInputFiles('#patuh-skm-csv', csvFile);
  await page.waitForFunction(() => document.querySelector('#patuh-ikm')?.textContent === '100,00');
  assert.match(await page.locator('#patuh-mutu').textContent(), /A — Sangat baik/);
  fs.writeFileSync(csvFile, '4;4;4;4;4;4;4;4;9\n');
  await page.setInputFiles('#patuh-skm-csv', csvFile);
  await page.waitForSelector('.patuh-skm .patuh-error');
  assert.equal(await page.locator('#patuh-ikm').textContent(), '100,00', 'a bad CSV leaves the current figures untouched');
  const [sp] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-skm-pdf')]);
  assert.match(execFileSync('pdftotext', ['-layout', await sp.path(), '-'], { encoding: 'utf8' }), /100,00/);
  const [sh] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-skm-html')]);
  assert.match(fs.readFileSync(await sh.path(), 'utf8'), /100,00/);
  await page.click('#patuh-skm-attach');
  await page.waitForSelector('text=Ditambahkan ke catatan indikator.');
  assert.deepEqual(await axe(page), []);
  await context.close();
});


test('PDF has the report text; JSON, HTML report and evidence bundle (with photo) all reopen; a broken file changes nothing', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2016', { opd: 'Dinas Perpustakaan', unit: 'Layanan Baca', product: 'Kartu Anggota' });
  await page.locator('.patuh-section .patuh-more summary').first().click();
  await page.locator('.patuh-section input[type=file][multiple]').first().setInputFiles([{ name: 'papan.png', mimeType: 'image/png', buffer: png(320, 200, [30, 60, 200]) }]);
  await page.waitForFunction(() => [...document.querySelectorAll('.patuh-section canvas.patuh-thumb')].some((c) => c.width > 1));
  await walkAll(page, (step, i) => ['ada', 'tidak_ada'][(step + i) % 2]);
  await page.waitForSelector('.patuh-result');
  const shown = await scoreText(page);
  const save = async (sel, name) => { const [d] = await Promise.all([page.waitForEvent('download'), page.click(sel)]); const f = path.join(OUT, name); await d.saveAs(f); return f; };
  const pdf = await save('#patuh-dl-pdf', 'report.pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert.ok(text.includes('Dinas Perpustakaan') && text.includes(shown), 'PDF text has the OPD and the score');
  execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', '-png', pdf, path.join(OUT, 'report-pdf')]);
  const json = await save('#patuh-dl-json', 'reopen.json');
  const html = await save('#patuh-dl-html', 'reopen.html');
  const zip = await save('#patuh-dl-zip', 'reopen.zip');
  assert.equal(fs.readFileSync(zip).subarray(0, 2).toString(), 'PK');
  for (const file of [json, html, zip]) {
    const fresh = await browser.newContext();
    const p2 = await fresh.newPage();
    await p2.goto(URL_);
    await p2.waitForSelector('#patuh-open-file', { state: 'attached' });
    await p2.setInputFiles('#patuh-open-file', file);
    await p2.waitForSelector('#patuh-step-h');
    assert.equal(await scoreText(p2), shown, `${path.basename(file)} reopens with the same score`);
    if (file === zip) {
      await p2.waitForFunction(() => [...document.querySelectorAll('.patuh-section canvas.patuh-thumb')].some((c) => c.width > 1));
    }
    await fresh.close();
  }
  // A broken file gets a message in Indonesian; the open assessment stays as it was.
  await page.click('text=Kembali ke penilaian');
  await page.click('text=Identitas, unit dan produk');
  await page.click('text=Tutup penilaian');
  const bad = path.join(OUT, 'not-ours.json');
  fs.writeFileSync(bad, '{"hello": "world"}');
  await page.setInputFiles('#patuh-open-file', bad);
  await page.waitForSelector('.patuh-notice--error');
  assert.match(await page.locator('.patuh-notice--error').textContent(), /bukan berkas penilaian patuh/);
  assert.equal(await page.locator('#patuh-continue').count(), 1, 'the saved assessment is still offered');
  await context.close();
});


test('comparison with an earlier file: per-indicator status and deltas, in the app and in the HTML report', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2016');
  await walkAll(page, () => 'tidak_ada');
  await page.waitForSelector('.patuh-result');
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-dl-json')]);
  const before = path.join(OUT, 'compare-before.json');
  await d.saveAs(before);
  await backToFirstStep(page);
  await answerStep(page, () => 'ada');
  await page.click('#patuh-see-result');
  await page.setInputFiles('#patuh-compare-file', before);
  await page.waitForSelector('#patuh-compare-result');
  const k = instrument('ori-2016').sections[0].indicators.length;
  assert.match(await page.locator('#patuh-compare-counts').textContent(), new RegExp(`${k}`));
  assert.match(await page.locator('#patuh-compare-result').textContent(), /▲/);
  const [h] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-dl-html')]);
  const html = fs.readFileSync(await h.path(), 'utf8');
  assert.match(html, /Perbandingan dengan penilaian sebelumnya/);
  const [p] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-dl-pdf')]);
  assert.match(execFileSync('pdftotext', ['-layout', await p.path(), '-'], { encoding: 'utf8' }), /Perbandingan dengan penilaian/);
  assert.deepEqual(await axe(page), []);
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


test('Ctrl+S downloads the assessment file instead of saving the page', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2022', { opd: 'Dinas Kesehatan' });
  await page.locator('.patuh-section input[type=radio][value="2"]').first().check();
  const [d] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  assert.match(d.suggestedFilename(), /^penilaian-mandiri_dinas-kesehatan_\d{4}-\d{2}-\d{2}\.json$/);
  const snap = JSON.parse(fs.readFileSync(await d.path(), 'utf8'));
  assert.equal(snap.format, 'patuh-penilaian-mandiri');
  assert.equal(snap.assessment.opd, 'Dinas Kesehatan');
  await context.close();
});

await runAndExit(async () => {
  await browser.close();
  await stop(server);
});
