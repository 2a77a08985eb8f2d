#!/usr/bin/env bash
# make bench: prints figures (never asserts). Run after `make build` (the Makefile does).
set -uo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/tests/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
hr() { printf '\n== %s\n' "$*"; }
echo "patuh bench — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(rustc --version)"

hr "First load ($D/, as served): raw and gzip -9"
total_raw=0; total_gz=0
# What a first visit downloads before the start screen works: index.html and every file it links
# (stylesheets, the loader, the preloaded wasm-bindgen glue, its snippets and the start screen's
# wasm), read from $D/index.html itself. Not the app module or the instrument files,
# loaded on first use; not embed.js, the stable boot.js copy for host pages, or sw.js.
first_load=$(python3 - <<'PY'
import re, os
html = re.sub(r'<!--.*?-->', '', open(os.environ['D'] + '/index.html').read(), flags=re.S)
files = ['index.html']
for tag in re.findall(r'<(?:link|script)\b[^>]*>', html):
    rel = re.search(r'\brel="([^"]+)"', tag)
    if tag.startswith('<link') and not (rel and rel.group(1) in ('stylesheet', 'modulepreload', 'preload')):
        continue
    url = re.search(r'\b(?:href|src)="\./([^"]+)"', tag)
    if url:
        files.append(url.group(1))
print(' '.join(os.environ['D'] + '/' + f for f in files))
PY
)
for f in $first_load; do
  raw=$(wc -c < "$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '  %-58s %9d %9d\n' "${f##*/}" "$raw" "$gz"
done
printf '  %-58s %9d %9d  (%.1f KiB gzip; budget 100 KiB)\n' "TOTAL first load" "$total_raw" "$total_gz" "$(echo "$total_gz/1024" | bc -l)"

hr "Loaded on first use (src/lazy.js), and precached by the service worker after the first load"
module_gz=0
for f in $D/patuh-app-*.js $D/patuh-app-*_bg.wasm $D/screens-*.css $D/snippets/*/src/photos.js $D/snippets/*/src/instruments.js; do
  gz=$(gzip -9c "$f" | wc -c); module_gz=$((module_gz + gz))
  printf '  %-58s %9d %9d\n' "${f##*/}" "$(wc -c < "$f")" "$gz"
done
largest_ins=0
for f in $D/instruments/*.json; do
  gz=$(gzip -9c "$f" | wc -c); [ "$gz" -gt "$largest_ins" ] && largest_ins=$gz
  printf '  %-58s %9d %9d\n' "${f##*/}" "$(wc -c < "$f")" "$gz"
done
echo "  app module: every screen past the start screen (setup, the walk with photos, autosave, the result, recap"
echo "  and SKM screens) and every file download, loaded when the user goes past the start screen;"
echo "  instruments/<id>.json: fetched when that instrument is first used (the catalogue, src/core/catalogue.json, is compiled in by build.rs)."
# Walk ready: what a first visit downloads until the first question shows (the first load, the app
# module's wasm, js and css, and the instrument in use). The whole app: every module and one
# instrument (the largest), with the snippets the app module imports.
walk_gz=$total_gz
for f in $D/patuh-app-*.js $D/patuh-app-*_bg.wasm $D/screens-*.css $D/snippets/*/src/instruments.js; do
  walk_gz=$((walk_gz + $(gzip -9c "$f" | wc -c)))
done
walk_gz=$((walk_gz + largest_ins))
whole=$((total_gz + module_gz + largest_ins))
printf '  %-58s %19d  (%.1f KiB gzip)\n' "walk ready (first load + app module + its instrument)" "$walk_gz" "$(echo "$walk_gz/1024" | bc -l)"
printf '  %-58s %19d  (%.1f KiB gzip; budget 450 KiB; the W3C WCAG-EM report tool: 196 KiB)\n' "whole app (every module and one instrument)" "$whole" "$(echo "$whole/1024" | bc -l)"
