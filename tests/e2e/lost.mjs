// Lost work (docs/RELIABILITY.md §Lost work), against the release build in dist/:
//   (1) the same assessment open in two tabs: a tab never overwrites what the other saved; it
//       learns at once (the `storage` event), stops saving, says so, and offers to load the latest
//       version or keep its answers as a separate copy;
//   (2) opening an older downloaded copy of a saved assessment asks (separate copy by default,
//       keyboard reachable, both dates written out) and never replaces the saved one silently;
//   (3) the SKM calculator keeps its figures when the user leaves it and after a reload;
//   (4) the phone's Back button goes to the previous screen instead of leaving the page
//       (docs/RELIABILITY.md §Back button), and Forward comes back.
// Each case is checked with axe-core (0 violations) and photographed at 360 px.
// Usage: node tests/e2e/lost.mjs dist   (E2E_PORT, default 8124; FAULTS_ONLY=<regex>)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runAndExit, axe, OUT } from './harness.mjs';
import { start, resume, waitSaved, watch, visit } from './flows.mjs';
import { init, finish, check, URL_, freshPage, answer } from './faults_kit.mjs';

await init(8124);

const PHONE = { width: 360, height: 740 };
const SHOTS = path.resolve('target/screens');
fs.mkdirSync(SHOTS, { recursive: true });

/** Every saved assessment in the page's storage: id → the parsed file. */
const saves = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('patuh.v1.assessment.'))
  .map((k) => [k.slice('patuh.v1.assessment.'.length), JSON.parse(localStorage.getItem(k))])));

/** The answer to indicator `ind` (an id) in a saved file of one unit and one product, if any. */
function answerIn(file, ind) {
  const u = file.assessment.units[0];
  return u.answers?.[ind]?.answer ?? u.products[0].answers?.[ind]?.answer;
}

/** The indicator id of the radio group `g` of the current step. */
const indicatorOf = async (page, g) => {
  const name = await page.locator('.patuh-section fieldset.patuh-ind').nth(g).locator('input[type=radio]').first().getAttribute('name');
  return name.slice(name.indexOf('-', 'patuh-'.length) + 1);
};

const noAxe = async (page, what) => assert.deepEqual(await axe(page), [], `axe: ${what}`);
const status = (page) => page.locator('.patuh-status').textContent();

/** Waits until the stored file of `id` answers `ind` (or, with `none`, does not). */
const storedAnswer = (page, id, ind) => page.waitForFunction(([id, ind]) => {
  const f = JSON.parse(localStorage.getItem(`patuh.v1.assessment.${id}`) ?? 'null');
  const u = f?.assessment.units[0];
  return !!(u?.answers?.[ind]?.answer ?? u?.products[0].answers?.[ind]?.answer);
}, [id, ind]);

