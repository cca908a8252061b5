"""Item markers ("1.", "4.2", "R7", "Recommendation 4:", "(a)", "iv.", bullets) and the item tree.

Inside a recommendation section every line either starts an item or continues the one above. A
marker only starts an item when it fits the numbering around it (the next number of its style,
or the first of a new level), so a wrapped line that happens to begin with "2025." or "a." stays
text. The tree records which items are sub-items of which; `segment` decides from it what counts
as one recommendation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

REC, NUM, PNUM, ALPHA, PALPHA, UALPHA, ROMAN, PROMAN, UROMAN = (
    "rec", "num", "pnum", "alpha", "palpha", "ualpha", "roman", "proman", "uroman",
)  # fmt: skip
BULLET = "bullet"
BARE = "bare"  # a number without "." or ")": only as a strict 1, 2, 3... sequence

_REC = re.compile(
    r"^(?:recommendation|rec\.?)\s*(?:no\.?\s*|number\s*)?(\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)"
    r"(?:\s*[:.)\-–—]\s*|\s+(?=(?-i:[A-Z(“\"‘']))|\s*$)",
    re.I,
)
_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_REC_WORD = re.compile(
    r"^recommendation\s+("
    + "|".join(_NUMBER_WORDS)
    + r")\b(?:\s*[:.)\-–—]\s*|\s+(?=(?-i:[A-Z]))|\s*$)",
    re.I,
)
_R = re.compile(r"^(R\d{1,3}(?:\.\d{1,3}){0,3})(?:\s*[:.)\-–—]\s*|\s+|$)")
_DEC = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){1,4})\.?(?:\s+|$)")
_NUM = re.compile(r"^(\d{1,3})(?:[.)]|\s?[:–—-](?=\s))(?:\s+|$)")
_PNUM = re.compile(r"^\((\d{1,3})\)\s*")
_BARE = re.compile(r"^(\d{1,2})\s+(?=[A-Z][a-z])")  # "1 The LSCB should" (an unruled table)
_PALPHA = re.compile(r"^\(([a-z]{1,2}|[A-Z])\)\s*")
_ALPHA = re.compile(r"^([a-z])[.)](?:\s+|$)")
_UALPHA = re.compile(r"^([A-Z])[.)]\s+(?=\S)")
_ROMAN_RE = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_PROMAN = re.compile(r"^\((" + _ROMAN_RE + r")\)\s*")
_ROMAN = re.compile(r"^(" + _ROMAN_RE + r")[.)](?:\s+|$)")
_UROMAN = re.compile(r"^(" + _ROMAN_RE.upper() + r")[.)]\s+(?=\S)")
# Bullet glyphs, with the private-use code points symbol fonts print them with.
_BULLET = re.compile(
    r"^([•●▪■◼◾◦○►▶▸‣⁃∙➢➤✓✔❖◆◇□➔→·*o–—\-\uf000-\uf0ff])\s+(?=\S)"
    r"|^([•●▪■◼◾►▶▸➢➤✓✔❖◆\uf000-\uf0ff])(?=\S)"
)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def alpha_value(s: str) -> int:
    """a=1 ... z=26, aa=27, ab=28 ... (lists longer than the alphabet go on with double letters)."""
    s = s.lower()
    if len(s) == 1:
        return ord(s) - 96
    return 26 * (ord(s[0]) - 96) + ord(s[1]) - 96


def roman_value(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s.lower()):
        v = _ROMAN_VALUES.get(ch, 0)
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


@dataclass(frozen=True)
class Marker:
    """An item marker at the start of a line."""

    style: str
    label: str  # as printed, without a trailing "." or ")" ("4.2", "R7", "(b)", "iv", "•")
    value: tuple[int, ...]
    length: int  # characters of the line the marker (and the space after it) takes


def parse_markers(text: str) -> list[Marker]:
    """Every reading of the marker this line starts with (roman and alphabetic "i." both)."""
    numbered = _numbered_marker(text)
    if numbered is not None:
        return [numbered]
    lettered = _lettered_markers(text)
    if lettered:
        return lettered
    bullet = _bullet_marker(text)
    return [bullet] if bullet is not None else []


def _numbered_marker(text: str) -> Marker | None:
    """A marker with one reading: "Recommendation 3", "R7", "4.2", "3.", "3", "(3)"."""
    m = _REC.match(text) if text[:1] != "r" else None  # "recommendation 3" mid-sentence: a wrap
    if m:
        label = m.group(1)
        nums = tuple(int(x) for x in re.findall(r"\d+", label))
        return Marker(REC, label, nums, m.end())
    m = _REC_WORD.match(text) if text[:1] != "r" else None
    if m:
        return Marker(REC, m.group(1), (_NUMBER_WORDS.index(m.group(1).lower()) + 1,), m.end())
    m = _R.match(text)
    if m:
        nums = tuple(int(x) for x in re.findall(r"\d+", m.group(1)))
        return Marker(REC, m.group(1), nums, m.end())
    m = _DEC.match(text)
    if m:
        parts = tuple(int(x) for x in m.group(1).split("."))
        return Marker(f"dec{len(parts) - 1}", m.group(1), parts, m.end())
    m = _NUM.match(text)
    if m:
        return Marker(NUM, m.group(1), (int(m.group(1)),), m.end())
    m = _BARE.match(text)
    if m:
        return Marker(BARE, m.group(1), (int(m.group(1)),), m.end())
    m = _PNUM.match(text)
    if m:
        return Marker(PNUM, f"({m.group(1)})", (int(m.group(1)),), m.end())
    return None


def _lettered_markers(text: str) -> list[Marker]:
    """The readings of a letter marker: roman, then alphabetic ("(i)" is both), in brackets,
    lower case, then upper case; the first case with an alphabetic reading ends the search."""
    out: list[Marker] = []
    m = _PROMAN.match(text)
    if m:
        out.append(Marker(PROMAN, f"({m.group(1)})", (roman_value(m.group(1)),), m.end()))
    m = _PALPHA.match(text)
    if m:
        ch = m.group(1)
        out.append(Marker(PALPHA, f"({ch})", (alpha_value(ch),), m.end()))
        return out
    m = _ROMAN.match(text)
    if m:
        out.append(Marker(ROMAN, m.group(1), (roman_value(m.group(1)),), m.end()))
    m = _ALPHA.match(text)
    if m:
        out.append(Marker(ALPHA, m.group(1), (ord(m.group(1)) - 96,), m.end()))
        return out
    m = _UROMAN.match(text)
    if m:
        out.append(Marker(UROMAN, m.group(1), (roman_value(m.group(1)),), m.end()))
    m = _UALPHA.match(text)
    if m:
        out.append(Marker(UALPHA, m.group(1), (ord(m.group(1)) - 64,), m.end()))
    return out


def _bullet_marker(text: str) -> Marker | None:
    """A bullet glyph; a letter "o" counts only when a word does not go on from it."""
    m = _BULLET.match(text)
    if not m:
        return None
    glyph = m.group(1) or m.group(2)
    if glyph == "o" and not text[2:3].isalpha():
        return None
    return Marker(f"{BULLET}{glyph}", "•", (), m.end())


def is_item_start(text: str) -> bool:
    return bool(parse_markers(text))


@dataclass
class Node:
    """An item: its marker, where its text starts, where its own text ends, its sub-items."""

    marker: Marker
    line: int
    text_start: int
    own_end: int
    heading: str | None
    children: list[Node] = field(default_factory=list)

    def end(self) -> int:
        return max([self.own_end] + [c.end() for c in self.children])


def sequence_ok(prev: Marker, new: Marker) -> bool:
    """Is `new` the next sibling of `prev` (same style)?"""
    style = new.style
    if style.startswith(BULLET):
        return True
    if style == REC:
        return True
    a, b = prev.value, new.value
    if not a or not b:
        return False
    if style.startswith("dec"):
        if len(a) != len(b):
            return False
        if a[:-1] == b[:-1]:
            return b[-1] in (a[-1] + 1, a[-1] + 2)
        return b[-1] == 1 and b[:-1] > a[:-1] and b[-2] - a[-2] <= 2
    if style in (NUM, PNUM):
        return b[0] in (a[0] + 1, a[0] + 2)
    if style == BARE:
        return b[0] == a[0] + 1
    return b[0] == a[0] + 1


def _first_ok(m: Marker, nested: bool) -> bool:
    if m.style in (ALPHA, PALPHA, UALPHA, ROMAN, PROMAN, UROMAN, BARE):
        return m.value == (1,)
    if m.style in (NUM, PNUM) and nested:
        return m.value == (1,)
    return True


class TreeBuilder:
    """Places markers into an item tree, one line at a time."""

    def __init__(self) -> None:
        self.roots: list[Node] = []
        self.stack: list[Node] = []

    def reset(self) -> None:
        """A sub-heading or a table interrupts the list: the next item starts a new level."""
        self.stack = []

    def place(self, markers: list[Marker], line: int, text_start: int, line_end: int,
              heading: str | None) -> Node | None:  # fmt: skip
        """Add an item for the first marker reading that fits; None if none does."""
        for m in markers:
            node = self._try(m, line, text_start, line_end, heading, sibling_only=True)
            if node is not None:
                return node
        for m in markers:
            node = self._try(m, line, text_start, line_end, heading, sibling_only=False)
            if node is not None:
                return node
        return None

    def _attach(self, node: Node, depth: int) -> Node:
        self.stack = self.stack[:depth]
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.roots.append(node)
        self.stack.append(node)
        return node

    def _try(self, m: Marker, line: int, start: int, end: int, heading: str | None,
             sibling_only: bool) -> Node | None:  # fmt: skip
        node = Node(m, line, start, end, heading)
        if m.style == REC:
            self.stack = []
            return self._attach(node, 0)
        if m.style.startswith("dec"):
            # "2.1" belongs under "2." (or "2.1.1" under "2.1") wherever that stands in the stack,
            # even below a numbered paragraph such as "8.1".
            k = self._decimal_parent(m, next_level_only=True)
            if k is not None:
                return self._attach(node, k + 1)
        same = [k for k, n in enumerate(self.stack) if n.marker.style == m.style]
        if same:
            depth = self._sibling_depth(m, same[-1])
            return self._attach(node, depth) if depth is not None else None
        if sibling_only:
            return None
        if m.style.startswith("dec"):
            k = self._decimal_parent(m, next_level_only=False)
            if k is not None:
                return self._attach(node, k + 1)
            if self.stack and not _first_ok(m, True):
                return None
        if not _first_ok(m, nested=bool(self.stack)):
            return None
        return self._attach(node, len(self.stack))

    def _decimal_parent(self, m: Marker, next_level_only: bool) -> int | None:
        """Stack index of the open item a decimal marker belongs under (a number or decimal it
        extends; with `next_level_only`, one level up exactly), innermost first; None if none."""
        for k in range(len(self.stack) - 1, -1, -1):
            pm = self.stack[k].marker
            if (
                pm.style in (NUM, REC)
                and pm.value[:1] == m.value[:1]
                and (len(m.value) == 2 or not next_level_only)
            ):
                return k
            if (
                pm.style.startswith("dec")
                and (len(pm.value) == len(m.value) - 1 or not next_level_only)
                and pm.value == m.value[: len(pm.value)]
            ):
                return k
        return None

    def _sibling_depth(self, m: Marker, k: int) -> int | None:
        """The depth of `m` as the next sibling of the open item k of its style, or None when
        it does not follow it (a second list restarting at 1 starts over at the top)."""
        prev = self.stack[k].marker
        if sequence_ok(prev, m):
            if m.style.startswith("dec") and k > 0:
                parent = self.stack[k - 1].marker
                if parent.style == NUM and parent.value[0] != m.value[0]:
                    k -= 1  # "5.1" after "4.3" under "4.": closes "4." too
            return k
        if k == 0 and m.style in (NUM, PNUM) and m.value == (1,):
            return 0  # a second list restarts at 1
        return None

    def extend(self, line_end: int) -> bool:
        """A continuation line: it belongs to the innermost open item (False if none is open)."""
        if not self.stack:
            return False
        self.stack[-1].own_end = line_end
        return True
