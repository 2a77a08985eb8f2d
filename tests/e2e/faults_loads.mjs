// End-to-end fault tests (docs/RELIABILITY.md), against the release build in dist/:
//   (c) reloads at 20 random moments of a walk (seeded PRNG: FAULTS_SEED) → "Lanjutkan" restores
//       every answer, note and review mark given before the reload;
//   (f) an instrument's data file unreachable or stale → a clear message, nothing started or
//       lost; once it is reachable, "Mulai" starts;
//   (g) the app module (every screen past the start screen; the first load is the start screen
//       only) unreachable → a clear message, the start screen keeps what was typed; once it is
//       reachable, "Mulai" starts.
// Usage: node tests/e2e/faults_loads.mjs dist   (E2E_PORT, default 8122; FAULTS_SEED, default
//        20261123; FAULTS_ONLY=<regex> runs only the tests whose name matches)
import assert from 'node:assert/strict';
import path from 'node:path';
import { runAndExit, OUT } from './harness.mjs';
import { start, resume, waitSaved, png } from './flows.mjs';
import { init, finish, check, prng, SEED, URL_, browser, freshPage, shownEverywhere, answer, notBlank } from './faults_kit.mjs';

await init(8122);

// --- (c) reloads at random moments ---------------------------------------------------------------

check(`(c) 20 reloads at random moments of a walk (seed ${SEED}) → "Lanjutkan" restores everything given`, async () => {
  const rng = prng(SEED);
  const { context, page } = await freshPage();
  await start(page, 'ori-2022');
  const want = { answers: {}, notes: {}, reviews: new Set() };
  const steps = await page.locator('.patuh-step').count();
  const log = [];
  for (let round = 1; round <= 20; round++) {
    log.length = 0;
    const actions = 1 + rng.int(6);
    let typing = null;
    for (let i = 0; i < actions; i++) {
      const groups = page.locator('.patuh-section fieldset.patuh-ind');
      const g = rng.int(await groups.count());
      const fs_ = groups.nth(g);
      const last = i === actions - 1;
      const r = rng.next();
      if (r < 0.5) {
        const k = rng.int(await fs_.locator('input[type=radio]').count());
        const [n, v] = await answer(page, g, k);
        want.answers[n] = v;
        log.push(`answer ${n}=${v}`);
      } else if (r < 0.6) {
        const clear = fs_.locator(':scope > button');
        if (await clear.count()) {
          const n = await fs_.locator('input[type=radio]').first().getAttribute('name');
          await clear.click();
          await page.waitForFunction((nm) => !document.querySelector(`input[name="${nm}"]:checked`), n);
          delete want.answers[n];
          log.push(`clear ${n}`);
        }
      } else if (r < 0.7) {
        const box = fs_.locator('input[type=checkbox]');
        const id = await box.getAttribute('id');
        const on = !(await box.isChecked());
        await box.setChecked(on);
        if (on) want.reviews.add(id); else want.reviews.delete(id);
        log.push(`review ${id}=${on}`);
      } else if (r < 0.85) {
        // Type in a note; on the last action of a round, reload mid-typing (no blur, no pause).
        if ((await fs_.locator('details.patuh-more').getAttribute('open')) === null) await fs_.locator('details.patuh-more > summary').click();
        const ta = fs_.locator('textarea');
        const id = await ta.getAttribute('id');
        await ta.click();
        await page.keyboard.press('End');
        const text = ` catatan ${round}.${i} ✓ ${'xyz'.slice(0, 1 + rng.int(3))}`;
        const upTo = last ? 1 + rng.int(text.length - 1) : text.length;
        await page.keyboard.type(text.slice(0, upTo));
        want.notes[id] = ((want.notes[id] ?? '') + text.slice(0, upTo));
        if (last) typing = id;
        log.push(`type ${id} ${JSON.stringify(text.slice(0, upTo))}`);
      } else {
        const s = rng.int(steps);
        await page.locator('.patuh-step').nth(s).click();
        await page.waitForFunction((i) => document.querySelectorAll('.patuh-step')[i]?.getAttribute('aria-current') === 'step', s);
        log.push(`go to step ${s}`);
      }
    }
    // Reload right after the last action, sometimes after a short random pause (inside the
    // 300 ms autosave debounce).
    const pause = rng.next() < 0.3 ? rng.int(400) : 0;
    if (pause) await page.waitForTimeout(pause);
    log.push(`reload after ${pause} ms${typing ? ' (mid-typing)' : ''}`);
    await page.reload();
    await resume(page);
    const got = await shownEverywhere(page);
    const ctx = `round ${round} (seed ${SEED}): ${log.join('; ')}`;
    assert.deepEqual(got.answers, want.answers, `answers after ${ctx}`);
    assert.deepEqual(got.notes, want.notes, `notes after ${ctx}`);
    assert.deepEqual(got.reviews, [...want.reviews].sort(), `review marks after ${ctx}`);
    assert.equal(await page.locator('.patuh-notice--error').count(), 0, ctx);
    // Carry on from a random step.
    const s = rng.int(steps);
    await page.locator('.patuh-step').nth(s).click();
    await page.waitForFunction((i) => document.querySelectorAll('.patuh-step')[i]?.getAttribute('aria-current') === 'step', s);
  }
  console.log(`     (20 reloads; ${Object.keys(want.answers).length} answers, ${Object.keys(want.notes).length} notes, ${want.reviews.size} review marks kept)`);
  assert.deepEqual(page.errors, []);
  await context.close();
});


