#!/usr/bin/env bash
# Dossier throughput of the CLI: N articles (the sample and news-dev articles repeated, each a
# file of its own) analysed on every core and merged, for N = 200 and 10,000 by default.
#   bash bench/dossier.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --release --quiet --bin manchette
sources=(../shared/gold/*.txt ../shared/news-dev/*.txt)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 10000)
printf '%-10s %10s %10s %12s %10s %12s\n' articles MB seconds articles/s MB/s 'JSON MB'
for n in "${sizes[@]}"; do
  dir="$work/$n"
  mkdir -p "$dir"
  for ((i = 0; i < n; i++)); do
    src=${sources[$((i % ${#sources[@]}))]}
    cp "$src" "$dir/$(printf '%05d' "$i")_$(basename "$src")"
  done
  bytes=$(cat "$dir"/*.txt | wc -c)
  start=$(date +%s.%N)
  # The file list goes through xargs-free globbing: 10,000 names fit the argument limit.
  target/release/manchette dossier --out "$work/out.json" "$dir"/*.txt
  end=$(date +%s.%N)
  python3 - "$n" "$bytes" "$start" "$end" "$work/out.json" <<'PY'
import os, sys
n, size, start, end, out = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
s = end - start
print(f"{n:<10} {size / 1e6:>10.1f} {s:>10.2f} {n / s:>12.0f} {size / 1e6 / s:>10.2f} {os.path.getsize(out) / 1e6:>12.1f}")
PY
done
