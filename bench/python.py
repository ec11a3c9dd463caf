#!/usr/bin/env python3
"""Articles per second at scale, on the same input: the CLI's --jsonl batch (every core),
manchette.analyze_many on 1 and 2 threads, and a Dask LocalCluster with 2 single-thread
workers. Input: the sample and news-dev articles repeated to N (default 2,000) records.

    target/python-venv/bin/python bench/python.py [N]      (after bash scripts/python-test.sh)
"""
import json
import subprocess
import sys
import time
from pathlib import Path

import manchette

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def articles():
    out = []
    for folder in ("gold", "news-dev"):
        for txt in sorted((SHARED / folder).glob("*.txt")):
            out.append((txt.stem, txt.read_text(encoding="utf-8")))
    return out


def timed(label, count, size, run):
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    print(f"{label:<34} {count / seconds:>9.0f} articles/s {size / seconds / 1e6:>7.2f} MB/s  ({seconds:.2f} s)")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    base = articles()
    records = [{"id": f"{name}#{i}", "text": text, "reference_date": "2025-06-24"} for i in range(n // len(base) + 1) for name, text in base][:n]
    texts = [r["text"] for r in records]
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{n} articles, {size / 1e6:.1f} MB")
    jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    cli = ROOT / "target" / "release" / "manchette"
    timed("CLI analyze --jsonl (all cores)", n, size, lambda: subprocess.run([str(cli), "analyze", "--jsonl"], input=jsonl, capture_output=True, check=True))
    for threads in (1, 2):
        timed(f"analyze_many, {threads} thread(s)", n, size, lambda: manchette.analyze_many(texts, "2025-06-24", threads=threads))
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    import manchette.dask as md

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
        bag = db.from_sequence(records, npartitions=16)
        md.analyze_bag(db.from_sequence(records[:64], npartitions=2)).count().compute()  # warm the workers
        timed("Dask LocalCluster, 2 workers", n, size, lambda: md.analyze_bag(bag).count().compute())


if __name__ == "__main__":
    main()
