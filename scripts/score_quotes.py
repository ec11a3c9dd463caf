#!/usr/bin/env python3
"""Quote attribution by resolution kind, and the accuracy of the confident bucket.

Usage:
    python3 scripts/score_quotes.py GOLD_DIR [PRED_DIR] [--errors] [--threshold 0.8]

Without PRED_DIR, builds the release CLI and runs it on GOLD_DIR's articles (with the gold
reference dates), as scripts/score.sh does: `python3 scripts/score_quotes.py ../shared/news-dev`.

Reads the gold quotes of GOLD_DIR (NAME.txt + NAME.json) and manchette's predictions in
PRED_DIR (NAME.json, code point offsets, with each quote's `resolution` and `confidence`).
Each gold quote is paired with the predicted quote overlapping it most (at least half of the
shorter span, as ../shared/eval/score.py); its speaker is right when it names the gold
speaker the way score.py decides (same folding and whole-word containment, any mention text
of the gold canonical). Prints, per resolution kind, how many matched quotes have it and how
many of them are right; then the accuracy of the quotes whose confidence is >= THRESHOLD.
--errors lists every wrong attribution with its context. Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def predict(gold: Path, out: Path) -> None:
    """Runs the release CLI on every NAME.txt of `gold` that has a NAME.json, into `out`."""
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "manchette"], cwd=ROOT, check=True)
    cli = ROOT / "target" / "release" / "manchette"
    for gj in sorted(gold.glob("*.json")):
        txt = gj.with_suffix(".txt")
        if not txt.exists():
            continue
        ref = json.loads(gj.read_text(encoding="utf-8")).get("reference_date")
        args = [str(cli), "analyze", "--out-dir", str(out), str(txt)]
        if ref:
            args[2:2] = ["--reference-date", ref]
        subprocess.run(args, check=True)


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


def names_match(pred: str | None, gold: str | None, names: set[str]) -> bool:
    p = fold(pred) if pred else ""
    if gold is None:
        return p == ""
    if not p:
        return False
    for n in names:
        f = fold(n)
        if f and (p == f or f" {f} " in f" {p} " or f" {p} " in f" {f} "):
            return True
    return False


def overlap_ok(a: dict, b: dict) -> bool:
    o = min(a["end"], b["end"]) - max(a["start"], b["start"])
    shorter = min(a["end"] - a["start"], b["end"] - b["start"])
    return o > 0 and 2 * o >= shorter


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred", nargs="?")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--threshold", type=float, default=0.8)
    a = ap.parse_args()
    if a.pred is None:
        with tempfile.TemporaryDirectory() as tmp:
            predict(Path(a.gold), Path(tmp))
            a.pred = tmp
            return report(a)
    return report(a)


def report(a: argparse.Namespace) -> int:
    by_kind: dict[str, list[int]] = {}
    bucket = [0, 0]
    total = [0, 0]
    missed = 0
    for gj in sorted(Path(a.gold).glob("*.json")):
        txt = gj.with_suffix(".txt")
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        gold = json.loads(gj.read_text(encoding="utf-8"))
        names: dict[str, set[str]] = {}
        for e in gold.get("entities", []):
            names.setdefault(e["canonical"], {e["canonical"]}).add(e["text"])
        pf = Path(a.pred) / gj.name
        pred = json.loads(pf.read_text(encoding="utf-8")) if pf.exists() else {}
        pq = pred.get("quotes", [])
        for g in gold.get("quotes", []):
            total[1] += 1
            cands = [p for p in pq if overlap_ok(g, p)]
            if not cands:
                missed += 1
                if a.errors:
                    ctx = text[max(0, g["start"] - 100):g["end"] + 60].replace("\n", " / ")
                    print(f"{gj.stem} {g['start']}: NOT FOUND gold={g.get('speaker')!r}\n    …{ctx}…\n")
                continue
            p = max(cands, key=lambda p: min(g["end"], p["end"]) - max(g["start"], p["start"]))
            sp = g.get("speaker")
            ok = names_match(p.get("speaker"), sp, names.get(sp, {sp} if sp else set()))
            kind = p.get("resolution", "?")
            row = by_kind.setdefault(kind, [0, 0])
            row[0] += 1
            row[1] += ok
            total[0] += ok
            if (p.get("confidence") or 0) >= a.threshold:
                bucket[0] += 1
                bucket[1] += ok
            if a.errors and not ok:
                lo = max(0, g["start"] - 160)
                hi = min(len(text), g["end"] + 120)
                ctx = text[lo:hi].replace("\n", " / ")
                print(f"{gj.stem} {g['start']}: gold={sp!r} pred={p.get('speaker')!r} "
                      f"kind={kind} conf={p.get('confidence')} cue={text[p['cue_start']:p['cue_end']] if p.get('cue_start') is not None else None!r}\n    …{ctx}…\n")
    print(f"{'resolution':<14} {'quotes':>6} {'right':>6} {'accuracy':>8}")
    for kind, (n, ok) in sorted(by_kind.items(), key=lambda kv: -kv[1][0]):
        print(f"{kind:<14} {n:>6} {ok:>6} {ok / n:>8.3f}")
    print(f"{'(not found)':<14} {missed:>6} {0:>6} {'-':>8}")
    print(f"{'all gold':<14} {total[1]:>6} {total[0]:>6} {total[0] / max(1, total[1]):>8.3f}")
    acc = f"{bucket[1] / bucket[0]:.3f}" if bucket[0] else "-"
    print(f"confidence >= {a.threshold}: {bucket[0]} quotes, {bucket[1]} right, accuracy {acc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
