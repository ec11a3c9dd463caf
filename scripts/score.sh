#!/usr/bin/env bash
# Scores the release CLI on a gold folder (default ../shared/gold) with the scorer from
# ../shared/eval.
#   scripts/score.sh                    ../shared/gold, reference dates taken from the gold files
#   scripts/score.sh tests/heldout      the held-out articles (tests/heldout/README.md)
#   scripts/score.sh --no-ref [DIR]     reference dates found by manchette itself
# Extra arguments go to score.py (e.g. --json, --exclude-boilerplate).
set -euo pipefail
cd "$(dirname "$0")/.."
scorer=../shared/eval/score.py
gold=../shared/gold
use_ref=1
if [ "${1:-}" = "--no-ref" ]; then use_ref=0; shift; fi
if [ $# -gt 0 ] && [ -d "$1" ]; then gold=${1%/}; shift; fi
cargo build --release --quiet --bin manchette
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for txt in "$gold"/*.txt; do
  [ -f "${txt%.txt}.json" ] || continue
  args=()
  if [ $use_ref = 1 ]; then
    ref=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["reference_date"])' "${txt%.txt}.json")
    args=(--reference-date "$ref")
  fi
  target/release/manchette analyze "${args[@]}" --out-dir "$out" "$txt"
done
python3 "$scorer" "$gold" "$out" "$@"
