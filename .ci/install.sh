#!/usr/bin/env bash
# Installs every tool `make run` and `make test` need, from crates.io, npm and Debian only.
# Idempotent: each step checks the installed version first, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14            # trunk 0.22 needs rustc >= 1.96.1 (../shared/toolchain.md)
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, or Trunk (offline) refuses to build.
WB_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$BIN:$PATH"
say() { printf '[install] %s\n' "$*"; }

# 1. Debian: chromium (browser tests, e2e) and its driver (wasm-bindgen-test-runner), poppler for PDF checks,
#    Info-ZIP zip for re-zipped bundles.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
command -v zip >/dev/null || need_apt+=(zip)   # re-zipped bundles in the core tests (src/core/tests/open.rs)
fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# 2. Rust target for the browser.
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

# 3. npm: wasm-opt (binaryen 132; Debian's 108 cannot read current rustc output), playwright-core, axe-core.
# A stamp (a copy of the lockfile) makes the second run instant and re-installs when the lock changes.
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || ! cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.patuh-lock 2>/dev/null; then
  say "npm ci (tests/e2e)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.patuh-lock)
fi

# 4. cargo tools, built in parallel (trunk is ~80 % of a cold install).
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16   # ~1/3 faster tool builds
pids=()
if ! "$BIN/trunk" --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "cargo install trunk $TRUNK_VERSION"
  cargo install --quiet --locked trunk --version "$TRUNK_VERSION" --no-default-features --features rustls & pids+=($!)
fi
if ! "$BIN/wasm-bindgen" --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  say "cargo install wasm-bindgen-cli $WB_VERSION"
  # no --locked: its lockfile wants webpki-roots 1.0.11, absent from the registry index here
  cargo install --quiet wasm-bindgen-cli --version "$WB_VERSION" --force & pids+=($!)
fi
for p in "${pids[@]}"; do wait "$p"; done
say "ready: $("$BIN/trunk" --version), $("$BIN/wasm-bindgen" --version), $(tests/e2e/node_modules/.bin/wasm-opt --version)"
