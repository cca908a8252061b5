"""Pair extracted recommendation items with hand-marked ones by the words they share.

The hand-marked items point into a canonical text (pypdfium2's page text) and the extractor's into
the project's normalised text, so character offsets cannot be compared. Their words can: both are
folded (case, punctuation and spacing dropped) into bags of tokens and paired greedily by the Dice
coefficient of the bags, best pairs first, each item used once. Running headers or page numbers
kept inside one span and dropped from the other cost a few tokens; two items merged into one, or one
split in two, still leave an item unpaired, so the counts stay honest.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

MATCH_THRESHOLD = 0.6
_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> Counter[str]:
    """The folded words of a text, with their counts."""
    return Counter(_TOKEN.findall((text or "").lower().replace("’", "'")))


def dice(a: Counter[str], b: Counter[str]) -> float:
    """Dice coefficient of two bags of words (1.0: the same words, 0.0: none shared)."""
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 0.0
    return 2 * sum((a & b).values()) / total


def pair_items(
    extracted: list[str], expected: list[str], threshold: float = MATCH_THRESHOLD
) -> list[tuple[int, int, float]]:
    """(extracted index, expected index, score) pairs, each index used once, best first."""
    bags_x = [tokens(t) for t in extracted]
    bags_e = [tokens(t) for t in expected]
    candidates = []
    for i, a in enumerate(bags_x):
        for j, b in enumerate(bags_e):
            score = dice(a, b)
            if score >= threshold:
                candidates.append((score, i, j))
    used_x: set[int] = set()
    used_e: set[int] = set()
    pairs = []
    for score, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_x and j not in used_e:
            pairs.append((i, j, score))
            used_x.add(i)
            used_e.add(j)
    return sorted(pairs)


@dataclass(frozen=True)
class DocumentMatch:
    """How one document's extracted items compare with its hand-marked ones."""

    expected: int
    extracted: int
    matched: int
    missed: tuple[int, ...]  # indices of expected items with no partner
    extra: tuple[int, ...]  # indices of extracted items with no partner

    @property
    def count_exact(self) -> bool:
        return self.expected == self.extracted


def match_document(extracted: list[str], expected: list[str]) -> DocumentMatch:
    pairs = pair_items(extracted, expected)
    got = {i for i, _, _ in pairs}
    want = {j for _, j, _ in pairs}
    return DocumentMatch(
        expected=len(expected),
        extracted=len(extracted),
        matched=len(pairs),
        missed=tuple(j for j in range(len(expected)) if j not in want),
        extra=tuple(i for i in range(len(extracted)) if i not in got),
    )
