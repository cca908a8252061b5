"""Find the recommendations of a report: sections, items, labels, agency sub-headings, duplicates.

The rules (the lead and the coders rely on them; the code is split over `section_bounds` (where a
section starts and ends), `item_markers` (markers and the item tree), `section_reader` (one section
read into items), `inline_lists` (several recommendations in one paragraph) and `duplicates`):

* Sections: a heading naming recommendations, outside the contents page; one whose heading also
  holds other matter ("Conclusions and recommendations") is used only when the report has no
  plain recommendation section of the same kind, and then only for items that ask something.
* Items: `1.`, `1.1`, `R1`, `Recommendation 4:` (or as a heading with its text below), `(a)`,
  `i.`, bullets, table rows (No. | Recommendation | Agency, names vary), bare `1` in a strict
  1, 2, 3 sequence. A marker starts an item only when it continues the numbering around it.
  Labels are as printed without a trailing "." or ")" ("3", "4.2", "R7", "(b)", "iv";
  "Recommendation 4" gives "4").
* Sub-items: a numbered sub-item (1.1 under 1, or a "1." list under a numbered paragraph "8.1")
  is a recommendation of its own; its parent counts too when it asks something itself and is not
  only a title ("1. Training") or an introduction ("...the following recommendations"). Lettered,
  roman and bulleted sub-items belong to their parent (part of its text) unless the parent is a
  title or asks nothing itself; bullets under a bullet ("This should cover:" then bullets of the
  same glyph) belong to it.
* Runs: "The Board should: (a) ...; (b) ...; and (c) ..." gives (a), (b), (c) (the text before
  the introducing sentence keeps the item's label); clauses joined by semicolons that each name
  their own addressee ("the LSCB should X; the police should Y") give "L.a", "L.b"...
* Synthetic labels: a top-level bullet or an unlabelled paragraph is "•k" (k-th in its section);
  a bullet under a title item labelled L is "L.a", "L.b"...
* `heading`: the agency sub-heading in force ("Police", "Acute Hospital Trust"; in an agency
  section also a capitalised name the lexicon does not know, when it opens a new list), the
  addressee of a section heading ("Recommendations for Children's Social Care"), a title item
  naming an agency ("3. Police" above "3.1"), or a table's agency column; None otherwise.
* `section`: from the addressee. Under a sub-heading or agency column: lscb for the Board,
  national for a national body, agency otherwise. Without one: the kind of the section heading
  (lscb for overview recommendations, agency for single-agency ones and coroners' matters of
  concern, national for recommendations to government), except that a request to a national
  body ("The Home Office should...") in an overview list is national.
* "Recommendation N" headings standing outside any section (reports that put each recommendation
  after its finding) are used when no overview (lscb) section was found.
* Duplicates (an executive summary or a closing list restating the recommendations) are kept
  once: see `ingestion.segmentation.duplicates` (the fuller copy, else the later one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingestion.records import NormalisedText, RecommendationSpan
from ingestion.segmentation.duplicates import Found, dedupe
from ingestion.segmentation.inline_lists import addressee
from ingestion.segmentation.item_markers import (
    BULLET,
    NUM,
    REC,
    Marker,
    is_item_start,
    parse_markers,
    sequence_ok,
)
from ingestion.segmentation.section_bounds import (
    LSCB,
    Contents,
    Heading,
    analyse,
    classify_heading,
    ends_section,
    heading_hint,
    hinted_lines,
    is_agency_heading,
    is_title_line,
)
from ingestion.segmentation.section_reader import SectionParser, marker_length, text_span
from ingestion.segmentation.table_rows import is_row
from ingestion.segmentation.text_lines import IMPERATIVE, VERBS, Line

MAX_SECTION_LINES = 3000
STRAY_MAX_LINES = 40


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


def _heading_at(
    lines: Sequence[Line], i: int, contents: Contents, hints: frozenset[int] | None = None
) -> tuple[Heading, int] | None:
    """The recommendation heading starting at line i and the line it ends on (headings wrap:
    "Appendix: Recommendations from the individual management" / "reviews")."""
    ln = lines[i]
    if not ln.text or i in contents.lines:
        return None
    if hints is not None and not (i in hints or i + 1 in hints or i + 2 in hints):
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


def _sections(
    lines: Sequence[Line], contents: Contents, hints: frozenset[int] | None = None
) -> list[tuple[Heading, int, int, int]]:
    """(heading, heading line, first body line, last body line) of every recommendation section."""
    found: list[tuple[Heading, int, int, int]] = []
    n = len(lines)
    i = 0
    while i < n:
        got = _heading_at(lines, i, contents, hints)
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
            got2 = _heading_at(lines, j, contents, hints)
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
            if seen_items or j == i + 1:
                narrative = narrative_follows(lines, j, contents)
                # numbered narrative ends the list; an unnumbered rationale between items
                # does not when the list's numbering resumes below it
                if narrative == "numbered" or (narrative and not seq.resumes(j)):
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


_HEADING_MAX_WORDS = 14


def _first_sentence(text: str) -> str:
    for k, ch in enumerate(text):
        if ch in ".!?" and (k + 1 == len(text) or text[k + 1] == " ") and k > 20:
            return text[: k + 1]
    return text


def narrative_follows(lines: Sequence[Line], j: int, contents: Contents) -> str | None:
    """Is line j a heading after which the report goes on with narrative, not with more items?

    A heading-shaped line (short, capitalised, no closing full stop, after a finished sentence or
    a heading) whose next paragraph (numbered or not) states rather than asks ends a list: "Key
    strengths and weaknesses of the LSCB" then "141. The LSCB operates...". A theme sub-heading
    inside a list ("Care leavers" then "12. Ensure...") is followed by a request and does not.
    Returns how the narrative paragraph starts ("numbered" or "plain"), else None.
    """
    if not _heading_shaped(lines, j):
        return None
    t = lines[j].text
    found = _paragraph_after(lines, j)
    if found is None:
        return None
    k, text = found
    markers = parse_markers(text)
    if markers:
        text = text[markers[0].length :].strip()
    if len(text.split()) < 8:
        return None
    opens = bool(markers) and (markers[0].style.startswith(BULLET) or markers[0].value[-1:] == (1,))
    if opens and is_agency_heading(lines[j], None, None, True) is not None:
        return None  # an agency's name above the first item of its own list
    if t.endswith(":") and not markers and k == j + 1:
        return None  # "The Board should:" introducing its own list, not a heading
    first = _first_sentence(text)
    if _ASKS.search(first) or IMPERATIVE.match(first) or _TO_VERB.search(first[:80]):
        return None  # "X should...", "Ensure...", "Early years providers to improve..."
    return "numbered" if markers else "plain"


def _heading_shaped(lines: Sequence[Line], j: int) -> bool:
    """Is line j short, capitalised, unpunctuated and not an item, a row or a wrapped sentence,
    after a finished sentence or a heading?"""
    t = lines[j].text
    if not t or len(t.split()) > _HEADING_MAX_WORDS or not t[0].isupper() or " | " in t:
        return False
    if t.endswith((".", ",", ";")) or parse_markers(t) or is_row(t) or len(t) > 75:
        return False
    if _ASKS.search(t):
        return False  # a line of a sentence that wraps, not a heading
    if t.split()[-1].lower() in _CONNECTORS:
        # a heading wrapping onto a short line ("... who need help and" / "protection: Good"),
        # else a sentence wrapping
        tail = lines[j + 1].text if j + 1 < len(lines) else ""
        if not tail or len(tail.split()) > 8 or tail.endswith((".", ",", ";")):
            return False
    elif j + 1 < len(lines) and lines[j + 1].text[:1].islower():
        tail = lines[j + 1].text
        if len(tail.split()) > 8 or tail.endswith((".", ",", ";")):
            return False  # the sentence goes on below
    prev = lines[j - 1].text if j > 0 else ""
    return not (prev and not (prev.endswith((".", "!", "?", ":", ")")) or is_title_line(prev)))


def _paragraph_after(lines: Sequence[Line], j: int) -> tuple[int, str] | None:
    """The line where the paragraph after heading j starts (the heading may wrap onto a short
    line or two) and its first lines joined, or None when none starts within three lines."""
    n = len(lines)
    k = j + 1
    while k < n and k <= j + 3:
        nxt = lines[k].text
        if nxt and (parse_markers(nxt) or len(nxt.split()) >= 8):
            break
        k += 1
    if k >= n or k > j + 3:
        return None
    para = []
    for m in range(k, min(n, k + 4)):
        if not lines[m].text or (m > k and parse_markers(lines[m].text)):
            break
        para.append(lines[m].text)
    return k, " ".join(para)


_TO_VERB = re.compile(r"^(?:\S+\s+){0,8}?to\s+(?:" + VERBS + r")\b", re.I)
_ASKS = re.compile(
    r"\b(?:should|must|shall|will|needs? to|ought to|recommends? that|recommended that|we recommend|we ask)\b",
    re.I,
)
_CONNECTORS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "that",
        "the",
        "to",
        "which",
        "who",
        "with",
        "whose",
    ]
)


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
        start = ln.start + marker_length(ln.text, m)
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


def find_recommendations(norm: NormalisedText) -> list[RecommendationSpan]:
    """Every recommendation of the report, in document order, each once."""
    text = norm.text
    lines, contents = analyse(text)
    sections = _sections(lines, contents, hinted_lines(text))
    plain_kinds = {h.kind for h, *_ in sections if not h.mixed}
    found: list[Found] = []
    taken: set[int] = set()
    for sid, (h, head, first, last) in enumerate(sections):
        taken.update(range(head, last + 1))
        if h.mixed and h.kind in plain_kinds:
            continue
        parser = SectionParser(text, lines, h, sid)
        parser.parse(first, last)
        found.extend(parser.out)
    if not any(f.span.section == LSCB for f in found):
        for k, (label, s, e) in enumerate(_strays(lines, taken)):
            got = text_span(text, s, e)
            if got is not None:
                span = RecommendationSpan(label, got[2], LSCB, None, got[0], got[1])
                found.append(Found(span, -1 - k, False, addressee(got[2])))
    found = dedupe(found)
    found.sort(key=lambda f: (f.span.char_start, f.span.char_end))
    return [f.span for f in found]
