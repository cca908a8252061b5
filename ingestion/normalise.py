"""Turn a reader's pages into one clean text whose lines the segmenter can trust.

In order: characters (line ends, ligatures, odd spaces, soft hyphens, control and private-use
bullet characters), page furniture removed from the top and bottom lines of each page (running
headers and footers repeated on several pages, page numbers such as "12" or "Page 3 of 40",
the date/time + title and URL lines a browser prints on every page), words hyphenated across a
line break joined, text glued without spaces split where the document's own vocabulary explains
the split, spaces collapsed. Pages are then joined with one newline and `page_starts` records
where each page begins in the final text, so offsets found later map back to pages.

Everything is linear in the size of the text (regexes without nested quantifiers, one pass per
rule), so normalising costs a fraction of the PDF text extraction itself.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

from ingestion.records import NormalisedText, RawDocument

# --- characters ---------------------------------------------------------------------------------
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_LINE_BREAKS = "\u2028\u2029\u0085\v\f"
_DROP = "\u200b\u200c\u200d\u2060\ufeff"
_HYPHENS = {"\u2010": "-", "\u2011": "-", "\u2212": "-"}
SOFT = "\u00ad\ufffe\x02"  # soft hyphen; pdfium's marker for a hyphen at a line break
# Private-use code points that Symbol/Wingdings fonts use for list bullets in Word-made PDFs.
_PUA_BULLETS = (
    "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf0e8\uf06e\uf075\uf0be\uf0a2\uf0d7\uf0f0\uf02d"
)

_TRANSLATE: dict[int, str | None] = {ord(k): v for k, v in _LIGATURES.items()}
_TRANSLATE.update({ord(c): " " for c in _SPACES})
_TRANSLATE.update({ord(c): "\n" for c in _LINE_BREAKS})
_TRANSLATE.update({ord(c): None for c in _DROP})
_TRANSLATE.update({ord(k): v for k, v in _HYPHENS.items()})
_TRANSLATE.update({ord(c): "•" for c in _PUA_BULLETS})
for _cp in list(range(0, 32)) + list(range(127, 160)):
    if chr(_cp) not in "\n\x02" and _cp not in _TRANSLATE:
        _TRANSLATE[_cp] = "\n" if chr(_cp) == "\r" else " "
_TRANSLATE_CHARS = frozenset(chr(c) for c in _TRANSLATE)


def clean_characters(text: str) -> str:
    """Line ends to \\n; ligatures, odd spaces, hyphen look-alikes and control characters mapped."""
    text = text.replace("\r\n", "\n")
    for ch in set(text).intersection(_TRANSLATE_CHARS):
        text = text.replace(ch, _TRANSLATE[ord(ch)] or "")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


# --- page furniture -----------------------------------------------------------------------------
EDGE = 3  # non-blank lines at the top and at the bottom of a page that may be furniture
_PAGE_NO = re.compile(
    r"^(?:[-–—|(\[]\s*)?(?:page|p\.|pg\.?)?\s*(?:\d{1,4}|[ivx]{1,6})"
    r"(?:\s*(?:of|/|\|)\s*\d{1,4})?(?:\s*[-–—|)\]])?(?:\s*\|?\s*p\s?a\s?g\s?e)?\s*$",
    re.I,
)
_NUM_EDGE = re.compile(
    r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*[|:\-–—]?\s+|\s+[|:\-–—]?\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$",
    re.I,
)
_BANNER_DATE = re.compile(
    r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s|$)"
)
_BANNER_URL = re.compile(r"^(?:https?|file)://\S*(?:\s.*)?$|^about:blank", re.I)
_ITEMISH = re.compile(
    r"^\s*(?:(?:recommendation|rec\.?)\s*\d|r\d{1,3}\b|\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|\(?[a-z][.)]\s|[•●▪■◦○►➢➤✓*·-]\s)",
    re.I,
)
_WS_RUN = re.compile(r"[ ]{2,}")


def _furniture_key(line: str) -> str:
    """The part of a line that repeats from page to page (page numbers stripped)."""
    key = _NUM_EDGE.sub(" ", line.strip().lower())
    return " ".join(key.split())


def _edge_indices(lines: list[str]) -> list[int]:
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(nonblank) <= 2 * EDGE:
        return nonblank
    return nonblank[:EDGE] + nonblank[-EDGE:]


def remove_furniture(pages: list[list[str]], repeated: bool = True) -> list[list[str]]:
    """Drop running headers/footers, page numbers and browser print banners from page edges.

    `repeated=False` keeps lines that repeat from page to page: a Word or HTML document has no
    running headers in its text, and its "pages" (explicit breaks) are few and long, so a heading
    that also appears on the contents page must not be taken for one.
    """
    n = len(pages)
    counts: Counter[str] = Counter()
    edges = [_edge_indices(lines) for lines in pages]
    for lines, idx in zip(pages, edges, strict=True):
        keys = {_furniture_key(lines[i]) for i in idx}
        counts.update(k for k in keys if len(k) >= 3)
    threshold = n if n <= 4 else max(3, min(8, math.ceil(0.2 * n)))
    common = {k for k, c in counts.items() if c >= threshold}
    out = []
    for lines, idx in zip(pages, edges, strict=True):
        drop = set()
        nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
        outer = set(nonblank[:2] + nonblank[-2:])
        for i in idx:
            s = lines[i].strip()
            if " | " in s:
                continue  # table rows (a repeated header row) are the action-plan parser's
            if (
                _BANNER_DATE.match(s)
                or _BANNER_URL.match(s)
                or i in outer
                and _PAGE_NO.match(s)
                or repeated
                and n > 1
                and _furniture_key(s) in common
                and not _ITEMISH.match(s)
            ):
                drop.add(i)
        out.append([ln for i, ln in enumerate(lines) if i not in drop])
    return out


# --- words --------------------------------------------------------------------------------------
_TOKEN = re.compile(r"\b[A-Za-z]++(?:['’-][A-Za-z]++)*+")
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "more",
        "most",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "should",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "was",
        "we",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
        "all",
        "any",
        "also",
        "other",
    ]
)


_LONG = re.compile(r"[A-Za-z]{15,}")


class _LazyVocabulary:
    """The document's vocabulary, counted only if a rule needs it (most PDFs have few hyphen
    breaks and no glued text, and counting every word costs as much as the rest together)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._counts: Counter[str] | None = None

    def counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = vocabulary(self.text)
        return self._counts

    def __getitem__(self, word: str) -> int:
        return self.counts()[word]

    def looks_glued(self) -> bool:
        """The gate of `glue_splits`, on long words only (cheap): many rare 15+ letter words."""
        longs = Counter(w.lower() for w in _LONG.findall(self.text))
        rare = sum(1 for c in longs.values() if c <= 2)
        approx_tokens = self.text.count(" ") + self.text.count("\n") + 1
        return rare >= max(3, GLUE_GATE * approx_tokens)


