// One model for every result (docs/SCORING.md "One model"), end to end against the release build in
// dist/: for an uneven ori-2016 assessment (a unit of 1 product at full marks, a unit of 3 products
// at none) and a mixed ori-2022 one, the result screen's score, band, every section figure and every
// unit figure are the ones in the downloaded HTML report, PDF and CSV (whose indicator points add up,
// as in Excel, to the unit's score or to each dimension).
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
// Instrument files carry a content hash in their name (`ori-2016-<hash>.json`).
const instrument = (id) => {
  const dir = path.join(DIST, 'instruments');
  const name = fs.readdirSync(dir).find((f) => f === `${id}.json` || new RegExp(`^${id}-[0-9a-f]+\\.json$`).test(f));
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
};

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

/** The records of a CSV with `;` (RFC 4180 quotes), without its BOM. */
function parseCsv(text) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { rows.at(-1).push(cell); cell = ''; } else if (c === '\r' && body[i + 1] === '\n') {
      rows.at(-1).push(cell); cell = ''; rows.push([]); i++;
    } else cell += c;
  }
  if (cell !== '' || rows.at(-1).length) rows.at(-1).push(cell); else rows.pop();
  return rows;
}

/**
 * The CSV against the screen (docs/FORMAT.md §CSV export): the summary rows carry the OPD score,
 * every section figure and every unit and product score shown on screen, and a unit's indicator
 * points add up, rounded to two decimals, to its score (ori-2016) or to each of its dimensions.
 */
