# Async Lab: `make serve` to work on it, `make test` to check it. Both install what is missing first.
# `make test` runs, in order: setup-test, lint, test-native, test-wasm, test-e2e (after the release build),
# html (the Nu HTML Checker on the built page), size.
# `make lint` (rustfmt and clippy), `make html` and `make size` (the gzip budget of dist/) also run alone.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT := 120

.PHONY: bench heights posters serve sites test setup-serve setup-test lint test-native test-wasm test-e2e build build-test-hooks html size clean

serve: setup-serve
	trunk serve --offline --address 127.0.0.1 --port 8080

test: setup-test lint test-native test-wasm test-e2e html size

setup-serve:
	@scripts/setup.sh serve

setup-test:
	@scripts/setup.sh test

## Lints: rustfmt (rustfmt.toml) on every workspace crate, then clippy with warnings as errors on the
## core (native, its tests included) and on the app for wasm32 (its wasm-bindgen tests in tests/ included).
lint:
	cargo fmt --all --check
	cargo clippy -p async-lab-core --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets --all-features -- -D warnings

## Pure core: statistics, validation, URL state, the RunReport (property tests included).
test-native:
	cargo test -p async-lab-core

## In headless Chromium: the runtime (timers, fetch abort, the clock), the drafts' row signals, the lessons' shown code.
test-wasm:
	cargo test --target wasm32-unknown-unknown

## The release build into dist/: Trunk (its post_build hook bundles embed/ into embed.js, scripts/embed.mjs),
## then the JS glue, boot.js, embed.js, sw.js and the CSS
## minified (scripts/minify.mjs; integrity hashes rewritten) and the Content-Security-Policy
## written into index.html.
build:
	trunk build --release --offline
	node scripts/minify.mjs dist
	node scripts/csp-meta.mjs dist/index.html

## A debug build with the test-only hooks (a panic trigger), served beside the release build.
build-test-hooks:
	trunk build --offline --features test-hooks --dist dist-test
	node scripts/csp-meta.mjs dist-test/index.html

## Real docs sites (Sphinx with Furo, sphinx-rtd-theme and pydata-sphinx-theme, MkDocs + Material,
## mdBook, Docusaurus, VitePress; pinned, installed by scripts/setup.sh) that embed the app served by
## the tests on 127.0.0.1:4173, each loading embed.js once in <head>, built into target/sites/.
sites: build
	tests/sites/build.sh http://127.0.0.1:4173/ target/sites

## The release build, end to end, in headless Chromium with Playwright.
test-e2e: build build-test-hooks sites
	npx playwright test

## Valid HTML: the Nu HTML Checker (vnu-jar from package.json, on the Java runtime) finds no error in
## the built page nor in the example docs page. One message is filtered: the checker discourages
## allow-scripts with allow-same-origin in a sandbox, which the embed snippet needs (README, Embedding).
html: build
	java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only \
	  --filterpattern 'Bad value .allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox. for attribute .sandbox. on element .iframe..*' \
	  dist/index.html examples/docs-embed.html

## Size budget: every file in dist/ (wasm, JS, CSS, HTML, data, icons), gzip -9, at most 300 KiB
## (SIZE_LIMIT_KIB=… overrides it). Fails when over.
size: build
	node scripts/size.mjs dist

## Benchmarks: release builds of the app, of the app with its bench exports, and of a Leptos
## counter; then ratios measured side by side in headless Chromium (see BENCHMARKS.md).
bench: setup-test build
	trunk build --release --offline --features bench --dist target/bench/app
	node scripts/minify.mjs target/bench/app
	cd bench/counter && CARGO_TARGET_DIR=$(CURDIR)/target trunk build --release --offline
	node scripts/minify.mjs target/bench/counter
	node bench/run.mjs dist target/bench/app target/bench/counter

## The heights <async-lab> reserves per lesson and width: each lesson's embed measured after Run
## both, written into embed/heights.js. Run it after changing the embed's layout; the e2e tests
## fail while the table is out of date.
heights: build
	node scripts/heights.mjs dist
	$(MAKE) build

## The posters <async-lab load="click"> draws (each lesson's title and expected timeline), from
## core into embed/catalogue.js, and the lesson ids the e2e specs walk, into tests/e2e/lessons.ts;
## `make test` fails while they are out of date.
posters:
	cargo run -q -p async-lab-core --example posters

clean:
	cargo clean
	rm -rf dist dist-test test-results playwright-report
