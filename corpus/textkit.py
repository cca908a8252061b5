"""Small text helpers shared by the phrasing banks: template expansion, dates, numbers.

Templates use `[a|b|c]` for a random choice (nestable) and `{name}` for a value from a context
dict. Everything takes an explicit `random.Random` so output depends only on the seed.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import re

_TOKEN = re.compile(r"([\[\]|])")
_SLOT = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")

_ONES = [
    "zero",
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
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


Node = str | list  # a literal, or a list of alternatives (each a list of nodes)


@functools.lru_cache(maxsize=8192)
def _parse(template: str) -> tuple[Node, ...]:
    """Parse `[a|b[c|d]]` choices once; unbalanced brackets are kept as literal text."""
    tokens = _TOKEN.split(template)
    pos = 0

    def seq(depth: int) -> list[Node]:
        nonlocal pos
        out: list[Node] = []
        while pos < len(tokens):
            tok = tokens[pos]
            if tok == "[" and depth < 40:
                start = pos
                pos += 1
                alts = [seq(depth + 1)]
                while pos < len(tokens) and tokens[pos] == "|":
                    pos += 1
                    alts.append(seq(depth + 1))
                if pos < len(tokens) and tokens[pos] == "]":
                    pos += 1
                    out.append(alts)
                else:  # no closing bracket: the '[' was literal text
                    pos = start + 1
                    out.append("[")
            elif tok in ("|", "]") and depth > 0:
                return out
            else:
                out.append(tok)
                pos += 1
        return out

    return tuple(seq(0))


def _render(nodes: tuple[Node, ...] | list[Node], rng: random.Random, out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        else:
            _render(node[rng.randrange(len(node))] if len(node) > 1 else node[0], rng, out)


def expand(template: str, rng: random.Random, ctx: dict[str, str] | None = None) -> str:
    """Resolve choices (one random alternative per `[...]`), then slots; unknown slots stay."""
    out: list[str] = []
    _render(_parse(template), rng, out)
    text = "".join(out)
    if ctx and "{" in text:
        text = _SLOT.sub(lambda m: str(ctx.get(m.group(1), m.group(0))), text)
    return tidy(text)


def tidy(text: str) -> str:
    """Collapse the double spaces and stray spaces before punctuation that slot filling leaves."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" ([,.;:])", r"\1", text)
    return text.strip()


def cap(text: str) -> str:
    """Capitalise the first letter only (keeps 'LSCB' and names intact)."""
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or a proper name."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if first.isupper() or (len(first) > 1 and first[1:].lower() != first[1:]):
        return text
    if first in {"The", "All", "Health", "Children's", "Social", "School", "Schools", "Each"}:
        return text[:1].lower() + text[1:]
    return text


def number_word(n: int) -> str:
    """English words for 0-99, as reports write small numbers."""
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + ("" if ones == 0 else "-" + _ONES[ones])


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd ..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def roman(n: int) -> str:
    """Lower-case roman numerals, as used for sub-lists."""
    vals: tuple[tuple[int, str], ...] = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
    )
    vals += ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def alpha(n: int) -> str:
    """a, b, ... z, aa, ab ... for lettered lists of any length.

    The extractor has its own (`ingestion.segmentation.section_reader._letters`), and its own
    number words, on purpose: the generator is the extractor's test oracle and shares no code
    with it (DESIGN.md: corpus imports only ingestion's record types).
    """
    s = ""
    n += 1
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


def fmt_date(d: dt.date, style: int) -> str:
    """The date styles real chronologies use, chosen once per report."""
    if style == 0:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == 1:
        return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"
    if style == 2:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"


def month_year(d: dt.date) -> str:
    """'March 2009'."""
    return f"{MONTHS[d.month - 1]} {d.year}"


def add_months(d: dt.date, months: int) -> dt.date:
    """Same day (clamped) `months` later."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return dt.date(year, month, 28)


def join_and(items: list[str]) -> str:
    """'a, b and c'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


_IRREGULAR = {"have": "has", "do": "does", "be": "is", "go": "goes"}


def third_person(vp: str) -> str:
    """Conjugate the first verb of a base-form verb phrase for a singular subject."""
    head, _, rest = vp.partition(" ")
    if head in _IRREGULAR:
        verb = _IRREGULAR[head]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        verb = head + "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        verb = head[:-1] + "ies"
    else:
        verb = head + "s"
    return verb + (" " + rest if rest else "")


def collapse_ws(text: str) -> str:
    """One space for every run of whitespace: how tests compare document text."""
    return re.sub(r"\s+", " ", text).strip()
