#!/usr/bin/env bash
# The Python package: builds the wheel with maturin in a virtual environment (PyPI packages
# only, pinned in python/requirements-dev.txt), installs it, runs its pytest suite (including
# a Dask LocalCluster with two workers) against the release CLI for the identical-results test.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
venv=target/python-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
stamp="$venv/.requirements"
if ! cmp -s python/requirements-dev.txt "$stamp"; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r python/requirements-dev.txt
  cp python/requirements-dev.txt "$stamp"
fi
cargo build --release --quiet --bin manchette
rm -rf target/wheels
"$venv/bin/maturin" build --release --quiet -m python/Cargo.toml -i "$venv/bin/python" -o target/wheels
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/manchette-*.whl
# Run from outside the source folder, so that the installed package is the one imported.
cd python/tests
"../../$venv/bin/python" -m pytest -q -p no:cacheprovider .
