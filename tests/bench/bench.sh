#!/usr/bin/env bash
# make bench: prints figures (never asserts). Run after `make build` (the Makefile does).
set -uo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/tests/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
hr() { printf '\n== %s\n' "$*"; }
echo "patuh bench — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(rustc --version)"

hr "First load (dist/, as served): raw and gzip -9"
total_raw=0; total_gz=0
# What a first visit downloads: the page, its loader, the wasm-bindgen glue, CSS, wasm and snippets
# (not embed.js, the stable boot.js copy for host pages, or sw.js, which is fetched after load).
for f in dist/index.html dist/boot-*.js dist/patuh-*.js dist/patuh-*.css dist/*_bg.wasm dist/snippets/*/*.js; do
  [ -f "$f" ] || continue
  raw=$(wc -c < "$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '  %-58s %9d %9d\n' "${f#dist/}" "$raw" "$gz"
done
printf '  %-58s %9d %9d  (%.1f KiB gzip; budget 100 KiB)\n' "TOTAL first load" "$total_raw" "$total_gz" "$(echo "$total_gz/1024" | bc -l)"

hr "What each crate adds to the wasm (function bodies, names kept: wasm-bindgen --keep-debug + wasm-opt -Oz -g)"
tmp=$(mktemp -d)
wasm-bindgen --target web --keep-debug --out-dir "$tmp" target/wasm32-unknown-unknown/release/patuh.wasm \
  && wasm-opt -Oz -g "$tmp/patuh_bg.wasm" -o "$tmp/named.wasm" \
  && python3 tests/bench/wasm_sizes.py "$tmp/named.wasm" 12
for f in src/core/instruments/*.json; do
  printf '  embedded data %-40s %9d raw %8d gzip\n' "$(basename "$f")" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done
rm -rf "$tmp"

hr "Native (release)"
cargo run -q --release -p patuh-core --example bench
cargo run -q --release -p patuh-core --example bench -- --write target/bench-100.json

hr "Browser (Debian Chromium, headless, this machine)"
node tests/bench/browser.mjs dist target/bench-100.json

hr "Lighthouse 13 (gzip-serving localhost; mobile = simulated slow 4G + 4× CPU slowdown)"
(cd tests/bench && { [ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null; })
node tests/bench/serve.mjs dist 8094 & srv=$!
sleep 1
for mode in mobile desktop; do
  extra=(); [ "$mode" = desktop ] && extra=(--preset=desktop)
  CHROME_PATH=/usr/bin/chromium tests/bench/node_modules/.bin/lighthouse http://127.0.0.1:8094/ --quiet "${extra[@]}" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --only-categories=performance,accessibility,best-practices --output=json --output-path="target/lighthouse-$mode.json" >/dev/null 2>&1
  python3 - "$mode" "target/lighthouse-$mode.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[2])); a = r["audits"]; c = r["categories"]
dv = lambda k: a[k]["displayValue"].replace("\xa0", " ")
print(f"  {sys.argv[1]:<8} Performance {round(c['performance']['score']*100)}  Accessibility {round(c['accessibility']['score']*100)}  "
      f"Best Practices {round(c['best-practices']['score']*100)}  FCP {dv('first-contentful-paint')}  LCP {dv('largest-contentful-paint')}  "
      f"TBT {dv('total-blocking-time')}  CLS {dv('cumulative-layout-shift')}")
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