def vocabulary(text: str) -> Counter[str]:
    """How often each word (lower case, hyphenated compounds kept whole) occurs."""
    return Counter(_TOKEN.findall(text.lower()))


def _join_choice(left: str, right: str, soft: bool, vocab: Counter[str]) -> str:
    """A word broken at a line end: with or without its hyphen, as the document spells it."""
    joined = (left + right).lower()
    hyphened = f"{left}-{right}".lower()
    if vocab[hyphened] > vocab[joined]:
        return f"{left}-{right}"
    if vocab[joined] > vocab[hyphened]:
        return left + right
    return left + right if soft else f"{left}-{right}"


_BREAK_MARK = re.compile(r"[-\u00ad\ufffe\x02](?:[ ]*+\n[ ]*+)?(?=[A-Za-z])")
_RIGHT = re.compile(r"[A-Za-z]++(\S*+)[ ]*+")


def dehyphenate(text: str, vocab: Counter[str]) -> str:
    """Join words split across line ends; the rest of the line moves down, the line count stays.

    Anchored on the (rare) hyphen or soft-hyphen character, so the cost is linear in the text.
    """
    if "-" not in text and not any(c in text for c in SOFT):
        return text
    out: list[str] = []
    pos = 0
    for m in _BREAK_MARK.finditer(text):
        mark = text[m.start()]
        broke = "\n" in m.group(0)
        if mark == "-" and not broke:
            continue  # an ordinary hyphen inside a line
        a = m.start()
        k = a
        while k > pos and text[k - 1].isascii() and text[k - 1].isalpha():
            k -= 1
        if k == a or (k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_")):
            continue
        r = _RIGHT.match(text, m.end())
        if r is None:
            continue
        left, right = text[k:a], text[m.end() : r.start(1)]
        if mark == "-" and not right[:1].islower():
            continue  # "2019-\n2020", "LSCB-\nLed": a printed hyphen before a capital stays
        word = _join_choice(left, right, mark != "-", vocab) + r.group(1)
        rest_of_line = r.end() < len(text) and text[r.end()] != "\n"
        out.append(text[pos:k])
        out.append(word + ("\n" if broke and rest_of_line else " " if rest_of_line else ""))
        pos = r.end()
    out.append(text[pos:])
    text = "".join(out)
    if any(c in text for c in SOFT):
        text = text.replace("\u00ad", "").replace("\ufffe", "").replace("\x02", "")
    return text


# Glued text (spaces lost when lines were joined: "Trainingandawarenessraising").
_CAMEL = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
_CAPS_WORD = re.compile(r"(?<=[A-Z]{3})(?=[A-Z][a-z]{2})")
_YEAR_WORD = re.compile(r"(?<=\b(?:19|20)\d\d)(?=[A-Z][a-z])")
_PUNCT_GLUE = re.compile(r"(?<=[a-z]{2}[.;:!?,])(?=[A-Z][a-z])")
_GLUE_MIN = 7
_GLUE_MAX = 48  # longer runs are not words glued at a line join
MAX_GLUE_CANDIDATES = 20_000
GLUE_GATE = 0.004


def _split_word(word: str, ok: set[str]) -> list[str] | None:
    """Fewest known words that spell `word` exactly (None if it cannot be done in 2-6)."""
    w = word.lower()
    n = len(w)
    best: list[tuple[int, int] | None] = [None] * (n + 1)  # (parts, previous cut)
    best[0] = (0, 0)
    for i in range(1, n + 1):
        for j in range(max(0, i - 24), i):
            prev = best[j]
            if prev is None:
                continue
            if w[j:i] in ok and (best[i] is None or prev[0] + 1 < best[i][0]):  # type: ignore[index]
                best[i] = (prev[0] + 1, j)
    if best[n] is None or not 2 <= best[n][0] <= 6:  # type: ignore[index]
        return None
    cuts = []
    i = n
    while i > 0:
        j = best[i][1]  # type: ignore[index]
        cuts.append((j, i))
        i = j
    return [word[a:b] for a, b in reversed(cuts)]


def glue_splits(vocab: Counter[str]) -> dict[str, list[str]]:
    """Glued words of a visibly glued document and how to split them; {} for normal text.

    Gate: normal English has few long words that occur only once or twice (well under 0.1% of
    tokens of 15+ letters); a transcription that lost its spaces at line joins has many (1-5%).
    Then a rare word of 7+ letters is split when 2-6 words spell it exactly, each used elsewhere
    in the document (at least twice, and not itself a glued word) or a common function word.
    """
    total = sum(vocab.values())
    rare_long = sum(1 for w, c in vocab.items() if len(w) >= 15 and c <= 2 and w.isalpha())
    if total == 0 or rare_long < max(3, GLUE_GATE * total):
        return {}
    ok = {w for w, c in vocab.items() if c >= 2 and len(w) >= 2 and w.isalpha()}
    ok |= _FUNCTION_WORDS
    candidates = [
        w for w, c in vocab.items() if _GLUE_MIN <= len(w) <= _GLUE_MAX and c <= 5 and w.isalpha()
    ][:MAX_GLUE_CANDIDATES]
    splits: dict[str, list[str]] = {}
    for _ in range(2):  # second pass: glued words that were counted as vocabulary are not parts
        splits = {}
        for w in candidates:
            parts = _split_word(w, ok - {w})
            if parts is None:
                continue
            # A word seen 3-5 times is glued only when a function word is part of it
            # ("ofrecommendations"); "framework" or "safeguarding" stay whole.
            if vocab[w] <= 2 or (len(w) >= 10 and any(p in _FUNCTION_WORDS for p in parts)):
                splits[w] = parts
        ok -= set(splits)
    return splits


_ALPHA = re.compile(r"[A-Za-z]+")


def unglue(text: str, splits: dict[str, list[str]]) -> str:
    """Insert spaces into glued words (only spaces: nothing is invented or dropped)."""
    if not splits:
        return text
    text = _CAPS_WORD.sub(" ", text)
    text = _CAMEL.sub(" ", text)
    text = _YEAR_WORD.sub(" ", text)
    text = _PUNCT_GLUE.sub(" ", text)

    def split(m: re.Match[str]) -> str:
        word = m.group(0)
        parts = splits.get(word.lower())
        if not parts:
            return word
        out, pos = [], 0
        for part in parts:  # keep the original letters and case
            out.append(word[pos : pos + len(part)])
            pos += len(part)
        return " ".join(out)

    return _ALPHA.sub(split, text)


# --- whole document -----------------------------------------------------------------------------
def _tidy_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    blank = False
    for ln in lines:
        s = ln.strip()
        if "  " in s:
            s = _WS_RUN.sub(" ", s)
        if not s:
            if out and not blank:
                out.append("")
            blank = True
            continue
        blank = False
        out.append(s)
    while out and not out[-1]:
        out.pop()
    return out


def normalise(doc: RawDocument) -> NormalisedText:
    """One clean text for the whole document, with the offset where each page starts."""
    pages = [clean_characters(p or "").split("\n") for p in doc.pages]
    paged = doc.media_type == "application/pdf" or len(pages) >= 5
    pages = remove_furniture(pages, repeated=paged)
    texts = ["\n".join(lines) for lines in pages]
    vocab = _LazyVocabulary("\n".join(texts))
    texts = [dehyphenate(t, vocab) for t in texts]  # type: ignore[arg-type]
    splits = glue_splits(vocab.counts()) if vocab.looks_glued() else {}
    glued = [unglue(t, splits) for t in texts]
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for t in glued:
        lines = _tidy_lines(t.split("\n"))
        starts.append(pos)
        if not lines:
            continue
        chunk = "\n".join(lines)
        if parts:
            parts.append("\n")
            pos += 1
            starts[-1] = pos
        parts.append(chunk)
        pos += len(chunk)
    return NormalisedText(text="".join(parts), page_starts=tuple(starts) or (0,))
