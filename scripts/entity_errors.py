#!/usr/bin/env python3
"""Lists entity errors of predictions against a gold folder, by kind and type.

    python3 scripts/entity_errors.py GOLD_DIR PRED_DIR [--type ORG] [--kind missed]

Kinds: missed (no overlapping prediction), spurious (no overlapping gold), type (same span,
other type), span (overlaps a gold mention of the same type with other bounds), overlap (the
rest). Only PER/ORG/LOC are scored (../shared/gold/SCHEMA.md); MISC gold is shown beside a
spurious prediction it overlaps.
"""
import argparse, collections, json, os

SCORED = {"PER", "ORG", "LOC"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--type")
    ap.add_argument("--kind")
    a = ap.parse_args()
    counts = collections.Counter()
    for name in sorted(os.listdir(a.gold)):
        if not name.endswith(".json"):
            continue
        pred_path = os.path.join(a.pred, name)
        if not os.path.exists(pred_path):
            continue
        gold_all = load(os.path.join(a.gold, name))["entities"]
        gold = [g for g in gold_all if g["type"] in SCORED]
        pred = [p for p in load(pred_path)["entities"] if p["type"] in SCORED]
        with open(os.path.join(a.gold, name[:-5] + ".txt"), encoding="utf-8") as f:
            text = f.read()
        ov = lambda x, y: x["start"] < y["end"] and y["start"] < x["end"]
        ctx = lambda e: text[max(0, e["start"] - 40):e["end"] + 40].replace("\n", "⏎")
        rows = []
        for g in gold:
            exact = [p for p in pred if (p["start"], p["end"]) == (g["start"], g["end"])]
            if any(p["type"] == g["type"] for p in exact):
                continue
            if exact:
                rows.append(("type", g["type"], f'{g["text"]!r} gold {g["type"]} pred {exact[0]["type"]}', g))
                continue
            near = [p for p in pred if ov(p, g)]
            if not near:
                rows.append(("missed", g["type"], repr(g["text"]), g))
            elif any(p["type"] == g["type"] for p in near):
                p = next(p for p in near if p["type"] == g["type"])
                rows.append(("span", g["type"], f'gold {g["text"]!r} pred {p["text"]!r}', g))
            else:
                p = near[0]
                rows.append(("overlap", g["type"], f'gold {g["text"]!r} {g["type"]} pred {p["text"]!r} {p["type"]}', g))
        for p in pred:
            if any(ov(p, g) for g in gold):
                continue
            misc = [g["text"] for g in gold_all if ov(p, g)]
            note = f" (gold MISC {misc[0]!r})" if misc else ""
            rows.append(("spurious", p["type"], repr(p["text"]) + note, p))
        for kind, typ, msg, e in sorted(rows, key=lambda r: r[3]["start"]):
            counts[(kind, typ)] += 1
            if (a.type and typ != a.type) or (a.kind and kind != a.kind):
                continue
            print(f"{name[:-5]} {kind:8} {typ}  {msg}   …{ctx(e)}…")
    print()
    for (kind, typ), n in sorted(counts.items()):
        print(f"{kind:8} {typ} {n}")


if __name__ == "__main__":
    main()
