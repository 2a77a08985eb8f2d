// End-to-end tests (docs/EMBEDDING.md): offline (service worker), updates, embedding, strict CSP,
// no third-party requests, sub-path deployment. Runs against the release build in dist/.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, stop, launch, test, runAndExit, OUT } from './harness.mjs';
import { openPage, watch, begin, start, resume, answerAll, backToFirstStep, waitSaved } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_OFFLINE_PORT ?? 8096);
const HOST_PORT = PORT + 1; // "another localhost port" for the embedding site
const ORIGIN = `http://127.0.0.1:${PORT}`;
const URL_ = `${ORIGIN}/`;
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const FIXTURES = new URL('./fixtures/', import.meta.url);
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-offline-'));

const browser = await launch();

/** A fresh context and page that records page errors, console errors and CSP violations. */
const fresh = ({ viewport = { width: 1280, height: 900 } } = {}) => openPage(browser, { viewport, acceptDownloads: true }, () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
});

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15000 });
const metaVersion = (page) => page.evaluate(() => document.querySelector('meta[name="patuh-version"]')?.content);
/** Asks the controlling service worker for its build version. */
const workerVersion = (page) => page.evaluate(() => new Promise((resolve) => {
  const ch = new MessageChannel();
  ch.port1.onmessage = (e) => resolve(e.data.version);
  navigator.serviceWorker.controller.postMessage({ type: 'patuh:version' }, [ch.port2]);
}));

/** Opens `url` and waits for the start screen; with `control`, also until the service worker controls the page. */
async function visit(page, url = URL_, { control = false } = {}) {
  await page.goto(url);
  await page.waitForSelector('#patuh-start');
  if (control) await controlled(page);
}

/**
 * Starts an ori-2016 assessment named `names`, answers "Ada" once and waits for the save; then the
 * network goes off, `stopServer` stops the server, and a reload offers the saved work by its OPD.
 */
async function saveThenReloadOffline(context, page, names, stopServer) {
  await start(page, 'ori-2016', names);
  await page.locator('.patuh-section input[type=radio][value="ada"]').first().check();
  await waitSaved(page);
  await context.setOffline(true);
  await stopServer();
  await page.reload();
  await page.waitForSelector('#patuh-continue');
  assert.match(await page.locator('#patuh-resume-h + p').textContent(), new RegExp(names.opd));
}

/** Retries `check` (async → boolean) for up to 5 s. */
async function eventually(check, message) {
  for (let t = Date.now(); Date.now() - t < 5000; await new Promise((r) => setTimeout(r, 100))) {
    if (await check()) return;
  }
  assert.fail(message);
}

/** "Publishes a new build": a copy of dist whose build version (and versioned loader) changed. */
function republish(from) {
  const html = fs.readFileSync(path.join(from, 'index.html'), 'utf8');
  const v1 = html.match(/name="patuh-version" content="([0-9a-f]+)"/)[1];
  const v2 = crypto.randomBytes(8).toString('hex');
  const dir = fs.mkdtempSync(path.join(TMP, 'release-'));
  fs.cpSync(from, dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    if (/\.(html|js|webmanifest)$/.test(f)) fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replaceAll(v1, v2));
    if (f.includes(v1)) fs.renameSync(p, path.join(dir, f.replace(v1, v2)));
  }
  return { dir, v1, v2 };
}

/** Requests that went anywhere but `origin` (blob: URLs of downloads count as the page's own). */
const foreign = (origin, urls) => urls.filter((u) => !u.startsWith('blob:') && new URL(u).origin !== origin);

