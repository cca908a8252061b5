"""The format-neutral document: a list of blocks every renderer (PDF, DOCX, HTML, text) draws.

Composition decides WHAT a report says and how its lists are labelled; renderers only decide how
it looks. Recommendation lists carry their labels both as printed and as the truth records them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Heading:
    level: int  # 1 chapter, 2 section, 3 sub-heading (e.g. an agency's name)
    text: str
    number: str = ""  # "4" / "4.2" when the report numbers its headings


@dataclass
class Para:
    text: str
    number: str = ""  # numbered paragraph ("3.12"): not a recommendation
    style: str = "body"  # body | quote | small | caption


@dataclass
class Bullets:
    items: list[str]
    ordered: bool = False  # narrative lists (terms of reference etc.)


@dataclass
class RecItem:
    """One printed list item that is a recommendation."""

    printed: str  # label as printed ("3.", "R3", "Recommendation 3:", "(c)", "")
    truth_label: str  # label as the truth records it ("3", "R3", "3", "(c)", "")
    text: str  # the recommendation text (what the truth stores)
    level: int = 0  # 1 for a numbered sub-item (3.1 under 3)
    sub_intro: str = ""  # "This should include:" before bullets that belong to it
    sub_items: list[str] = field(default_factory=list)
    ordinal: int = 0  # position of the label in its sequence (1-based), for auto numbering


@dataclass
class RecList:
    """A run of recommendations sharing one label style.

    style: num | nested | R | recn | alpha | roman | bullets.
    `auto` lets DOCX and HTML produce the labels with real list numbering instead of typed text.
    """

    style: str
    items: list[RecItem]
    auto: bool = False


@dataclass
class RunPara:
    """Recommendations joined in one paragraph: 'The Board should: (a) ...; (b) ...; and (c) ...'."""

    intro: str
    items: list[RecItem]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative column widths
    kind: str = "generic"  # recs | chronology | actionplan | generic
    caption: str = ""


@dataclass
class PageBreak:
    pass


@dataclass
class TitlePage:
    lines: list[tuple[str, str]]  # (style, text): style in title | subtitle | meta


@dataclass
class Contents:
    entries: list[tuple[int, str]]  # (level, text)


Block = Heading | Para | Bullets | RecList | RunPara | Table | PageBreak | TitlePage | Contents


@dataclass
class Document:
    """A whole report plus what its running header and footer say."""

    title: str
    header: str
    footer: str
    blocks: list[Block]
    author: str = ""
    numbered_headings: bool = False
