"""One recommendation section read into items: lists, sub-items, sub-headings, tables, prose.

See the rules in `ingestion.segmentation`'s docstring; this module applies them to the lines of one
section found by `ingestion.segmentation.section_bounds`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingestion.records import RecommendationSpan
from ingestion.segmentation.duplicates import Found
from ingestion.segmentation.inline_lists import addressee, inline_run, semicolon_parts
from ingestion.segmentation.item_markers import (
    BULLET,
    NUM,
    REC,
    Marker,
    Node,
    TreeBuilder,
    is_item_start,
    parse_markers,
)
from ingestion.segmentation.section_bounds import (
    AGENCY,
    LSCB,
    NATIONAL,
    Heading,
    classify_target,
    is_agency_heading,
    is_title_line,
)
from ingestion.segmentation.table_rows import is_row, split_row
from ingestion.segmentation.text_lines import Line, collapse, is_directive, trimmed_span

# --- helpers ------------------------------------------------------------------------------------
_INTRO_STRONG = re.compile(
    r"\b(?:the|these) following (?:recommendations|actions|matters)\b|\brecommendations? "
    r"(?:are|is) (?:as follows|set out below|listed below)|\bas follows\s*[:.]?$",
    re.I,
)
_NOTHING = re.compile(
    r"^(?:there (?:are|were|is) no|no (?:[\w-]+ ){0,4}(?:were|are|was|is|have been) "
    r"(?:identified|made|required|needed|found)|none\b)",
    re.I,
)
_INTRO = re.compile(r"\brecommendations?\b|\bas follows\b|\bthe following\b", re.I)
_CODE_LINE = re.compile(r"^[A-Z0-9][A-Z0-9/:._-]*(?: [A-Z0-9/:._-]+){0,2}$")


def _trim_tail(norm: str, s: int, e: int) -> int:
    """Drop trailing lines that are codes, not words (an ISBN, a print reference "E03069239")."""
    while e > s:
        cut = norm.rfind("\n", s, e)
        if cut < 0:
            break
        last = norm[cut + 1 : e].strip()
        code = bool(last) and _CODE_LINE.match(last) is not None and not last.endswith(".")
        if not (code and len(last) >= 6 and any(ch.isdigit() for ch in last)):
            break
        e = cut
    return e


def text_span(norm: str, start: int, end: int) -> tuple[int, int, str] | None:
    """(start, end, collapsed text) of a recommendation's span, trimmed; None if it is empty."""
    s, e = trimmed_span(norm, start, end)
    s, e = trimmed_span(norm, s, _trim_tail(norm, s, e))
    if e <= s:
        return None
    text = collapse(norm[s:e])
    if not any(ch.isalnum() for ch in text):
        return None
    return s, e, text


def _letters(k: int) -> str:
    """a, b, ... z, aa, ... (the sample generator keeps its own copy: it is this code's oracle)."""
    s = ""
    k += 1
    while k > 0:
        k, r = divmod(k - 1, 26)
        s = chr(97 + r) + s
    return s


_STEM_MAX_WORDS = 12
_STRONG = (NUM, "pnum", "bare", REC)  # numbering that makes a sub-item a recommendation


def _own_text(norm: str, node: Node) -> str:
    """An item's own words, without its sub-items (continuation lines go to the open sub-item)."""
    return collapse(norm[node.text_start : max(node.text_start, node.own_end)])


def _is_title_stem(text: str) -> bool:
    """A short title with no request in it ("Training", "Police", "Information sharing")."""
    t = text.rstrip(":").strip()
    return len(t.split()) <= _STEM_MAX_WORDS and not is_directive(t) and not t.endswith(".")


def _is_intro_stem(text: str) -> bool:
    return text.rstrip().endswith(":")


