// Browser figures for `make bench` (printed, never asserted): cold start to the first control,
// answer → next paint with 100 service products loaded, and memory after loading them.
import fs from 'node:fs';
import path from 'node:path';
import { serve, stop, launch } from '../e2e/harness.mjs';

const DIST = path.resolve(process.argv[2] ?? 'dist');
const FIXTURE = process.argv[3];
const PORT = 8093;
const URL_ = `http://127.0.0.1:${PORT}/`;
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const ms = (x) => `${x.toFixed(1)} ms`;

const server = await serve(DIST, PORT);
const browser = await launch();
try {
  // 1. Cold start: fresh context (empty cache) → the first form control is visible.
  const cold = [];
  for (let i = 0; i < 10; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(URL_);
    await page.waitForSelector('#patuh-start', { state: 'visible' });
    cold.push(await page.evaluate(() => performance.now()));
    await ctx.close();
  }
  console.log(`  cold start → first control visible (median of 10)          ${ms(q(cold, 0.5))}`);

  // 2. 100 products loaded: answer → next paint.
  const text = fs.readFileSync(FIXTURE, 'utf8');
  const id = JSON.parse(text).assessment.id;
  const ctx = await browser.newContext({ acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(URL_);
  await page.waitForSelector('#patuh-start');
  await page.evaluate(([id, text]) => { localStorage.setItem(`patuh.v1.assessment.${id}`, text); localStorage.setItem('patuh.v1.last', id); }, [id, text]);
  const t0 = Date.now();
  await page.reload();
  await page.click('#patuh-continue');
  await page.waitForSelector('#patuh-step-h');
  console.log(`  open a 100-product assessment (reload → walk shown)          ${ms(Date.now() - t0)}`);
  const lat = await page.evaluate(async () => {
    const out = [];
    const groups = [...document.querySelectorAll('.patuh-section fieldset.patuh-ind')];
    for (let k = 0; k < 40; k++) {
      const g = groups[k % groups.length];
      const radios = [...g.querySelectorAll('input[type=radio]')];
      const target = radios[k % radios.length].checked ? radios[(k + 1) % radios.length] : radios[k % radios.length];
      const t = performance.now();
      target.click();
      await new Promise((r) => { const check = () => (target.closest('label').classList.contains('patuh-opt--on') ? requestAnimationFrame(() => r()) : setTimeout(check, 0)); check(); });
      out.push(performance.now() - t);
    }
    return out;
  });
  console.log(`  answer → next paint, 100 products (40 clicks)  p50 ${ms(q(lat, 0.5))}  p95 ${ms(q(lat, 0.95))}`);
  const mem = await page.evaluate(() => ({ heap: performance.memory?.usedJSHeapSize ?? 0, wasm: window.wasmBindings?.__wasm?.memory?.buffer?.byteLength ?? null }));
  console.log(`  JS heap after loading 100 products                           ${(mem.heap / 1048576).toFixed(1)} MiB`);
  if (mem.wasm) console.log(`  wasm linear memory                                           ${(mem.wasm / 1048576).toFixed(1)} MiB`);
  await page.click('#patuh-see-result');
  const tr = Date.now();
  await page.waitForSelector('.patuh-result');
  console.log(`  result screen (score, gaps, plans) for 100 products          ${ms(Date.now() - tr)}`);
  for (const [sel, what] of [['#patuh-dl-html', 'HTML report'], ['#patuh-dl-pdf', 'PDF report'], ['#patuh-dl-csv', 'CSV']]) {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t1 = Date.now();
      await Promise.all([page.waitForEvent('download'), page.click(sel)]);
      times.push(Date.now() - t1);
    }
    console.log(`  ${what} for 100 products, click → download (median of 3)`.padEnd(63) + ms(q(times, 0.5)));
  }
  await ctx.close();
} finally {
  await browser.close();
  await stop(server);
}