test('installable: manifest (name, start_url and scope "./", standalone, icons incl. SVG any + maskable) and the page links it', async () => {
  const server = await serve(DIST, PORT);
  const { context, page } = await fresh();
  try {
    await visit(page);
    const m = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
    assert.equal(m.short_name, 'patuh');
    assert.ok(m.name.length > 5);
    assert.equal(m.start_url, './');
    assert.equal(m.scope, './');
    assert.equal(m.display, 'standalone');
    assert.match(m.theme_color, /^#[0-9a-f]{6}$/);
    assert.ok(m.icons.some((i) => i.type === 'image/svg+xml' && i.purpose === 'any'));
    assert.ok(m.icons.some((i) => i.type === 'image/svg+xml' && i.purpose === 'maskable'));
    for (const i of m.icons) {
      const ok = await page.evaluate(async (src) => (await fetch(src)).ok, i.src);
      assert.ok(ok, `icon ${i.src} is served`);
    }
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    await stop(server);
  }
});

test('a later visit, online: the instrument file comes from the service worker\'s cache, not the network again', async () => {
  const server = await serve(DIST, PORT);
  const hits = [];
  server.on('request', (req) => { if (/\/instruments\//.test(req.url)) hits.push(req.url); });
  const { context, page } = await fresh();
  try {
    await visit(page, URL_, { control: true });
    await start(page, 'ori-2016', { opd: 'Dinas Tembolok', unit: 'Bidang Pelayanan', product: 'KTP-el' });
    await page.locator('.patuh-section input[type=radio][value="ada"]').first().check();
    await waitSaved(page);
    // The worker's install fetched every instrument once (the precache) and the page's own first
    // use may have fetched one more time before the worker controlled it.
    const before = hits.length;
    await page.reload();
    await resume(page);
    assert.equal(await page.locator('.patuh-section input[type=radio][value="ada"]').first().isChecked(), true);
    assert.equal(hits.length, before, `no instrument file fetched from the server on the later visit (${hits.slice(before)})`);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    await stop(server);
  }
});

test('offline: after one visit the app loads with the network off and the server stopped, and the data is there', async () => {
  let server = await serve(DIST, PORT);
  const { context, page } = await fresh();
  // The page itself asks for the app module (every screen past the start screen, and every
  // download) only when the user goes past the start screen; the service worker precaches it in
  // the background for offline use.
  // Likewise an instrument's data file is fetched when that instrument is first used.
  const appRequests = [];
  const instrumentRequests = [];
  page.on('request', (r) => {
    if (/patuh-app-/.test(r.url())) appRequests.push(r.url());
    if (/\/instruments\//.test(r.url())) instrumentRequests.push(new URL(r.url()).pathname);
  });
  try {
    await visit(page, URL_, { control: true });
    assert.deepEqual(appRequests, [], 'the first load does not fetch the app module');
    assert.deepEqual(instrumentRequests, [], 'the first load fetches no instrument file');
    await saveThenReloadOffline(context, page, { opd: 'Dinas Luring', unit: 'Bidang Pelayanan', product: 'KTP-el' }, async () => { await stop(server); server = null; });
    await resume(page);
    assert.equal(await page.locator('.patuh-section input[type=radio][value="ada"]').first().isChecked(), true);
    // Only the instrument in use was fetched: once to start, once (from the cache) to continue
    // offline.
    const asked = [...new Set(instrumentRequests)];
    assert.equal(asked.length, 1, `one instrument file: ${asked}`);
    assert.match(asked[0], /^\/instruments\/ori-2016-[0-9a-f]{16}\.json$/, 'the content-hashed file of this build');
    // It still works: answer another, see the score move, reload again.
    await page.locator('.patuh-section input[type=radio][value="ada"]').nth(1).check();
    await waitSaved(page);
    // A new tab, offline, with URL parameters: served from the cache too.
    const tab = watch(await context.newPage());
    await visit(tab, `${URL_}?lang=en`);
    assert.match(await tab.locator('#patuh-new-h').textContent(), /New assessment|assessment/i);
    // Downloads work offline: they are made in the app module, which came from the cache.
    await page.click('#patuh-see-result');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#patuh-dl-pdf')]);
    assert.match(dl.suggestedFilename(), /\.pdf$/);
    assert.equal(fs.readFileSync(await dl.path()).subarray(0, 5).toString(), '%PDF-');
    assert.ok(appRequests.length > 0, 'going past the start screen loaded the app module');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(tab.errors, []);
    // Control: a context that never visited cannot load it.
    const other = await browser.newContext();
    const p = await other.newPage();
    await assert.rejects(p.goto(URL_), /ERR_CONNECTION_REFUSED|ERR_/);
    await other.close();
  } finally {
    await context.close();
    if (server) await stop(server);
  }
});

test('update: a new build shows "Versi baru tersedia — muat ulang"; the reload activates it; old caches go; data stays', async () => {
  let server = await serve(DIST, PORT);
  const { context, page } = await fresh();
  try {
    await visit(page, URL_, { control: true });
    await start(page, 'ori-2022', { opd: 'Dinas Versi Lama', unit: 'Unit A', product: 'Produk A' });
    await page.locator('.patuh-section input[type=radio][value="3"]').first().check();
    await waitSaved(page);
    const { dir, v1, v2 } = republish(DIST);
    assert.equal(await metaVersion(page), v1);
    assert.equal(await workerVersion(page), v1);
    await stop(server);
    server = await serve(dir, PORT);
    // What the app does every 30 minutes and whenever the tab is shown again.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const prompt = page.locator('.patuh-update');
    await page.waitForSelector('#patuh-reload', { timeout: 15000 });
    assert.equal(await prompt.getAttribute('role'), 'status');
    assert.match(await prompt.textContent(), /Versi baru tersedia/);
    assert.match(await page.locator('#patuh-reload').textContent(), /Muat ulang/);
    // Visible wherever the user is in a long walk (scrolled far down here).
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const box = await prompt.boundingBox();
    assert.ok(await page.evaluate(() => scrollY > 200), 'the walk is scrolled');
    assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `prompt in view: ${JSON.stringify(box)}`);
    await page.screenshot({ path: path.join(OUT, 'update-prompt.png') });
    // The old version keeps running until the user chooses.
    assert.equal(await workerVersion(page), v1);
    await Promise.all([page.waitForEvent('framenavigated'), page.click('#patuh-reload')]);
    await page.waitForSelector('#patuh-continue');
    assert.equal(await metaVersion(page), v2, 'the reload shows the new build');
    await controlled(page);
    assert.equal(await workerVersion(page), v2, 'the new worker controls the page');
    const caches = await page.evaluate(() => caches.keys());
    assert.deepEqual(caches.filter((c) => c.startsWith('patuh-')), [`patuh-/ ${v2}`], 'only the new build cache is left');
    assert.equal(await page.locator('#patuh-update, #patuh-reload').count(), 0, 'no prompt after the update');
    assert.match(await page.locator('#patuh-resume-h + p').textContent(), /Dinas Versi Lama/);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    await stop(server);
  }
});

/**
 * A page that ran this build with its worker in control, after the server switched to a new build
 * (`republish`): `{ server, context, page, v2 }`, the caller closes the context and stops the server.
 */
async function visitedThenRepublished() {
  let server = await serve(DIST, PORT);
  const { context, page } = await fresh();
  try {
    await visit(page, URL_, { control: true });
    const { dir, v2 } = republish(DIST);
    await stop(server);
    server = await serve(dir, PORT);
    return { server, context, page, v2 };
  } catch (e) {
    await context.close();
    await stop(server);
    throw e;
  }
}

test('update found on the start screen: the prompt shows there, and stays when the start screen hands over to the app', async () => {
  const { server, context, page, v2 } = await visitedThenRepublished();
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForSelector('#patuh-reload', { timeout: 15000 });
    assert.equal(await page.locator('#patuh-step-h').count(), 0, 'still on the start screen');
    // Going past the start screen: the app's frame shows the same prompt at once.
    await start(page, 'ori-2016', { opd: 'Dinas Pembaruan', unit: 'Unit A', product: 'Produk A' });
    await page.waitForSelector('#patuh-reload');
    assert.equal((await page.evaluate(() => navigator.serviceWorker.getRegistrations())).length, 1, 'one registration');
    await Promise.all([page.waitForEvent('framenavigated'), page.click('#patuh-reload')]);
    await page.waitForSelector('#patuh-continue');
    assert.equal(await metaVersion(page), v2, 'the reload shows the new build');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    await stop(server);
  }
});

test('a page that already runs the new build (fetched from the network) takes the new worker over silently', async () => {
  const { server, context, page, v2 } = await visitedThenRepublished();
  try {
    await page.reload(); // network first: the new index.html; the browser also installs the new worker
    await page.waitForSelector('#patuh-start');
    assert.equal(await metaVersion(page), v2);
    await page.waitForFunction(async (v) => {
      const ch = new MessageChannel();
      const got = new Promise((r) => { ch.port1.onmessage = (e) => r(e.data.version); });
      navigator.serviceWorker.controller?.postMessage({ type: 'patuh:version' }, [ch.port2]);
      return (await Promise.race([got, new Promise((r) => setTimeout(r, 500))])) === v;
    }, v2, { timeout: 15000, polling: 250 });
    assert.equal(await page.locator('#patuh-reload').count(), 0, 'no pointless prompt');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    await stop(server);
  }
});

test('embedding: a host page on another port gets an iframe (pre-filled, accent), its resize messages and the patuh:result event', async () => {
  const app = await serve(DIST, PORT);
  const hostDir = fs.mkdtempSync(path.join(TMP, 'host-'));
  fs.writeFileSync(path.join(hostDir, 'index.html'),
    fs.readFileSync(new URL('embed-host.html', FIXTURES), 'utf8').replaceAll('{{APP}}', URL_));
  const host = await serve(hostDir, HOST_PORT);
  const hostOrigin = `http://127.0.0.1:${HOST_PORT}`;
  const { context, page } = await fresh({ viewport: { width: 1100, height: 900 } });
  const appRequests = [];
  context.on('request', (r) => { if (!r.url().startsWith(hostOrigin)) appRequests.push(r.url()); });
  try {
    await page.goto(`${hostOrigin}/`);
    const iframe = page.locator('#widget iframe');
    await iframe.waitFor();
    assert.equal(await iframe.getAttribute('loading'), 'lazy');
    assert.match(await iframe.getAttribute('title'), /patuh/);
    assert.equal(await iframe.evaluate((f) => f.getBoundingClientRect().width), await page.locator('#widget').evaluate((d) => d.getBoundingClientRect().width));
    const src = new URL(await iframe.getAttribute('src'));
    assert.equal(src.searchParams.get('origin'), hostOrigin);
    assert.equal(src.searchParams.get('instrumen'), 'ori-2016');
    const frame = page.frameLocator('#widget iframe');
    await frame.locator('#patuh-start').waitFor();
    // Pre-filled from the data attributes; accent applied through the CSSOM.
    assert.equal(await frame.locator('#patuh-ins-ori-2016').isChecked(), true);
    assert.equal(await frame.locator('#patuh-opd').inputValue(), 'Dinas Kependudukan dan Pencatatan Sipil');
    assert.equal(await frame.locator('#patuh-unit').inputValue(), 'Bidang Pelayanan');
    assert.equal(await frame.locator('#patuh-product').inputValue(), 'Penerbitan KTP-el');
    assert.equal(await frame.locator('.patuh').evaluate((e) => getComputedStyle(e).getPropertyValue('--patuh-accent').trim()), '#7a1f5c');
    // The iframe takes the content's height (resize messages), with no scrollbar inside.
    await page.waitForFunction(() => document.querySelector('#widget iframe').style.height !== '');
    const fits = () => frame.locator('html').evaluate((h) => h.scrollHeight <= innerHeight + 1);
    const h0 = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    await eventually(fits, 'start screen fits the iframe');
    await frame.locator('#patuh-start').click();
    await frame.locator('#patuh-step-h').waitFor();
    // Answer everything "Ada" inside the frame.
    await answerAll(frame, 'ada');
    await frame.locator('.patuh-result').waitFor();
    await page.waitForFunction(() => window.patuhResults.length > 0);
    const [r] = await page.evaluate(() => window.patuhResults);
    assert.equal(r.zone, 'hijau');
    assert.equal(r.score, 100);
    assert.equal(r.instrument, 'ori-2016');
    assert.equal(r.provisional, false);
    await page.waitForFunction((h) => Math.abs(document.querySelector('#widget iframe').getBoundingClientRect().height - h) > 50, h0);
    await eventually(fits, 'result screen fits the iframe after resizing');
    const h1 = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    assert.notEqual(Math.round(h1), Math.round(h0));
    // One "Tidak ada": the shown result changes, and a new event says so.
    await backToFirstStep(frame);
    await frame.locator('.patuh-section input[type=radio][value="tidak_ada"]').first().check();
    await frame.locator('#patuh-see-result').click();
    await page.waitForFunction(() => window.patuhResults.length > 1);
    const last = (await page.evaluate(() => window.patuhResults)).at(-1);
    assert.ok(last.score < 100 && last.score > 50, JSON.stringify(last));
    // Language from the host: data-lang changes → the app switches (message from the right origin).
    await page.evaluate(() => document.getElementById('widget').setAttribute('data-lang', 'en'));
    await frame.locator('.patuh[lang="en"]').waitFor();
    // The forged frame (told a different origin) never talks to this page and ignores its messages.
    const forged = page.frameLocator('#forged');
    await forged.locator('#patuh-start').waitFor();
    await page.evaluate(() => document.getElementById('forged').contentWindow.postMessage({ type: 'patuh:lang', lang: 'en' }, '*'));
    await page.waitForTimeout(500);
    assert.equal(await forged.locator('.patuh').getAttribute('lang'), 'id');
    assert.deepEqual(await page.evaluate(() => window.messagesFromForged), []);
    // The app itself requested nothing but its own origin.
    assert.deepEqual(foreign(ORIGIN, appRequests), []);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    await stop(host);
    await stop(app);
  }
});

test('same-origin mount: a host page with a hostile global theme mounts patuh into #patuh-root; nothing leaks either way', async () => {
  const dir = fs.mkdtempSync(path.join(TMP, 'mount-'));
  fs.symlinkSync(DIST, path.join(dir, 'patuh'));
  const tpl = fs.readFileSync(new URL('mount-host.html', FIXTURES), 'utf8');
  fs.writeFileSync(path.join(dir, 'with.html'), tpl.replace('{{PATUH}}', '<script type="module" src="patuh/boot.js"></script>'));
  fs.writeFileSync(path.join(dir, 'without.html'), tpl.replace('{{PATUH}}', ''));
  const server = await serve(dir, PORT);
  const { context, page } = await fresh();
  const hostStyles = (p) => p.evaluate(() => ['.host-title', '.host-text', '.host-button', 'body'].map((s) => {
    const c = getComputedStyle(document.querySelector(s));
    return [s, c.fontFamily, c.fontSize, c.color, c.backgroundColor, c.margin, c.padding, c.textTransform, c.boxSizing].join('|');
  }));
  try {
    await page.goto(`${ORIGIN}/without.html`);
    const before = await hostStyles(page);
    await page.evaluate(() => localStorage.setItem('host.cms.key', 'milik situs'));
    await page.goto(`${ORIGIN}/with.html`);
    await page.waitForSelector('#patuh-root .patuh #patuh-start');
    // patuh leaks nothing into the host: same computed styles, and every rule of its stylesheet is
    // scoped.
    assert.deepEqual(await hostStyles(page), before);
    const unscoped = await page.evaluate(() => {
      const bad = [];
      // Top-level selectors of a list (commas inside :where(…) / :not(…) do not split).
      const split = (text) => {
        const out = [];
        let depth = 0, cur = '';
        for (const ch of text) {
          if (ch === '(') depth++;
          if (ch === ')') depth--;
          if (ch === ',' && depth === 0) { out.push(cur); cur = ''; } else cur += ch;
        }
        return [...out, cur].map((x) => x.trim());
      };
      const visit = (rules) => {
        for (const r of rules) {
          if (r.cssRules && !r.selectorText) visit(r.cssRules);
          else if (r.selectorText) for (const s of split(r.selectorText)) if (!/^(\.patuh|:where\(\.patuh\))/.test(s)) bad.push(s);
        }
      };
      for (const sheet of document.styleSheets) if (sheet.href && /\/patuh\/patuh-[0-9a-f]+\.css$/.test(sheet.href)) visit(sheet.cssRules);
      return bad;
    });
    assert.deepEqual(unscoped, []);
    assert.equal(await page.locator('link[href*="page-"]').count(), 0, "patuh's own-page CSS is not loaded into a host");
    // Configured by the mount element's data-* attributes.
    assert.equal(await page.locator('.patuh').getAttribute('lang'), 'en');
    assert.equal(await page.locator('#patuh-ins-ori-2022').isChecked(), true);
    assert.equal(await page.locator('#patuh-opd').inputValue(), 'Dinas Kesehatan');
    assert.equal(await page.locator('.patuh').evaluate((e) => e.classList.contains('patuh--embedded')), true);
    // The host theme does not break the app: key styles match patuh's own page.
    const appStyles = (p) => p.evaluate(() => {
      const pick = (sel, props) => { const c = getComputedStyle(document.querySelector(sel)); return props.map((k) => `${sel} ${k}=${c[k]}`); };
      return [
        ...pick('.patuh', ['fontSize', 'lineHeight', 'color', 'boxSizing']),
        ...pick('#patuh-new-h', ['fontSize', 'textTransform', 'color', 'marginTop']),
        ...pick('#patuh-start', ['backgroundColor', 'color', 'borderRadius', 'textTransform', 'paddingTop', 'fontSize']),
        ...pick('#patuh-opd', ['height', 'boxSizing', 'borderTopStyle']),
        ...pick('.patuh-hint', ['marginTop', 'textIndent', 'color']),
        ...pick('.patuh-field label', ['display', 'fontWeight', 'fontStyle', 'color']),
        ...pick('.patuh-choice', ['fontWeight', 'fontStyle']),
        ...pick('#patuh-ins-hint strong', ['color', 'fontFamily']),
        ...pick('.patuh-footer p', ['color', 'marginTop', 'textIndent']),
        ...pick('.patuh-choices', ['borderTopStyle']),
      ];
    });
    const mounted = await appStyles(page);
    const own = await (async () => {
      const server2 = await serve(DIST, HOST_PORT);
      const p = await context.newPage();
      await visit(p, `http://127.0.0.1:${HOST_PORT}/?lang=en&instrumen=ori-2022`);
      const s = await appStyles(p);
      await p.close();
      await stop(server2);
      return s;
    })();
    assert.deepEqual(mounted.filter((s, i) => s !== own[i]), [], `own page: ${JSON.stringify(own.filter((s, i) => s !== mounted[i]))}`);
    // It works: start an assessment; storage keys are namespaced; no service worker on a host page.
    await begin(page);
    await waitSaved(page);
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.ok(keys.includes('host.cms.key'));
    assert.deepEqual(keys.filter((k) => k !== 'host.cms.key' && !k.startsWith('patuh.v1.')), []);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    await page.screenshot({ path: path.join(OUT, 'mounted-in-host.png'), fullPage: false });
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    await stop(server);
  }
});

test('strict CSP header: no violation and no console error through a full walk; every request is same-origin', async () => {
  const server = await serve(DIST, PORT, { headers: { 'content-security-policy': CSP } });
  const { context, page } = await fresh();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  try {
    const q = new URLSearchParams({ lang: 'en', instrumen: 'ori-2022', opd: 'Dinas Kominfo', unit: 'Bidang TIK', produk: 'Layanan Data', accent: '#aa3300' });
    await visit(page, `${URL_}?${q}`, { control: true });
    assert.equal(await page.locator('.patuh').getAttribute('lang'), 'en');
    assert.equal(await page.locator('#patuh-ins-ori-2022').isChecked(), true);
    assert.equal(await page.locator('#patuh-product').inputValue(), 'Layanan Data');
    assert.equal(await page.locator('.patuh').evaluate((e) => getComputedStyle(e).getPropertyValue('--patuh-accent').trim()), '#aa3300');
    await begin(page);
    await answerAll(page, '2');
    await page.waitForSelector('.patuh-result');
    await page.reload();
    await resume(page);
    await page.locator('.patuh-help summary').first().click();
    // Only the CSSOM custom properties on the app's root; no style attribute anywhere else.
    const styled = await page.evaluate(() => [...document.querySelectorAll('[style]')].map((e) => `${e.className}: ${e.getAttribute('style')}`));
    assert.ok(styled.every((s) => /^patuh\b[^:]*: (--patuh-[a-z-]+: #[0-9a-f]{6}; ?)+$/.test(s)), styled.join('\n'));
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(foreign(ORIGIN, requests), []);
    assert.ok(requests.length > 5);
    // A bad accent is refused (the default stays), and still no violation.
    await page.goto(`${URL_}?accent=${encodeURIComponent('red;background:url(//evil.example/x)')}`);
    await page.waitForSelector('#patuh-main');
    assert.equal(await page.locator('.patuh').evaluate((e) => getComputedStyle(e).getPropertyValue('--patuh-accent').trim()), '#0b5cad');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(foreign(ORIGIN, requests), []);
  } finally {
    await context.close();
    await stop(server);
  }
});

test('sub-path deployment (/layanan/patuh/): loads, the worker is scoped there, offline works, nothing outside is requested', async () => {
  const prefix = '/layanan/patuh/';
  let server = await serve(DIST, PORT, { prefix });
  const { context, page } = await fresh();
  const requests = [];
  const failed = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  try {
    await visit(page, `${ORIGIN}${prefix}`, { control: true });
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope), `${ORIGIN}${prefix}`);
    assert.ok((await page.evaluate(() => caches.keys())).every((k) => k.startsWith(`patuh-${'/layanan/patuh/'} `)));
    await saveThenReloadOffline(context, page, { opd: 'Dinas Sub-path', unit: 'Unit', product: 'Produk' }, async () => { await stop(server); server = null; });
    assert.deepEqual(failed, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(`${ORIGIN}${prefix}`)), []);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    if (server) await stop(server);
  }
});

await runAndExit(async () => {
  await browser.close();
  fs.rmSync(TMP, { recursive: true, force: true });
});
