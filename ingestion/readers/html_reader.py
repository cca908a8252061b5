"""HTML: block structure kept as lines, ordered-list numbers rebuilt, tables as row lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ingestion.readers.errors import UnreadableDocument
from ingestion.records import RawDocument
from ingestion.segmentation.table_rows import table_lines

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "head",
    "iframe",
    "button",
    "form",
}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "legend", "li", "main", "ol", "p", "pre", "section", "summary", "ul",
}  # fmt: skip
_PAGE_BREAK = re.compile(r"(page-break-before|break-before)\s*:\s*(always|page)", re.I)
_PAGE_BREAK_AFTER = re.compile(r"(page-break-after|break-after)\s*:\s*(always|page)", re.I)
_WS = re.compile(r"[ \t\r\n\f\v]+")
_LABEL_ONLY = re.compile(r"^(?:\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)\.$|^•$")


def _alpha(n: int, upper: bool) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    s = s or "a"
    return s.upper() if upper else s


def _roman(n: int, upper: bool) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    vals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
            (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
    s = ""
    for v, r in vals:
        while n >= v:
            s += r
            n -= v
    return s.upper() if upper else s


def list_label(n: int, kind: str) -> str:
    """An ordered-list number in the style of HTML's `type` attribute."""
    if kind == "a":
        return _alpha(n, False) + "."
    if kind == "A":
        return _alpha(n, True) + "."
    if kind == "i":
        return _roman(n, False) + "."
    if kind == "I":
        return _roman(n, True) + "."
    return f"{n}."


def _int(value: object, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


class _Writer:
    """Collects inline text into lines and lines into pages."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.buf: list[str] = []

    def text(self, s: str) -> None:
        self.buf.append(s)

    def newline(self) -> None:
        line = _WS.sub(" ", "".join(self.buf)).strip()
        if _LABEL_ONLY.match(line):
            return  # "<li><p>text</p></li>": the list number stays on the text's line
        self.buf = []
        if line:
            self.pages[-1].append(line)

    def lines(self, lines: list[str]) -> None:
        self.newline()
        self.pages[-1].extend(lines)

    def page_break(self) -> None:
        self.newline()
        if self.pages[-1]:
            self.pages.append([])


def _cell_text(cell: Tag) -> str:
    parts = []
    for s in cell.find_all(string=True):
        if isinstance(s, Comment) or any(p.name in _SKIP for p in s.parents if p is not None):
            continue
        parts.append(str(s))
    return _WS.sub(" ", " ".join(parts)).strip()


def _table_rows(table: Tag) -> list[list[str]]:
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = [c for c in tr.find_all(["td", "th"]) if c.find_parent("tr") is tr]
        rows.append([_cell_text(c) for c in cells])
    return rows


@dataclass
class _ListCounter:
    """An open list: the next number of an <ol> (None for a <ul>) and its numbering type."""

    next: int | None
    kind: str


def html_to_pages(html: str | bytes) -> list[str]:
    """Walk the DOM iteratively (no recursion limit on hostile nesting) and emit page texts."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.body or soup
    w = _Writer()
    # Stack of (node, leaving?) so that block ends and list counters are handled on the way out.
    stack: list[tuple[object, bool]] = [(root, False)]
    counters: list[_ListCounter] = []
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            w.text(str(node))
        elif isinstance(node, Tag) and leaving:
            _leave(node, w, counters)
        elif isinstance(node, Tag) and _enter(node, w, counters):
            stack.append((node, True))
            for child in reversed(list(node.children)):
                stack.append((child, False))
    w.newline()
    return ["\n".join(p) for p in w.pages if p] or [""]


def _enter(node: Tag, w: _Writer, counters: list[_ListCounter]) -> bool:
    """Write what starts an element (a page break, a line break, a table, a list item's label);
    True when its children are to be walked."""
    name = (node.name or "").lower()
    if name in _SKIP:
        return False
    if _PAGE_BREAK.search(str(node.get("style", ""))):
        w.page_break()
    if name == "br":
        w.newline()
        return False
    if name == "table":
        w.lines(table_lines(_table_rows(node)))
        return False
    if name in _BLOCK:
        w.newline()
    if name == "ol":
        counters.append(_ListCounter(_int(node.get("start"), 1), str(node.get("type", "1"))))
    elif name == "ul":
        counters.append(_ListCounter(None, "ul"))
    elif name == "li":
        _list_item_label(node, w, counters)
    return True


def _list_item_label(node: Tag, w: _Writer, counters: list[_ListCounter]) -> None:
    """A list item's number as the browser would show it (honouring `value`), or a bullet."""
    current = counters[-1] if counters else None
    if current is not None and current.next is not None:
        n = _int(node.get("value"), current.next)
        w.text(list_label(n, current.kind) + " ")
        current.next = n + 1
    else:
        w.text("• ")


def _leave(node: Tag, w: _Writer, counters: list[_ListCounter]) -> None:
    """Close an element: its list counter, its block's line, a page break after it."""
    name = (node.name or "").lower()
    if name in ("ol", "ul") and counters:
        counters.pop()
    if name in _BLOCK or name == "br":
        w.newline()
    if _PAGE_BREAK_AFTER.search(str(node.get("style", ""))):
        w.page_break()


def read_html(data: bytes) -> RawDocument:
    """An HTML report (a saved web page or an HTML export)."""
    try:
        pages = html_to_pages(data)
    except Exception as exc:  # bs4 is tolerant; anything escaping it means the bytes are not HTML
        raise UnreadableDocument(f"the HTML could not be parsed ({exc}): save it again.") from exc
    return RawDocument(media_type="text/html", pages=tuple(pages))
