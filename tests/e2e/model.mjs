// One model for every result (docs/SCORING.md "One model"), end to end against the release build in
// dist/: for an uneven ori-2016 assessment (a unit of 1 product at full marks, a unit of 3 products
// at none) and a mixed ori-2022 one, the result screen's score, band, every section figure and every
// unit figure are the ones in the downloaded HTML report, PDF and CSV.
// Usage: node tests/e2e/model.mjs dist   (E2E_PORT, default 8097)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, stop, launch, test, runAndExit, OUT } from './harness.mjs';
import { freshPage } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_PORT ?? 8097);
const URL_ = `http://127.0.0.1:${PORT}/`;
// The instrument as shipped (dist/ names its copy by content hash).
const instrument = (id) => JSON.parse(fs.readFileSync(new URL(`../../src/core/instruments/${id}.json`, import.meta.url), 'utf8'));

const server = await serve(DIST, PORT);
const browser = await launch();
fs.mkdirSync(OUT, { recursive: true });

/**
 * A save file (docs/FORMAT.md) of instrument `id` with `units` = [[name, [product names], pick]],
 * where pick(indicator, k) gives the answer value of a product's (or the unit's) k-th indicator.
 */
function saveFile(id, opd, units) {
  const ins = instrument(id);
  const inds = ins.sections.flatMap((s) => s.indicators);
  let n = 0;
  // A pick of `undefined` leaves the indicator unanswered.
  const answers = (scope, pick, k) => Object.fromEntries(inds.filter((i) => (i.scope ?? 'product') === scope)
    .map((i, j) => [i.id, { answer: pick(i, k + j) }]).filter(([, e]) => e.answer !== undefined));
  return {
    format: 'patuh-penilaian-mandiri',
    format_version: 1,
    saved_at: '2026-12-03T09:00:00.000Z',
    assessment: {
      id: `model${id.replace(/\D/g, '')}`,
      instrument: id,
      instrument_version: ins.version,
      opd, pemda: 'Kabupaten Contoh', period: '2026', date: '2026-12-03',
      assessor_name: 'Penguji', assessor_position: 'Analis',
      units: units.map(([name, products, pick], u) => ({
        id: `u${u + 1}`,
        name,
        answers: answers('unit', pick, u),
        products: products.map((p) => ({ id: `p${++n}`, name: p, answers: answers('product', pick, n) })),
      })),
    },
  };
}

/** Opens `file` on the start screen and shows its result; returns the page. */
async function openResult(file) {
  const { context, page } = await freshPage(browser, URL_, { viewport: { width: 1280, height: 900 } });
  await page.setInputFiles('#patuh-open-file', file);
  await page.waitForSelector('#patuh-step-h');
  await page.click('#patuh-see-result');
  await page.waitForSelector('.patuh-result #patuh-units');
  return { context, page };
}

/** The result screen's figures: score, band, and the rows of the section and unit tables. */
async function screenFigures(page) {
  return page.evaluate(() => {
    const cells = (sel) => [...document.querySelectorAll(`${sel} tbody tr`)]
      .map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()));
    return {
      score: document.querySelector('#patuh-score').textContent.trim(),
      band: document.querySelector('#patuh-zone').textContent.replace(/\s+/g, ' ').trim(),
      sections: cells('#patuh-sections'),
      units: cells('#patuh-units'),
      products: cells('#patuh-products'),
      heads: Object.fromEntries(['#patuh-units', '#patuh-products'].map((sel) => [sel,
        [...document.querySelectorAll(`${sel} thead th`)].map((th) => th.textContent.trim())])),
    };
  });
}

async function download(page, sel, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(sel)]);
  const file = path.join(OUT, name);
  await dl.saveAs(file);
  return file;
}

/** Strips tags from an HTML table row, cell by cell. */
const rowCells = (tr) => [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)]
  .map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim());

