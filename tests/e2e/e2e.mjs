// End-to-end tests of patuh against the release build in dist/ (issue #2 §4).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, stop, launch, axe, test, run, OUT } from './harness.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_PORT ?? 8091);
const URL_ = `http://127.0.0.1:${PORT}/`;
const instrument = (id) => JSON.parse(fs.readFileSync(new URL(`../../src/core/instruments/${id}.json`, import.meta.url), 'utf8'));
const count = (ins) => ins.sections.reduce((n, s) => n + s.indicators.length, 0);
/** Round half-up to 2 decimals and format the Indonesian way, independently of the app. */
const idNum = (num, den) => { const h = Math.floor((num * 100 * 2 + den) / (den * 2)); return `${Math.floor(h / 100)},${String(h % 100).padStart(2, '0')}`; };

const server = await serve(DIST, PORT);
const browser = await launch();

async function freshPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(URL_);
  await page.waitForSelector('#patuh-start');
  return { context, page };
}

async function start(page, id, { opd = 'Dinas Kependudukan dan Pencatatan Sipil', unit = 'Bidang Pelayanan', product = 'Penerbitan KTP-el' } = {}) {
  await page.check(`#patuh-ins-${id}`);
  await page.fill('#patuh-opd', opd);
  await page.fill('#patuh-unit', unit);
  await page.fill('#patuh-product', product);
  await page.click('#patuh-start');
  await page.waitForSelector('#patuh-step-h');
}

/** Answers every radio with `value` on each step, walking with "Berikutnya" to the result. */
async function answerAll(page, value) {
  for (let guard = 0; guard < 200; guard++) {
    const radios = page.locator(`.patuh-section input[type=radio][value="${value}"]`);
    const n = await radios.count();
    for (let i = 0; i < n; i++) await radios.nth(i).check();
    const next = page.locator('#patuh-next');
    const label = await next.textContent();
    await next.click();
    if (label.includes('hasil') || label.includes('result')) return;
  }
  throw new Error('walk did not end');
}

const scoreText = (page) => page.locator('#patuh-score').first().textContent();
const zone = (page) => page.locator('#patuh-zone').first().getAttribute('data-zone');
const waitSaved = (page) => page.waitForFunction(() => /Tersimpan|Saved/.test(document.querySelector('.patuh-status')?.textContent ?? ''));

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
  await page.click('text=Kembali ke penilaian');
  await page.locator('.patuh-step').first().click();
  await page.locator('.patuh-section input[type=radio][value="tidak_ada"]').first().check();
  const want = idNum(100 * (n - 1), n);
  await page.waitForFunction((w) => document.querySelector('#patuh-score')?.textContent === w, want);
  await waitSaved(page);
  await page.reload();
  await page.waitForSelector('#patuh-continue');
  await page.click('#patuh-continue');
  await page.waitForSelector('#patuh-step-h');
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
  await page.click('text=Kembali ke penilaian');
  await page.locator('.patuh-step').first().click();
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

let failed = 1;
try {
  failed = await run();
} finally {
  await browser.close();
  await stop(server);
}
process.exit(failed ? 1 : 0);
