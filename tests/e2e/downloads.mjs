// End-to-end tests of patuh's downloads and tools against the release build in dist/: the HTML
// report without JavaScript and printed to A4, the CSV for Excel, the PDF, reopening the JSON, HTML
// and ZIP files, the comparison with an earlier file, Ctrl+S, the pemda recap of 50 files and the
// SKM calculator (counts, refused counts, small samples, its documents). The walk itself: e2e.mjs.
// Usage: node tests/e2e/downloads.mjs dist   (E2E_PORT, default 8095)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, stop, launch, axe, test, runAndExit, OUT } from './harness.mjs';
import { freshPage as openApp, start, answerStep, answerAll, walkAll, backToFirstStep, scoreText, png, instrument } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_PORT ?? 8095);
const URL_ = `http://127.0.0.1:${PORT}/`;

const server = await serve(DIST, PORT);
const browser = await launch();

const freshPage = (viewport) => openApp(browser, URL_, { viewport });

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
  // Each OPD says which file it comes from, as in the HTML and PDF (one view-model).
  assert.match(await page.locator('#patuh-recap-table tr.patuh-row--unit').textContent(), /penilaian-06\.json/);
  assert.match(htmlText, /Dinas 07 penilaian-06\.json/);
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
  // Counts are typed: the import asks first, saying how many each way, its first answer focused.
  await page.setInputFiles('#patuh-skm-csv', csvFile);
  await page.waitForSelector('#patuh-skm-import-choice');
  assert.equal(await page.locator('#patuh-skm-import-q').textContent(), 'Kalkulator ini sudah berisi 100 responden. Berkas skm.csv berisi 10 responden. Tambahkan jawaban berkas ke isian, atau ganti isian dengan berkas?');
  assert.equal(await page.locator('#patuh-skm-import-add').textContent(), 'Tambahkan ke isian (jumlah 110 responden)');
  assert.equal(await page.locator('#patuh-skm-import-replace').textContent(), 'Ganti isian dengan berkas (jumlah 10 responden)');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'patuh-skm-import-add');
  assert.equal(await page.locator('#patuh-ikm').textContent(), '75,00', 'nothing changes before the choice');
  assert.deepEqual(await axe(page), [], 'axe with the import question');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('#patuh-skm-import-choice').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join('target/screens', 'skm-import-question-360.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.keyboard.press('Enter');
  // 110 respondents: Σ 340 per unsur → NRR 3,091 → IKM 77,27 (B).
  await page.waitForFunction(() => document.querySelector('#patuh-ikm')?.textContent === '77,27');
  assert.equal(await page.locator('#patuh-skm-import-msg').textContent(), '10 responden dari skm.csv ditambahkan; jumlah 110.');
  // Again, replacing with the keyboard this time; cancel is the third answer.
  await page.setInputFiles('#patuh-skm-csv', csvFile);
  await page.waitForSelector('#patuh-skm-import-choice');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'patuh-skm-import-replace');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#patuh-ikm')?.textContent === '100,00');
  assert.equal(await page.locator('#patuh-skm-import-msg').textContent(), '10 responden dari skm.csv menggantikan 110 responden sebelumnya; jumlah 10.');
  assert.match(await page.locator('#patuh-mutu').textContent(), /A — Sangat baik/);
  await page.setInputFiles('#patuh-skm-csv', csvFile);
  await page.click('#patuh-skm-import-cancel');
  assert.equal(await page.locator('#patuh-skm-import-msg').textContent(), 'skm.csv tidak diimpor; isian tidak berubah.');
  assert.equal(await page.locator('#patuh-ikm').textContent(), '100,00');
  fs.writeFileSync(csvFile, '4;4;4;4;4;4;4;4;9\n');
  await page.setInputFiles('#patuh-skm-csv', csvFile);
  await page.waitForSelector('.patuh-skm .patuh-error');
  assert.equal(await page.locator('#patuh-ikm').textContent(), '100,00', 'a bad CSV leaves the current figures untouched');
  // Whose result it is: prefilled from the open assessment, the period typed; the three files
  // name them in their header and in their file name.
  assert.equal(await page.inputValue('#patuh-skm-unit'), 'Bidang Pelayanan');
  assert.equal(await page.inputValue('#patuh-skm-opd'), 'Dinas Kependudukan dan Pencatatan Sipil');
  await page.fill('#patuh-skm-period', 'Januari–Juni 2026');
  const name = /^penilaian-mandiri_skm-ikm-bidang-pelayanan-januari-juni-2026(-[a-z-]+)?_\d{4}-\d{2}-\d{2}\./;
  const [sp] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-skm-pdf')]);
  assert.match(sp.suggestedFilename(), name);
  const pdfText = execFileSync('pdftotext', ['-layout', await sp.path(), '-'], { encoding: 'utf8' });
  assert.match(pdfText, /100,00/);
  for (const re of [/Unit layanan\s+Bidang Pelayanan/, /Perangkat daerah \(OPD\)\s+Dinas Kependudukan dan Pencatatan Sipil/, /Periode survei\s+Januari–Juni 2026/]) assert.match(pdfText, re);
  const [sh] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-skm-html')]);
  assert.match(sh.suggestedFilename(), name);
  const skmHtml = fs.readFileSync(await sh.path(), 'utf8');
  assert.match(skmHtml, /100,00/);
  assert.ok(skmHtml.includes('Januari–Juni 2026') && skmHtml.includes('Bidang Pelayanan'));
  const [sc] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-skm-dl-csv')]);
  assert.match(sc.suggestedFilename(), name);
  assert.match(fs.readFileSync(await sc.path(), 'utf8'), /Periode survei;Januari–Juni 2026/);
  await page.click('#patuh-skm-attach');
  await page.waitForSelector('text=Ditambahkan ke catatan indikator.');
  assert.deepEqual(await axe(page), []);
  await context.close();
});


