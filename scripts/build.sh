#!/usr/bin/env bash
# Release build: the page's package in www/pkg and the npm package in pkg/ (the same files).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

wasm-pack build --release --target web --out-dir www/pkg --mode no-install
# wasm-pack rewrites package.json on every build; the exports map must name the .wasm subpath
# or Node's import.meta.resolve('manchette/manchette_bg.wasm') fails.
(cd www/pkg && npm pkg set --silent \
  'exports[.][types]=./manchette.d.ts' 'exports[.][default]=./manchette.js' \
  'exports[./manchette_bg.wasm]=./manchette_bg.wasm' 'exports[./package.json]=./package.json')
rm -rf pkg
cp -R www/pkg pkg
wasm=pkg/manchette_bg.wasm
echo "manchette: $wasm $(wc -c <"$wasm") bytes, $(gzip -9c "$wasm" | wc -c) gzipped"
