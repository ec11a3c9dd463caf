#!/usr/bin/env bash
# Idempotent set-up for a fresh machine: everything comes from crates.io, Debian or npm.
# A second run does nothing and takes well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
have() { command -v "$1" >/dev/null 2>&1; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
export PATH="$HOME/.cargo/bin:$PATH"

# rustfmt and clippy gate the tests (scripts/test.sh).
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown

[ "$(wasm-pack --version 2>/dev/null)" = "wasm-pack $WASM_PACK_VERSION" ] \
  || cargo install --locked wasm-pack --version "$WASM_PACK_VERSION"

# wasm-pack only uses a wasm-bindgen whose version equals the one in Cargo.lock.
[ -f Cargo.lock ] || cargo generate-lockfile
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  # --locked fails: its lockfile pins a crate version this index lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ "${SKIP_BROWSER:-0}" != 1 ] && ! { have chromium && have chromedriver; }; then
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium chromium-driver
fi

# npm writes node_modules/.package-lock.json on every install: reinstall when package-lock.json is newer.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