test('SKM calculator: a negative or non-numeric count is refused next to its box and the previous count kept; a small sample is said on screen and in the HTML, PDF and CSV', async () => {
  const { context, page } = await freshPage();
  await page.click('#patuh-open-skm');
  await page.waitForSelector('.patuh-skm__grid');
  // 3 respondents, every one answering 4.
  for (let u = 0; u < 9; u++) await page.fill(`#patuh-skm-${u}-3`, '3');
  assert.equal(await page.locator('#patuh-ikm').textContent(), '100,00');
  const sample = await page.locator('#patuh-skm-sample').textContent();
  assert.match(sample, /^Sampel kecil: baru 3 responden\. Permenpan RB 14\/2017 menetapkan jumlah responden minimal menurut jumlah populasi/);
  assert.doesNotMatch(sample, /minimal \d|150/, 'no figure is given as the regulation\'s minimum');
  // Refused, with what was typed kept in the box and the message under it; the tally stays 3.
  for (const [typed, why] of [['-5', /tidak mungkin negatif/], ['abc', /bukan jumlah responden/], ['3,5', /bilangan bulat/], ['', /kosong/]]) {
    await page.fill('#patuh-skm-0-3', typed);
    const message = await page.locator('#patuh-skm-0-3-error').textContent();
    assert.match(message, why, `${typed}: ${message}`);
    assert.match(message, /Angka sebelumnya \(3\) tetap dipakai\.$/, message);
    assert.equal(await page.inputValue('#patuh-skm-0-3'), typed, 'the box keeps what was typed');
    assert.equal(await page.getAttribute('#patuh-skm-0-3', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#patuh-skm-0-3', 'aria-describedby'), 'patuh-skm-0-3-error');
    assert.equal(await page.locator('#patuh-ikm').textContent(), '100,00', `${typed} is not read as 0`);
  }
  assert.deepEqual(await axe(page), [], 'axe with a refused box and the small-sample warning');
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'every id once (the CSV import and the CSV download differ)');
  await page.fill('#patuh-skm-0-3', '3');
  assert.equal(await page.locator('#patuh-skm-0-3-error').count(), 0, 'corrected: the message goes');
  assert.equal(await page.getAttribute('#patuh-skm-0-3', 'aria-invalid'), null);
  // The three documents say what the screen says.
  const said = (t) => t.replace(/\s+/g, ' ');
  const file = async (sel) => { const [d] = await Promise.all([page.waitForEvent('download'), page.click(sel)]); return d.path(); };
  assert.ok(said(fs.readFileSync(await file('#patuh-skm-html'), 'utf8')).includes(sample), 'the HTML warns');
  assert.ok(said(execFileSync('pdftotext', [await file('#patuh-skm-pdf'), '-'], { encoding: 'utf8' })).includes(sample), 'the PDF warns');
  assert.ok(fs.readFileSync(await file('#patuh-skm-dl-csv'), 'utf8').includes(sample), 'the CSV warns');
  // 30 respondents: no warning.
  for (let u = 0; u < 9; u++) await page.fill(`#patuh-skm-${u}-3`, '30');
  assert.equal(await page.locator('#patuh-skm-sample').count(), 0);
  assert.deepEqual(page.errors, []);
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
    } else {
      // The JSON and the HTML report name the photo but do not carry it: the box says where it is.
      await p2.waitForSelector('.patuh-section .patuh-thumb__note', { state: 'attached' });
      assert.match(await p2.locator('.patuh-thumb__note').first().textContent(), /bundel bukti \(ZIP\)/);
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

/** The interface language the frame declares (`lang` on patuh's root). */
const uiLang = (page) => page.locator('#patuh-app').getAttribute('lang');

/** Downloads the CSV from the result screen; resolves to its text. */
async function csvDownload(page) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-dl-csv')]);
  return fs.readFileSync(await d.path(), 'utf8');
}

test('CSV download leaves the interface language alone: two clicks and a reload stay Indonesian', async () => {
  const { context, page } = await freshPage({ width: 360, height: 740 });
  await start(page, 'ori-2022');
  await answerAll(page, '3');
  await page.waitForSelector('#patuh-dl-csv');
  assert.equal(await uiLang(page), 'id');
  for (const click of [1, 2]) {
    const csv = await csvDownload(page);
    const header = csv.slice(1).split(/\r?\n/)[0];
    assert.match(header, /^Jenis baris;OPD;Unit layanan;Produk layanan/, `CSV ${click} is in Indonesian: ${header}`);
    assert.equal(await uiLang(page), 'id', `interface still Indonesian after CSV click ${click}`);
    assert.match(await page.locator('#patuh-dl-csv').textContent(), /Unduh/);
  }
  await page.reload();
  await page.waitForSelector('#patuh-start');
  assert.equal(await uiLang(page), 'id', 'interface Indonesian after a reload');
  assert.equal(await page.evaluate(() => localStorage.getItem('patuh.v1.lang') ?? 'id'), 'id');
  assert.deepEqual(page.errors, []);
  await context.close();
});

await runAndExit(async () => {
  await browser.close();
  await stop(server);
});
