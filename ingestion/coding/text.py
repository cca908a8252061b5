"""Small text helpers shared by the coders.

`prepare` maps typographic characters to plain ones one for one, so patterns written with a plain
apostrophe or hyphen match, and every offset into the prepared text is an offset into the original.
"""

from __future__ import annotations

import re

_ONE_FOR_ONE = {
    0x2018: "'",  # curly quotes and primes
    0x2019: "'",
    0x201A: "'",
    0x201B: "'",
    0x2032: "'",
    0x00B4: "'",
    0x0060: "'",
    0x201C: '"',
    0x201D: '"',
    0x201E: '"',
    0x2033: '"',
    0x2010: "-",  # hyphens and dashes
    0x2011: "-",
    0x2012: "-",
    0x2013: "-",
    0x2014: "-",
    0x2015: "-",
    0x2212: "-",
    0x00AD: " ",  # soft hyphen
    0x00A0: " ",  # no-break and other spaces
    0x2007: " ",
    0x202F: " ",
    0x200B: " ",
    0xFEFF: " ",
    0x2028: "\n",
    0x2029: "\n",
    0x0085: "\n",
}
for _c in range(0x00, 0x20):  # control characters except tab and newline
    if _c not in (0x09, 0x0A):
        _ONE_FOR_ONE[_c] = "\n" if _c == 0x0D else " "
_ONE_FOR_ONE[0x7F] = " "
_TABLE = str.maketrans(_ONE_FOR_ONE)

NUMBER_WORDS = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "half": 0.5,
}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# A number as written in a report: digits (with a decimal point) or words up to ninety-nine.
NUMBER_PATTERN = (
    r"(?:\d{1,3}(?:\.\d+)?|(?:" + "|".join(_TENS) + r")(?:[\s-]?(?:" + "|".join(_UNITS) + r"))?|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|eleven|twelve|ten|"
    + "|".join(_UNITS)
    + r"|an?)"
)

_CLAUSE_BREAK = re.compile(r"[.!?;:\n]\s|[\n]")


_NEEDS_TRANSLATION = re.compile("[^\t\n\x20-\x7e]")


def prepare(text: str | None) -> str:
    """Plain-character copy of `text`, the same length (offsets stay valid)."""
    if not text:
        return ""
    if not _NEEDS_TRANSLATION.search(text):
        return text
    # str.replace per character present is many times faster than str.translate on long texts
    # (the map is one for one and no replacement is itself replaced, so the result is the same)
    for ch in set(_NEEDS_TRANSLATION.findall(text)):
        plain = _ONE_FOR_ONE.get(ord(ch))
        if plain is not None:
            text = text.replace(ch, plain)
    return text


def parse_number(token: str | None) -> float | None:
    """'9' -> 9, 'nine' -> 9, 'twenty-one' -> 21, 'a' -> 1; None when it is not a number."""
    if not token:
        return None
    t = token.strip().lower()
    if not t:
        return None
    try:
        value = float(t)
    except ValueError:
        pass
    else:
        return value if value == value and abs(value) < 1e9 else None  # no NaN, no huge
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    parts = re.split(r"[\s-]+", t)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def clause_start(text: str, pos: int, limit: int = 160) -> int:
    """Where the clause holding `pos` starts (after the last sentence or clause break)."""
    lo = max(0, pos - limit)
    window = text[lo:pos]
    last = -1
    for m in _CLAUSE_BREAK.finditer(window):
        last = m.end()
    return lo + last if last >= 0 else lo


def clause_end(text: str, pos: int, limit: int = 160) -> int:
    """Where the clause holding `pos` ends (at the next sentence or clause break)."""
    hi = min(len(text), pos + limit)
    m = _CLAUSE_BREAK.search(text, pos, hi)
    return m.start() + 1 if m else hi


def sentence_span(text: str, pos: int, limit: int = 400) -> tuple[int, int]:
    """(start, end) of the sentence around `pos`, bounded to `limit` characters each way."""
    lo = max(0, pos - limit)
    start = lo
    for m in re.finditer(r"[.!?]\s+(?=[A-Z\"'(\d])|\n\s*\n", text[lo:pos]):
        start = lo + m.end()
    hi = min(len(text), pos + limit)
    stop = re.compile(r"[.!?](?=\s|$)|\n\s*\n").search(text, pos, hi)
    end = stop.end() if stop else hi
    return start, end


def clip(text: str, limit: int = 160) -> str:
    """One-line evidence string, at most `limit` characters."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "…"
