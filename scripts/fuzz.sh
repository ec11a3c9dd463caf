#!/usr/bin/env bash
# Fuzzes `analyze` and, for inputs whose first byte has bit 3 set, the reading of web pages
# (`html::extract` then `analyze_page`) for a bounded time (default 10 minutes) with cargo-fuzz
# (libFuzzer), seeded with the sample articles and the saved pages of tests/pages. Crashing
# inputs are copied to tests/fuzz_regressions/, which the normal test suite replays
# (tests/fuzz_regressions.rs). Not part of `npm test`.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
# cargo-fuzz needs nightly flags; this machine has one stable toolchain, which accepts them
# with RUSTC_BOOTSTRAP.
export RUSTC_BOOTSTRAP=1
corpus=fuzz/corpus/analyze
mkdir -p "$corpus"
for f in ../shared/gold/*.txt tests/fuzz_regressions/*; do
  [ -f "$f" ] && cp -n "$f" "$corpus/" || true
done
# The saved pages, as web pages: a first byte with bit 3 set makes the target read HTML.
for f in tests/pages/*.html; do
  seed="$corpus/page-$(basename "$f")"
  [ -f "$seed" ] || { printf '\x08'; head -c 60000 "$f"; } >"$seed"
done
status=0
cargo fuzz run analyze "$corpus" -- -max_total_time="$seconds" -max_len=65536 -timeout=20 || status=$?
for crash in fuzz/artifacts/analyze/*; do
  [ -f "$crash" ] && cp -n "$crash" tests/fuzz_regressions/ && echo "regression saved: tests/fuzz_regressions/$(basename "$crash")"
done
exit $status
