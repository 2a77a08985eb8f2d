// Shared by the fault tests (faults.mjs, faults_loads.mjs; docs/RELIABILITY.md): the server and
// browser of one run, the test registration with its list of known bugs, a seeded PRNG, and the
// helpers that read what the app shows and downloads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, stop, launch, test, OUT } from './harness.mjs';
import { freshPage as openApp } from './flows.mjs';

export const DIST = path.resolve(process.argv[2] ?? 'dist');
export const SEED = Number(process.env.FAULTS_SEED ?? 20261123);
const ONLY = process.env.FAULTS_ONLY ? new RegExp(process.env.FAULTS_ONLY) : null; // run only matching tests

/** The browser, the server and the app's address of this run (set by `init`). */
export let browser, server, URL_;

/** Serves dist/ on `port` (E2E_PORT overrides it) and launches the browser. */
export async function init(port) {
  const p = Number(process.env.E2E_PORT ?? port);
  URL_ = `http://127.0.0.1:${p}/`;
  server = await serve(DIST, p);
  browser = await launch();
}

/** Closes the browser and stops the server. */
export async function finish() {
  await browser.close();
  await stop(server);
}


// Known failures: bugs found by these tests in code this file does not own. Such a test still
// runs; its failure is printed as "KNOWN FAILURE" with the bug and does not fail the run. When it
// passes it prints "FIXED": then remove it from this list, so that it guards against a regression.
export const KNOWN = new Map([]);

/** Registers a test; one listed in KNOWN is labelled, and its failure printed but not counted. */
export function check(name, fn) {
  if (ONLY && !ONLY.test(name)) return;
  const bug = KNOWN.get(name);
  if (!bug) return test(name, fn);
  test(`${name} [KNOWN BUG, not counted]`, async () => {
    try {
      await fn();
      console.log(`     FIXED: remove it from KNOWN in tests/e2e/faults_kit.mjs so that it counts again`);
    } catch (e) {
      console.log(`     KNOWN FAILURE — bug: ${bug}\n     observed: ${String(e?.message ?? e).split('\n')[0]}`);
    }
  });
}

/** Mulberry32: a tiny seeded PRNG, so a failing walk can be replayed with FAULTS_SEED. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

/** A fresh page of the app (flows.mjs), with an optional init script. */
export const freshPage = ({ init: script } = {}) => openApp(browser, URL_, { init: script });


/** Downloads what clicking `selector` offers; returns its bytes and suggested name. */
export async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(selector).first().click()]);
  const file = path.join(OUT, `faults-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { bytes: fs.readFileSync(file), name: dl.suggestedFilename() };
}

/** What the current step shows: checked answers by radio name, notes by textarea id, review marks. */
export const shown = (page) => page.evaluate(() => {
  const sec = document.querySelector('.patuh-section');
  return {
    answers: Object.fromEntries([...sec.querySelectorAll('input[type=radio]:checked')].map((r) => [r.name, r.value])),
    notes: Object.fromEntries([...sec.querySelectorAll('textarea')].filter((t) => t.value !== '').map((t) => [t.id, t.value])),
    reviews: [...sec.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.id).sort(),
  };
});

/** Everything every step shows, visiting each step with the step list. */
export async function shownEverywhere(page) {
  const all = { answers: {}, notes: {}, reviews: [] };
  const steps = page.locator('.patuh-step');
  const n = await steps.count();
  for (let s = 0; s < n; s++) {
    await steps.nth(s).click();
    await page.waitForFunction((i) => document.querySelectorAll('.patuh-step')[i]?.getAttribute('aria-current') === 'step', s);
    const x = await shown(page);
    Object.assign(all.answers, x.answers);
    Object.assign(all.notes, x.notes);
    all.reviews.push(...x.reviews);
  }
  all.reviews.sort();
  return all;
}

/** The indicator id and level of a radio name `patuh-<owner>-<indicator>` (owner u… or p…). */
export function owner(name) {
  const rest = name.slice('patuh-'.length);
  const cut = rest.indexOf('-');
  return { level: rest[0] === 'u' ? 'unit' : 'product', indicator: rest.slice(cut + 1) };
}

/** Answers in a patuh JSON file of one unit with one product, by radio name as the walk shows them. */
export function answersInFile(text) {
  const a = JSON.parse(text).assessment;
  const u = a.units[0];
  const p = u.products[0];
  const out = {};
  for (const [id, e] of Object.entries(u.answers ?? {})) if (e.answer) out[`patuh-${u.id}-${id}`] = e.answer;
  for (const [id, e] of Object.entries(p.answers ?? {})) if (e.answer) out[`patuh-${p.id}-${id}`] = e.answer;
  return out;
}

/** Checks radio `k` of indicator group `g` in the current step; returns [name, value]. */
export async function answer(page, g, k) {
  const radio = page.locator('.patuh-section fieldset.patuh-ind').nth(g).locator('input[type=radio]').nth(k);
  await radio.check();
  return [await radio.getAttribute('name'), await radio.getAttribute('value')];
}

/** No blank screen: the header, a notice or a main view with content are on screen. */
export async function notBlank(page) {
  await page.waitForSelector('.patuh-header');
  const text = await page.locator('#patuh-main').innerText();
  assert.ok(text.trim().length > 50, `the main area shows something (got ${JSON.stringify(text.slice(0, 80))})`);
}

