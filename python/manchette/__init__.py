"""manchette: named entities, direct quotes with their speakers, and resolved dates in French
and English news, from the same Rust core as the command line and the browser.

Offsets are code points, so ``text[item["start"]:item["end"]] == item["text"]``; each result
is the dict the command line prints as JSON for the same text.

>>> import manchette
>>> r = manchette.analyze("Le 3 mars 2024, Emmanuel Macron était à Marseille.", reference_date="2024-03-04")
>>> [d["value"] for d in r["dates"]]
['2024-03-03']
"""
from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Iterable, Mapping, Optional, Sequence, Union

from . import _manchette

__all__ = ["analyze", "analyze_many", "dossier", "max_input_bytes", "__version__"]
__version__: str = _manchette.__version__

DateLike = Union[str, _dt.date, None]


def _date(value: DateLike, name: str = "reference_date") -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"manchette: {name} must be a 'YYYY-MM-DD' string, a datetime.date or None, not {type(value).__name__}")


def _lang(value: Optional[str]) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"manchette: lang must be 'fr', 'en', 'auto' or None, not {type(value).__name__}")


def _texts(texts: Iterable[str]) -> list:
    if isinstance(texts, (str, bytes)):
        raise TypeError("manchette: texts must be an iterable of strings, not a single string")
    out = list(texts)
    for i, text in enumerate(out):
        if not isinstance(text, str):
            raise TypeError(f"manchette: texts[{i}] must be a str, not {type(text).__name__}")
    return out


def max_input_bytes() -> int:
    """The largest text accepted, in bytes of UTF-8."""
    return _manchette.max_input_bytes()


def analyze(text: str, reference_date: DateLike = None, lang: Optional[str] = None) -> dict:
    """Analyses one article: entities, quotes with speakers, dates resolved against
    ``reference_date`` (its publication date; found in the text when None).

    Raises TypeError for arguments of the wrong type, ValueError for a bad date or language
    or a text over :func:`max_input_bytes`.
    """
    if not isinstance(text, str):
        raise TypeError(f"manchette: text must be a str, not {type(text).__name__}")
    return _json.loads(_manchette.analyze_json(text, _date(reference_date), _lang(lang)))


def analyze_many(
    texts: Iterable[str],
    reference_date: DateLike = None,
    lang: Optional[str] = None,
    *,
    reference_dates: Optional[Sequence[DateLike]] = None,
    threads: Optional[int] = None,
) -> list:
    """Analyses many articles on ``threads`` cores (all when None) without holding the GIL;
    results in input order. ``reference_dates`` gives each text its own publication date
    (None entries fall back to ``reference_date``)."""
    texts = _texts(texts)
    dates = None if reference_dates is None else [_date(d, "reference_dates[i]") for d in reference_dates]
    if threads is not None and (not isinstance(threads, int) or threads < 1):
        raise ValueError("manchette: threads must be a positive int or None")
    out = _manchette.analyze_many_json(texts, _date(reference_date), _lang(lang), dates, threads)
    return [_json.loads(s) for s in out]


def dossier(
    articles: Union[Mapping[str, str], Iterable[str]],
    reference_date: DateLike = None,
    lang: Optional[str] = None,
    *,
    reference_dates: Optional[Sequence[DateLike]] = None,
    threads: Optional[int] = None,
) -> dict:
    """Analyses articles on one story and merges them: ``articles`` (each result with its
    ``id``), ``referents`` (one person, organisation or place across articles), ``speakers``
    (quotes grouped by speaker) and ``timeline``. ``articles`` maps ids to texts, or is a
    list of texts (ids "1", "2", …)."""
    if isinstance(articles, Mapping):
        ids = [str(k) for k in articles.keys()]
        texts = _texts(articles.values())
    else:
        texts = _texts(articles)
        ids = [str(i + 1) for i in range(len(texts))]
    dates = None if reference_dates is None else [_date(d, "reference_dates[i]") for d in reference_dates]
    return _json.loads(_manchette.dossier_json(texts, ids, _date(reference_date), _lang(lang), dates, threads))