check('two tabs: neither overwrites the other; reload the latest or keep a separate copy', async () => {
  const { context, page: a } = await freshPage();
  await start(a, 'ori-2016', { opd: 'Dinas Dua Tab' });
  await answer(a, 0, 0);
  await waitSaved(a);
  const id = await a.evaluate(() => localStorage.getItem('patuh.v1.last'));
  const b = watch(await context.newPage());
  await b.setViewportSize(PHONE);
  await visit(b, URL_);
  await resume(b);
  const ind = await Promise.all([0, 1, 2, 3, 4].map((g) => indicatorOf(a, g)));

  // A answers; B learns at once, before it does anything.
  await answer(a, 1, 0);
  await storedAnswer(a, id, ind[1]);
  await b.waitForSelector('#patuh-conflict', { timeout: 5000 });
  assert.match(await b.locator('#patuh-conflict').innerText(), /diubah di tab atau jendela lain.*belum disimpan/s);
  // B answers anyway: not written over A's answer, and B does not claim it saved.
  await answer(b, 2, 0);
  await b.waitForTimeout(1500);
  let s = await saves(b);
  assert.ok(answerIn(s[id], ind[1]), "A's answer is still saved");
  assert.equal(answerIn(s[id], ind[2]), undefined, "B's answer did not overwrite the save");
  assert.doesNotMatch(await status(b), /Tersimpan/);
  assert.match(await status(b), /Belum disimpan/);
  await noAxe(b, 'conflict notice');
  await b.screenshot({ path: path.join(SHOTS, 'lost-conflict-360.png'), fullPage: false });

  // "Load the latest version": B shows A's answer and saves normally again; A is then told.
  await b.click('#patuh-conflict-reload');
  await b.waitForSelector('#patuh-conflict', { state: 'detached' });
  await b.waitForFunction((n) => document.querySelectorAll(`input[name$="-${n}"]:checked`).length === 1, ind[1]);
  await answer(b, 3, 0);
  await storedAnswer(b, id, ind[3]);
  await waitSaved(b);
  await a.waitForSelector('#patuh-conflict', { timeout: 5000 });
  s = await saves(a);
  assert.ok(answerIn(s[id], ind[1]) && answerIn(s[id], ind[3]), 'both answers are in the save');

  // "Keep this tab's answers as a separate copy": A's new answer goes to a copy; B's save stays.
  await answer(a, 4, 0);
  await a.click('#patuh-conflict-copy');
  await a.waitForSelector('#patuh-conflict', { state: 'detached' });
  await a.waitForFunction(() => /salinan terpisah/.test(document.body.innerText));
  await a.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('patuh.v1.assessment.')).length === 2);
  await waitSaved(a);
  s = await saves(a);
  const copy = Object.keys(s).find((k) => k !== id);
  assert.equal(s[copy].assessment.opd, 'Dinas Dua Tab (2)');
  assert.ok(answerIn(s[copy], ind[4]), "A's unsaved answer is in the copy");
  assert.equal(answerIn(s[id], ind[4]), undefined, "B's version is unchanged");
  assert.ok(answerIn(s[id], ind[3]), "B's answer is still saved");
  await b.waitForTimeout(500);
  assert.equal(await b.locator('#patuh-conflict').count(), 0, 'B, whose version was kept, is not told anything');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