@dataclass
class _ListState:
    """What reading a section carries from line to line."""

    tree: TreeBuilder
    heading: str | None  # the addressee of the items being read
    table: list[Line] = field(default_factory=list)  # rows of a table being read
    loose: list[Line] = field(default_factory=list)  # lines that belong to no item
    interlude: bool = False  # between a theme sub-heading and the next item
    unruled: bool = False  # inside a table drawn without lines
    sub_glyph: str | None = None  # the bullet of a sub-list under a bullet ending with ":"
    cell: str = ""  # agency cell of an unruled table being read


def _item_line(st: _ListState, markers: list[Marker], ln: Line, i: int, prev: Line | None) -> None:
    """Place a marked line as an item, or carry the line on as the open item's text (or loose
    when none is open or an interlude is running)."""
    if markers and st.sub_glyph is not None:
        markers, st.sub_glyph = _sub_bullets(markers, st.sub_glyph, prev)
    placed = None
    if markers:
        placed = st.tree.place(markers, i, ln.start + markers[0].length, ln.end, st.heading)
        if placed is not None:
            placed.text_start = ln.start + marker_length(ln.text, placed.marker)
            st.interlude = False
            if ln.text.endswith(":") and placed.marker.style.startswith(BULLET):
                st.sub_glyph = placed.marker.style  # "• X should: " then its own bullets
    if placed is None and (st.interlude or not st.tree.extend(ln.end)):
        st.loose.append(ln)
    elif placed is None and ln.text.endswith(":") and st.tree.stack:
        top = st.tree.stack[-1].marker.style
        if top.startswith(BULLET):
            st.sub_glyph = top  # "This should cover:" inside a bullet: a sub-list follows


