"""Find the recommendations of a report: sections, items, labels, agency sub-headings, duplicates.

Rules (documented here because the lead and the coders rely on them):

* Sections: see `ingestion.sections` (names, contents page, where a section ends). A section whose
  heading also holds other matter ("Conclusions and recommendations") is used only when the
  report has no plain recommendation section of the same kind, and then only its items that ask
  for something (a modal verb or an imperative) count.
* Items: `1.`, `1.1`, `R1`, `Recommendation 4:` (or as a heading with its text below), `(a)`,
  `i.`, bullets, table rows. Labels are as printed without a trailing "." or ")" ("3", "4.2",
  "R7", "(b)", "iv"; "Recommendation 4" gives "4").
* A numbered sub-item (1.1 under 1) is a recommendation of its own; its parent counts too unless
  it is only a stem (a short title without a verb, e.g. "1. Training", or an introduction ending
  in ":"). Lettered, roman and bulleted sub-items belong to their parent (part of its text) unless
  the parent is a short title, in which case each is a recommendation.
* Synthetic labels: a top-level bullet or an unlabelled paragraph is "•k" (k-th in its section);
  a bullet under a title item labelled L is "L.a", "L.b"...; a run of recommendations joined by
  semicolons inside one item labelled L gives "L.a", "L.b"...
* `heading`: the agency sub-heading in force ("Police", "Acute Hospital Trust"), the addressee of
  a section heading ("Recommendations for Children's Social Care"), a title item naming an
  agency ("3. Police" above "3.1"), or a table's agency column; None otherwise.
* `section`: the kind of the section heading (lscb for overview recommendations, agency for single
  agency ones and coroners' matters of concern, national for recommendations to government);
  an item under a sub-heading naming a national body is national.
* "Recommendation N" headings standing outside any section (reports that put each recommendation
  after its finding) are used when no overview (lscb) section was found.
* Duplicates (an executive summary or a closing list restating the recommendations): two items
  are the same recommendation when their content words overlap by 85% or more (60% when they
  also share a label), unless they stand under different agency sub-headings. The fuller one is
  kept (more than 10% longer); otherwise the later one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingestion.items import (
    BULLET,
    NUM,
    REC,
    Marker,
    Node,
    TreeBuilder,
    is_item_start,
    parse_markers,
    roman_value,
    sequence_ok,
)
from ingestion.lines import VERBS, Line, collapse, is_directive, trimmed_span
from ingestion.records import NormalisedText, RecommendationSpan
from ingestion.sections import (
    AGENCY,
    LSCB,
    NATIONAL,
    Contents,
    Heading,
    analyse,
    classify_heading,
    classify_target,
    ends_section,
    has_agency_words,
    heading_hint,
    is_agency_heading,
    is_title_line,
)
from ingestion.tables import is_row, split_row

MAX_SECTION_LINES = 3000
STRAY_MAX_LINES = 40


@dataclass
class _Found:
    """A recommendation before de-duplication, with the section instance it came from."""

    span: RecommendationSpan
    section_id: int
    mixed: bool
    who: str | None = None  # its addressee (words before the request, or the sub-heading)


# --- helpers ------------------------------------------------------------------------------------
_INTRO_STRONG = re.compile(
    r"\b(?:the|these) following (?:recommendations|actions|matters)\b|\brecommendations? "
    r"(?:are|is) (?:as follows|set out below|listed below)|\bas follows\s*[:.]?$",
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


def _span(norm: str, start: int, end: int) -> tuple[int, int, str] | None:
    s, e = trimmed_span(norm, start, end)
    s, e = trimmed_span(norm, s, _trim_tail(norm, s, e))
    if e <= s:
        return None
    text = collapse(norm[s:e])
    if not any(ch.isalnum() for ch in text):
        return None
    return s, e, text


def _letters(k: int) -> str:
    s = ""
    k += 1
    while k > 0:
        k, r = divmod(k - 1, 26)
        s = chr(97 + r) + s
    return s


_STEM_MAX_WORDS = 12
_STRONG = (NUM, "pnum", "bare", REC)  # numbering that makes a sub-item a recommendation


def _own_text(norm: str, node: Node) -> str:
    end = node.children[0].text_start if node.children else node.own_end
    end = min(end, node.own_end) if node.children else node.own_end
    return collapse(norm[node.text_start : max(node.text_start, end)])


def _is_title_stem(text: str) -> bool:
    """A short title with no request in it ("Training", "Police", "Information sharing")."""
    t = text.rstrip(":").strip()
    return len(t.split()) <= _STEM_MAX_WORDS and not is_directive(t) and not t.endswith(".")


def _is_intro_stem(text: str) -> bool:
    return text.rstrip().endswith(":")


_SEMI = re.compile(r";\s*(?:and\s+|or\s+)?")


def _semicolon_parts(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of a run of recommendations joined by semicolons (each with its own verb)."""
    chunk = norm[start:end]
    if chunk.count(";") < 1 or "•" in chunk or "\n-" in chunk:
        return []
    parts: list[tuple[int, int]] = []
    depth = 0
    cut = 0
    for i, ch in enumerate(chunk):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch == ";" and depth == 0:
            parts.append((cut, i))
            cut = i + 1
    parts.append((cut, len(chunk)))
    spans = [trimmed_span(norm, start + a, start + b) for a, b in parts]
    spans = [(s, e) for s, e in spans if e > s]
    if len(spans) < 2:
        return []
    for s, e in spans:
        seg = collapse(norm[s:e])
        if len(seg.split()) < 5 or not _names_addressee(seg):
            return []
    # Leading "and "/"or " of a part stays in the text; it is the printed wording.
    return spans