check('opening an older downloaded file asks: separate copy (default, keyboard) or replace', async () => {
  const { context, page } = await freshPage();
  await page.setViewportSize(PHONE);
  await start(page, 'ori-2016', { opd: 'Dinas Berkas Lama' });
  await answer(page, 0, 0);
  await waitSaved(page);
  const ind0 = await indicatorOf(page, 0);
  const ind1 = await indicatorOf(page, 1);
  const [d] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const older = path.join(OUT, 'lost-older.json');
  await d.saveAs(older);
  const id = await page.evaluate(() => localStorage.getItem('patuh.v1.last'));
  // Newer work after the download.
  await page.waitForTimeout(1100);
  await answer(page, 0, 2);
  await answer(page, 1, 0);
  await storedAnswer(page, id, ind1);
  const newer = (await saves(page))[id];

  await page.reload();
  await page.waitForSelector('#patuh-start');
  await page.setInputFiles('#patuh-open-file', older);
  await page.waitForSelector('#patuh-open-choice');
  const text = await page.locator('#patuh-open-choice').innerText();
  assert.match(text, /sudah tersimpan di peramban/);
  assert.match(text, /lebih lama/);
  assert.equal((text.match(/\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}, \d\d\.\d\d/g) ?? []).length, 2, `both dates written out: ${text}`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'patuh-open-copy', 'the separate copy is the default, focused');
  await noAxe(page, 'open choice');
  await page.screenshot({ path: path.join(SHOTS, 'lost-open-choice-360.png'), fullPage: false });
  assert.deepEqual((await saves(page))[id], newer, 'nothing is replaced while the question is open');

  // Enter on the focused default: a separate copy; the newer save is untouched.
  await page.keyboard.press('Enter');
  await page.waitForSelector('#patuh-step-h');
  await page.waitForFunction(() => /salinan terpisah/.test(document.body.innerText));
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('patuh.v1.assessment.')).length === 2);
  let s = await saves(page);
  assert.deepEqual(s[id].assessment, newer.assessment, 'the newer work is kept');
  const copy = Object.keys(s).find((k) => k !== id);
  assert.equal(s[copy].assessment.opd, 'Dinas Berkas Lama (2)');
  assert.equal(answerIn(s[copy], ind1), undefined);
  assert.ok(answerIn(s[copy], ind0));

  // "Replace the saved one", chosen on purpose: then the file's version is saved.
  await page.reload();
  await page.waitForSelector('#patuh-start');
  await page.setInputFiles('#patuh-open-file', older);
  await page.click('#patuh-open-replace');
  await page.waitForSelector('#patuh-step-h');
  await page.waitForFunction(([id, ind]) => {
    const f = JSON.parse(localStorage.getItem(`patuh.v1.assessment.${id}`));
    return !f.assessment.units[0].products[0].answers?.[ind]?.answer && !f.assessment.units[0].answers?.[ind]?.answer;
  }, [id, ind1]);
  s = await saves(page);
  assert.equal(Object.keys(s).length, 2);

  // The same file again, now equal to the save: it opens without a question.
  await page.reload();
  await page.waitForSelector('#patuh-start');
  await page.setInputFiles('#patuh-open-file', older);
  await page.waitForSelector('#patuh-step-h');
  assert.equal(await page.locator('#patuh-open-choice').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

check('the SKM calculator keeps its figures when left and after a reload', async () => {
  const { context, page } = await freshPage();
  await page.setViewportSize(PHONE);
  await page.click('#patuh-open-skm');
  await page.waitForSelector('#patuh-skm-0-0');
  await page.fill('#patuh-skm-unit', 'Loket KK');
  await page.fill('#patuh-skm-period', 'Semester I 2026');
  for (let u = 0; u < 9; u++) {
    await page.fill(`#patuh-skm-${u}-2`, String(50 + u));
    await page.fill(`#patuh-skm-${u}-3`, String(50 - u));
  }
  await page.waitForSelector('#patuh-ikm');
  const ikm = await page.locator('#patuh-ikm').textContent();
  await page.click('text=← Kembali');
  await page.waitForSelector('#patuh-start');
  await page.click('#patuh-open-skm');
  await page.waitForSelector('#patuh-ikm');
  assert.equal(await page.locator('#patuh-ikm').textContent(), ikm, 'kept after leaving');
  assert.equal(await page.inputValue('#patuh-skm-8-3'), '42');
  await page.reload();
  await page.waitForSelector('#patuh-start');
  await page.click('#patuh-open-skm');
  await page.waitForSelector('#patuh-ikm');
  assert.equal(await page.locator('#patuh-ikm').textContent(), ikm, 'kept after a reload');
  assert.equal(await page.inputValue('#patuh-skm-unit'), 'Loket KK', 'the names too');
  assert.equal(await page.inputValue('#patuh-skm-period'), 'Semester I 2026');
  await page.screenshot({ path: path.join(SHOTS, 'skm-top-360.png') });
  // Inside a walk, the calculator shows the same figures and "back" returns to the walk.
  await page.click('text=← Kembali');
  await start(page, 'ori-2016', { opd: 'Dinas SKM' });
  await page.click('#patuh-open-skm');
  await page.waitForSelector('#patuh-ikm');
  assert.equal(await page.inputValue('#patuh-skm-0-2'), '50');
  // What was typed stays; the empty OPD comes from the assessment.
  assert.equal(await page.inputValue('#patuh-skm-unit'), 'Loket KK');
  assert.equal(await page.inputValue('#patuh-skm-opd'), 'Dinas SKM');
  await noAxe(page, 'SKM calculator');
  await page.click('text=← Kembali');
  await page.waitForSelector('#patuh-step-h');
  assert.deepEqual(page.errors, []);
  await context.close();
});

check('the Back button goes to the previous screen, not away from patuh; Forward comes back', async () => {
  const { context, page } = await freshPage();
  await page.setViewportSize(PHONE);
  const address = page.url();
  await start(page, 'ori-2016', { opd: 'Dinas Tombol Kembali' });
  const first = page.locator('.patuh-section input[type=radio]').first();
  await first.check();
  await page.click('#patuh-see-result');
  await page.waitForSelector('#patuh-score');
  await page.goBack();
  await page.waitForSelector('#patuh-step-h');
  assert.ok(await first.isChecked(), 'the answer is still there after Back');
  await page.goBack();
  await page.waitForSelector('#patuh-continue');
  assert.equal(page.url(), address, 'still on patuh, at the same address');
  await noAxe(page, 'start screen after Back');
  await page.goForward();
  await page.waitForSelector('#patuh-step-h');
  assert.ok(await first.isChecked());
  await page.goForward();
  await page.waitForSelector('#patuh-score');
  // The app's own "back" links add entries like any move; Back then returns to the result.
  await page.locator('.patuh-result button', { hasText: '←' }).first().click();
  await page.waitForSelector('#patuh-step-h');
  await page.goBack();
  await page.waitForSelector('#patuh-score');
  assert.deepEqual(page.errors, []);
  await context.close();
});

await runAndExit(finish);
