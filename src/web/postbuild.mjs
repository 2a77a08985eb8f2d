// Trunk post_build hook (Trunk.toml [[hooks]]): runs on the staging dist directory after Trunk wrote
// index.html and before it replaces dist/. It
//   0. gives the app module (src/main_app.rs; built by Trunk as a "worker" without a hash in its
//      names) content-hashed names, so a page never mixes two builds;
//   1. computes the build version: a SHA-256 over the name and bytes of every built file;
//   2. writes the loader (src/web/boot.js with the hashed names of the app's js, wasm and css) as
//      boot.js (stable, for host pages) and boot-<version>.js (what index.html loads);
//   3. points index.html at boot-<version>.js and adds <meta name="patuh-version">;
//      The instrument data files get content-hashed names as well (the map goes into
//      src/instruments.js, the snippet that fetches them).
//   4. writes sw.js (src/web/sw.js with the version and the list of files to precache).
//   5. minifies every JS file (terser) and stylesheet (lightningcss), drops the wasm files' custom
//      sections (toolchain notes no browser reads) and updates the integrity hashes of index.html;
//      drops the preload of a snippet the first load does not import.
// Node, with terser and lightningcss from tests/e2e (.ci/install.sh). Fails the build loudly if
// anything it expects is missing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!stage) throw new Error('postbuild.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is unset)');

const GENERATED = /^(sw\.js|boot(-[0-9a-f]+)?\.js)$/;
const files = (dir, rel = '') => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(path.join(dir, e.name), `${rel}${e.name}/`) : [`${rel}${e.name}`]).sort();

const indexPath = path.join(stage, 'index.html');
let index = fs.readFileSync(indexPath, 'utf8');

// 0. The modules loaded on first use, built by Trunk as "workers" without a hash in their names:
//    patuh-app.js / patuh-app_bg.wasm → patuh-app-<hash>.js / _bg.wasm.
const hashed = {};
for (const bin of ['patuh-app']) {
  const out = [`${bin}.js`, `${bin}_bg.wasm`].map((f) => path.join(stage, f));
  for (const f of out) if (!fs.existsSync(f)) throw new Error(`postbuild.mjs: ${path.basename(f)} was not built (index.html rel="rust" data-bin="${bin}")`);
  const h = crypto.createHash('sha256');
  for (const f of out) h.update(fs.readFileSync(f));
  const base = `${bin}-${h.digest('hex').slice(0, 16)}`;
  fs.renameSync(out[0], path.join(stage, `${base}.js`));
  fs.renameSync(out[1], path.join(stage, `${base}_bg.wasm`));
  hashed[bin] = base;
}

// The instrument data files: without the indentation of the source files (−1 KiB gzip each; their
// numbers are small, so JSON.parse reads them exactly), and content-hashed names, so the service worker serves them
// from its cache like the other hashed files (a later visit does not fetch them again) and a page
// never reads an instrument file of another build.
const instrumentFiles = {};
for (const f of fs.readdirSync(path.join(stage, 'instruments')).filter((f) => f.endsWith('.json')).sort()) {
  const full = path.join(stage, 'instruments', f);
  const source = fs.readFileSync(full, 'utf8');
  const compact = JSON.stringify(JSON.parse(source));
  fs.writeFileSync(full, compact);
  const named = `${f.slice(0, -5)}-${crypto.createHash('sha256').update(compact).digest('hex').slice(0, 16)}.json`;
  fs.renameSync(full, path.join(stage, 'instruments', named));
  instrumentFiles[f] = named;
}
if (!Object.keys(instrumentFiles).length) throw new Error('postbuild.mjs: no instrument files in instruments/');
// The map goes into the snippet that fetches them (src/instruments.js, loaded with the app module,
// so the first load does not carry it).
const placeholder = '/*__PATUH_INSTRUMENT_FILES__*/{}';
const fetcher = files(stage).filter((f) => f.endsWith('/src/instruments.js'));
if (fetcher.length !== 1) throw new Error(`postbuild.mjs: expected one snippets/*/src/instruments.js, found ${fetcher.length}`);
const fetcherText = fs.readFileSync(path.join(stage, fetcher[0]), 'utf8');
if (!fetcherText.includes(placeholder)) throw new Error('postbuild.mjs: src/instruments.js lacks the file-map placeholder');
fs.writeFileSync(path.join(stage, fetcher[0]), fetcherText.replace(placeholder, JSON.stringify(instrumentFiles)));

// 0b. Smaller files (the first-load budget, docs/PERFORMANCE.md): JS through terser, CSS through lightningcss
//     (Trunk's own minifier fails on wasm-bindgen's glue). Names Trunk hashed keep their names.
const requireTool = createRequire(path.join(source, 'tests/e2e/package.json'));
const { minify } = await import(requireTool.resolve('terser'));
const { transform } = requireTool('lightningcss');
/**
 * A wasm module without its custom sections (id 0: `producers`, `target_features`, names): notes
 * for toolchains that browsers skip, about 190 bytes gzip of the first load.
 */