# --- one section --------------------------------------------------------------------------------
class SectionParser:
    """Reads the lines of one section into `Found` recommendations (`out`)."""

    def __init__(self, norm: str, lines: Sequence[Line], heading: Heading, sid: int) -> None:
        self.norm = norm
        self.lines = lines
        self.heading = heading
        self.sid = sid
        self.out: list[Found] = []
        self.bullets = 0

    def kind_for(self, heading: str | None, who: str | None) -> str:
        """The section a recommendation belongs to: its addressee's kind when a sub-heading or a
        table column names one (Board -> lscb, a national body -> national, else agency); a
        request to a national body inside an overview list is national too."""
        if self.heading.kind == NATIONAL:
            return NATIONAL
        if heading:
            return classify_target(heading, default=AGENCY)
        if who and classify_target(who) == NATIONAL:
            return NATIONAL
        return self.heading.kind

    def add(
        self,
        label: str,
        start: int,
        end: int,
        heading: str | None,
        own: bool = False,
        who: str | None = None,
    ) -> None:
        """Record one recommendation; `own` marks a self-labelled "Recommendation N" item, `who`
        the addressee named elsewhere (the introduction of a lettered run)."""
        got = text_span(self.norm, start, end)
        if got is None:
            return
        s, e, text = got
        if _NOTHING.match(text):
            return  # "There are no areas for priority action.": a statement that none are made
        directive = is_directive(text)
        if self.heading.mixed and not directive:
            return
        head = text[:600]
        if not own and (
            _INTRO_STRONG.search(head)
            or (not directive and (text.endswith(":") or _INTRO.search(head)))
        ):
            return  # "7.1 The panel makes the following recommendations:" introduces, not asks
        who = addressee(text) or who or (heading.lower() if heading else None)
        span = RecommendationSpan(label, text, self.kind_for(heading, who), heading, s, e)
        self.out.append(Found(span, self.sid, self.heading.mixed, who))

    def add_leaf(
        self, label: str, start: int, end: int, heading: str | None, own: bool = False
    ) -> None:
        """A leaf item: a lettered run, a run joined by semicolons, or one recommendation."""
        if self.add_run(label, start, end, heading, own):
            return
        parts = semicolon_parts(self.norm, *trimmed_span(self.norm, start, end))
        if parts:
            for k, (s, e) in enumerate(parts):
                self.add(f"{label}.{_letters(k)}", s, e, heading, own)
        else:
            self.add(label, start, end, heading, own)

    def add_run_or(
        self, label: str, start: int, end: int, heading: str | None, own: bool = False
    ) -> None:
        """The item as one recommendation, unless a lettered run closes it."""
        if not self.add_run(label, start, end, heading, own):
            self.add(label, start, end, heading, own)

    def add_run(self, label: str, start: int, end: int, heading: str | None, own: bool) -> bool:
        """ "The Board should also: (a) ...; (b) ...": the text before the introducing sentence
        keeps the item's label, each lettered part is a recommendation (False if no run)."""
        start, end = trimmed_span(self.norm, start, end)
        run = inline_run(self.norm, start, end)
        if run is None:
            return False
        lead_end, items = run
        if lead_end is not None:
            self.add(label, start, lead_end, heading, own)
        intro = self.norm[lead_end if lead_end is not None else start : items[0][1]]
        who = addressee(intro)
        for sub_label, s, e in items:
            self.add(sub_label, s, e, heading, True, who)
        return True

    def emit(self, node: Node, label: str | None = None, heading: str | None = None) -> None:
        """One item and its sub-items, by the rules of the module docstring."""
        label = label or (node.marker.label if node.marker.label != "•" else self.bullet_label())
        heading = node.heading or heading
        if not node.children:
            self.add_leaf(label, node.text_start, node.end(), heading, node.marker.style == REC)
            return
        if node.marker.style == REC:
            self.add_run_or(label, node.text_start, node.end(), heading, own=True)
            return
        own = _own_text(self.norm, node)
        title = _is_title_stem(own)
        child_heading = heading
        in_agency = self.heading.kind == AGENCY
        if title and own and is_agency_heading(Line(0, 0, 0, own), None, None, in_agency):
            child_heading = own.rstrip(":").strip()  # "3. Police" above "3.1", "3.2"
        if any(
            c.marker.style in _STRONG or c.marker.style.startswith("dec") for c in node.children
        ):
            # "1.1 under 1", or a list under a numbered paragraph: each is a recommendation; the
            # parent too when it asks for something itself.
            if not (title or _is_intro_stem(own)) and is_directive(own):
                self.add(label, node.text_start, self.lines[node.children[0].line].start, heading)
            for c in node.children:
                self.emit(c, None, child_heading)
            return
        if title or not is_directive(own) or _INTRO_STRONG.search(own):
            # Sub-items of a title ("3. Training") or of a paragraph that asks nothing itself
            # ("8.1 The panel makes these recommendations.") are recommendations of their own.
            for k, c in enumerate(node.children):
                bullet = c.marker.style.startswith(BULLET)
                sub = f"{label}.{_letters(k)}" if bullet and title else None
                self.emit(c, sub, child_heading)
            return
        self.add_run_or(label, node.text_start, node.end(), heading)  # sub-items are part of it

    def bullet_label(self) -> str:
        self.bullets += 1
        return f"•{self.bullets}"

    def parse(self, first: int, last: int) -> None:
        """Read lines first..last into items: a tree of listed items, tables row by row, and
        the section's loose paragraphs when it has no list at all."""
        st = _ListState(TreeBuilder(), self.heading.target if self.heading.kind != LSCB else None)
        for i in range(first, last + 1):
            self._parse_line(st, i)
        if st.table:
            self.table_items(st.table, st.heading)
        for root in st.tree.roots:
            self.emit(root)
        if not st.tree.roots and not self.out:
            self.paragraph_items(st.loose)

    def _parse_line(self, st: _ListState, i: int) -> None:
        ln = self.lines[i]
        if not ln.text:
            st.loose.append(ln)
            return
        if is_row(ln.text):
            st.table.append(ln)
            st.tree.reset()
            return
        if st.table:
            self.table_items(st.table, st.heading)
            st.table = []
        prev = self.lines[i - 1] if i > 0 else None
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if _UNRULED_HEADER.match(ln.text):
            st.unruled = True  # "No. Recommendation Agency": a table drawn without lines
            st.tree.reset()
            return
        markers = parse_markers(ln.text)
        if not markers and st.unruled and st.tree.stack and _is_agency_cell(ln, prev, st.cell):
            # The agency column of an unruled table: a short name under the item's text.
            st.cell = f"{st.cell} {ln.text}" if st.cell else ln.text
            st.tree.stack[0].heading = st.cell
            return
        st.cell = ""
        if not markers and self._heading_line(st, ln, prev, nxt):
            return
        _item_line(st, markers, ln, i, prev)

    def _heading_line(self, st: _ListState, ln: Line, prev: Line | None, nxt: Line | None) -> bool:
        """An unmarked line naming an agency starts its items (True: nothing more to do); a
        theme sub-heading between items starts an interlude of rationale."""
        opens = self.heading.kind == AGENCY and nxt is not None and _opens_list(nxt.text)
        agency = is_agency_heading(ln, prev, nxt, opens)
        if agency is not None:
            st.heading = agency
            st.tree.reset()
            st.interlude = False
            return True
        if st.tree.stack and _is_interlude_heading(ln, prev, nxt):
            st.interlude = True  # a theme sub-heading and its rationale between items
        return False

    def table_items(self, rows: list[Line], heading: str | None) -> None:
        """Rows of a table inside the section: No. | Recommendation | Agency (names vary)."""
        roles: dict[str, int] = {}
        seen_texts: set[str] = set()
        for ln in rows:
            cells = split_row(ln.text, ln.start)
            lowered = [c[0].lower() for c in cells]
            if not roles or _is_header(lowered):
                found = _header_roles(lowered)
                if found:
                    roles = found
                    continue
            label_cell = roles.get("label")
            text_cell = roles.get("text")
            agency_cell = roles.get("agency")
            if text_cell is None or text_cell >= len(cells):
                # No header: label in a short first cell, text in the longest cell.
                text_cell = max(range(len(cells)), key=lambda k: len(cells[k][0]))
                if label_cell is None and len(cells) > 1 and _label_of(cells[0][0]):
                    label_cell = 0
            label = (
                _label_of(cells[label_cell][0])
                if label_cell is not None and label_cell < len(cells)
                else None
            )
            text, s, e = cells[text_cell]
            markers = parse_markers(text) if label is None else []
            if markers and not markers[0].style.startswith(BULLET):
                label = markers[0].label  # "1. The LSCB should..." inside the cell
                s += marker_length(text, markers[0])
            if not text or text in seen_texts or (label is None and not is_directive(text)):
                continue
            seen_texts.add(text)
            row_heading = heading
            if agency_cell is not None and agency_cell < len(cells) and cells[agency_cell][0]:
                row_heading = cells[agency_cell][0]
            self.add(label or self.bullet_label(), s, e, row_heading)

    def paragraph_items(self, loose: list[Line]) -> None:
        """A section without markers: each paragraph that asks for something is one item."""
        paras: list[list[Line]] = []
        cur: list[Line] = []
        for ln in loose:
            if not ln.text:
                if cur:
                    paras.append(cur)
                cur = []
                continue
            if cur and cur[-1].text.endswith((".", "!", "?")) and ln.text[:1].isupper():
                paras.append(cur)
                cur = []
            cur.append(ln)
        if cur:
            paras.append(cur)
        for para in paras:
            text = collapse(" ".join(p.text for p in para))
            if text.endswith(":") or not is_directive(text) or len(text.split()) < 5:
                continue
            self.add_leaf(self.bullet_label(), para[0].start, para[-1].end, None)


