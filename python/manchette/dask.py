"""manchette on Dask: the same analysis over a collection of articles, on a laptop's cores or a
cluster's workers. Each partition is analysed by one call of :func:`manchette.analyze_many`
on one thread, so Dask's workers (processes) are the parallelism.

    from dask.distributed import Client
    import manchette.dask as md

    client = Client("tcp://scheduler:8786")     # or Client(LocalCluster()) on one machine
    bag = md.read_articles("archive/*.jsonl")   # {"id", "text", "reference_date"?, "lang"?}
    md.write_jsonl(md.analyze_bag(bag), "results/")

Results are the dicts :func:`manchette.analyze` returns, each with its record's ``id``.
"""
from __future__ import annotations

import json
import os
from typing import Any, Optional

import dask.bag as db

import manchette

__all__ = ["analyze_bag", "read_articles", "write_jsonl"]


def _record(item: Any, i: int) -> dict:
    if isinstance(item, str):
        return {"text": item}
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        return item
    raise TypeError(f"manchette.dask: item {i} must be a str or a dict with a 'text' str")


def _analyze_partition(items: list, reference_date: Optional[str], lang: Optional[str]) -> list:
    records = [_record(item, i) for i, item in enumerate(items)]
    results = manchette.analyze_many(
        [r["text"] for r in records],
        reference_date,
        lang,
        reference_dates=[r.get("reference_date") for r in records],
        threads=1,
    )
    for record, result in zip(records, results):
        if "id" in record:
            result["id"] = record["id"]
    return results


def analyze_bag(bag: db.Bag, reference_date: Optional[str] = None, lang: Optional[str] = None) -> db.Bag:
    """A bag of results for a bag of texts or of records ``{"id", "text", "reference_date"?}``
    (a record's own date comes before ``reference_date``)."""
    return bag.map_partitions(_analyze_partition, reference_date, lang)


def read_articles(path: str, blocksize: Optional[int] = None) -> db.Bag:
    """Articles from JSON Lines files (a glob: one record per line) or from a folder of
    ``.txt`` files (the file name without extension is the id)."""
    if os.path.isdir(path):
        names = sorted(n for n in os.listdir(path) if n.endswith(".txt"))

        def load(name: str) -> dict:
            with open(os.path.join(path, name), encoding="utf-8") as f:
                return {"id": name[: -len(".txt")], "text": f.read()}

        return db.from_sequence(names, npartitions=max(1, min(len(names), 64))).map(load)
    return db.read_text(path, blocksize=blocksize).map(json.loads)


def write_jsonl(bag: db.Bag, directory: str) -> list:
    """Writes one ``.jsonl`` file per partition into ``directory``; returns their paths."""
    os.makedirs(directory, exist_ok=True)
    return bag.map(lambda r: json.dumps(r, ensure_ascii=False)).to_textfiles(os.path.join(directory, "*.jsonl"))
