// End-to-end tests of the 2025 opinion (docs/SCORING.md §Opinion) against the release build in
// dist/: a full walk of one unit with the Output figures, trust tallies (typed and from a CSV) and
// the follow-up register ends on a result whose words equal the HTML, PDF and CSV; an old ori-2025
// file opens migrated; axe-core finds nothing on the new screens; keyboard and 360 px.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, stop, launch, axe, test, runAndExit, OUT } from './harness.mjs';
import { freshPage as openApp, start, answerAll, scoreText, waitSaved } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_PORT ?? 8094);
const URL_ = `http://127.0.0.1:${PORT}/`;
const INS = JSON.parse(fs.readFileSync(new URL('../../src/core/instruments/ori-2025.json', import.meta.url), 'utf8'));
const OLD = fileURLToPathSafe(new URL('../../src/core/tests/fixtures/format-v1-ori-2025-v1.json', import.meta.url));
const SHOTS = path.resolve('target/screens');
fs.mkdirSync(OUT, { recursive: true });
fs.mkdirSync(SHOTS, { recursive: true });

function fileURLToPathSafe(u) { return decodeURIComponent(u.pathname); }

const server = await serve(DIST, PORT);
const browser = await launch();
const freshPage = (viewport) => openApp(browser, URL_, { viewport });

/** Nothing wider than the screen. */
async function fits(page, width) {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= width, `page is ${w}px wide at ${width}px`);
}

async function save(page, sel, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(sel)]);
  const to = path.join(OUT, name);
  await d.saveAs(to);
  return to;
}

test('a new assessment starts on the current round; each instrument says what it is for', async () => {
  const { context, page } = await freshPage();
  assert.equal(await page.locator('#patuh-ins-ori-2025').isChecked(), true, 'the default is the current round');
  // The rounds are the choices, the current one first; the chosen instrument is named and
  // explained under them.
  const years = await page.locator('.patuh-choice').allInnerTexts();
  assert.deepEqual(years.map((t) => t.split('\n')[0].trim()), ['2025–2026', '2022–2024', '2016–2021']);
  const hint = () => page.locator('#patuh-ins-hint').textContent();
  assert.match(await hint(), /Opini Ombudsman.*penilaian yang berjalan sekarang.*Instrumen sementara/);
  await page.check('#patuh-ins-ori-2016');
  assert.match(await hint(), /Standar Pelayanan Publik.*membandingkan dengan hasil lama/);
  assert.doesNotMatch(await hint(), /sementara/);
  await context.close();
});

