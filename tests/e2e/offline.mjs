// End-to-end tests (docs/EMBEDDING.md): offline (service worker), updates, no third-party requests,
// sub-path deployment. Runs against the release build in dist/. Embedding and the strict CSP: embed.mjs.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, stop, launch, test, runAndExit, OUT } from './harness.mjs';
import { recordedPage, controlled, visit as visitStart, watch, begin, start, resume, answerAll, backToFirstStep, waitSaved } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_OFFLINE_PORT ?? 8096);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const URL_ = `${ORIGIN}/`;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-offline-'));

const browser = await launch();

const fresh = (options) => recordedPage(browser, options);

const metaVersion = (page) => page.evaluate(() => document.querySelector('meta[name="patuh-version"]')?.content);
/** Asks the controlling service worker for its build version. */
const workerVersion = (page) => page.evaluate(() => new Promise((resolve) => {
  const ch = new MessageChannel();
  ch.port1.onmessage = (e) => resolve(e.data.version);
  navigator.serviceWorker.controller.postMessage({ type: 'patuh:version' }, [ch.port2]);
}));

const visit = (page, url = URL_, options) => visitStart(page, url, options);

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