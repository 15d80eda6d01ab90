#!/usr/bin/env bash
# Installs what the build and the tests need, each step guarded so that a
# warm machine skips it in seconds. Sourced by scripts/serve and scripts/test.
#   scripts/setup.sh [rust|wasm|browser|node|python|venv|fuzz|all]...   (default: all;
#   fuzz is not part of all: scripts/fuzz-smoke asks for it)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pinned in Cargo.toml

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

need_rust() {
  command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
}

need_wasm() {
  need_rust
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --locked \
      || cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
  fi
  if ! command -v wasm-pack >/dev/null; then
    say "installing wasm-pack (a minute or two, once)"
    cargo install wasm-pack --locked
  fi
}

need_node() {
  command -v npm >/dev/null || { echo "node and npm are missing: install Node.js 20 first" >&2; exit 1; }
  # npm ci only when package-lock.json changed since the last install.
  if [ -f package-lock.json ] && { [ ! -f node_modules/.package-lock.json ] \
       || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
    say "installing npm devDependencies"
    npm ci --no-audit --no-fund
  fi
}

need_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver
  fi
}

# cargo-fuzz for scripts/fuzz-smoke: only where the nightly toolchain is
# installed (the fuzz targets need it); without nightly the smoke skips.
need_fuzz() {
  need_rust
  if rustup toolchain list 2>/dev/null | grep -q '^nightly' && ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz (a couple of minutes, once)"
    cargo install cargo-fuzz --locked
  fi
}

need_python() {
  if ! python3 -c 'import rouge_score' 2>/dev/null; then
    say "installing rouge-score for the fact scorer"
    python3 -m pip install -q rouge-score
  fi
}

# The Python package's virtual environment (.venv, gitignored): maturin to
# build the package, pytest and Dask distributed for its tests. Made once;
# a warm machine only checks that the three import.
VENV=.venv
need_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    say "making the Python virtual environment $VENV"
    # The real interpreter, not a pyenv shim, so the venv outlives shim changes.
    "$(python3 -c 'import sys; print(sys.executable)')" -m venv "$VENV"
  fi
  if ! "$VENV/bin/python" -c 'import maturin, pytest, dask.bag, distributed' 2>/dev/null; then
    say "installing maturin, pytest and dask[distributed] into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q "maturin>=1.7,<2" pytest "dask[distributed]"
  fi
}

main() {
  local parts=("$@")
  [ ${#parts[@]} -gt 0 ] || parts=(all)
  for p in "${parts[@]}"; do
    case "$p" in
      rust) need_rust ;;
      wasm) need_wasm ;;
      node) need_node ;;
      browser) need_browser ;;
      python) need_python ;;
      venv) need_venv ;;
      fuzz) need_fuzz ;;
      all) need_rust; need_wasm; need_node; need_browser; need_python; need_venv ;;
      *) echo "unknown part: $p" >&2; exit 2 ;;
    esac
  done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