def _sub_bullets(
    markers: list[Marker], glyph: str, prev: Line | None
) -> tuple[list[Marker], str | None]:
    """Bullets of a sub-list drawn with the parent's own glyph get a style of their own, until a
    bullet that starts like a new recommendation (capital letter after a finished sentence)."""
    m = markers[0]
    if m.style != glyph:
        return markers, None
    prev_text = prev.text if prev is not None else ""
    ended = prev_text.endswith((".", "!", "?")) and not prev_text.endswith(":")
    if ended:
        return markers, None
    return [Marker(m.style + "-sub", m.label, m.value, m.length)], glyph


_HEADER_WORD = (
    r"(?:no\.?|number|ref\.?|rec\.?|recommendations?|agency|agencies|lead(?: agency)?|"
    r"responsible(?: agency)?|organisation|addressed to|timescales?)"
)
_UNRULED_HEADER = re.compile(rf"^{_HEADER_WORD}(?:\s+{_HEADER_WORD}){{1,4}}$", re.I)


def _is_agency_cell(ln: Line, prev: Line | None, cell: str) -> bool:
    """A short capitalised line after a finished item text (or after the cell's first line)."""
    t = ln.text
    if len(t.split()) > 6 or not t[:1].isupper() or t.endswith((".", ";", ",", ":")):
        return False
    if is_directive(t):
        return False
    return bool(cell) or (prev is not None and prev.text.endswith((".", "!", "?")))