function checkCsv(csv, s, tag) {
  const [head, ...rows] = parseCsv(csv);
  assert.ok(rows.every((r) => r.length === head.length), `${tag}: every CSV row as wide as the header`);
  const c = Object.fromEntries(['Jenis baris', 'Unit layanan', 'Produk layanan', 'Bagian', 'Uraian', 'Poin', 'Terpenuhi (%)']
    .map((h) => [h, head.indexOf(h)]));
  const summary = rows.filter((r) => r[c['Jenis baris']] === 'Ringkasan');
  const find = (unit, product, section, item) => summary.find((r) => r[c['Unit layanan']] === unit
    && r[c['Produk layanan']] === product && r[c.Bagian] === section && r[c.Uraian] === item);
  assert.equal(find('', '', '', 'Nilai OPD')?.[c.Poin], s.score, `${tag}: the CSV's OPD score is the screen's`);
  for (const [title, fulfilment, points] of s.sections) {
    const row = find('', '', title, 'Nilai bagian');
    assert.ok(row, `${tag}: section ${title} in the CSV`);
    assert.equal(row[c['Terpenuhi (%)']], fulfilment.replace(/ %$/, ''), `${tag}: ${title} fulfilment in the CSV`);
    if (points !== undefined) assert.equal(row[c.Poin], points, `${tag}: ${title} points in the CSV`);
  }
  for (const [name, score] of s.units) {
    const row = find(name, '', '', 'Nilai unit');
    assert.ok(row, `${tag}: ${name} in the CSV's summary`);
    assert.equal(row[c.Poin], score === '—' ? '' : score, `${tag}: ${name} score in the CSV is the screen's`);
  }
  const scored = s.heads['#patuh-products'].length === 5;
  for (const cells of s.products) {
    const [name, unit] = cells;
    const row = find(unit, name, '', 'Nilai produk');
    assert.ok(row, `${tag}: ${name} (${unit}) in the CSV's summary`);
    assert.equal(row[c['Terpenuhi (%)']], cells.at(-2).replace(/ %$/, '').replace(/^—$/, ''), `${tag}: ${name} fulfilment in the CSV`);
    if (scored) assert.equal(row[c.Poin], cells[2].replace(/^—$/, ''), `${tag}: ${name} score in the CSV`);
  }
  // Excel's sum over the indicator rows, rounded to two decimals.
  const indicators = rows.filter((r) => r[c['Jenis baris']] === 'Indikator');
  const sum = (pick) => Math.round(indicators.filter(pick)
    .reduce((a, r) => a + Number(r[c.Poin].replace(',', '.') || 0) * 1e4, 0) / 100);
  const hundredths = (text) => Math.round(Number(text.replace(',', '.')) * 100);
  for (const u of summary.filter((r) => r[c.Uraian] === 'Nilai unit')) {
    const name = u[c['Unit layanan']];
    const dims = summary.filter((r) => r[c['Unit layanan']] === name && r[c.Uraian] === 'Nilai bagian' && r[c.Poin] !== '');
    if (dims.length === 0) {
      assert.equal(sum((r) => r[c['Unit layanan']] === name), hundredths(u[c.Poin]), `${tag}: ${name}'s points add up to its score`);
    }
    for (const d of dims) {
      const got = sum((r) => r[c['Unit layanan']] === name && r[c.Bagian] === d[c.Bagian]);
      assert.equal(got, hundredths(d[c.Poin]), `${tag}: ${name} ${d[c.Bagian]} points add up`);
    }
  }
  // Unit-wide indicators once per unit: no (unit, indicator) pair twice among rows without a product.
  const unitWide = indicators.filter((r) => r[c['Produk layanan']] === '').map((r) => `${r[c['Unit layanan']]}|${r[6]}`);
  assert.equal(new Set(unitWide).size, unitWide.length, `${tag}: unit-wide indicators once per unit`);
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
  checkCsv(csv, s, tag);
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

test('a few answers, no plan: the screen says to answer the rest first, and a unit not started says "Belum dijawab", in the words of the files', async () => {
  // Three indicators at the maximum, the rest unanswered: a score, nothing to fix, so no plan; a
  // second unit with nothing answered.
  const file = path.join(OUT, 'model-noplan.json');
  fs.writeFileSync(file, JSON.stringify(saveFile('ori-2022', 'Dinas Baru Mulai', [
    ['Unit Satu', ['Produk Satu'], (i, k) => (k < 3 ? '3' : undefined)],
    ['Unit Dua', ['Produk Dua'], () => undefined],
  ])));
  const { context, page } = await openResult(file);
  const note = (await page.locator('#patuh-plans-note').textContent()).trim();
  const left = (await page.locator('#patuh-status').textContent()).match(/(\d+) pertanyaan belum dijawab/)[1];
  assert.equal(note, `Jawab dulu ${left} pertanyaan yang tersisa: daftar perbaikan dihitung dari yang sudah dijawab.`);
  // The unit and the product not started: neutral words, no zone, no 0,00.
  const unitRow = page.locator('#patuh-units tr', { hasText: 'Unit Dua' });
  assert.match(await unitRow.innerText(), /Belum dijawab/);
  assert.equal(await unitRow.locator('.patuh-zone').count(), 0, 'no zone for a unit not started');
  assert.doesNotMatch(await unitRow.innerText(), /0,00|Zona/);
  assert.match(await page.locator('#patuh-products tr', { hasText: 'Produk Dua' }).innerText(), /Belum dijawab/);
  assert.equal(await page.locator('#patuh-units .patuh-zone').count(), 1, 'the started unit keeps its zone');
  const html = fs.readFileSync(await download(page, '#patuh-dl-html', 'model-noplan.html'), 'utf8');
  const htmlUnit = html.match(/<tr><th scope="row"><bdi>Unit Dua<\/bdi><\/th>[\s\S]*?<\/tr>/)[0];
  assert.ok(htmlUnit.includes('Belum dijawab') && !/Zona (Merah|Kuning|Hijau)|0,00/.test(htmlUnit), `the HTML's unit row: ${htmlUnit}`);
  const csv = fs.readFileSync(await download(page, '#patuh-dl-csv', 'model-noplan.csv'), 'utf8');
  const csvUnit = csv.split('\r\n').find((l) => l.includes(';Unit Dua;;') && l.includes('Nilai unit'));
  assert.ok(csvUnit && csvUnit.includes(';Belum dijawab;') && !/Zona (Merah|Kuning|Hijau)/.test(csvUnit), `the CSV's unit row: ${csvUnit}`);
  assert.ok(html.includes(`<p id="plans-note">${note}</p>`), 'the same sentence in the HTML report');
  const pdf = execFileSync('pdftotext', [await download(page, '#patuh-dl-pdf', 'model-noplan.pdf'), '-'], { encoding: 'utf8' });
  assert.ok(pdf.replace(/\s+/g, ' ').includes(note), 'the same sentence in the PDF');
  // One count of what is missing, in the same words on the score, in Kelengkapan, under the fix
  // list and in the files (the 2022 "Dimensi Output" is indicators, not counted twice).
  const missing = (await page.locator('#patuh-status').textContent()).match(/— (\d+ pertanyaan belum dijawab)/)[1];
  assert.equal((await page.locator('[aria-labelledby="patuh-complete-h"] summary').textContent()).trim(), missing);
  assert.match(await page.locator('#patuh-gaps-h').locator('xpath=..').innerText(), new RegExp(`${missing}: tidak masuk daftar ini`));
  assert.ok(html.includes(missing) && pdf.replace(/\s+/g, ' ').includes(missing), 'the same words in the files');
  assert.deepEqual(page.errors, []);
  await context.close();
});

await runAndExit(async () => {
  await browser.close();
  await stop(server);
});
