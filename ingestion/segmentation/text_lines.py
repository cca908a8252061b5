"""Lines of a normalised text with their offsets, and the small tests every parser asks of a line."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_WS = re.compile(r"\s+")


class Line(NamedTuple):
    """One line: `text` is stripped; `start`/`end` index it in the whole text (a tuple: cheap)."""

    idx: int
    start: int
    end: int
    text: str


@lru_cache(maxsize=4)
def split_lines(text: str) -> tuple[Line, ...]:
    """Every line of the text (blank ones too, with empty `text`), offsets of the stripped text.

    Cached: segmentation and action-plan parsing read the same normalised text one after the
    other, and the cache key (the string) hashes once.
    """
    out: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            s = pos + lead
            out.append(Line(i, s, s + len(stripped), stripped))
        else:
            out.append(Line(i, pos, pos, ""))
        pos += len(raw) + 1
    return tuple(out)


def collapse(text: str) -> str:
    """Whitespace runs to single spaces, ends trimmed (the form of every extracted text)."""
    return _WS.sub(" ", text).strip()


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends with whitespace."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


MODAL = re.compile(
    r"\b(should|must|shall|will|needs? to|ought to|(?:is|are)(?: \w+ly| also| further| now)? "
    r"(?:asked|required|expected|invited) to|recommends?|recommended that|to ensure|consider)\b",
    re.I,
)
VERBS = (
    "ensure|review|develop|establish|consider|provide|audit|undertake|produce|update|introduce|"
    "raise|promote|share|implement|monitor|seek|clarify|strengthen|improve|agree|create|set|make|"
    "include|publish|write|remind|issue|disseminate|deliver|revise|embed|reinforce|examine|"
    "explore|evaluate|identify|assess|commission|confirm|amend|appoint|adopt|work|train|extend|"
    "test|prepare|report|check|increase|reduce|require|support|use|put|carry|offer|give|keep|"
    "follow|repeat|complete|record|refer|attend|satisfy|define|map|relaunch|recognise|reconsider"
)
IMPERATIVE = re.compile(r"^(?:that\s+)?(" + VERBS + r")\b", re.I)


_TO_VERB = re.compile(r"\bto\s+(?:" + VERBS + r")\b", re.I)


def is_directive(text: str) -> bool:
    """Does the text ask someone to do something (a modal verb, an opening imperative, or the
    "Children's social care to review..." form of the reports)?"""
    text = text[:1500]  # a request is made early; long texts need not be scanned whole
    return bool(
        MODAL.search(text)
        or IMPERATIVE.match(text.lstrip("•-–—*·(“\"' "))
        or _TO_VERB.search(" ".join(text.split()[:10]))
    )


_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
          "the", "to", "with", "&", "-", "–", "—", "’s", "'s"}  # fmt: skip


def words(text: str) -> list[str]:
    return text.split()


def is_titleish(text: str) -> bool:
    """ALL CAPS, or Title Case (significant words capitalised)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    if all(c.isupper() for c in letters):
        return True
    sig = [w for w in text.split() if w.lower() not in _SMALL and w[:1].isalpha()]
    return bool(sig) and all(w[:1].isupper() for w in sig)


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":", ";", ".”", '."', ".’", ")"))
