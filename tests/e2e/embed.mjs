// End-to-end tests (docs/EMBEDDING.md): embedding in an iframe on another origin, mounting into a host
// page on the same origin, and the strict CSP header. Runs against the release build in dist/.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, stop, launch, test, runAndExit, OUT } from './harness.mjs';
import { recordedPage, visit as visitStart, watch, begin, start, resume, answerAll, backToFirstStep, waitSaved } from './flows.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const PORT = Number(process.env.E2E_EMBED_PORT ?? 8120);
const HOST_PORT = PORT + 1; // "another localhost port" for the embedding site
const ORIGIN = `http://127.0.0.1:${PORT}`;
const URL_ = `${ORIGIN}/`;
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const FIXTURES = new URL('./fixtures/', import.meta.url);
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'patuh-embed-'));

const browser = await launch();

const fresh = (options) => recordedPage(browser, options);


const visit = (page, url = URL_, options) => visitStart(page, url, options);

/** Retries `check` (async → boolean) for up to 5 s. */
async function eventually(check, message) {
  for (let t = Date.now(); Date.now() - t < 5000; await new Promise((r) => setTimeout(r, 100))) {
    if (await check()) return;
  }
  assert.fail(message);
}

/** Requests that went anywhere but `origin` (blob: URLs of downloads count as the page's own). */
const foreign = (origin, urls) => urls.filter((u) => !u.startsWith('blob:') && new URL(u).origin !== origin);

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

test('embedded walk: the live score stays in the host page\'s view while the host scrolls (360 and 1280 px)', async () => {
  const app = await serve(DIST, PORT);
  const hostDir = fs.mkdtempSync(path.join(TMP, 'host-'));
  fs.writeFileSync(path.join(hostDir, 'index.html'),
    fs.readFileSync(new URL('embed-host.html', FIXTURES), 'utf8').replaceAll('{{APP}}', URL_));
  const host = await serve(hostDir, HOST_PORT);
  try {
    for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
      const { context, page } = await fresh({ viewport });
      await page.goto(`http://127.0.0.1:${HOST_PORT}/`);
      const iframe = page.locator('#widget iframe');
      const frame = page.frameLocator('#widget iframe');
      await frame.locator('#patuh-start').click();
      await frame.locator('#patuh-step-h').waitFor();
      // The iframe grows to the whole walk: inside it, "sticky" alone would stick to its end.
      await eventually(async () => (await iframe.boundingBox()).height > 1.5 * viewport.height,
        `${viewport.width} px: the iframe is as tall as the walk (${(await iframe.boundingBox()).height} px)`);
      await frame.locator('.patuh-section input[type=radio][value="ada"]').first().check();
      const score = frame.locator('.patuh-aside #patuh-score');
      for (const at of [0.5, 0.25, 0.75]) {
        await page.evaluate((at) => {
          const r = document.querySelector('#widget iframe').getBoundingClientRect();
          window.scrollBy(0, r.top + r.height * at - innerHeight / 2);
        }, at);
        // boundingBox: in the host page's viewport.
        await eventually(async () => {
          const b = await score.boundingBox();
          return b && b.y >= 0 && b.y + b.height <= viewport.height;
        }, `${viewport.width} px, ${at * 100} % down the walk: the live score is in the host's view`);
        if (viewport.width === 360 && at === 0.5) {
          await page.screenshot({ path: path.resolve('target/screens/embed-walk-bar-360.png') });
        }
      }
      assert.match(await score.innerText(), /\d/, 'the bar shows the score');
      assert.deepEqual(page.errors, []);
      await context.close();
    }
  } finally {
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
      const pick = (sel, props) => {
        const el = document.querySelector(sel);
        if (!el) return [`${sel} is missing`];
        const c = getComputedStyle(el);
        return props.map((k) => `${sel} ${k}=${c[k]}`);
      };
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

await runAndExit(async () => {
  await browser.close();
  fs.rmSync(TMP, { recursive: true, force: true });
});