/**
 * A page on the start screen whose requests matching `pattern` fail (as offline) until `unblock()`;
 * no service worker, which would serve them from its cache.
 */
async function withBroken(pattern, fault = (route) => route.abort('internetdisconnected')) {
  const ctx = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  let broken = true;
  await ctx.route(pattern, (route) => (broken ? fault(route) : route.continue()));
  const p = await ctx.newPage();
  p.errors = [];
  p.on('pageerror', (e) => p.errors.push(e.message));
  await p.goto(URL_);
  await p.waitForSelector('#patuh-start');
  return { ctx, p, unblock: () => { broken = false; } };
}

/** Fills the start form (ori-2022, the OPD `opd`, "Unit A", "Produk A") and presses "Mulai"; no waiting. */
async function tryStart(p, opd) {
  await p.check('#patuh-ins-ori-2022');
  await p.fill('#patuh-opd', opd);
  await p.fill('#patuh-unit', 'Unit A');
  await p.fill('#patuh-product', 'Produk A');
  await p.click('#patuh-start');
}

// --- (f) an instrument's data file unreachable or stale
// --------------------------------------------

for (const [kind, fault] of [
  ['offline', (route) => route.abort('internetdisconnected')],
  ['a stale file of another version', async (route) => {
    const r = await route.fetch();
    await route.fulfill({ response: r, body: (await r.text()).replace(/"version":\s*"/, '"version": "0-') });
  }],
  ['an error page instead of the file', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Captive portal</h1>' })],
]) {
  check(`(f) instrument file ${kind} → a clear message, nothing starts or is lost; then "Mulai" works`, async () => {
    const { ctx, p, unblock } = await withBroken(/\/instruments\/ori-2022-[0-9a-f]{16}\.json$/, fault);
    await tryStart(p, 'Dinas Sinyal Lemah');
    const notice = p.locator('.patuh-notice--error');
    await notice.waitFor();
    const said = await notice.textContent();
    assert.match(said, /Data instrumen “Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik” belum dapat dimuat/);
    assert.ok(!said.includes('ori-2022'), `the instrument by its name, not its id: ${said}`);
    assert.equal(await p.locator('#patuh-step-h').count(), 0, 'nothing started');
    assert.equal(await p.inputValue('#patuh-opd'), 'Dinas Sinyal Lemah', 'the form keeps what was typed');
    await notBlank(p);
    unblock();
    await p.click('#patuh-start');
    await p.waitForSelector('#patuh-step-h');
    assert.deepEqual(p.errors, []);
    await ctx.close();
  });
}

// --- (g) the app module unreachable
// ----------------------------------------------------------------

check('(g) the app module cannot be loaded → a clear message, the form keeps what was typed, nothing is lost; then "Mulai" works', async () => {
  const { ctx, p, unblock } = await withBroken(/patuh-app-[0-9a-f]+(_bg\.wasm|\.js)$/);
  await tryStart(p, 'Dinas Tanpa Sinyal');
  const notice = p.locator('.patuh-notice--error');
  await notice.waitFor();
  assert.match(await notice.textContent(), /bagian aplikasi ini belum termuat.*Isian Anda tetap ada/);
  assert.equal(await p.locator('#patuh-step-h').count(), 0, 'nothing started');
  assert.equal(await p.inputValue('#patuh-opd'), 'Dinas Tanpa Sinyal', 'the form keeps what was typed');
  assert.equal(await p.isChecked('#patuh-ins-ori-2022'), true, 'the chosen instrument stays chosen');
  await notBlank(p);
  // The other ways past the start screen say the same, and the button is usable again each time.
  await p.click('.patuh-notice--error button');
  await p.click('#patuh-open-recap');
  await notice.waitFor();
  assert.match(await notice.textContent(), /belum termuat/);
  unblock();
  await p.click('#patuh-start');
  await p.waitForSelector('#patuh-step-h');
  // The start screen made way: one page frame, no loading card, no start form left behind.
  assert.equal(await p.locator('.patuh-header').count(), 1);
  assert.equal(await p.locator('.patuh-shell, #patuh-start').count(), 0);
  assert.match(await p.locator('.patuh-main').textContent(), /Dinas Tanpa Sinyal|Produk A/);
  assert.deepEqual(p.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|dynamically imported module/.test(e)), []);
  await ctx.close();
});

check('(g) a slow app module: the start screen shows it is busy, three presses of "Mulai" start one assessment, in the language chosen meanwhile', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const { ctx, p } = await withBroken(/patuh-app-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await tryStart(p, 'Dinas Lambat');
  await p.waitForSelector('.patuh-home[aria-busy="true"]');
  await p.click('#patuh-start');
  await p.click('#patuh-start');
  await p.screenshot({ path: path.join(OUT, 'start-busy.png') });
  // The language switched while the module loads: the app starts in it.
  await p.click('.patuh-header__tools button');
  release();
  await p.waitForSelector('#patuh-step-h');
  assert.equal(await p.getAttribute('.patuh', 'lang'), 'en', 'the app starts in the language chosen while it loaded');
  await p.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('patuh.v1.assessment.')));
  const saved = await p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('patuh.v1.assessment.')).length);
  assert.equal(saved, 1, 'one assessment started');
  assert.deepEqual(p.errors, []);
  await ctx.close();
});


await runAndExit(finish);
