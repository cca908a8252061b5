"""Recommendations run together in one paragraph, and who a recommendation is addressed to.

Two layouts put several recommendations in one paragraph: a lettered run ("The Board should:
(a) review X; (b) audit Y; and (c) ensure Z") and clauses joined by semicolons, each naming its
own addressee ("the LSCB should X; the police should Y"). `addressee` finds the words before the
request, which also tells restatements of one recommendation from the same request to others.
"""

from __future__ import annotations

import re

from ingestion.segmentation.item_markers import roman_value
from ingestion.segmentation.section_bounds import classify_target, has_agency_words
from ingestion.segmentation.text_lines import VERBS, collapse, trimmed_span


def semicolon_parts(norm: str, start: int, end: int) -> list[tuple[int, int]]:
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


def inline_run(
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
    found: list[re.Match[str]] = []
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
