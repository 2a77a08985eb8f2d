// End-to-end tests of opening files (docs/FORMAT.md §What opening a file checks): through the
// start screen's "Buka berkas penilaian", the comparison and the pemda recap, against the release
// build in dist/:
//   - a bundle re-zipped with deflate by Info-ZIP `zip` and by Python's `zipfile` (as an operating
//     system or a phone's file manager does) opens, files and folder alike;
//   - the HTML report of a file whose notes are full of `<` reopens;
//   - every refusal is a sentence in the user's language, Indonesian and English, never debug text:
//     a cut-off ZIP, a damaged ZIP, a ZIP of something else, a JSON array that looks like a patuh
//     header, broken JSON, an HTML page without data, an empty file, a picture.
// The files are written by `cargo run -p patuh-core --example files` and changed here.
// Usage: node tests/e2e/files.mjs dist   (E2E_PORT, default 8097)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, stop, launch, test, runAndExit, OUT } from './harness.mjs';
import { freshPage as openApp, scoreText } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_PORT ?? 8097);
const URL_ = `http://127.0.0.1:${PORT}/`;

const server = await serve(DIST, PORT);
const browser = await launch();

// --- the files -----------------------------------------------------------------------------------

const DIR = path.join(OUT, 'files');
fs.rmSync(DIR, { recursive: true, force: true });
execFileSync('cargo', ['run', '-q', '-p', 'patuh-core', '--example', 'files', '--', DIR]);
const file = (name) => path.join(DIR, name);
const zipped = fs.readFileSync(file('bundel.zip'));
execFileSync('zip', ['-q', '-r', '-9', file('infozip.zip'), '.'], { cwd: file('bundel') });
execFileSync('zip', ['-q', '-r', '-9', file('infozip-folder.zip'), 'bundel'], { cwd: DIR });
const PY = `
import os, sys, zipfile
src, out, prefix = sys.argv[1:4]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for f in sorted(os.listdir(src)):
        z.write(os.path.join(src, f), prefix + f)
`;
execFileSync('python3', ['-c', PY, file('bundel'), file('python.zip'), '']);
execFileSync('python3', ['-c', PY, file('bundel'), file('python-folder.zip'), 'Bundel Dinas Arsip/']);
/** True when some central-directory record of the ZIP at `p` says deflate (method 8). */
function deflated(p) {
  const b = fs.readFileSync(p);
  for (let i = b.indexOf('PK\x01\x02', 0, 'latin1'); i >= 0; i = b.indexOf('PK\x01\x02', i + 4, 'latin1')) {
    if (b.readUInt16LE(i + 10) === 8) return true;
  }
  return false;
}
for (const z of ['infozip.zip', 'infozip-folder.zip', 'python.zip', 'python-folder.zip']) assert.ok(deflated(file(z)), `${z} is deflated`);
const header = JSON.stringify(['patuh-penilaian-mandiri', 1, '2026-11-23', JSON.parse(fs.readFileSync(file('penilaian.json'), 'utf8')).assessment]);
fs.writeFileSync(file('larik.json'), header);
fs.writeFileSync(file('terpotong.zip'), zipped.subarray(0, Math.floor(zipped.length / 2)));
const damaged = Buffer.from(zipped);
damaged[200] ^= 0x55; // inside penilaian.json: its checksum fails
fs.writeFileSync(file('rusak.zip'), damaged);
fs.writeFileSync(file('dokumen.zip'), Buffer.from(zipped.toString('latin1').replaceAll('penilaian.json', 'dokumen-x.json'), 'latin1'));
fs.writeFileSync(file('rusak.json'), fs.readFileSync(file('penilaian.json'), 'utf8').slice(0, 300));
fs.writeFileSync(file('halaman.html'), '<!DOCTYPE html><html><body><p>Laporan lain</p></body></html>');
fs.writeFileSync(file('kosong.json'), '');
fs.writeFileSync(file('catatan.txt'), 'Catatan rapat persiapan penilaian Ombudsman, 3 Desember 2026.\n');
fs.writeFileSync(file('foto.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]));

// What each refused file says, in Indonesian and in English.
const REFUSED = [
  ['terpotong.zip', /Berkas ZIP ini terpotong/, /This ZIP file is cut short/],
  ['rusak.zip', /Berkas ZIP ini rusak/, /This ZIP file is damaged/],
  ['dokumen.zip', /tidak memuat penilaian\.json/, /has no penilaian\.json/],
  ['larik.json', /Ini bukan berkas penilaian patuh/, /This is not a patuh assessment file/],
  ['rusak.json', /Berkas ini rusak/, /This file is damaged/],
  ['halaman.html', /tidak memuat data penilaian patuh/, /does not carry patuh's assessment data/],
  ['kosong.json', /Berkas ini kosong/, /The file is empty/],
  ['catatan.txt', /Ini bukan berkas penilaian patuh/, /This is not a patuh assessment file/],
  ['foto.jpg', /Ini bukan berkas penilaian patuh/, /This is not a patuh assessment file/],
];
const DEBUG = /Truncated|Damaged|Unsupported|Invalid|NotJson|NotOurs|expected|line \d|column|Error/;

// --- helpers -------------------------------------------------------------------------------------

const freshPage = (url = URL_) => openApp(browser, url);

/** Opens `name` with "Buka berkas penilaian" on a fresh start screen (`lang` in the URL). */
async function openFile(name, lang = 'id') {
  const { context, page } = await freshPage(lang === 'en' ? `${URL_}?lang=en` : URL_);
  await page.waitForSelector('#patuh-open-file', { state: 'attached' });
  await page.setInputFiles('#patuh-open-file', file(name));
  await page.waitForSelector('#patuh-step-h, .patuh-notice--error');
  return { context, page };
}

/** The score the walk shows for the unchanged `penilaian.json`. */
let expected;
async function expectedScore() {
  if (expected) return expected;
  const { context, page } = await openFile('penilaian.json');
  await page.waitForSelector('#patuh-step-h');
  expected = await scoreText(page);
  await context.close();
  return expected;
}

// --- tests ---------------------------------------------------------------------------------------

test('a bundle re-zipped with deflate by Info-ZIP and by Python opens, as files or as a folder', async () => {
  const shown = await expectedScore();
  for (const name of ['bundel.zip', 'infozip.zip', 'infozip-folder.zip', 'python.zip', 'python-folder.zip']) {
    const { context, page } = await openFile(name);
    assert.equal(await page.locator('.patuh-notice--error').count(), 0, `${name}: no error`);
    await page.waitForSelector('#patuh-step-h');
    assert.equal(await scoreText(page), shown, `${name} opens with the same score`);
    assert.deepEqual(page.errors, [], `${name}: no console error`);
    await context.close();
  }
});

test('the HTML report of a file whose notes are full of "<" reopens', async () => {
  const size = fs.statSync(file('catatan-panjang.html')).size;
  assert.ok(size > 5 * 1024 * 1024, `the report is ${size} bytes, its data block over 5 MiB`);
  const { context, page } = await openFile('catatan-panjang.html');
  assert.equal(await page.locator('.patuh-notice--error').count(), 0, 'no error');
  await page.waitForSelector('#patuh-step-h');
  const note = await page.locator('.patuh-section textarea').first().inputValue();
  assert.equal(note.length, 1_500_000, 'the note came back whole');
  assert.ok(/^<+$/.test(note));
  await context.close();
});

for (const [lang, col] of [['id', 1], ['en', 2]]) {
  test(`every refused file says why in ${lang === 'id' ? 'Indonesian' : 'English'}, and the start screen stays`, async () => {
    for (const row of REFUSED) {
      const [name] = row;
      const { context, page } = await openFile(name, lang);
      const notice = page.locator('.patuh-notice--error');
      assert.equal(await notice.count(), 1, `${name}: a notice`);
      const text = await notice.textContent();
      assert.match(text, row[col], `${name}: ${text}`);
      assert.doesNotMatch(text, DEBUG, `${name}: no debug text: ${text}`);
      assert.equal(await page.locator('#patuh-step-h').count(), 0, `${name}: nothing opened`);
      assert.equal(await page.locator('#patuh-open-file').count(), 1, `${name}: the start screen stays`);
      await context.close();
    }
  });
}

test('the pemda recap reads a re-zipped bundle and lists a damaged one with the same words', async () => {
  const { context, page } = await freshPage();
  await page.click('#patuh-open-recap');
  await page.setInputFiles('#patuh-recap-files', ['python-folder.zip', 'terpotong.zip', 'larik.json', 'penilaian.json'].map(file));
  await page.waitForSelector('#patuh-recap-errors');
  const errors = await page.locator('#patuh-recap-errors').textContent();
  assert.match(errors, /terpotong\.zip.*Berkas ZIP ini terpotong/s);
  assert.match(errors, /larik\.json.*Ini bukan berkas penilaian patuh/s);
  assert.doesNotMatch(errors, DEBUG);
  assert.match(await page.locator('#patuh-recap-count').textContent(), /4 berkas dipilih, 2 terbaca, 2 tidak dapat dibaca: /);
  await context.close();
});

test('the comparison refuses a damaged earlier file in words and takes a re-zipped one', async () => {
  const { context, page } = await openFile('penilaian.json');
  await page.waitForSelector('#patuh-step-h');
  await page.click('#patuh-see-result');
  await page.waitForSelector('#patuh-compare-file', { state: 'attached' });
  await page.setInputFiles('#patuh-compare-file', file('rusak.zip'));
  const alert = page.locator('section[aria-labelledby="patuh-compare-h"] [role=alert]');
  await alert.waitFor();
  const card = await alert.textContent();
  assert.match(card, /Berkas ZIP ini rusak/);
  assert.doesNotMatch(card, DEBUG);
  await page.setInputFiles('#patuh-compare-file', file('infozip.zip'));
  await page.waitForSelector('#patuh-compare-result');
  await context.close();
});

test('the comparison refuses another OPD\'s file in words, in both languages', async () => {
  // The same file as another OPD with other units: its units would be paired by position.
  const other = JSON.parse(fs.readFileSync(file('penilaian.json'), 'utf8'));
  Object.assign(other.assessment, { id: 'e2e-other-opd', opd: 'Dinas Penanaman Modal dan PTSP' });
  other.assessment.units.forEach((u, n) => { u.name = `Bidang Perizinan ${n + 1}`; });
  fs.writeFileSync(file('opd-lain.json'), JSON.stringify(other));
  for (const [lang, words] of [['id', /Berkas itu penilaian OPD lain \(Dinas Penanaman Modal dan PTSP\)/], ['en', /another OPD's assessment \(Dinas Penanaman Modal dan PTSP\)/]]) {
    const { context, page } = await openFile('penilaian.json', lang);
    await page.waitForSelector('#patuh-step-h');
    await page.click('#patuh-see-result');
    await page.waitForSelector('#patuh-compare-file', { state: 'attached' });
    await page.setInputFiles('#patuh-compare-file', file('opd-lain.json'));
    const alert = page.locator('section[aria-labelledby="patuh-compare-h"] [role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), words);
    assert.equal(await page.locator('#patuh-compare-result').count(), 0, 'no comparison shown');
    await context.close();
  }
});

await runAndExit(async () => {
  await browser.close();
  await stop(server);
});