_INLINE = re.compile(r"(?<![^\s:;,])\((?P<l>[a-z]|[ivx]{1,4}|\d{1,2})\)\s+")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])")
_RUN_JOIN = re.compile(r";\s*(?:and|or)?\s*$|,?\s*(?:and|or)\s*$", re.I)
_RUN_TAIL = re.compile(r"\s*(?:;|,)?\s*(?:and|or)?\s*$", re.I)


def _inline_run(
    norm: str, start: int, end: int
) -> tuple[int | None, list[tuple[str, int, int]]] | None:
    """ "The Board should: (a) review X; (b) audit Y; and (c) ensure Z." -> (a), (b), (c).

    Only a real run: the first marker follows a colon, the markers run in order from (a), (i)
    or (1), and each part ends with a semicolon (optionally "; and"). "(a) are fair (b) made..."
    inside one sentence stays one recommendation. Returns where the text before the run's
    introducing sentence ends (None when the run starts the item) and the run's items.
    """
    chunk = norm[start:end]
    if chunk.count("(") < 2 or ";" not in chunk:
        return None
    found = []
    style = ""
    for m in _INLINE.finditer(chunk):
        kind, value = _inline_value(m.group("l"))
        if not found:
            if value != 1 or m.start() == 0 or chunk[m.start() - 1] == "\n":
                return None  # "(a)" opening a line is a sub-item of the tree, not a run
            style = kind
            found.append(m)
        elif (kind == style or style == "alpha") and _seq_value(m.group("l"), style) == len(
            found
        ) + 1:
            found.append(m)  # a nested "(i)" inside part (c) stays in (c)'s text
    if len(found) < 2:
        return None
    before = chunk[: found[0].start()].rstrip()
    if not before.endswith(":"):
        return None
    out: list[tuple[str, int, int]] = []
    for i, m in enumerate(found):
        part_end = found[i + 1].start() if i + 1 < len(found) else len(chunk)
        piece = chunk[m.end() : part_end]
        if i + 1 < len(found) and not _RUN_JOIN.search(piece.rstrip()):
            return None
        tail = _RUN_TAIL.search(piece.rstrip()) if i + 1 < len(found) else None
        cut = m.end() + (tail.start() if tail else len(piece.rstrip()))
        s, e = trimmed_span(norm, start + m.end(), start + cut)
        if e <= s:
            return None
        out.append((f"({m.group('l')})", s, e))
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    lead_end = start + ends[-1] if ends else None
    return lead_end, out


def _seq_value(label: str, style: str) -> int:
    if style == "alpha":
        return ord(label[0]) - 96 if len(label) == 1 else -1
    return _inline_value(label)[1]


def _inline_value(label: str) -> tuple[str, int]:
    if label.isdigit():
        return "num", int(label)
    if len(label) == 1 and label not in "ivx":
        return "alpha", ord(label) - 96
    if label in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"):
        return "roman", roman_value(label)
    return "alpha", ord(label[0]) - 96


