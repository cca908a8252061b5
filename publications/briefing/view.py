"""The briefing's building blocks as plain values: what the sections say, not how it is marked up.

The rendering functions build these from query rows; the Jinja template turns them into HTML,
escaping every text (titles and paths come from documents). Markup the page composes itself
(a header cell with a line break, a title with its area under it) is made with `markup`, which
escapes what it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
Content = str | Markup
Attrs = tuple[tuple[str, str], ...]


def clean(value: object) -> object:
    """Text without the control characters HTML cannot carry; markup and numbers as they are."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _CONTROL.sub("", value)


def markup(template: str, *values: object) -> Markup:
    """`template` (trusted markup) with `values` cleaned and escaped into its `{}` fields."""
    return Markup(template).format(*(clean(v) for v in values))


def attrs(**named: object) -> Attrs:
    """HTML attributes from keyword names (`data_col` -> `data-col`, `class_` -> `class`)."""
    return tuple(
        (name.rstrip("_").replace("_", "-"), str(value))
        for name, value in named.items()
        if value is not None
    )


@dataclass(frozen=True)
class Cell:
    content: Content
    cls: str | None = None
    tag: str = "td"
    attrs: Attrs = ()


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    cls: str | None = None
    attrs: Attrs = ()


def td(content: object, cls: str | None = None, **named: object) -> Cell:
    return Cell(_content(content), cls, "td", attrs(**named))


def num(content: object, **named: object) -> Cell:
    """A number, right-aligned."""
    return td(content, "num", **named)


def row_head(content: object, cls: str | None = None) -> Cell:
    return Cell(_content(content), cls, "th", (("scope", "row"),))


def col_head(content: object, cls: str | None = None, **named: object) -> Cell:
    return Cell(_content(content), cls, "th", (("scope", "col"), *attrs(**named)))


def row(*cells: Cell, cls: str | None = None, **named: object) -> Row:
    return Row(tuple(cells), cls, attrs(**named))


def _content(value: object) -> Content:
    return value if isinstance(value, Markup) else str(value)


@dataclass(frozen=True)
class Table:
    id: str
    cls: str
    head: tuple[Row, ...]
    body: tuple[Row, ...]
    foot: tuple[Row, ...] = ()
    wide: bool = False  # in a scrolling box on a narrow screen
    kind: str = field(default="table", init=False)


@dataclass(frozen=True)
class Figure:
    id: str
    caption: str
    content: Markup  # an inline SVG, or a paragraph saying why there is none
    note: str = ""
    kind: str = field(default="figure", init=False)


@dataclass(frozen=True)
class Paragraph:
    text: Content
    cls: str
    id: str | None = None
    kind: str = field(default="paragraph", init=False)


@dataclass(frozen=True)
class Item:
    content: Content
    attrs: Attrs = ()


@dataclass(frozen=True)
class Items:
    id: str
    cls: str
    items: tuple[Item, ...]
    kind: str = field(default="items", init=False)


@dataclass(frozen=True)
class Subheading:
    id: str
    text: str
    kind: str = field(default="subheading", init=False)


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    blocks: tuple[Block, ...]
    intro: str = ""
    kind: str = field(default="section", init=False)


Block = Table | Figure | Paragraph | Items | Subheading | Section


def empty(text: str) -> Paragraph:
    return Paragraph(text, "empty")


def note(text: Content, element_id: str | None = None) -> Paragraph:
    return Paragraph(text, "note", element_id)