test('full walk of one unit: figures, trust tallies and CSV, register → the opinion words equal the HTML, PDF and CSV', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2025', { opd: 'Dinas Sosial', unit: 'Bidang Rehabilitasi', product: 'Rekomendasi PBI' });
  // The walk ends on the opinion data screen.
  const steps = [];
  for (let guard = 0; guard < 20; guard++) {
    const radios = page.locator('.patuh-section input[type=radio][value="3"]');
    const n = await radios.count();
    for (let i = 0; i < n; i++) await radios.nth(i).check();
    const next = page.locator('#patuh-next');
    const label = await next.textContent();
    steps.push(label);
    await next.click();
    if (/data Opini/.test(label)) break;
  }
  await page.waitForSelector('#patuh-opinion-h');
  assert.deepEqual(await axe(page), [], 'axe on the opinion screen (empty)');
  // The walk's ways out at the top, and links to each part; a part's heading takes the focus.
  const top = (sel) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().top + scrollY);
  assert.ok(await top('#patuh-opinion-back') < await top('#patuh-opinion-h'), '"Kembali ke penilaian" above the title');
  assert.equal(await page.locator('#patuh-opinion-top-result').textContent(), 'Lihat hasil');
  assert.deepEqual(await page.locator('#patuh-opinion-jumps a').allTextContents(), ['Output', 'Kepercayaan masyarakat', 'Tindak lanjut', 'Bukti', 'Wawancara']);
  await page.click('#patuh-opinion-jumps >> text=Tindak lanjut');
  await page.waitForFunction(() => document.activeElement?.id === 'patuh-register-h');
  // No Ombudsman product for this body: the words say so, not "every product acted on".
  await page.check('#patuh-no-followups');
  await page.waitForFunction(() => /^Tidak ada produk Ombudsman untuk instansi ini: sebutan/.test(document.querySelector('#patuh-qualifier')?.textContent ?? ''));
  await page.uncheck('#patuh-no-followups');
  assert.match(await page.locator('#patuh-prepare-count').textContent(), /^0 dari \d+ bukti siap$/);
  // Output: three figures typed, the national-priority figure does not apply.
  for (const f of ['ipm', 'spm', 'ikm']) {
    await page.fill(`#patuh-out-u1-${f}`, '80');
    await page.locator(`#patuh-out-u1-${f}`).dispatchEvent('change');
    await page.fill(`#patuh-out-u1-${f}-src`, 'BPS');
    await page.locator(`#patuh-out-u1-${f}-src`).dispatchEvent('change');
  }
  await page.check('#patuh-out-u1-pn-na');
  // A figure typed with a decimal comma stays written the Indonesian way.
  await page.fill('#patuh-out-u1-ikm', '80,25');
  await page.locator('#patuh-out-u1-ikm').dispatchEvent('change');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.inputValue('#patuh-out-u1-ikm'), '80,25', 'after the app rendered the stored figure');
  assert.equal(await page.locator('#patuh-out-u1-ikm').getAttribute('aria-invalid'), 'false');
  // A figure that is not 0–100 is called invalid on the result, not "not filled in".
  await page.fill('#patuh-out-u1-ikm', '825');
  await page.locator('#patuh-out-u1-ikm').dispatchEvent('change');
  await page.click('#patuh-opinion-top-result');
  await page.waitForSelector('.patuh-result');
  assert.match(await page.locator('#patuh-status').first().textContent(), /1 isian Data Opini tidak valid/);
  await page.click('#patuh-edit-opinion');
  await page.waitForSelector('#patuh-opinion-h');
  await page.fill('#patuh-out-u1-ikm', '80');
  await page.locator('#patuh-out-u1-ikm').dispatchEvent('change');
  // Trust: 18 respondents typed, all "Sangat percaya" (kept on every keystroke, no blur needed) …
  const q = INS.opinion.trust.questions;
  for (let i = 0; i < q.length; i++) await page.fill(`#patuh-tr-u1-p2-${i}-3`, '18');
  await page.waitForFunction(() => /18 dari 30 responden/.test(document.querySelector('.patuh-trust__progress')?.textContent ?? ''));
  assert.equal(await page.locator('#patuh-trust-uneven-u1-p2').count(), 0, 'the totals are current while the last box has the focus');
  // … and 12 more from a CSV file (one row per respondent, 1–4); the import says what it added.
  const csvIn = path.join(OUT, 'trust.csv');
  fs.writeFileSync(csvIn, 'P1;P2;P3;P4;P5\n' + '4;4;4;4;4\n'.repeat(12));
  await page.setInputFiles('#patuh-tr-csv-u1-p2', csvIn);
  await page.waitForFunction(() => /30 dari 30 responden/.test(document.querySelector('.patuh-trust__progress')?.textContent ?? ''));
  assert.equal(await page.locator('#patuh-tr-msg-u1-p2').textContent(), '12 responden ditambahkan dari trust.csv; sekarang 30 dari 30 responden.');
  // The same file again right after: asked first (the safe answer focused); cancelled, nothing added.
  await page.setInputFiles('#patuh-tr-csv-u1-p2', csvIn);
  await page.waitForSelector('#patuh-tr-again-cancel-u1-p2');
  assert.match(await page.locator('#patuh-tr-again-u1-p2').textContent(), /Jawaban yang sama \(trust\.csv, 12 responden\) baru saja ditambahkan/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'patuh-tr-again-cancel-u1-p2');
  assert.deepEqual(await axe(page), [], 'axe with the repeat question');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('#patuh-trust-u1-p2 .patuh-trust__csv').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'trust-import-again-360.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.keyboard.press('Enter');
  assert.match(await page.locator('#patuh-tr-msg-u1-p2').textContent(), /trust\.csv tidak diimpor; isian tidak berubah/);
  assert.match(await page.locator('.patuh-trust__progress').textContent(), /30 dari 30 responden/);
  // A CSV with a bad cell is refused with its row, column and value (the SKM importer's words).
  const bad = path.join(OUT, 'trust-bad.csv');
  fs.writeFileSync(bad, '4;4;4;4;9\n');
  await page.setInputFiles('#patuh-tr-csv-u1-p2', bad);
  await page.waitForSelector('.patuh-trust .patuh-error');
  assert.equal(await page.locator('#patuh-tr-msg-u1-p2').textContent(), 'trust-bad.csv tidak diimpor. Baris 1, kolom 5: “9” bukan nilai 1–4. Tidak ada jawaban yang ditambahkan.');
  assert.match(await page.locator('.patuh-trust__progress').textContent(), /30 dari 30 responden/);
  // The CSV picker is the styled button every file input has, in the page's language (no raw
  // "Choose File / No file chosen"), its format said under it.
  const picker = page.locator('label[for="patuh-tr-csv-u1-p2"]');
  assert.match(await picker.getAttribute('class'), /patuh-btn patuh-file/);
  assert.equal((await picker.innerText()).trim(), 'Tambah jawaban dari berkas CSV…');
  assert.match(await page.locator('#patuh-tr-csv-u1-p2').getAttribute('class'), /patuh-sr/);
  assert.match(await page.locator('#patuh-tr-csv-u1-p2-hint').innerText(), /Satu baris per responden/);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('#patuh-trust-u1-p2').scrollIntoViewIfNeeded();
  await page.locator('#patuh-trust-u1-p2').screenshot({ path: path.join(SHOTS, 'trust-import-360.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  // Register: one product added with the keyboard, in progress.
  await page.focus('#patuh-add-followup');
  await page.keyboard.press('Enter');
  const fu = page.locator('.patuh-followup').first();
  await fu.waitFor();
  const id = (await fu.getAttribute('id')).replace('patuh-fu-', '');
  await page.fill(`#patuh-fu-${id}-no`, '0123/LAHP/2025');
  await page.locator(`#patuh-fu-${id}-no`).dispatchEvent('change');
  await page.fill(`#patuh-fu-${id}-asks`, 'Memperbaiki maklumat pelayanan');
  await page.locator(`#patuh-fu-${id}-asks`).dispatchEvent('change');
  await page.fill(`#patuh-fu-${id}-deadline`, '2026-03-31');
  await page.locator(`#patuh-fu-${id}-deadline`).dispatchEvent('change');
  // The browser shows a date field in its own language's order (mm/dd/yyyy in an English one):
  // the date entered is also written out under it.
  await page.waitForSelector(`#patuh-fu-${id}-deadline-said`);
  assert.equal(await page.locator(`#patuh-fu-${id}-deadline-said`).innerText(), 'Tanggal terisi: 31 Maret 2026');
  assert.equal(await page.getAttribute(`#patuh-fu-${id}-deadline`, 'aria-describedby'), `patuh-fu-${id}-deadline-said`);
  await page.selectOption(`#patuh-fu-${id}-status`, '1');
  await page.waitForFunction(() => /belum selesai ditindaklanjuti/.test(document.querySelector('#patuh-qualifier')?.textContent ?? ''));
  assert.deepEqual(await axe(page), [], 'axe on the filled opinion screen');
  await page.screenshot({ path: path.join(SHOTS, 'opinion-1280.png'), fullPage: true });
  // A reload: "Lanjutkan" returns to this screen, where the user left off, with everything typed.
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('#patuh-continue');
  await page.click('#patuh-continue');
  await page.waitForSelector('#patuh-opinion-h');
  assert.equal(await page.inputValue(`#patuh-fu-${id}-no`), '0123/LAHP/2025');
  // The result: 53,03 + 16,97 × 0,80 + 30 = 96,61 → Kualitas Tertinggi, not yet Tanpa Maladministrasi.
  await page.click('#patuh-opinion-result');
  await page.waitForSelector('.patuh-result');
  assert.equal(await scoreText(page), '96,61');
  assert.equal(await page.locator('#patuh-opinion').first().textContent(), 'Kualitas Tertinggi');
  assert.equal(await page.locator('#patuh-zone').count(), 0, 'no zone is the headline');
  assert.equal(await page.locator('.patuh-result .patuh-zone').count(), 0, 'no zone badge on the result at all');
  assert.match(await page.locator('#patuh-opinion-card').textContent(), /0123\/LAHP\/2025/);
  assert.deepEqual(await axe(page), [], 'axe on the result');
  // Done → Tanpa Maladministrasi; the score does not change.
  await page.click('#patuh-edit-opinion');
  await page.selectOption(`#patuh-fu-${id}-status`, '2');
  await page.click('#patuh-opinion-result');
  await page.waitForSelector('.patuh-result');
  assert.equal(await scoreText(page), '96,61');
  const words = await page.locator('#patuh-opinion').first().textContent();
  assert.equal(words, 'Kualitas Tertinggi Tanpa Maladministrasi');
  const html = fs.readFileSync(await save(page, '#patuh-dl-html', 'opinion.html'), 'utf8');
  assert.ok(html.includes(`<strong>${words}</strong>`), 'HTML has the words');
  // Nothing ticked on the preparation lists: the readiness section says so in one sentence.
  assert.match(html, /<p id="readiness-none">Belum ada bukti atau kesiapan wawancara yang dicentang siap di patuh \(0 dari \d+ bukti siap; 0 dari 19 pertanyaan wawancara siap\)\.<\/p>/);
  const pdf = execFileSync('pdftotext', [await save(page, '#patuh-dl-pdf', 'opinion.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.ok(pdf.includes(words), 'PDF has the words');
  const csv = fs.readFileSync(await save(page, '#patuh-dl-csv', 'opinion.csv'), 'utf8');
  assert.ok(csv.includes(`;${words}`), 'CSV has the words');
  assert.ok(csv.includes('30 dari 30 responden'), 'CSV has the trust progress');
  // The trust survey in the CSV: the screen's and the HTML's words, and the respondents against
  // the target as two numbers a spreadsheet can sum (docs/FORMAT.md §CSV export) — never "0/1".
  const rows = csv.replace(/^\uFEFF/, '').split('\r\n').map((l) => l.split(';'));
  const at = (name) => rows[0].indexOf(name);
  const trustRows = rows.filter((r) => r[at('Bagian')] === INS.opinion.trust.title.id);
  const cells = (r) => [r[at('Unit layanan')], r[at('Jawaban')], r[at('Dijawab')], r[at('Jumlah indikator')]];
  assert.deepEqual(trustRows.map(cells), [
    ['', '30/30 responden', '30', '30'],
    ['Bidang Rehabilitasi', '30/30 responden', '30', '30'],
  ], 'CSV: the OPD and the unit trust rows');
  assert.ok(html.includes('30/30 responden'), 'HTML has the same words');
  const product = rows.find((r) => r[at('Jenis baris')] === 'Opini' && r[at('Jawaban')] === '30 dari 30 responden');
  assert.deepEqual([product[at('Dijawab')], product[at('Jumlah indikator')]], ['30', '30'], 'CSV: the product survey row');
  await context.close();
});

test('evidence checklist and interview self-check: ticks count here, in the list to prepare and in the report\'s readiness section', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2025');
  const list = page.locator('.patuh-evidence').first();
  await list.locator('summary').click();
  assert.match(await list.locator('summary').textContent(), /0 dari 7 bukti siap/);
  await list.locator('input[type=checkbox]').first().check();
  await page.waitForFunction(() => /1 dari 7 bukti siap/.test(document.querySelector('.patuh-evidence summary')?.textContent ?? ''));
  assert.deepEqual(await axe(page), [], 'axe on the walk with the checklist open');
  await page.click('#patuh-open-opinion');
  await page.waitForSelector('#patuh-prepare-count');
  assert.match(await page.locator('#patuh-prepare-count').textContent(), /^1 dari \d+ bukti siap$/);
  // The interview self-check: two questions of the front-line officer.
  await page.check('#patuh-iv-u1-petugas-komponen');
  await page.check('#patuh-iv-u1-petugas-rentan');
  await page.waitForFunction(() => /^2 dari 19 pertanyaan wawancara siap$/.test(document.querySelector('#patuh-interview-count')?.textContent ?? ''));
  const evidence = (await page.locator('#patuh-prepare-count').textContent()).trim();
  const interview = (await page.locator('#patuh-interview-count').textContent()).trim();
  const person = [...(await page.locator('.patuh-interview__role h4').allTextContents())].find((h) => /Petugas/.test(h)).split(' · ')[1].trim();
  assert.equal(person, '2 dari 5 siap');
  // The report's readiness section carries the screen's counts: HTML, PDF and CSV.
  await page.click('#patuh-opinion-result');
  await page.waitForSelector('#patuh-dl-html');
  const htmlFile = await save(page, '#patuh-dl-html', 'readiness.html');
  const html = fs.readFileSync(htmlFile, 'utf8');
  assert.ok(html.includes(`<p id="readiness-evidence"><strong>${evidence}</strong></p>`), 'HTML evidence count');
  assert.ok(html.includes(`<p id="readiness-interview"><strong>${interview}</strong></p>`), 'HTML interview count');
  assert.ok(html.includes(`>${person}</td>`), 'HTML: the officer\'s count');
  assert.match(html, /Kesiapan menghadapi penilaian/);
  const pdf = execFileSync('pdftotext', [await save(page, '#patuh-dl-pdf', 'readiness.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const part = pdf.slice(pdf.indexOf('Kesiapan menghadapi penilaian'));
  assert.ok(part.includes(evidence) && part.includes(interview) && part.includes(person), 'PDF counts');
  const csv = fs.readFileSync(await save(page, '#patuh-dl-csv', 'readiness.csv'), 'utf8').split('\r\n').filter((l) => l.startsWith('Kesiapan;'));
  assert.ok(csv.some((l) => l.includes(`;Bukti yang perlu disiapkan;${evidence};`)), 'CSV evidence count');
  assert.ok(csv.some((l) => l.includes(`;Persiapan wawancara;${interview};`)), 'CSV interview count');
  // On a phone the section's tables become stacked rows: nothing wider than 320 or 360 px.
  for (const w of [320, 360]) {
    const rc = await browser.newContext({ viewport: { width: w, height: 800 }, bypassCSP: true });
    const rp = await rc.newPage();
    await rp.goto('file://' + htmlFile);
    await fits(rp, w);
    assert.equal(await rp.locator('#readiness tbody tr').first().evaluate((tr) => getComputedStyle(tr).display), 'block');
    await rp.locator('#readiness').screenshot({ path: path.join(SHOTS, `report-readiness-${w}.png`) });
    if (w === 360) assert.deepEqual(await axe(rp), [], 'axe on the report with its readiness section');
    await rc.close();
  }
  await context.close();
});

test('interview preparation: a self-check per person, the practice sheet and the trust questionnaire as PDFs', async () => {
  const { context, page } = await freshPage();
  await start(page, 'ori-2025', { unit: 'Bidang Rehabilitasi', product: 'Rekomendasi PBI' });
  await page.click('#patuh-open-opinion');
  await page.waitForSelector('#patuh-interview-h');
  await page.check('#patuh-iv-u1-petugas-komponen');
  await page.waitForFunction(() => [...document.querySelectorAll('.patuh-interview__role h4')].some((h) => /1 dari 5 siap/.test(h.textContent)));
  const sheet = execFileSync('pdftotext', [await save(page, '#patuh-iv-print-u1', 'interview.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(sheet, /Petugas pelayanan/);
  assert.match(sheet, /paling sedikit 10 dari 14/);
  const form = execFileSync('pdftotext', [await save(page, '#patuh-tr-print-u1-p2', 'questionnaire.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(form, /Rekomendasi PBI/);
  assert.match(form, /Sangat percaya/);
  assert.deepEqual(await axe(page), [], 'axe with the interview section');
  await context.close();
});

test('an old ori-2025 file opens migrated: answers kept, the rest set aside, nothing lost', async () => {
  const { context, page } = await freshPage();
  await page.waitForSelector('#patuh-open-file', { state: 'attached' });
  await page.setInputFiles('#patuh-open-file', OLD);
  await page.waitForSelector('#patuh-step-h');
  assert.match(await page.locator('.patuh-section').textContent(), /Instrumen sementara/);
  const [d] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const json = JSON.parse(fs.readFileSync(await d.path(), 'utf8'));
  assert.equal(json.assessment.instrument_version, '2');
  assert.equal(json.assessment.units[0].products[0].answers['pr-persyaratan'].answer, '3');
  assert.ok(json.assessment.earlier.some((e) => e.indicator === 'out-penundaan' && e.entry.note === 'Dua berkas terlambat bulan lalu'));
  await context.close();
});

test('a trust count typed is kept across a reload without leaving the box; a refused entry keeps its text and is never read as 0', async () => {
  const { context, page } = await freshPage({ width: 360, height: 740 });
  await start(page, 'ori-2025', { unit: 'Bidang Rehabilitasi', product: 'Rekomendasi PBI' });
  await page.click('#patuh-open-opinion');
  await page.waitForSelector('#patuh-tr-u1-p2-0-2');
  // Typed key by key over the 0 shown, as a thumb does.
  await page.click('#patuh-tr-u1-p2-0-2');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('12');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'patuh-tr-u1-p2-0-2', 'still in the box');
  await page.waitForFunction(() => /12 dari 30 responden/.test(document.querySelector('.patuh-trust__progress')?.textContent ?? ''));
  // Stored without leaving the box (the phone may close the tab at any moment).
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('patuh.v1.assessment.'))
    .some((k) => Object.values(JSON.parse(localStorage.getItem(k)).assessment.units[0].products[0].trust ?? {}).some((c) => c[2] === 12)));
  await page.reload();
  await page.click('#patuh-continue');
  await page.waitForSelector('#patuh-step-h, #patuh-opinion-h');
  if (await page.locator('#patuh-opinion-h').count() === 0) await page.click('#patuh-open-opinion');
  await page.waitForSelector('#patuh-tr-u1-p2-0-2');
  assert.equal(await page.inputValue('#patuh-tr-u1-p2-0-2'), '12', 'kept after the reload');
  // A refused entry: the box keeps it, the message says why, the tally in use stays 12.
  await page.fill('#patuh-tr-u1-p2-0-2', '1,5');
  assert.equal(await page.inputValue('#patuh-tr-u1-p2-0-2'), '1,5');
  assert.match(await page.locator('#patuh-tr-u1-p2-0-2-error').textContent(), /bukan jumlah responden.*Angka sebelumnya \(12\) tetap dipakai\./);
  assert.equal(await page.getAttribute('#patuh-tr-u1-p2-0-2', 'aria-invalid'), 'true');
  assert.match(await page.locator('.patuh-trust__progress').textContent(), /12 dari 30 responden/);
  assert.deepEqual(await axe(page), [], 'axe with a refused trust box');
  await page.locator('#patuh-trust-u1-p2').screenshot({ path: path.join(SHOTS, 'trust-refused-360.png') });
  await context.close();
});

test('360 px: the opinion screen and the result fit; nothing wider than the screen', async () => {
  const { context, page } = await freshPage({ width: 360, height: 780 });
  await start(page, 'ori-2025');
  await page.click('#patuh-open-opinion');
  await page.waitForSelector('#patuh-opinion-h');
  await page.click('#patuh-add-followup');
  await fits(page, 360);
  // Every figure's title (two lines on a phone) starts inside its box: no border runs through it.
  const inside = await page.locator('.patuh-figure').evaluateAll((fs) => fs.map((f) => f.querySelector('legend').getBoundingClientRect().top - f.getBoundingClientRect().top));
  assert.ok(inside.length > 0 && inside.every((d) => d >= 1), `figure titles below their box's top: ${inside}`);
  await page.screenshot({ path: path.join(SHOTS, 'opinion-360.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);
  await page.click('#patuh-opinion-result');
  await page.waitForSelector('.patuh-result');
  // The status line and the completeness list count the same places (figures and surveys too).
  // The same words too, naming the opinion-data entries for what they are.
  const status = (await page.locator('#patuh-status').first().textContent()).split(' — ')[1].trim();
  const listed = (await page.locator('[aria-labelledby="patuh-complete-h"] summary').first().textContent()).trim();
  assert.equal(listed, status);
  assert.match(status, /^\d+ pertanyaan belum dijawab dan \d+ isian Data Opini belum diisi$/);
  await fits(page, 360);
  await page.screenshot({ path: path.join(SHOTS, 'opinion-result-360.png'), fullPage: true });
  await context.close();
});

await runAndExit(async () => {
  await browser.close();
  await stop(server);
});
