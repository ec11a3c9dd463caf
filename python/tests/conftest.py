import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def gold_articles(folder):
    """(name, text, reference date) of every annotated article in ../shared/FOLDER."""
    out = []
    for txt in sorted((SHARED / folder).glob("*.txt")):
        gold = txt.with_suffix(".json")
        if gold.exists():
            out.append((txt.stem, txt.read_text(encoding="utf-8"), json.loads(gold.read_text(encoding="utf-8"))["reference_date"]))
    return out


@pytest.fixture(scope="session")
def articles():
    found = gold_articles("gold") + gold_articles("news-dev")
    assert len(found) >= 45, "expected ../shared/gold and ../shared/news-dev beside the repository"
    return found


@pytest.fixture(scope="session")
def cli():
    path = Path(os.environ.get("MANCHETTE_CLI", ROOT / "target" / "release" / "manchette"))
    assert path.exists(), f"build the CLI first (cargo build --release): {path}"

    def run(*args, stdin=None):
        done = subprocess.run([str(path), *args], input=stdin, capture_output=True, text=True, check=True)
        return done.stdout

    return run
