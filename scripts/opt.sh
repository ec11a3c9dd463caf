#!/usr/bin/env bash
# Optional: shrink the built .wasm with wasm-opt -Oz from the npm package binaryen@132.0.0,
# fetched from the npm registry on first use (104 MB, so not a devDependency that every
# `npm ci` would install; Debian's binaryen 108 produces broken output). Run after
# scripts/build.sh; rewrites www/pkg/manchette_bg.wasm in place and copies it to pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=www/pkg/manchette_bg.wasm
opt="npm exec --yes --package=binaryen@132.0.0 -- wasm-opt"
size() { echo "$(wc -c <"$1") bytes raw, $(gzip -9c "$1" | wc -c) gzipped"; }
echo "before: $(size "$wasm")"
# The features rustc enables by default for wasm32-unknown-unknown.
$opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-multivalue --enable-reference-types \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
cp "$wasm" pkg/manchette_bg.wasm
echo "after:  $(size "$wasm")"
