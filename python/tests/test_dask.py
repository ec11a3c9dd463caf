"""The analysis on a real Dask cluster (two worker processes on this machine): the same
results as one process, for over a thousand articles."""
import json

import pytest

dask = pytest.importorskip("dask")
from dask.distributed import Client, LocalCluster  # noqa: E402

import dask.bag as db  # noqa: E402

import manchette  # noqa: E402
import manchette.dask as md  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(cluster) as c:
        yield c
    cluster.close()


def test_a_thousand_articles_on_two_workers_equal_one_process(client, articles, tmp_path):
    records = [
        {"id": f"{name}#{k}", "text": text, "reference_date": ref}
        for k in range(23)
        for name, text, ref in articles
    ]
    assert len(records) >= 1000
    bag = db.from_sequence(records, npartitions=16)
    results = md.analyze_bag(bag).compute()
    assert [r["id"] for r in results] == [r["id"] for r in records]
    single = manchette.analyze_many([r["text"] for r in records[: len(articles)]], reference_dates=[r["reference_date"] for r in records[: len(articles)]])
    for k in range(23):
        chunk = results[k * len(articles) : (k + 1) * len(articles)]
        assert [{key: v for key, v in r.items() if key != "id"} for r in chunk] == single
    # Written as JSON Lines and read back, through the same helpers.
    paths = md.write_jsonl(md.analyze_bag(bag), str(tmp_path / "out"))
    lines = [json.loads(line) for p in sorted(paths) for line in open(p, encoding="utf-8")]
    assert sorted(r["id"] for r in lines) == sorted(r["id"] for r in records)


def test_articles_read_from_a_folder_and_from_jsonl(client, articles, tmp_path):
    folder = tmp_path / "txt"
    folder.mkdir()
    for name, text, _ in articles[:5]:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    from_folder = md.analyze_bag(md.read_articles(str(folder)), reference_date="2025-06-24").compute()
    assert sorted(r["id"] for r in from_folder) == sorted(name for name, _, _ in articles[:5])
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("".join(json.dumps({"id": n, "text": t}) + "\n" for n, t, _ in articles[:5]), encoding="utf-8")
    from_jsonl = md.analyze_bag(md.read_articles(str(jsonl)), reference_date="2025-06-24").compute()
    assert sorted(from_jsonl, key=lambda r: r["id"]) == sorted(from_folder, key=lambda r: r["id"])