_MODAL_ONLY = re.compile(r"\b(should|must|shall|will|needs? to|ought to)\b", re.I)


_ASK = re.compile(
    r"\b(?:should|must|shall|will|needs? to|ought to|"
    r"(?:is|are)(?: \w+ly| also| further| now)? (?:asked|required|expected|invited) to|"
    r"(?:is|are) to|to (?:" + VERBS + r"))\b",
    re.I,
)


def addressee(text: str) -> str | None:
    """The words before the request ("the police" in "the police should share", "Children's
    social care" in "Children's social care to review"); None for an imperative."""
    m = _ASK.search(text)
    if m is None:
        return None
    words = text[: m.start()].split()
    return " ".join(words).lower() if 0 < len(words) <= 10 else None


def _names_addressee(text: str) -> bool:
    """A clause with its own addressee and verb: "the police should share notifications"."""
    who = addressee(text)
    return who is not None and classify_target(who) != "" and has_agency_words(who)


# --- one section --------------------------------------------------------------------------------
class _SectionParser:
    def __init__(self, norm: str, lines: Sequence[Line], heading: Heading, sid: int) -> None:
        self.norm = norm
        self.lines = lines
        self.heading = heading
        self.sid = sid
        self.out: list[_Found] = []
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
        got = _span(self.norm, start, end)
        if got is None:
            return
        s, e, text = got
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
        self.out.append(_Found(span, self.sid, self.heading.mixed, who))

    def add_leaf(
        self, label: str, start: int, end: int, heading: str | None, own: bool = False
    ) -> None:
        """A leaf item: a lettered run, a run joined by semicolons, or one recommendation."""
        if self.add_run(label, start, end, heading, own):
            return
        parts = _semicolon_parts(self.norm, *trimmed_span(self.norm, start, end))
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
        run = _inline_run(self.norm, start, end)
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
        tree = TreeBuilder()
        heading = self.heading.target if self.heading.kind != LSCB else None
        table: list[Line] = []
        loose: list[Line] = []
        interlude = False
        sub_glyph: str | None = None
        for i in range(first, last + 1):
            ln = self.lines[i]
            if not ln.text:
                loose.append(ln)
                continue
            if is_row(ln.text):
                table.append(ln)
                tree.reset()
                continue
            if table:
                self.table_items(table, heading)
                table = []
            prev = self.lines[i - 1] if i > 0 else None
            nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
            markers = parse_markers(ln.text)
            if not markers:
                opens = self.heading.kind == AGENCY and nxt is not None and _opens_list(nxt.text)
                agency = is_agency_heading(ln, prev, nxt, opens)
                if agency is not None:
                    heading = agency
                    tree.reset()
                    interlude = False
                    continue
                if tree.stack and _is_interlude_heading(ln, prev, nxt):
                    interlude = True  # a theme sub-heading and its rationale between items
            if markers and sub_glyph is not None:
                markers, sub_glyph = _sub_bullets(markers, sub_glyph, prev)
            placed = None
            if markers:
                placed = tree.place(markers, i, ln.start + markers[0].length, ln.end, heading)
                if placed is not None:
                    placed.text_start = ln.start + _marker_length(ln.text, placed.marker)
                    interlude = False
                    if ln.text.endswith(":") and placed.marker.style.startswith(BULLET):
                        sub_glyph = placed.marker.style  # "• X should: " then its own bullets
            if placed is None and (interlude or not tree.extend(ln.end)):
                loose.append(ln)
            elif placed is None and ln.text.endswith(":") and tree.stack:
                top = tree.stack[-1].marker.style
                if top.startswith(BULLET):
                    sub_glyph = top  # "This should cover:" inside a bullet: a sub-list follows
        if table:
            self.table_items(table, heading)
        for root in tree.roots:
            self.emit(root)
        if not tree.roots and not self.out:
            self.paragraph_items(loose)

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
                s += _marker_length(text, markers[0])
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


def _marker_length(text: str, marker: object) -> int:
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