def _opens_list(text: str) -> bool:
    """Does this line start the first item of a list ("1.", "R1", "(a)", "i.", a bullet)?"""
    markers = parse_markers(text)
    return bool(markers) and (markers[0].style.startswith(BULLET) or markers[0].value[-1:] == (1,))


def _is_interlude_heading(ln: Line, prev: Line | None, nxt: Line | None) -> bool:
    """A short title line after a finished sentence, followed by a paragraph of prose."""
    if not is_title_line(ln.text) or len(ln.text.split()) > 8 or is_directive(ln.text):
        return False
    if prev is not None and prev.text and not prev.text.endswith((".", ":", ";", "!", "?")):
        return False
    return bool(
        nxt is not None
        and nxt.text[:1].isupper()
        and len(nxt.text.split()) >= 8
        and not is_item_start(nxt.text)
    )


def marker_length(text: str, marker: object) -> int:
    n = marker.length  # type: ignore[attr-defined]
    while n < len(text) and text[n].isspace():
        n += 1
    return n


_LABEL_CELL = re.compile(
    r"^(?:recommendation\s*|rec\.?\s*)?(?:no\.?\s*)?(R?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?|\(?[a-z]\)|[ivx]{1,5})[.):]?$",
    re.I,
)


def _label_of(cell: str) -> str | None:
    m = _LABEL_CELL.match(cell.strip())
    return m.group(1) if m else None


_HEAD_LABEL = re.compile(
    r"^(?:no\.?|number|ref\.?|reference|rec\.?(?: no\.?)?|#|recommendation (?:no\.?|number|ref\.?))$"
)
_HEAD_TEXT = re.compile(r"\b(recommendations?|learning|finding|matter of concern)\b")
_HEAD_AGENCY = re.compile(
    r"\b(agency|agencies|organisation|addressed to|lead agency|responsible|owner|service)\b"
)


def _is_header(cells: list[str]) -> bool:
    hits = sum(
        1 for c in cells if _HEAD_LABEL.match(c) or _HEAD_AGENCY.search(c) or _HEAD_TEXT.search(c)
    )
    return hits >= 2 and all(len(c.split()) <= 6 for c in cells)


def _header_roles(cells: list[str]) -> dict[str, int]:
    if not _is_header(cells):
        return {}
    roles: dict[str, int] = {}
    for k, c in enumerate(cells):
        if "label" not in roles and _HEAD_LABEL.match(c):
            roles["label"] = k
        elif "text" not in roles and _HEAD_TEXT.search(c):
            roles["text"] = k
        elif "agency" not in roles and _HEAD_AGENCY.search(c):
            roles["agency"] = k
    return roles
