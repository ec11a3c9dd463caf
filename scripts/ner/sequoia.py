#!/usr/bin/env python3
"""Converts Sequoia's Est Républicain sentences (sent_id `annodis.er_*`) with their PARSEME-FR
named entities into the training JSON lines the `train` binary reads (`--gold-extra`).

Source: Sequoia 9.2 `sequoia-ud.parseme.frsemcor.simple.{train,dev}` (Candito, Seddah et al.;
PARSEME-FR named-entity layer; LGPL-LR, the licence of the Sequoia corpus), as copied in the
GitHub repository Dang-Dinh-NGUYEN/fr-graph-based_biaffine_semantic_parser, folder `sequoia/`
(commit 33fccfe; that copy carries no licence note of its own). The *test* file is never read.

    git -C MIRROR show HEAD:sequoia/sequoia-ud.parseme.frsemcor.simple.train > /tmp/seq.train
    git -C MIRROR show HEAD:sequoia/sequoia-ud.parseme.frsemcor.simple.dev > /tmp/seq.dev
    python3 scripts/ner/sequoia.py /tmp/seq.train /tmp/seq.dev > data/model/sequoia-er.jsonl

Named entities are in the last column (PARSEME:NE): `1:PERS` opens entity 1 on a token, `1`
continues it. PERS → PER, ORG → ORG, LOC → LOC; EVE and PROD are dropped (not project types).
Text is the `# text` line; each token is found in it left to right (the simplified files split
"du", "au", "des", "aux" into two tokens, which then share the contraction's span).
Output: {"text": ..., "ents": [[start, end, "PER"], ...]}, UTF-8 byte offsets, file order.
"""
import json, sys

TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC"}
CONTRACTIONS = {("de", "le"): "du", ("à", "le"): "au", ("de", "les"): "des", ("à", "les"): "aux"}


def sentences(path):
    sid, text, rows = None, None, []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# sent_id = "):
            sid = line[len("# sent_id = "):]
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if rows:
                yield sid, text, rows
            sid, text, rows = None, None, []
        else:
            rows.append(line.split("\t"))
    if rows:
        yield sid, text, rows


def align(text, forms):
    """Character span of each form in `text`, or None if a form cannot be found in order."""
    spans, at, i = [], 0, 0
    while i < len(forms):
        while at < len(text) and text[at].isspace():
            at += 1
        f = forms[i]
        pair = CONTRACTIONS.get((f.lower(), forms[i + 1].lower())) if i + 1 < len(forms) else None
        end = at + len(pair or "")
        if pair and text[at:end].lower() == pair and not text[end:end + 1].isalpha():
            spans += [(at, end)] * 2
            at = end
            i += 2
        elif text.startswith(f, at):
            spans.append((at, at + len(f)))
            at += len(f)
            i += 1
        else:
            return None
    return spans


def main():
    kept = dropped = ents = 0
    for path in sys.argv[1:]:
        for sid, text, rows in sentences(path):
            if not sid or not sid.startswith("annodis.er_") or text is None:
                continue
            spans = align(text, [r[1] for r in rows])
            if spans is None:
                dropped += 1
                continue
            open_ents = {}  # entity number -> [first char, last char, type]
            order = []
            for r, (s, e) in zip(rows, spans):
                for mark in r[-1].split(";"):
                    if mark in ("*", "_", ""):
                        continue
                    num, _, kind = mark.partition(":")
                    if kind:
                        open_ents[num] = [s, e, kind]
                        order.append(num)
                    elif num in open_ents:
                        open_ents[num][1] = e
            out = []
            for num in order:
                s, e, kind = open_ents[num]
                if kind in TYPES:
                    b = len(text[:s].encode("utf-8"))
                    out.append([b, b + len(text[s:e].encode("utf-8")), TYPES[kind]])
            ents += len(out)
            kept += 1
            print(json.dumps({"text": text, "ents": sorted(out)}, ensure_ascii=False))
    print(f"{kept} sentences, {ents} PER/ORG/LOC entities, {dropped} not aligned", file=sys.stderr)


if __name__ == "__main__":
    main()
