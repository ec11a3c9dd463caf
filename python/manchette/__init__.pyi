import datetime
from typing import Any, Iterable, Literal, Mapping, Optional, Sequence, TypedDict, Union

__version__: str
DateLike = Union[str, datetime.date, None]
EntityType = Literal["PER", "ORG", "LOC", "MISC"]

class Entity(TypedDict, total=False):
    start: int
    end: int
    text: str
    type: EntityType
    canonical: str
    cluster: int
    boilerplate: bool

class Quote(TypedDict, total=False):
    start: int
    end: int
    text: str
    speaker: Optional[str]
    speaker_cluster: Optional[int]
    speaker_start: Optional[int]
    speaker_end: Optional[int]
    speaker_text: Optional[str]
    boilerplate: bool

class DateMention(TypedDict, total=False):
    start: int
    end: int
    text: str
    value: Optional[str]
    boilerplate: bool

class Cluster(TypedDict):
    canonical: str
    type: EntityType
    roles: list[str]
    mentions: list[int]
    boilerplate: bool

class Block(TypedDict):
    start: int
    end: int
    kind: Literal["headline", "byline", "dateline", "body", "boilerplate"]

class Analysis(TypedDict, total=False):
    id: str
    lang: Literal["fr", "en", "other"]
    lang_confidence: float
    reference_date: Optional[str]
    reference_date_source: str
    reference_date_note: str
    headline: Optional[str]
    authors: list[str]
    source: Optional[str]
    entities: list[Entity]
    quotes: list[Quote]
    dates: list[DateMention]
    clusters: list[Cluster]
    blocks: list[Block]

class Dossier(TypedDict):
    articles: list[Analysis]
    referents: list[dict[str, Any]]
    speakers: list[dict[str, Any]]
    timeline: list[dict[str, Any]]

def max_input_bytes() -> int: ...
def analyze(text: str, reference_date: DateLike = None, lang: Optional[str] = None) -> Analysis: ...
def analyze_many(
    texts: Iterable[str],
    reference_date: DateLike = None,
    lang: Optional[str] = None,
    *,
    reference_dates: Optional[Sequence[DateLike]] = None,
    threads: Optional[int] = None,
) -> list[Analysis]: ...
def dossier(
    articles: Union[Mapping[str, str], Iterable[str]],
    reference_date: DateLike = None,
    lang: Optional[str] = None,
    *,
    reference_dates: Optional[Sequence[DateLike]] = None,
    threads: Optional[int] = None,
) -> Dossier: ...
