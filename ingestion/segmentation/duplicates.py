"""One copy of each recommendation when a report states it twice (summary and closing list).

Two items are the same recommendation when their content words overlap by 85% or more (60% when
they share a label), unless they are addressed to different bodies (the words before the request,
or the agency sub-heading) or stand under different sub-headings of one section. The fuller copy
is kept (more than 10% longer); otherwise the later one. A very long list is compared through an
index of its rarest words, so the cost stays near-linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.records import RecommendationSpan
from ingestion.segmentation.section_bounds import different_addressees


@dataclass
class Found:
    """A recommendation before de-duplication, with the section instance it came from."""

    span: RecommendationSpan
    section_id: int
    mixed: bool
    who: str | None = None  # its addressee (words before the request, or the sub-heading)


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


def _is_duplicate(a: Found, b: Found, wa: set[str], wb: set[str]) -> bool:
    if a.section_id == b.section_id and a.span.heading == b.span.heading:
        return a.span.text == b.span.text
    ha, hb = a.span.heading, b.span.heading
    if ha and hb and ha.lower() != hb.lower():
        return False
    who_a, who_b = a.who, b.who
    if who_a and who_b and different_addressees(who_a, who_b):
        return False
    if who_a and who_b and not (set(who_a.split()) & set(who_b.split()) - _STOP):
        return False  # the same request to different addressees: two recommendations
    small = min(len(wa), len(wb))
    if small < 4:
        if a.span.text.lower() == b.span.text.lower():
            return True
        return small >= 2 and a.span.label == b.span.label and (wa <= wb or wb <= wa)
    overlap = len(wa & wb) / small
    return overlap >= 0.85 or (a.span.label == b.span.label and overlap >= 0.6)


def dedupe(found: list[Found]) -> list[Found]:
    """Keep one of each restated recommendation: the fuller, else the later (see module doc)."""
    exact: dict[tuple[int, str | None, str], int] = {}
    unique: list[Found] = []
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