function withoutCustomSections(wasm) {
  const keep = [wasm.subarray(0, 8)];
  let i = 8;
  while (i < wasm.length) {
    const start = i++;
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[i++];
      size += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    if (i + size > wasm.length) throw new Error('postbuild.mjs: a wasm section runs past the end of the file');
    if (wasm[start] !== 0) keep.push(wasm.subarray(start, i + size));
    i += size;
  }
  return Buffer.concat(keep);
}
const sri = (f) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(stage, f))).digest('base64')}`;
for (const f of files(stage)) {
  const full = path.join(stage, f);
  if (f.endsWith('.js') && !GENERATED.test(f)) {
    const out = await minify(fs.readFileSync(full, 'utf8'), { module: true, compress: true, mangle: true });
    if (!out.code) throw new Error(`postbuild.mjs: terser gave nothing for ${f}`);
    fs.writeFileSync(full, out.code);
  } else if (f.endsWith('.css')) {
    const { code } = transform({ filename: f, code: fs.readFileSync(full), minify: true });
    fs.writeFileSync(full, code);
  } else if (f.endsWith('.wasm')) {
    fs.writeFileSync(full, withoutCustomSections(fs.readFileSync(full)));
  } else continue;
  // Trunk wrote integrity="sha384-…" for the old bytes: the new bytes' hash replaces it.
  index = index.replace(new RegExp(`(href="\\./${f.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*"`), `$1${sri(f)}"`);
}
// The other screens' stylesheet (styles/screens.css, copied as is): a content-hashed name too.
const screensCss = `screens-${crypto.createHash('sha256').update(fs.readFileSync(path.join(stage, 'screens.css'))).digest('hex').slice(0, 16)}.css`;
fs.renameSync(path.join(stage, 'screens.css'), path.join(stage, screensCss));

// Trunk preloads every wasm-bindgen snippet; keep only those the first load's glue imports (the
// others, e.g. the photo store, are loaded with the app module that imports them).
const glue = index.match(/<link rel="modulepreload" href="\.\/(patuh(?:-[0-9a-f]+)?\.js)"/);
if (!glue) throw new Error('postbuild.mjs: no modulepreload of patuh.js in index.html');
const glueText = fs.readFileSync(path.join(stage, glue[1]), 'utf8');
index = index.replace(/\s*<link rel="modulepreload" href="\.\/(snippets\/[^"]+)"[^>]*>/g,
  (link, f) => (glueText.includes(f) ? link : ''));

// 1. The version: every built file except the ones generated here (derived from the others).
const hash = crypto.createHash('sha256');
for (const f of files(stage)) {
  if (GENERATED.test(f)) continue;
  hash.update(f).update('\0').update(fs.readFileSync(path.join(stage, f))).update('\0');
}
const version = hash.digest('hex').slice(0, 16);

// 2. The loader, with the names Trunk gave the app's files (read from its preload/stylesheet
//    links).
const href = (re, what) => {
  const m = index.match(re);
  if (!m) throw new Error(`postbuild.mjs: no ${what} link in index.html`);
  return m[1].replace(/^\.\//, '');
};
const names = {
  js: href(/<link rel="modulepreload" href="(\.\/patuh(?:-[0-9a-f]+)?\.js)"/, 'modulepreload of patuh.js'),
  wasm: href(/<link rel="preload" href="(\.\/patuh(?:-[0-9a-f]+)?_bg\.wasm)"/, 'preload of patuh_bg.wasm'),
  css: href(/<link rel="stylesheet" href="(\.\/patuh(?:-[0-9a-f]+)?\.css)"/, 'stylesheet patuh.css'),
  screensCss,
  app: `${hashed['patuh-app']}.js`,
  appWasm: `${hashed['patuh-app']}_bg.wasm`,
};
const small = async (code, module) => (await minify(code, { module, compress: true, mangle: true })).code;
const boot = await small(fs.readFileSync(path.join(source, 'src/web/boot.js'), 'utf8').replace('__PATUH_FILES__', JSON.stringify(names)), true);
const bootName = `boot-${version}.js`;
fs.writeFileSync(path.join(stage, 'boot.js'), boot);
fs.writeFileSync(path.join(stage, bootName), boot);

// 3. index.html: the versioned loader and the version marker the app compares with the worker's.
const script = /<script type="module" src="\.\/boot\.js"><\/script>/;
if (!script.test(index)) throw new Error('postbuild.mjs: index.html lacks the boot.js script (Trunk.toml pattern_script)');
index = index.replace(script, `<script type="module" src="./${bootName}"></script>`)
  .replace('<meta name="patuh-sw"', `<meta name="patuh-version" content="${version}" />\n    <meta name="patuh-sw"`);
if (!index.includes('name="patuh-version"')) throw new Error('postbuild.mjs: index.html lacks <meta name="patuh-sw">');
// Comments and indentation are for readers of the source, not for the first load.
index = index.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s*/g, '\n');
fs.writeFileSync(indexPath, index);

// 4. The service worker: precache everything a start needs (all built files but itself and the
//    stable boot.js, which index.html does not load), './' first for navigations.
const precache = ['./', ...files(stage).filter((f) => f !== 'sw.js' && f !== 'boot.js')];
const sw = await small(fs.readFileSync(path.join(source, 'src/web/sw.js'), 'utf8')
  .replace("'__PATUH_VERSION__'", JSON.stringify(version))
  .replace('__PATUH_PRECACHE__', JSON.stringify(precache)), false);
fs.writeFileSync(path.join(stage, 'sw.js'), sw);

console.log(`postbuild: version ${version}, ${precache.length} files precached`);