# --- the document -------------------------------------------------------------------------------
class _Sequence:
    """The numbering of a section's top-level items, to tell whether it resumes further down."""

    LOOKAHEAD = 30

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.style: str | None = None
        self.last: Marker | None = None

    def see(self, text: str) -> None:
        markers = parse_markers(text)
        if not markers:
            return
        m = markers[0]
        if self.last is None:
            self.style, self.last = m.style, m
        elif m.style == self.style and sequence_ok(self.last, m):
            self.last = m

    def resumes(self, i: int) -> bool:
        if self.last is None:
            return False
        bullets = bool(self.style and self.style.startswith(BULLET))
        stop = min(len(self.lines), i + 1 + (3 if bullets else self.LOOKAHEAD))
        for k in range(i + 1, stop):
            for m in parse_markers(self.lines[k].text):
                if m.style == self.style and sequence_ok(self.last, m):
                    return True
        return False


def _heading_at(lines: Sequence[Line], i: int, contents: Contents) -> tuple[Heading, int] | None:
    """The recommendation heading starting at line i and the line it ends on (headings wrap:
    "Appendix: Recommendations from the individual management" / "reviews")."""
    ln = lines[i]
    if not ln.text or i in contents.lines:
        return None
    h = classify_heading(ln)
    if h is not None:
        return h, i
    if len(ln.text.split()) > 12 or ln.text.endswith((".", ";", ",")):
        return None
    if not (ln.text[0].isupper() or ln.text[0].isdigit()):
        return None
    tails: list[int] = []
    for k in (i + 1, i + 2):
        if k >= len(lines) or k in contents.lines:
            break
        nxt = lines[k].text
        if not nxt or len(nxt) > 60 or len(nxt.split()) > 6 or is_item_start(nxt):
            break
        tails.append(k)
    if not tails or not heading_hint(" ".join([ln.text] + [lines[k].text for k in tails])):
        return None
    joined = ln.text
    for k in tails:
        joined = f"{joined} {lines[k].text}"
        h = classify_heading(Line(ln.idx, ln.start, lines[k].end, joined))
        if h is not None:
            return h, k
    return None


def _sections(lines: Sequence[Line], contents: Contents) -> list[tuple[Heading, int, int, int]]:
    """(heading, heading line, first body line, last body line) of every recommendation section."""
    found: list[tuple[Heading, int, int, int]] = []
    n = len(lines)
    i = 0
    while i < n:
        got = _heading_at(lines, i, contents)
        if got is None:
            i += 1
            continue
        h, head_end = got
        head_line = i
        i = head_end
        j = i + 1
        seen_items = False
        last = i
        seq = _Sequence(lines)
        while j < n and j - i < MAX_SECTION_LINES:
            t = lines[j].text
            if not t:
                j += 1
                continue
            got2 = _heading_at(lines, j, contents)
            h2 = got2[0] if got2 else None
            if got2 is not None and h2 is not None:
                if got2[1] > j and (h2.key == h.key or (not seen_items and h2.kind == h.kind)):
                    j = got2[1]  # a heading wrapped over two or three lines
                if h2.key == h.key:  # the same heading again: a running header, skip it
                    j += 1
                    continue
                if not seen_items and h2.kind == h.kind:
                    h = Heading(h.kind, h.mixed and h2.mixed, h2.key, h2.target or h.target,
                                h.number or h2.number)  # fmt: skip
                    j += 1
                    continue
                break
            if ends_section(lines, j, h, contents, seen_items, is_item_start, seq.resumes):
                break
            seq.see(t)
            if not seen_items and (seq.last is not None or is_row(t)):
                seen_items = True
            last = j
            j += 1
        found.append((h, head_line, i + 1, last))
        i = j
    return found


def _strays(lines: Sequence[Line], taken: set[int]) -> list[tuple[str, int, int]]:
    """ "Recommendation N" headings outside any section: (label, text start, text end)."""
    out: list[tuple[str, int, int]] = []
    n = len(lines)
    for i, ln in enumerate(lines):
        if i in taken or not ln.text or ln.text[:1] not in "RrR":
            continue
        markers = parse_markers(ln.text)
        if not markers or markers[0].style != REC:
            continue
        m = markers[0]
        start = ln.start + _marker_length(ln.text, m)
        end = ln.end
        j = i + 1
        while j < n and j - i <= STRAY_MAX_LINES:
            t = lines[j].text
            if not t or j in taken:
                break
            ms = parse_markers(t)
            if (
                ms
                and ms[0].style in (REC, "dec1", "dec2")
                or (ms and ms[0].style == NUM and j > i + 1)
            ):
                break
            if j > i + 1 and is_title_line(t) and lines[j - 1].text.endswith((".", ":", ";")):
                break
            end = lines[j].end
            j += 1
        out.append((m.label, start, end))
    return out


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOP}


