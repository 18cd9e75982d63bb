#!/usr/bin/env bash
# Installs what `make serve` and `make test` need, only when missing or at the wrong version.
# Usage: scripts/setup.sh serve|test
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# mdBook for the embedding tests: the 0.4 line, whose html theme classes (light, rust, coal, navy, ayu) embed.js reads.
MDBOOK_VERSION=0.4.52
# wasm-bindgen-cli must equal the wasm-bindgen crate that Cargo.lock resolves.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

# apt_install "what it is for" package…: Debian packages, as root or through sudo.
apt_install() {
  local why=$1
  shift
  if [ "$(id -u)" = 0 ]; then
    say "installing $why from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    say "installing $why from Debian (sudo)"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    fail "Missing: $why, and apt cannot be used here without root. Run: sudo apt-get install $*"
  fi
}

command -v cargo >/dev/null || fail "cargo is missing: install Rust with rustup (https://rustup.rs), then run this again."
command -v npm >/dev/null || fail "npm is missing: install Node.js 20 or newer (Debian: apt-get install nodejs npm), then run this again."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# make lint: cargo fmt and cargo clippy.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component-"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# Tools build from the home folder: cargo reads the config of the folder it runs in, and the
# project's (.cargo/config.toml) lets the compiler take an unstable size flag meant for the wasm only.
install_tool() {
  (cd "$HOME" && cargo install "$@")
}

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes, once)"
  install_tool --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  # Not --locked: its lock file names a crate version the registry here does not have.
  install_tool --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm ci only when node_modules does not match package-lock.json.
if ! [ node_modules/.package-lock.json -nt package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
command -v wasm-opt >/dev/null || fail "wasm-opt is missing from node_modules/.bin: run 'npm ci' and check the binaryen package."

if [ "${1:-serve}" = test ]; then
  # The listings' Python: CPython >= 3.11 in a project-local virtual environment, pinned packages.
  if ! [ -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    command -v python3 >/dev/null || fail "python3 (3.11 or newer) is missing: the listings run in CPython. Debian: apt-get install python3 python3-venv"
    say "creating .venv for the Python listings"
    rm -rf .venv
    python3 -m venv .venv || fail "python3 -m venv failed: install python3-venv (Debian: apt-get install python3-venv)"
  fi
  if ! diff <(grep -v '^#' tests/listings/requirements.txt | sort) <(.venv/bin/python -m pip freeze 2>/dev/null | grep -iFf <(grep -v '^#' tests/listings/requirements.txt | cut -d= -f1) | sort) >/dev/null; then
    say "installing the listings' Python packages (tests/listings/requirements.txt)"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r tests/listings/requirements.txt
  fi

  # The docs sites the embedding tests build (tests/sites): pinned generators in the same .venv,
  # Docusaurus and VitePress from npm, and mdBook, a Rust tool, once per machine.
  if ! .venv/bin/python - tests/sites/requirements.txt <<'PY'
import sys, importlib.metadata as meta
pins = [line.split("#")[0].strip() for line in open(sys.argv[1])]
def installed(name, version):
    try:
        return meta.version(name) == version
    except meta.PackageNotFoundError:
        return False
sys.exit(0 if all(installed(*pin.split("==")) for pin in pins if pin) else 1)
PY
  then
    say "installing the docs generators the embedding tests use (tests/sites/requirements.txt)"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r tests/sites/requirements.txt
  fi
  # The two npm docs sites (Docusaurus, VitePress), each pinned by its own package-lock.json: npm ci
  # only when its node_modules is missing or older than its lock, as for the root's above.
  for site in tests/sites/docusaurus tests/sites/vitepress; do
    if ! [ "$site/node_modules/.package-lock.json" -nt "$site/package-lock.json" ]; then
      say "installing the npm packages of $site (its package-lock.json; under a minute)"
      (cd "$site" && npm ci --no-audit --no-fund)
    fi
  done
  if [ "$(mdbook --version 2>/dev/null)" != "mdbook v$MDBOOK_VERSION" ]; then
    say "installing mdbook $MDBOOK_VERSION for the embedding tests (about 6 minutes, once)"
    install_tool --locked mdbook --version "$MDBOOK_VERSION"
  fi

  # make html: the Nu HTML Checker (node_modules/vnu-jar) runs on Java 11 or newer.
  if ! java -version 2>&1 | grep -qE 'version "(1[1-9]|[2-9][0-9])'; then
    apt_install "a Java runtime for the HTML checker" default-jre-headless
  fi

  # The print tests read the PDFs Chromium writes as text.
  command -v pdftotext >/dev/null || apt_install "pdftotext for the print tests" poppler-utils

  if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
    apt_install "chromium and chromium-driver for the browser tests (/usr/bin/chromium, /usr/bin/chromedriver)" chromium chromium-driver
  fi
fi
say "ready"
