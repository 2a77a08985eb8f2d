// Tiny e2e harness: a static server for dist/, Debian's Chromium through playwright-core (never a
// downloaded browser), axe-core checks, screenshots, and a closing "N passed, N failed" line.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const OUT = path.resolve(process.env.E2E_OUT ?? 'target/e2e');
fs.mkdirSync(OUT, { recursive: true });

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json' };

/** Serves `dir` on 127.0.0.1:`port`, optionally under a sub-path and with extra headers. */
export function serve(dir, port, { prefix = '/', headers = {}, gzip = false } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!p.startsWith(prefix)) { res.writeHead(404); return res.end('not found'); }
    p = '/' + p.slice(prefix.length);
    if (p.endsWith('/')) p += 'index.html';
    const f = path.join(root, p);
    if (!f.startsWith(root) || !fs.existsSync(f) || !fs.statSync(f).isFile()) { res.writeHead(404); return res.end('not found'); }
    const type = TYPES[path.extname(f)] ?? 'application/octet-stream';
    if (gzip && /gzip/.test(req.headers['accept-encoding'] ?? '') && !/png/.test(type)) {
      // Like any production web server: compressed transfer (the size budget is counted gzipped).
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-cache', ...headers });
      return fs.createReadStream(f).pipe(zlib.createGzip({ level: 9 })).pipe(res);
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...headers });
    fs.createReadStream(f).pipe(res);
  });
  return new Promise((r) => server.listen(port, '127.0.0.1', () => r(server)));
}
export const stop = (s) => new Promise((r) => { s.closeAllConnections(); s.close(r); });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page; returns the violations. */
export async function axe(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

const tests = [];
export const test = (name, fn) => tests.push({ name, fn });

export async function run() {
  let passed = 0, failed = 0;
  const t0 = Date.now();
  // E2E_ONLY=text runs only the tests whose name contains it (while working on one).
  const only = process.env.E2E_ONLY;
  for (const { name, fn } of tests.filter((x) => !only || x.name.includes(only))) {
    const t = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok   ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n     ')}`);
    }
  }
  console.log(`\ne2e finished in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

/** Runs the tests, then `cleanup` (always), and exits with 1 when any failed. */
export async function runAndExit(cleanup) {
  let failed = 1;
  try {
    failed = await run();
  } finally {
    await cleanup();
  }
  process.exit(failed ? 1 : 0);
}
