#!/usr/bin/env python3
"""Build the held-out gold files (NNN_name.txt + NNN_name.json) from the annotated sources.

    python3 tests/heldout/build.py          # write tests/heldout/*.txt and *.json, print the review
    python3 tests/heldout/build.py --check  # only verify that the written files are up to date

Each source `annotated/NNN_name.ann` is a header, a line `---`, then the article with inline marks:

    [[surface|TYPE]]                 an entity (TYPE: PER, ORG, LOC, MISC), canonical = surface
    [[surface|TYPE|Canonical name]]  an entity with its canonical name (later mentions with the
                                     same surface reuse it)
    [[surface|DATE|2025-03-14]]      a date and its ISO value (YYYY, YYYY-MM or YYYY-MM-DD)
    ⟦q|Speaker canonical⟧…⟦/q⟧       a quote span (the quoted words, without the marks); an empty
                                     speaker (⟦q|⟧) means the article names no one
    ⟦bp|note⟧…⟦/bp⟧                  a boilerplate region (menus, share lines, sidebars, …): items
                                     inside get "boilerplate": true

Header lines are `key: value` for id, lang, reference_date and reference_date_source.
The marks are removed to give the text; offsets are code points into that text, so
text == chars[start:end] for every item (checked before writing). Standard library only.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "annotated"
TYPES = {"PER", "ORG", "LOC", "MISC"}
DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
TOKEN_RE = re.compile(r"\[\[(.*?)\]\]|⟦(q|bp)\|([^⟧]*)⟧|⟦/(q|bp)⟧", re.S)


class BuildError(Exception):
    pass


def parse(path: Path) -> tuple[str, dict]:
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise BuildError(f"{path.name}: no '---' line after the header")
    meta = {}
    for line in head.splitlines():
        if line.strip():
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
    for k in ("id", "lang", "reference_date", "reference_date_source"):
        if not meta.get(k):
            raise BuildError(f"{path.name}: header lacks {k}")

    out: list[str] = []   # text pieces
    pos = 0               # code points written so far
    entities, quotes, dates, regions = [], [], [], []
    open_q, open_bp = None, None
    canon: dict[str, str] = {}
    last = 0
    for m in TOKEN_RE.finditer(body):
        plain = body[last:m.start()]
        out.append(plain)
        pos += len(plain)
        last = m.end()
        if m.group(1) is not None:
            parts = m.group(1).split("|")
            if len(parts) < 2:
                raise BuildError(f"{path.name}: bad mark [[{m.group(1)}]]")
            surface, kind = parts[0], parts[1]
            if "\n" in surface or surface.strip() != surface or not surface:
                raise BuildError(f"{path.name}: bad surface {surface!r}")
            s, e = pos, pos + len(surface)
            out.append(surface)
            pos = e
            if kind == "DATE":
                if len(parts) != 3 or not DATE_RE.fullmatch(parts[2]):
                    raise BuildError(f"{path.name}: date {surface!r} needs an ISO value")
                dates.append({"start": s, "end": e, "text": surface, "value": parts[2]})
            elif kind in TYPES:
                if len(parts) == 3:
                    c = parts[2]
                    if canon.setdefault(surface, c) != c:
                        raise BuildError(f"{path.name}: {surface!r} has two canonicals")
                else:
                    c = canon.get(surface, surface)
                entities.append({"start": s, "end": e, "text": surface, "type": kind, "canonical": c})
            else:
                raise BuildError(f"{path.name}: unknown kind {kind!r} in [[{m.group(1)}]]")
        elif m.group(2) == "q":
            if open_q is not None:
                raise BuildError(f"{path.name}: nested quote at {pos}")
            open_q = (pos, m.group(3).strip() or None)
        elif m.group(2) == "bp":
            if open_bp is not None:
                raise BuildError(f"{path.name}: nested boilerplate at {pos}")
            open_bp = (pos, m.group(3).strip())
        elif m.group(4) == "q":
            if open_q is None:
                raise BuildError(f"{path.name}: ⟦/q⟧ without ⟦q|…⟧ at {pos}")
            quotes.append({"start": open_q[0], "end": pos, "speaker": open_q[1]})
            open_q = None
        else:
            if open_bp is None:
                raise BuildError(f"{path.name}: ⟦/bp⟧ without ⟦bp|…⟧ at {pos}")
            regions.append({"start": open_bp[0], "end": pos, "note": open_bp[1]})
            open_bp = None
    if open_q or open_bp:
        raise BuildError(f"{path.name}: unclosed quote or boilerplate mark")
    out.append(body[last:])
    text = "".join(out)
    if "[[" in text or "]]" in text or "⟦" in text or "⟧" in text:
        raise BuildError(f"{path.name}: a mark is left in the text")

    for q in quotes:
        q["text"] = text[q["start"]:q["end"]]
        if q["text"].strip() != q["text"] or not q["text"]:
            raise BuildError(f"{path.name}: quote span has outer whitespace: {q['text'][:40]!r}")
    # Canonical names: a mention's canonical is the one given for any mention with that surface.
    for x in entities:
        x["canonical"] = canon.get(x["text"], x["canonical"])
    canonicals = {x["canonical"] for x in entities}
    for q in quotes:
        if q["speaker"] is not None and q["speaker"] not in canonicals:
            raise BuildError(f"{path.name}: speaker {q['speaker']!r} is not an entity canonical")

    def flag(items):
        for x in items:
            inside = any(r["start"] <= x["start"] and x["end"] <= r["end"] for r in regions)
            if inside:
                x["boilerplate"] = True
        return items

    doc = {
        "id": meta["id"],
        "lang": meta["lang"],
        "reference_date": meta["reference_date"],
        "reference_date_source": meta["reference_date_source"],
        "boilerplate_regions": regions,
        "entities": flag(entities),
        "quotes": flag([{k: q[k] for k in ("start", "end", "text", "speaker")} for q in quotes]),
        "dates": flag(dates),
    }
    chars = text
    for kind in ("entities", "quotes", "dates"):
        for x in doc[kind]:
            assert chars[x["start"]:x["end"]] == x["text"], x
    return text, doc


def review(name: str, text: str, doc: dict) -> list[str]:
    """Hints for a human reviewer: things that look like unannotated items."""
    notes = []
    covered = [(x["start"], x["end"]) for x in doc["entities"] + doc["dates"]]
    inside = lambda s, e: any(a <= s and e <= b for a, b in covered)
    for m in re.finditer(r"(?<![\w’'])(\w*[A-ZÀ-ÖØ-Þ]\w*)", text):
        s = m.start()
        before = text[max(0, s - 3):s]
        sentence_start = s == 0 or re.search(r"([.!?:»«“\"]\s*|\n\s*|^)$", text[max(0, s - 4):s])
        if not inside(s, m.end()) and not sentence_start:
            notes.append(f"{name}: capitalised word outside entities: {m.group()!r} at {s}")
    for m in re.finditer(r"\b(1[89]\d\d|20\d\d)\b|\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|hier|demain|yesterday|tomorrow)\b", text, re.I):
        if not inside(m.start(), m.end()):
            notes.append(f"{name}: temporal word outside dates: {m.group()!r} at {m.start()}: "
                         f"{text[max(0, m.start() - 30):m.end() + 30]!r}")
    qs = [(q["start"], q["end"]) for q in doc["quotes"]]
    for m in re.finditer(r"«\s*([^»]*?)\s*»|“([^”]*)”|\"([^\"]*)\"", text):
        s, e = m.span()
        if not any(a < e and s < b for a, b in qs):
            notes.append(f"{name}: quoted text not annotated as a quote: {m.group()[:60]!r}")
    return notes


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale, notes = [], []
    sources = sorted(SRC.glob("*.ann"))
    if not sources:
        raise SystemExit(f"no sources in {SRC}")
    for src in sources:
        name = src.stem
        text, doc = parse(src)
        js = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
        notes += review(name, text, doc)
        txt_path, json_path = HERE / f"{name}.txt", HERE / f"{name}.json"
        if check:
            if not txt_path.exists() or txt_path.read_text(encoding="utf-8") != text \
                    or not json_path.exists() or json_path.read_text(encoding="utf-8") != js:
                stale.append(name)
        else:
            txt_path.write_text(text, encoding="utf-8")
            json_path.write_text(js, encoding="utf-8")
        n = {k: len(doc[k]) for k in ("entities", "quotes", "dates")}
        print(f"{name}: {len(text)} chars, {n['entities']} entities, {n['quotes']} quotes, "
              f"{n['dates']} dates, {len(doc['boilerplate_regions'])} boilerplate regions")
    if "--review" in argv:
        print("\n".join(notes))
    if stale:
        print("stale (run build.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BuildError as e:
        sys.exit(f"error: {e}")
