#!/usr/bin/env bash
# make bench: prints figures (never asserts). Run after `make build` (the Makefile does).
set -uo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/tests/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
hr() { printf '\n== %s\n' "$*"; }
echo "patuh bench — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(rustc --version)"

hr "First load (dist/, as served): raw and gzip -9"
total_raw=0; total_gz=0
# What a first visit downloads before the start screen works: index.html and every file it links
# (stylesheets, the loader, the preloaded wasm-bindgen glue, its snippets and the start screen's
# wasm), read from dist/index.html itself. Not the app module or the instrument files,
# loaded on first use; not embed.js, the stable boot.js copy for host pages, or sw.js.
first_load=$(python3 - <<'PY'
import re
html = re.sub(r'<!--.*?-->', '', open('dist/index.html').read(), flags=re.S)
files = ['index.html']
for tag in re.findall(r'<(?:link|script)\b[^>]*>', html):
    rel = re.search(r'\brel="([^"]+)"', tag)
    if tag.startswith('<link') and not (rel and rel.group(1) in ('stylesheet', 'modulepreload', 'preload')):
        continue
    url = re.search(r'\b(?:href|src)="\./([^"]+)"', tag)
    if url:
        files.append(url.group(1))
print(' '.join('dist/' + f for f in files))
PY
)
for f in $first_load; do
  raw=$(wc -c < "$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '  %-58s %9d %9d\n' "${f#dist/}" "$raw" "$gz"
done
printf '  %-58s %9d %9d  (%.1f KiB gzip; budget 100 KiB)\n' "TOTAL first load" "$total_raw" "$total_gz" "$(echo "$total_gz/1024" | bc -l)"

hr "Loaded on first use (src/lazy.js), and precached by the service worker after the first load"
module_gz=0
for f in dist/patuh-app-*.js dist/patuh-app-*_bg.wasm dist/screens-*.css dist/snippets/*/src/photos.js dist/snippets/*/src/instruments.js; do
  gz=$(gzip -9c "$f" | wc -c); module_gz=$((module_gz + gz))
  printf '  %-58s %9d %9d\n' "${f#dist/}" "$(wc -c < "$f")" "$gz"
done
largest_ins=0
for f in dist/instruments/*.json; do
  gz=$(gzip -9c "$f" | wc -c); [ "$gz" -gt "$largest_ins" ] && largest_ins=$gz
  printf '  %-58s %9d %9d\n' "${f#dist/}" "$(wc -c < "$f")" "$gz"
done
echo "  app module: every screen past the start screen (setup, the walk with photos, autosave, the result, recap"
echo "  and SKM screens) and every file download, loaded when the user goes past the start screen;"
echo "  instruments/<id>.json: fetched when that instrument is first used (the catalogue, src/core/catalogue.json, is compiled in by build.rs)."
# Walk ready: what a first visit downloads until the first question shows (the first load, the app
# module's wasm, js and css, and the instrument in use). The whole app: every module and one
# instrument (the largest), with the snippets the app module imports.
walk_gz=$total_gz
for f in dist/patuh-app-*.js dist/patuh-app-*_bg.wasm dist/screens-*.css dist/snippets/*/src/instruments.js; do
  walk_gz=$((walk_gz + $(gzip -9c "$f" | wc -c)))
done
walk_gz=$((walk_gz + largest_ins))
whole=$((total_gz + module_gz + largest_ins))
printf '  %-58s %19d  (%.1f KiB gzip)\n' "walk ready (first load + app module + its instrument)" "$walk_gz" "$(echo "$walk_gz/1024" | bc -l)"
printf '  %-58s %19d  (%.1f KiB gzip; budget 450 KiB; the W3C WCAG-EM report tool: 196 KiB)\n' "whole app (every module and one instrument)" "$whole" "$(echo "$whole/1024" | bc -l)"

hr "What each crate adds to the wasm (function bodies, names kept: wasm-bindgen --keep-debug + wasm-opt -Oz -g)"
tmp=$(mktemp -d)
for bin in patuh patuh-app; do
  echo "  -- $bin.wasm ($([ $bin = patuh ] && echo 'first load: the start screen' || echo 'loaded on first use'))"
  wasm-bindgen --target web --keep-debug --out-dir "$tmp" "target/wasm32-unknown-unknown/release/$bin.wasm" \
    && wasm-opt -Oz -g "$tmp/${bin}_bg.wasm" -o "$tmp/named.wasm" \
    && python3 tests/bench/wasm_sizes.py "$tmp/named.wasm" 8
done
rm -rf "$tmp"

hr "Native (release)"
cargo run -q --release -p patuh-core --example bench
cargo run -q --release -p patuh-core --example bench -- --write target/bench-100.json
rm -rf target/bench-recap && cargo run -q --release -p patuh-core --example bench -- --write-many target/bench-recap 50

hr "Browser (Debian Chromium, headless, this machine)"
node tests/bench/browser.mjs dist target/bench-100.json target/bench-recap

hr "Lighthouse 13, median of 3 runs (gzip-serving localhost; mobile = simulated slow 4G + 4× CPU slowdown)"
(cd tests/bench && { [ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null; })
node tests/bench/serve.mjs dist 8094 & srv=$!
sleep 1
# Three runs of each (Lighthouse varies by a point or two between runs): every run, then the median.
for mode in mobile desktop; do
  extra=(); [ "$mode" = desktop ] && extra=(--preset=desktop)
  for run in 1 2 3; do
    CHROME_PATH=/usr/bin/chromium tests/bench/node_modules/.bin/lighthouse http://127.0.0.1:8094/ --quiet "${extra[@]}" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
      --only-categories=performance,accessibility,best-practices --output=json --output-path="target/lighthouse-$mode-$run.json" >/dev/null 2>&1
  done
  python3 - "$mode" target/lighthouse-$mode-{1,2,3}.json <<'PY'
import json, statistics, sys
mode, files = sys.argv[1], sys.argv[2:]
runs = []
for f in files:
    r = json.load(open(f)); a = r["audits"]; c = r["categories"]
    runs.append({
        "perf": round(c["performance"]["score"] * 100), "a11y": round(c["accessibility"]["score"] * 100),
        "bp": round(c["best-practices"]["score"] * 100),
        "fcp": a["first-contentful-paint"]["numericValue"] / 1000, "lcp": a["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": a["total-blocking-time"]["numericValue"], "cls": a["cumulative-layout-shift"]["numericValue"]})
med = lambda k: statistics.median(r[k] for r in runs)
print(f"  {mode:<8} Performance {med('perf'):.0f} (runs: {', '.join(str(r['perf']) for r in runs)})  Accessibility {med('a11y'):.0f}  "
      f"Best Practices {med('bp'):.0f}  FCP {med('fcp'):.1f} s  LCP {med('lcp'):.1f} s  TBT {med('tbt'):.0f} ms  CLS {med('cls'):.2f}")
PY
done
kill $srv 2>/dev/null

hr "Fuzzing the file decoder (cargo fuzz, 1,000,000 inputs)"
if ! command -v cargo-fuzz >/dev/null; then cargo install --quiet cargo-fuzz --version 0.13.1; fi
log=$(mktemp)
if (cd src/core && RUSTC_BOOTSTRAP=1 cargo fuzz run decode -- -runs=1000000 >"$log" 2>&1); then
  grep -E "^Done" "$log" | sed 's/^/  /'; echo "  0 panics in 1,000,000 inputs"
else
  grep -E "panicked|SUMMARY|Test unit written" "$log" | sed 's/^/  /'; echo "  A CRASH WAS FOUND: see src/core/fuzz/artifacts/decode/"
fi
rm -f "$log"

hr "Fuzzing the importers: bundle, recap, SKM CSV, HTML data block (cargo fuzz, 1,000,000 inputs)"
log=$(mktemp)
if (cd src/core && RUSTC_BOOTSTRAP=1 cargo fuzz run importers -- -runs=1000000 >"$log" 2>&1); then
  grep -E "^Done" "$log" | sed 's/^/  /'; echo "  0 panics in 1,000,000 inputs"
else
  grep -E "panicked|SUMMARY|Test unit written" "$log" | sed 's/^/  /'; echo "  A CRASH WAS FOUND: see src/core/fuzz/artifacts/importers/"
fi
rm -f "$log"