async function check(file, tag) {
  const { context, page } = await openResult(file);
  const s = await screenFigures(page);
  const html = fs.readFileSync(await download(page, '#patuh-dl-html', `model-${tag}.html`), 'utf8');
  const pdf = execFileSync('pdftotext', ['-layout', await download(page, '#patuh-dl-pdf', `model-${tag}.pdf`), '-'], { encoding: 'utf8' });
  const csv = fs.readFileSync(await download(page, '#patuh-dl-csv', `model-${tag}.csv`), 'utf8');
  // The headline.
  assert.ok(html.includes(s.score) && pdf.includes(s.score), `${tag}: score ${s.score} in the HTML and PDF`);
  const label = s.band.split(' — ')[1].replace(/ \([A-E]\)$/, '');
  assert.ok(html.includes(label) && pdf.includes(label), `${tag}: band ${label} in the HTML and PDF`);
  // Every section row: the fulfilment (and dimension points) on screen are those of the files.
  const htmlRows = [...html.matchAll(/<tr><th scope="row">[\s\S]*?<\/tr>/g)].map((m) => rowCells(m[0]));
  for (const [title, fulfilment, points] of s.sections) {
    const pct = fulfilment.replace(/ %$/, '');
    const row = htmlRows.find((r) => r[0].startsWith(title));
    assert.ok(row, `${tag}: section ${title} in the HTML`);
    assert.equal(row[1], pct, `${tag}: ${title} fulfilment in the HTML`);
    const line = pdf.split('\n').find((l) => l.trim().startsWith(title));
    assert.ok(line && line.includes(pct), `${tag}: ${title} fulfilment ${pct} in the PDF (${line})`);
    if (points !== undefined) {
      assert.ok(row[2].startsWith(points), `${tag}: ${title} points in the HTML`);
      assert.ok(line.includes(points), `${tag}: ${title} points ${points} in the PDF`);
    }
  }
  // Every unit's score and band, then every product's figures, each in a table of its own whose
  // columns hold one kind of figure under the header the files use.
  const htmlTableRows = [...html.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => rowCells(m[0]));
  assert.deepEqual(s.heads['#patuh-units'].slice(0, 2), ['Unit layanan', 'Nilai unit'], `${tag}: unit headers`);
  assert.deepEqual(s.heads['#patuh-products'].slice(0, 2), ['Produk layanan', 'Unit layanan'], `${tag}: product headers`);
  for (const h of ['Nilai unit', 'Produk layanan']) assert.ok(html.includes(`>${h}</th>`), `${tag}: header ${h} in the HTML`);
  // The sentence about plans stands on screen exactly when it stands in the file.
  const note = await page.locator('#patuh-plans-note').count();
  assert.equal(html.includes('id="plans-note"'), note === 1, `${tag}: the plans sentence on screen and in the HTML`);
  for (const [name, score] of s.units) {
    const row = htmlTableRows.find((r) => r[0] === name && r.length === 4);
    assert.ok(row, `${tag}: ${name} in the per-unit table of the HTML`);
    assert.equal(row[1], score, `${tag}: ${name} score in the HTML (${row})`);
    assert.ok(!score.includes('%'), `${tag}: a unit's score is not a percentage`);
    if (score !== '—') assert.ok(pdf.includes(score), `${tag}: ${name} score ${score} in the PDF`);
    assert.ok(csv.includes(name), `${tag}: ${name} in the CSV`);
  }
  for (const cells of s.products) {
    const [name, unit] = cells;
    const fulfilment = cells[cells.length - 2];
    assert.match(fulfilment, / %$|^—$/, `${tag}: ${name}: the fulfilment column holds a percentage`);
    const row = htmlTableRows.find((r) => r[0] === name && r[1] === unit);
    assert.ok(row, `${tag}: ${name} (${unit}) in the per-product table of the HTML`);
    assert.equal(row[row.length - 2], fulfilment.replace(/ %$/, ''), `${tag}: ${name} fulfilment in the HTML`);
    assert.ok(pdf.split('\n').some((l) => l.includes(name)), `${tag}: ${name} in the PDF`);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
  return s;
}

test('ori-2016, uneven (1 product at full marks, 3 at none): the screen shows the files\' figures, 25,00 per section', async () => {
  const best = (i) => 'ada';
  const worst = (i) => 'tidak_ada';
  const file = path.join(OUT, 'model-2016.json');
  fs.writeFileSync(file, JSON.stringify(saveFile('ori-2016', 'Dinas Tidak Rata', [
    ['Unit Satu', ['Produk Penuh'], best],
    ['Unit Tiga', ['Produk A', 'Produk B', 'Produk C'], worst],
  ])));
  const s = await check(file, '2016');
  // The mean over all products (docs/SCORING.md), not a mean of unit means (which would be 50,00).
  assert.equal(s.score, '25,00');
  for (const [title, fulfilment] of s.sections) assert.equal(fulfilment, '25,00 %', title);
});

test('ori-2022, mixed levels over two units: the screen shows the files\' figures', async () => {
  const levels = ['0', '1', '2', '3', '3', 'tb', '2'];
  const mixed = (i, k) => levels[(k * 5 + i.id.length) % levels.length];
  const file = path.join(OUT, 'model-2022.json');
  fs.writeFileSync(file, JSON.stringify(saveFile('ori-2022', 'Dinas Campuran', [
    ['Unit Satu', ['Produk Satu'], mixed],
    ['Unit Dua', ['Produk Dua', 'Produk Tiga'], (i, k) => mixed(i, k + 3)],
  ])));
  const s = await check(file, '2022');
  assert.ok(s.sections.every((r) => r.length === 4), 'dimension points and maxima are shown');
});

test('no higher band within reach of the answers given: the screen says so in the words of the files', async () => {
  // Three indicators at the maximum, the rest unanswered: a score, nothing to fix, so no plan.
  const file = path.join(OUT, 'model-noplan.json');
  fs.writeFileSync(file, JSON.stringify(saveFile('ori-2022', 'Dinas Baru Mulai', [
    ['Unit Satu', ['Produk Satu'], (i, k) => (k < 3 ? '3' : undefined)],
  ])));
  const { context, page } = await openResult(file);
  const note = (await page.locator('#patuh-plans-note').textContent()).trim();
  assert.equal(note, 'Tidak ada rentang nilai yang lebih tinggi yang dapat dicapai dengan jawaban saat ini.');
  const html = fs.readFileSync(await download(page, '#patuh-dl-html', 'model-noplan.html'), 'utf8');
  assert.ok(html.includes(`<p id="plans-note">${note}</p>`), 'the same sentence in the HTML report');
  const pdf = execFileSync('pdftotext', [await download(page, '#patuh-dl-pdf', 'model-noplan.pdf'), '-'], { encoding: 'utf8' });
  assert.ok(pdf.replace(/\s+/g, ' ').includes(note), 'the same sentence in the PDF');
  assert.deepEqual(page.errors, []);
  await context.close();
});

await runAndExit(async () => {
  await browser.close();
  await stop(server);
});