_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "with",
        "should",
        "must",
        "shall",
        "will",
        "all",
        "are",
        "this",
        "from",
        "have",
        "has",
        "been",
        "their",
        "they",
        "which",
        "who",
        "any",
        "its",
        "into",
        "than",
        "also",
        "such",
        "other",
        "were",
        "was",
        "not",
        "can",
        "may",
        "would",
        "these",
        "those",
        "there",
        "ensure",
        "including",
        "include",
        "within",
        "where",
        "when",
        "what",
        "how",
    ]
)


PAIRWISE_LIMIT = 400


def _candidate_pairs(words: list[set[str]]) -> list[tuple[int, int]]:
    """Pairs worth comparing: all of them for a normal report; for a huge list only pairs that
    share one of each item's rarest words (keeps de-duplication near-linear)."""
    n = len(words)
    if n <= PAIRWISE_LIMIT:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    postings: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            postings.setdefault(w, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ws in enumerate(words):
        rare = sorted(ws, key=lambda w: (len(postings[w]), w))[:3]
        for w in rare:
            for j in postings[w][:50]:
                if j != i:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _is_duplicate(a: _Found, b: _Found, wa: set[str], wb: set[str]) -> bool:
    if a.section_id == b.section_id and a.span.heading == b.span.heading:
        return a.span.text == b.span.text
    ha, hb = a.span.heading, b.span.heading
    if ha and hb and ha.lower() != hb.lower():
        return False
    who_a, who_b = a.who, b.who
    if who_a and who_b and not (set(who_a.split()) & set(who_b.split()) - _STOP):
        return False  # the same request to different addressees: two recommendations
    small = min(len(wa), len(wb))
    if small < 4:
        if a.span.text.lower() == b.span.text.lower():
            return True
        return small >= 2 and a.span.label == b.span.label and (wa <= wb or wb <= wa)
    overlap = len(wa & wb) / small
    return overlap >= 0.85 or (a.span.label == b.span.label and overlap >= 0.6)


def _dedupe(found: list[_Found]) -> list[_Found]:
    """Keep one of each restated recommendation: the fuller, else the later (see module doc)."""
    exact: dict[tuple[int, str | None, str], int] = {}
    unique: list[_Found] = []
    for f in found:  # the same text twice under the same heading of one section (merged cells)
        key = (f.section_id, f.span.heading, f.span.text)
        if key not in exact:
            exact[key] = len(unique)
            unique.append(f)
    found = unique
    words = [_content_words(f.span.text) for f in found]
    alive = [True] * len(found)
    for i, j in _candidate_pairs(words):
        if not (alive[i] and alive[j]):
            continue
        a, b = found[i], found[j]
        if _is_duplicate(a, b, words[i], words[j]):
            if len(a.span.text) > 1.1 * len(b.span.text):
                alive[j] = False
            else:
                alive[i] = False
    return [f for f, keep in zip(found, alive, strict=True) if keep]


def find_recommendations(norm: NormalisedText) -> list[RecommendationSpan]:
    """Every recommendation of the report, in document order, each once."""
    text = norm.text
    lines, contents = analyse(text)
    sections = _sections(lines, contents)
    plain_kinds = {h.kind for h, *_ in sections if not h.mixed}
    found: list[_Found] = []
    taken: set[int] = set()
    for sid, (h, head, first, last) in enumerate(sections):
        taken.update(range(head, last + 1))
        if h.mixed and h.kind in plain_kinds:
            continue
        parser = _SectionParser(text, lines, h, sid)
        parser.parse(first, last)
        found.extend(parser.out)
    if not any(f.span.section == LSCB for f in found):
        for k, (label, s, e) in enumerate(_strays(lines, taken)):
            got = _span(text, s, e)
            if got is not None:
                span = RecommendationSpan(label, got[2], LSCB, None, got[0], got[1])
                found.append(_Found(span, -1 - k, False, addressee(got[2])))
    found = _dedupe(found)
    found.sort(key=lambda f: (f.span.char_start, f.span.char_end))
    return [f.span for f in found]
