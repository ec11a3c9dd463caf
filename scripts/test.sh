#!/usr/bin/env bash
# Every test: the house style (rustfmt, clippy), the page's unit tests, native Rust, wasm under
# Node and headless Chromium, the release build, the Python package (wheel, pytest, Dask), then
# the Node tests (API, TypeScript types, npm package, the page end to end).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }
step cargo fmt --check
cargo fmt --all --check
step cargo clippy
cargo clippy -- -D warnings               # the shipped library alone: no dead code without the features
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --all-features -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p manchette-python --all-targets -- -D warnings
step page unit tests
node --test --test-reporter=spec tests/www/
step cargo test
cargo test
cargo test --all-features --lib tagger::   # the trainer's own unit tests
cargo test --all-features --test cli       # the trainer's and benchmarks' argument errors
step wasm-pack test --node
wasm-pack test --node --mode no-install -- --test node
step wasm-pack test --headless --chrome
wasm-pack test --headless --chrome --mode no-install -- --test browser
step build
bash scripts/build.sh
step python tests
bash scripts/python-test.sh
step node tests
node --test --test-concurrency=2 --test-reporter=spec e2e/
