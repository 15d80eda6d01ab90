"""Type stubs of article_cleaner: the report of SPEC.md (schema 1)."""

from typing import List, Literal, Optional, TypedDict

__version__: str

class Paragraph(TypedDict):
    text: str
    start: int
    end: int

class _RemovedPartBase(TypedDict):
    text: str
    start: int
    end: int
    reason: str

class RemovedPart(_RemovedPartBase, total=False):
    duplicate_of: int
    rule: str

class Mention(TypedDict):
    start: int
    end: int

Entity = TypedDict(
    "Entity",
    {
        "name": str,
        "type": Literal[
            "person", "organization", "place", "group", "other", "date", "money", "percent", "quantity"
        ],
        "count": int,
        "salience": float,
        "aliases": List[str],
        "mentions": List[Mention],
    },
)

class Fact(TypedDict):
    text: str
    start: int
    end: int
    entities: List[str]

class Stats(TypedDict):
    input_chars: int
    text_chars: int
    duplicates_removed: int
    boilerplate_removed: int
    elapsed_ms: float

class Report(TypedDict):
    schema: Literal[1]
    language: str
    title: Optional[str]
    byline: Optional[str]
    source: Optional[str]
    published: Optional[str]
    text: str
    paragraphs: List[Paragraph]
    removed: List[RemovedPart]
    entities: List[Entity]
    facts: List[Fact]
    warnings: List[str]
    stats: Stats

def analyze(
    text: str,
    *,
    input: Literal["auto", "text", "html"] = "auto",
    max_facts: int = 5,
    raw: bool = False,
    no_entities: bool = False,
    no_facts: bool = False,
) -> Report:
    """Analyses one article (plain text or HTML) and returns its report.

    Raises ValueError on a bad option value, TypeError on a wrong type.
    """
