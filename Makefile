# patuh — two commands for a fresh machine: `make run` and `make test` (README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PATH := $(CURDIR)/tests/e2e/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Step timer: prints "=== name ok (Ns)" so slow steps are visible in CI logs.
step = @t=$$(date +%s); printf '\n=== %s\n' "$(1)"; $(2) && printf '=== %s ok (%ss)\n' "$(1)" $$(( $$(date +%s) - t ))

.PHONY: help install run build test fmt clippy host-test browser-test e2e bench clean

help:
	@echo "make run    install what is missing, build, serve on http://127.0.0.1:8080"
	@echo "make test   install what is missing, then fmt, clippy (host + wasm32), host tests,"
	@echo "            browser tests, release build, end-to-end tests"
	@echo "make bench  build the release and print size and speed figures"

install:
	@bash .ci/install.sh

# Trunk copies (and modulepreloads) every file in wasm-bindgen's snippets folder, which keeps
# snippets a rename left behind: start each build from a fresh one (it is rebuilt in a second).
fresh_snippets = rm -rf target/wasm-bindgen

run: install
	$(fresh_snippets); trunk serve --release

build: install
	$(call step,release build,$(fresh_snippets) && trunk build --release)

fmt:
	$(call step,fmt,cargo fmt --all -- --check)

clippy:
	$(call step,clippy host,cargo clippy --workspace --all-targets -- -D warnings)
	$(call step,clippy wasm32,cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings)

host-test:
	$(call step,host tests (patuh-core),cargo test -p patuh-core)
	$(call step,host tests (instruments fetched at run time),cargo test -p patuh-core --no-default-features --test registry)
	$(call step,host tests (app glue: embed config),cargo test -p patuh --lib)

browser-test:
	$(call step,browser tests (headless Chromium),cargo test --target wasm32-unknown-unknown -p patuh --test web)

e2e:
	$(call step,end-to-end: the walk / scores / saves / keyboard (Playwright + axe-core),node tests/e2e/e2e.mjs dist)
	$(call step,downloads / reopening files / comparison / pemda recap / SKM calculator / CSV language (Playwright + axe-core),node tests/e2e/downloads.mjs dist)
	$(call step,the 2025 opinion (Playwright + axe-core),node tests/e2e/opinion.mjs dist)
	$(call step,one model: the result screen equals the HTML / PDF / CSV (Playwright),node tests/e2e/model.mjs dist)
	$(call step,offline / updates / sub-path (Playwright),node tests/e2e/offline.mjs dist)
	$(call step,embedding / same-origin mount / strict CSP (Playwright),node tests/e2e/embed.mjs dist)
	$(call step,faults: damaged saves / quota / photo store (Playwright),node tests/e2e/faults.mjs dist)
	$(call step,faults: reloads at random moments / an instrument file or the app module that cannot be loaded (Playwright),node tests/e2e/faults_loads.mjs dist)
	$(call step,opening files: re-zipped bundles / long notes / every refusal in both languages (Playwright),node tests/e2e/files.mjs dist)
	$(call step,lost work: two tabs / an older file opened over newer work / SKM figures kept / the Back button (Playwright + axe-core),node tests/e2e/lost.mjs dist)
	$(call step,phone and laptop widths: no horizontal scroll / axe / resume (Playwright),node tests/e2e/phone.mjs dist)

test: install fmt clippy host-test browser-test build e2e
	@echo; echo "make test: all checks passed"

bench: build
	@bash tests/bench/bench.sh

clean:
	cargo clean; rm -rf dist
