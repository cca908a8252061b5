"""The codebook: DFE-RR157's fixed codes plus the researcher-editable words that find them.

The seeds in `dbt_project/seeds/` are the one source of truth, read by dbt and by this module, so a
researcher can improve the coding by editing a CSV, without touching code:

- `codebook_agencies.csv`: agency_code, label, table1_order, synonyms, description
- `codebook_themes.csv`: theme_code, label, layer_code, table2_order, table2_reviews, patterns,
  weak_patterns, exclude, description, examples
- `codebook_layers.csv`: layer_code, label, figure2_order, description (when an item is at that layer)
- `codebook_case_themes.csv`: case_theme_code, label, patterns, exclude, negatable, description
- `codebook_case_theme_reflection.csv`: case_theme_code, theme_code
- `codebook_values.csv`: value_set, code, label, sort_order, description: the fixed lists of
  values the records hold (outcome, child_sex, age_band, section, document_status, code_type,
  method), each defined here once and read by the expectations, dbt's tests and the report
- `codebook_document_kinds.csv`: document_kind, label, is_case_review, sort_order, description
  (case facts are read, and the study's tables computed, over the case-review kinds)

Pattern syntax (columns `synonyms`, `patterns`, `weak_patterns`, `exclude`):

- The field is a regular expression whose top-level alternatives, separated by `|`, are read one
  by one (a `|` inside parentheses or brackets stays inside its alternative). Spaces around a
  top-level `|` are ignored. Quote the field, as CSV does for any field holding a comma.
- Each alternative is a Python regular expression matched case-insensitively; `(?-i:...)` makes
  a part case-sensitive (acronyms such as `(?-i:\\bGPs?\\b)`).
- A literal space matches any run of whitespace or hyphens, or nothing, so `co sleeping` finds
  "co-sleeping", "co sleeping" and "cosleeping" (PDF text often glues words). After a repeat
  (`\\w+ `, `x* `, `{2} `) or a class escape (`\\w `, `\\d `) it needs at least one space or
  hyphen, so a word-skipping group such as `(?:\\w+ ){0,3}` stays fast.
- An alternative that starts with a letter or digit matches only at the start of a word.
- A named group `lt_N`, `le_N`, `gt_N` or `ge_N` (N a number, `_` for a decimal point: `lt_2_5`
  means below 2.5) constrains the number it captures: `born at (?P<lt_37>\\d+) weeks` only
  matches a birth before 37 weeks. Two such groups in one alternative need different names:
  add a letter (`lt_20a`, `lt_20b`).
- `weak_patterns` count only as a weak signal (lower confidence); `exclude` drops a match when it
  is found near it: within a few words in the same sentence for themes (e.g. `challenging
  behaviour` for professional challenge), anywhere in the sentence for case themes (e.g. `as a
  child` for neglect in a parent's own childhood, `abuse or neglect is suspected`).
- `negatable` (case themes, yes/no): whether a negation in the clause ("there was no evidence
  of ...") cancels a match; hidden men's patterns state an absence themselves, so: no.
- `examples` (themes) are example phrasings separated by `|`; with `description` they feed the
  similarity stage that codes texts no pattern catches.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

try:  # the parser of the standard library, used only to find literal prefilter words
    import re._parser as _sre_parse
    from re import _constants as _sre_const  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python versions
    _sre_parse = None
    _sre_const = None

DEFAULT_SEEDS_DIR = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds"
SEED_FILES = {
    "agencies": "codebook_agencies.csv",
    "themes": "codebook_themes.csv",
    "layers": "codebook_layers.csv",
    "case_themes": "codebook_case_themes.csv",
    "reflection": "codebook_case_theme_reflection.csv",
    "values": "codebook_values.csv",
    "document_kinds": "codebook_document_kinds.csv",
}
REQUIRED_COLUMNS = {
    "agencies": ("agency_code", "label", "table1_order", "synonyms"),
    "themes": ("theme_code", "label", "layer_code", "table2_order", "table2_reviews", "patterns"),
    "layers": ("layer_code", "label", "figure2_order"),
    "case_themes": ("case_theme_code", "label", "patterns"),
    "reflection": ("case_theme_code", "theme_code"),
    "values": ("value_set", "code", "label", "sort_order"),
    "document_kinds": ("document_kind", "label", "is_case_review", "sort_order"),
}
# The value sets `codebook_values.csv` must hold (the names the code asks for).
VALUE_SETS = (
    "outcome",
    "child_sex",
    "age_band",
    "section",
    "document_status",
    "code_type",
    "method",
)
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_VALUE_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")  # a listed value may start with a digit (1_5)
_CONSTRAINT_RE = re.compile(r"^(lt|le|gt|ge)_(\d+)(?:_(\d+))?[a-z]?$")
_FLAGS = re.IGNORECASE


class CodebookError(ValueError):
    """A seed file is missing or malformed; the message names the file, row and column."""


# --- Patterns ----------------------------------------------------------------------------------
def split_alternatives(field_text: str) -> list[str]:
    """Split a pattern field at its top-level `|` (outside groups and character classes)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    escaped = False
    current: list[str] = []
    for ch in field_text:
        if escaped:
            current.append(ch)
            escaped = False
            continue
        if ch == "\\":
            current.append(ch)
            escaped = True
            continue
        if in_class:
            current.append(ch)
            if ch == "]":
                in_class = False
            continue
        if ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "|" and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def expand_spaces(alternative: str) -> str:
    """Turn each literal space (outside a character class) into `[\\s\\-]*`.

    Inside a look-behind, which must keep a fixed width, a space becomes `\\s` instead.
    """
    out: list[str] = []
    in_class = False
    escaped = False
    groups: list[bool] = []  # one entry per open group: is it a look-behind?
    i = 0
    while i < len(alternative):
        ch = alternative[i]
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            if ch == "]":
                in_class = False
        elif ch == "[":
            out.append(ch)
            in_class = True
            # a ']' straight after '[' or '[^' is literal
            if alternative[i + 1 : i + 2] == "^":
                out.append("^")
                i += 1
            if alternative[i + 1 : i + 2] == "]":
                out.append("]")
                i += 1
        elif ch == "(":
            groups.append(alternative[i + 1 : i + 4] in ("?<=", "?<!"))
            out.append(ch)
        elif ch == ")":
            if groups:
                groups.pop()
            out.append(ch)
        elif ch == " ":
            if any(groups):
                out.append(r"\s")
            else:
                prev = alternative[i - 1] if i > 0 else ""
                while i + 1 < len(alternative) and alternative[i + 1] == " ":
                    i += 1
                # optional after a literal word end ("co sleeping" finds "cosleeping"); required
                # after a quantifier, so "(?:\w+ ){0,3}" cannot split one word many ways
                escaped_prev = i >= 2 and alternative[i - 2] == "\\"
                required = prev in "+*}" or (escaped_prev and prev in "wWsSdDb")
                out.append(r"[\s\-]+" if required else r"[\s\-]*")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _constraint(name: str) -> tuple[str, float] | None:
    """(`lt`, 37.0) for a group named `lt_37` (or `lt_37a`); None for other names."""
    m = _CONSTRAINT_RE.match(name)
    if not m:
        return None
    number = float(f"{m.group(2)}.{m.group(3)}") if m.group(3) else float(m.group(2))
    return m.group(1), number


def _satisfies(op: str, value: float, bound: float) -> bool:
    return {
        "lt": value < bound,
        "le": value <= bound,
        "gt": value > bound,
        "ge": value >= bound,
    }[op]


@dataclass(frozen=True)
class PatternMatch:
    """One match of a pattern set: where, what, and which alternative found it."""

    start: int
    end: int
    text: str
    alternative: int


@dataclass(frozen=True)
class PatternSet:
    """The compiled alternatives of one seed field.

    Each alternative is compiled on its own with the literal words it cannot match without
    (`anchors`), so a text is only scanned by the alternatives whose words it contains: a cheap
    substring test decides, and most of the codebook's ~1,000 alternatives are skipped for any
    one recommendation.
    """

    source: str
    alternatives: tuple[str, ...]
    regexes: tuple[re.Pattern[str], ...]
    anchors: tuple[frozenset[str] | None, ...]  # per alternative; None: always run
    on_lowered: tuple[bool, ...] = ()  # per alternative: compiled for lower-cased text
    word_start: tuple[bool, ...] = ()  # per alternative: a match must start a word

    @property
    def empty(self) -> bool:
        return not self.regexes

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[PatternMatch]:
        """Matches of all alternatives in text order, without overlaps, constraints checked.

        `lowered` is `text.lower()`, passed in when several pattern sets scan the same text.
        """
        if not self.regexes or not text:
            return
        if lowered is None or len(lowered) != len(text):
            lowered = lower_same_length(text)
        index = _anchor_index(lowered)
        wanted = [
            i
            for i, anchors in enumerate(self.anchors)
            if anchors is None or any(index.count(a) for a in anchors)
        ]
        yield from self.matches_of(text, lowered, wanted)

    def matches_of(self, text: str, lowered: str, alternatives: list[int]) -> list[PatternMatch]:
        """Non-overlapping matches of the given alternatives, in text order.

        `lowered` is `lower_same_length(text)`: most alternatives are compiled in lower case and
        run on it without re.IGNORECASE, which is several times faster.
        """
        found: list[PatternMatch] = []
        long_text = len(text) > _WINDOWED_TEXT
        for i in alternatives:
            regex = self.regexes[i]
            target = lowered if self.on_lowered[i] else text
            at_word = self.word_start[i]
            anchors = self.anchors[i]
            windows = anchor_windows(lowered, anchors) if long_text and anchors else None
            for m in windowed_finditer(regex, target, windows):
                start = m.start()
                if m.end() == start:
                    continue
                if (
                    at_word
                    and start > 0
                    and (target[start - 1].isalnum() or target[start - 1] == "_")
                ):
                    continue
                if regex.groupindex and not _constraints_hold(m):
                    continue
                found.append(PatternMatch(m.start(), m.end(), text[m.start() : m.end()], i))
        if len(found) > 1:
            found.sort(key=lambda f: (f.start, -(f.end - f.start), f.alternative))
            kept = [found[0]]
            for f in found[1:]:
                if f.start >= kept[-1].end:
                    kept.append(f)
            found = kept
        return found

    def search(self, text: str, lowered: str | None = None) -> PatternMatch | None:
        """The first match in text order, or None."""
        return next(self.finditer(text, lowered), None)


_WORD_RE = re.compile(r"[a-z0-9]+")

# Long texts (a case narrative) are scanned by each alternative only around the places its anchor
# words occur, not from end to end: a match must hold one of them, and no codebook phrase runs
# more than a few hundred characters either side of its anchor. Short texts (a recommendation)
# are scanned whole, since finding windows would cost more than it saves.
_WINDOWED_TEXT = 4_000
WINDOW_BEFORE = 250  # characters before an anchor word where a match may start
WINDOW_AFTER = 250  # characters after it where a match (or a look-ahead) may still run


def anchor_windows(lowered: str, anchors: frozenset[str]) -> list[tuple[int, int]] | None:
    """Merged (start, end) windows around every occurrence of the anchor words in `lowered`.

    None when the windows would cover most of the text anyway (a common anchor word): then the
    whole text is scanned, which is cheaper than many windows.
    """
    size = len(lowered)
    budget = size // (WINDOW_BEFORE + WINDOW_AFTER) // 2
    index = _anchor_index(lowered)
    total = 0
    for anchor in anchors:
        total += index.count(anchor)
        if total > budget:
            return None
    if total == 0:
        return []
    spots = sorted(at for anchor in anchors for at in index.spots(anchor))
    windows: list[tuple[int, int]] = []
    for at in spots:
        lo, hi = max(0, at - WINDOW_BEFORE), min(size, at + WINDOW_AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


class _AnchorIndex:
    """Counts and places of anchor words in one lower-cased text, each found once: many
    alternatives (of many pattern sets scanning the same narrative) share their anchor words."""

    __slots__ = ("counts", "places", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.counts: dict[str, int] = {}
        self.places: dict[str, list[int]] = {}

    def count(self, anchor: str) -> int:
        found = self.counts.get(anchor)
        if found is None:
            found = self.counts[anchor] = self.text.count(anchor)
        return found

    def spots(self, anchor: str) -> list[int]:
        found = self.places.get(anchor)
        if found is None:
            found = self.places[anchor] = []
            at = self.text.find(anchor)
            while at >= 0:
                found.append(at)
                at = self.text.find(anchor, at + 1)
        return found


_LAST_INDEX: list[_AnchorIndex] = []


def _anchor_index(lowered: str) -> _AnchorIndex:
    """The index of `lowered` (the same string object as last time: its index is reused)."""
    if not _LAST_INDEX or _LAST_INDEX[0].text is not lowered:
        _LAST_INDEX[:] = [_AnchorIndex(lowered)]
    return _LAST_INDEX[0]


def windowed_finditer(
    regex: re.Pattern[str], target: str, windows: list[tuple[int, int]] | None
) -> Iterator[re.Match[str]]:
    """`regex.finditer(target)`, only inside `windows` (all of it when None), non-overlapping.

    A window is searched with `pos`/`endpos` on the whole string, so look-behinds and word
    boundaries at its start still see the characters before it.
    """
    if windows is None:
        yield from regex.finditer(target)
        return
    last_end = 0
    for lo, hi in windows:
        for m in regex.finditer(target, max(lo, last_end), hi):
            last_end = m.end() if m.end() > m.start() else m.end() + 1
            yield m


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower_same_length(text: str) -> str:
    """`text.lower()`, or an ASCII-only lowering when full lowering would change offsets."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


class Scanner:
    """Many pattern sets indexed by their anchor words, to scan many short texts fast.

    A text's words are looked up in a cache of "which anchors does this word contain" (built
    once per distinct word), so finding the alternatives worth running costs a few dictionary
    look-ups instead of one substring search per alternative.
    """

    _CACHE_LIMIT = 200_000

    def __init__(self, pattern_sets: list[PatternSet]) -> None:
        self.sets = tuple(pattern_sets)
        postings: dict[str, list[tuple[int, int]]] = {}
        self.always: tuple[tuple[int, ...], ...] = tuple(
            tuple(i for i, a in enumerate(ps.anchors) if a is None) for ps in self.sets
        )
        for s, ps in enumerate(self.sets):
            for i, anchors in enumerate(ps.anchors):
                for a in anchors or ():
                    postings.setdefault(a, []).append((s, i))
        self.postings = {a: tuple(p) for a, p in postings.items()}
        self.anchor_words = tuple(sorted(self.postings))
        self._always_sets = tuple((s, a) for s, a in enumerate(self.always) if a)
        self._word_cache: dict[str, tuple[tuple[int, int], ...]] = {}

    def _alternatives_for(self, word: str) -> tuple[tuple[int, int], ...]:
        """(set, alternative) pairs whose anchor words this word contains (cached per word)."""
        found = self._word_cache.get(word)
        if found is None:
            found = tuple(p for a in self.anchor_words if a in word for p in self.postings[a])
            if len(self._word_cache) >= self._CACHE_LIMIT:
                self._word_cache.clear()
            self._word_cache[word] = found
        return found

    def scan(self, text: str) -> list[list[PatternMatch]]:
        """Matches of every pattern set in `text` (one list per set, in text order)."""
        lowered = lower_same_length(text)
        active: dict[int, set[int]] = {s: set(a) for s, a in self._always_sets}
        for word in set(_WORD_RE.findall(lowered)):
            for s, i in self._alternatives_for(word):
                alts = active.get(s)
                if alts is None:
                    active[s] = {i}
                else:
                    alts.add(i)
        found: list[list[PatternMatch]] = [[] for _ in self.sets]
        for s, alts in active.items():
            found[s] = self.sets[s].matches_of(text, lowered, sorted(alts))
        return found


def _constraints_hold(m: re.Match[str]) -> bool:
    """Do the numbers captured by `lt_N`-style groups satisfy their bounds?"""
    for name, value in m.groupdict().items():
        if value is None:
            continue
        rule = _constraint(name)
        if rule is None:
            continue
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            return False
        if not _satisfies(rule[0], number, rule[1]):
            return False
    return True


_COMMON_WORD_TEXT = (
    "the and all any for with from that this their should must will are child children staff "
    "agencies agency service services practitioners professionals family families health social "
    "care team teams work working ensure safeguarding review case cases parents parent"
)
_COMMON_WORDS = frozenset(_COMMON_WORD_TEXT.split())


def literal_anchors(alternative: str) -> frozenset[str] | None:
    """Lower-case literal words one of which any match of `alternative` must contain, or None."""
    if _sre_parse is None:
        return None
    try:
        parsed = _sre_parse.parse(alternative, _FLAGS)
    except Exception:  # noqa: BLE001 - the pattern compiled already; anchors are an optimisation
        return None
    best = _best_anchor_set(list(parsed))
    if not best:
        return None
    words = set()
    for anchor in best:  # keep the longest run of letters and digits: what Scanner looks up
        runs = _WORD_RE.findall(anchor.lower())
        longest = max(runs, key=len) if runs else ""
        if len(longest) < 2 or not longest.isascii():
            return None
        words.add(longest)
    return frozenset(words)


def _best_anchor_set(items: list) -> frozenset[str] | None:  # noqa: ANN001 - sre parse items
    """The strongest set of alternatives-of-literals a sequence of parse items requires."""
    c = _sre_const
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is c.SUBPATTERN:
            sub = av[-1]
            inner = _best_anchor_set(list(sub))
            if inner:
                candidates.append(inner)
        elif op is c.BRANCH:
            branch_sets = [_best_anchor_set(list(b)) for b in av[1]]
            if branch_sets and all(branch_sets):
                candidates.append(frozenset().union(*branch_sets))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _best_anchor_set(list(av[2]))
            if inner:
                candidates.append(inner)
    flush()
    usable = [s for s in candidates if s and all(len(a) >= 2 for a in s)]
    if not usable:
        return None
    # the rarest words make the best anchors: avoid words found in most recommendations
    return max(
        usable,
        key=lambda s: (-sum(a in _COMMON_WORDS for a in s), min(len(a) for a in s), -len(s)),
    )


_CASE_SENSITIVE_BITS = re.compile(r"\(\?(?:[a-zA-Z]+(?:-[a-zA-Z]+)?|-[a-zA-Z]+)[:)]|\\N\{")


def lower_pattern(pattern: str) -> str | None:
    """The pattern with its literal letters lower-cased (escapes kept), or None when it uses
    inline flags or named characters and must stay case-insensitive on the original text."""
    if _CASE_SENSITIVE_BITS.search(pattern):
        return None
    out: list[str] = []
    escaped = False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        else:
            out.append(ch.lower())
    return "".join(out).replace("(?p<", "(?P<").replace("(?p=", "(?P=")


def _word_initial(pattern: str) -> bool:
    """Does every match of `pattern` start with a word character?"""
    rest = pattern
    while True:
        m = re.match(r"\((?:\?:|\?P<\w+>)?", rest)
        if not m or m.end() == 0:
            break
        rest = rest[m.end() :]
    return bool(rest) and (rest[0].isalnum() or rest[:2] in ("\\w", "\\d"))


def _unwrap_case_sensitive(pattern: str) -> str | None:
    """`X` for a pattern that is wholly `(?-i:X)`, else None."""
    if not (pattern.startswith("(?-i:") and pattern.endswith(")")):
        return None
    inner = pattern[5:-1]
    try:
        re.compile(inner)
    except re.error:
        return None
    depth = 0
    escaped = False
    for ch in inner:  # the wrapper must close at the very end, not earlier
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
    return inner if depth == 0 else None


def compile_patterns(field_text: str | None, where: str) -> PatternSet:
    """Compile one seed field; `where` names file, row and column for a clear error.

    For speed only (the meaning is unchanged): an alternative that starts with a word character
    is compiled without a leading `\\b` (so the regex engine can jump to its first literal) and
    its matches are checked to start a word; one without inline flags is compiled in lower case
    and run on lower-cased text without re.IGNORECASE; one wholly wrapped in `(?-i:...)` is
    compiled case-sensitively.
    """
    source = (field_text or "").strip()
    alternatives = split_alternatives(source)
    regexes: list[re.Pattern[str]] = []
    anchors: list[frozenset[str] | None] = []
    on_lowered: list[bool] = []
    word_start: list[bool] = []
    for alt in alternatives:
        expanded = expand_spaces(alt)
        try:
            re.compile(expanded, _FLAGS)
        except re.error as exc:
            raise CodebookError(f"{where}: bad pattern {alt!r}: {exc}") from exc
        anchors.append(literal_anchors(expanded))
        sensitive = _unwrap_case_sensitive(expanded)
        body = sensitive if sensitive is not None else expanded
        starts_word = body.startswith("\\b") and _word_initial(body[2:])
        if starts_word:
            body = body[2:]
        else:
            starts_word = _word_initial(body)
        regex: re.Pattern[str] | None = None
        lowered = None if sensitive is not None else lower_pattern(body)
        if sensitive is not None:
            regex = re.compile(body)
        elif lowered is not None:
            try:
                regex = re.compile(lowered)
            except re.error:
                regex = None
        on_lowered.append(sensitive is None and regex is not None)
        regexes.append(regex if regex is not None else re.compile(body, _FLAGS))
        word_start.append(starts_word)
    return PatternSet(
        source,
        tuple(alternatives),
        tuple(regexes),
        tuple(anchors),
        tuple(on_lowered),
        tuple(word_start),
    )


# --- Codebook records --------------------------------------------------------------------------
@dataclass(frozen=True)
class Agency:
    """An agency category of Table 1 and the words reports use for it."""

    code: str
    label: str
    order: int
    synonyms: PatternSet
    description: str = ""


@dataclass(frozen=True)
class Theme:
    """A recommendation theme (Table 2, chapter 3) with its default layer and its patterns."""

    code: str
    label: str
    layer_code: str
    order: int
    table2_reviews: int | None
    patterns: PatternSet
    weak_patterns: PatternSet
    exclude: PatternSet
    description: str = ""
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Layer:
    """A layer of Figure 2, from the child outwards."""

    code: str
    label: str
    order: int


@dataclass(frozen=True)
class CaseTheme:
    """A theme of the case (Table 3) and the narrative patterns that reveal it."""

    code: str
    label: str
    patterns: PatternSet
    exclude: PatternSet
    negatable: bool = True
    description: str = ""


@dataclass(frozen=True)
class CodedValue:
    """One value of a fixed list (an outcome, a sex, an age band...) and how people read it."""

    value_set: str
    code: str
    label: str
    order: int


@dataclass(frozen=True)
class DocumentKindCode:
    """A kind of document; case facts are read from case reviews only."""

    code: str
    label: str
    is_case_review: bool
    order: int


@dataclass(frozen=True)
class ValueSets:
    """The codebook's fixed lists of values, in their order (no pattern to compile: cheap)."""

    values: tuple[CodedValue, ...] = ()
    document_kinds: tuple[DocumentKindCode, ...] = ()

    def codes(self, value_set: str) -> tuple[str, ...]:
        """The codes of one list (`VALUE_SETS`), in their order."""
        listed = sorted((v for v in self.values if v.value_set == value_set), key=lambda v: v.order)
        if not listed:
            raise CodebookError(f"the codebook has no value set {value_set!r}")
        return tuple(v.code for v in listed)

    @property
    def document_kind_codes(self) -> tuple[str, ...]:
        return tuple(k.code for k in sorted(self.document_kinds, key=lambda k: k.order))

    @property
    def case_review_kinds(self) -> frozenset[str]:
        return frozenset(k.code for k in self.document_kinds if k.is_case_review)


@dataclass(frozen=True)
class Codebook:
    """Everything the coders need, read once from the seeds."""

    agencies: tuple[Agency, ...]
    themes: tuple[Theme, ...]
    layers: tuple[Layer, ...]
    case_themes: tuple[CaseTheme, ...]
    reflection: tuple[tuple[str, str], ...]  # (case_theme_code, theme_code)
    value_sets: ValueSets = field(default_factory=ValueSets)
    source_dir: str = ""
    # Structures derived by the coders (e.g. the similarity index), built once per codebook.
    derived: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def agency_codes(self) -> frozenset[str]:
        return frozenset(a.code for a in self.agencies)

    @property
    def theme_codes(self) -> frozenset[str]:
        return frozenset(t.code for t in self.themes)

    @property
    def layer_codes(self) -> frozenset[str]:
        return frozenset(la.code for la in self.layers)

    @property
    def case_theme_codes(self) -> frozenset[str]:
        return frozenset(c.code for c in self.case_themes)

    @property
    def layer_codes_in_order(self) -> tuple[str, ...]:
        """The layers of Figure 2 from the child outwards."""
        return tuple(la.code for la in sorted(self.layers, key=lambda la: la.order))

    def agency(self, code: str) -> Agency | None:
        return next((a for a in self.agencies if a.code == code), None)

    def theme(self, code: str) -> Theme | None:
        return next((t for t in self.themes if t.code == code), None)

    def layer_of_theme(self, code: str) -> str | None:
        theme = self.theme(code)
        return theme.layer_code if theme else None

    def themes_reflecting(self, case_theme_code: str) -> frozenset[str]:
        """Recommendation themes that answer a case theme (Table 3)."""
        return frozenset(t for c, t in self.reflection if c == case_theme_code)


# --- Loading -----------------------------------------------------------------------------------
def _read_seed(path: Path, kind: str) -> list[dict[str, str]]:
    if not path.is_file():
        raise CodebookError(f"{path}: codebook seed file is missing")
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [c for c in REQUIRED_COLUMNS[kind] if c not in header]
            if missing:
                raise CodebookError(f"{path}: missing column(s) {', '.join(missing)}")
            rows = []
            for row in reader:
                if None in row:
                    raise CodebookError(
                        f"{path}: row {reader.line_num} has more fields than the header "
                        "(quote fields that contain commas)"
                    )
                rows.append({k: (v or "").strip() for k, v in row.items()})
            return rows
    except UnicodeDecodeError as exc:
        raise CodebookError(f"{path}: not UTF-8 text: {exc}") from exc
    except csv.Error as exc:
        raise CodebookError(f"{path}: malformed CSV: {exc}") from exc


def _code(
    row: dict[str, str],
    column: str,
    path: Path,
    line: int,
    seen: set[str],
    digit_first: bool = False,
) -> str:
    code = row.get(column, "")
    if not (_VALUE_RE if digit_first else _CODE_RE).match(code):
        raise CodebookError(f"{path}: row {line}: {column} {code!r} is not a lower_snake code")
    if code in seen:
        raise CodebookError(f"{path}: row {line}: duplicate {column} {code!r}")
    seen.add(code)
    return code


def _int(value: str, path: Path, line: int, column: str) -> int | None:
    if value == "":
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise CodebookError(
            f"{path}: row {line}: {column} {value!r} is not a whole number"
        ) from exc


def _bool(value: str) -> bool:
    return value.strip().lower() not in {"no", "false", "0", "n"}


def _build_value_sets(seeds_dir: Path) -> ValueSets:
    path = seeds_dir / SEED_FILES["values"]
    values: list[CodedValue] = []
    seen: dict[str, set[str]] = {}
    for line, row in enumerate(_read_seed(path, "values"), start=2):
        value_set = row["value_set"]
        if value_set not in VALUE_SETS:
            raise CodebookError(f"{path}: row {line}: unknown value_set {value_set!r}")
        code = _code(row, "code", path, line, seen.setdefault(value_set, set()), digit_first=True)
        order = _int(row["sort_order"], path, line, "sort_order")
        values.append(CodedValue(value_set, code, row["label"], order or line))
    missing = [name for name in VALUE_SETS if name not in seen]
    if missing:
        raise CodebookError(f"{path}: no values for {', '.join(missing)}")
    path = seeds_dir / SEED_FILES["document_kinds"]
    kinds: list[DocumentKindCode] = []
    kind_codes: set[str] = set()
    for line, row in enumerate(_read_seed(path, "document_kinds"), start=2):
        code = _code(row, "document_kind", path, line, kind_codes)
        order = _int(row["sort_order"], path, line, "sort_order")
        kinds.append(
            DocumentKindCode(code, row["label"], _bool(row["is_case_review"]), order or line)
        )
    if not kinds:
        raise CodebookError(f"{path}: the codebook has no document kinds")
    return ValueSets(tuple(values), tuple(kinds))


def _build(seeds_dir: Path) -> Codebook:
    paths = {kind: seeds_dir / name for kind, name in SEED_FILES.items()}
    layers: list[Layer] = []
    seen: set[str] = set()
    for line, row in enumerate(_read_seed(paths["layers"], "layers"), start=2):
        code = _code(row, "layer_code", paths["layers"], line, seen)
        order = _int(row["figure2_order"], paths["layers"], line, "figure2_order")
        layers.append(Layer(code, row["label"], order or line))
    layer_codes = {la.code for la in layers}

    agencies: list[Agency] = []
    seen = set()
    path = paths["agencies"]
    for line, row in enumerate(_read_seed(path, "agencies"), start=2):
        code = _code(row, "agency_code", path, line, seen)
        order = _int(row["table1_order"], path, line, "table1_order")
        synonyms = compile_patterns(row["synonyms"], f"{path}: row {line} ({code}), synonyms")
        agencies.append(
            Agency(code, row["label"], order or line, synonyms, row.get("description", ""))
        )

    themes: list[Theme] = []
    seen = set()
    path = paths["themes"]
    for line, row in enumerate(_read_seed(path, "themes"), start=2):
        code = _code(row, "theme_code", path, line, seen)
        if row["layer_code"] not in layer_codes:
            raise CodebookError(
                f"{path}: row {line} ({code}): layer_code {row['layer_code']!r} is not in "
                f"{paths['layers'].name}"
            )
        where = f"{path}: row {line} ({code})"
        examples = tuple(e.strip() for e in row.get("examples", "").split("|") if e.strip())
        themes.append(
            Theme(
                code=code,
                label=row["label"],
                layer_code=row["layer_code"],
                order=_int(row["table2_order"], path, line, "table2_order") or 100 + line,
                table2_reviews=_int(row["table2_reviews"], path, line, "table2_reviews"),
                patterns=compile_patterns(row["patterns"], f"{where}, patterns"),
                weak_patterns=compile_patterns(row.get("weak_patterns"), f"{where}, weak_patterns"),
                exclude=compile_patterns(row.get("exclude"), f"{where}, exclude"),
                description=row.get("description", ""),
                examples=examples,
            )
        )

    case_themes: list[CaseTheme] = []
    seen = set()
    path = paths["case_themes"]
    for line, row in enumerate(_read_seed(path, "case_themes"), start=2):
        code = _code(row, "case_theme_code", path, line, seen)
        where = f"{path}: row {line} ({code})"
        case_themes.append(
            CaseTheme(
                code=code,
                label=row["label"],
                patterns=compile_patterns(row["patterns"], f"{where}, patterns"),
                exclude=compile_patterns(row.get("exclude"), f"{where}, exclude"),
                negatable=_bool(row.get("negatable", "yes")),
                description=row.get("description", ""),
            )
        )

    theme_codes = {t.code for t in themes}
    case_codes = {c.code for c in case_themes}
    reflection: list[tuple[str, str]] = []
    path = paths["reflection"]
    for line, row in enumerate(_read_seed(path, "reflection"), start=2):
        c, t = row["case_theme_code"], row["theme_code"]
        if c not in case_codes:
            raise CodebookError(f"{path}: row {line}: unknown case_theme_code {c!r}")
        if t not in theme_codes:
            raise CodebookError(f"{path}: row {line}: unknown theme_code {t!r}")
        reflection.append((c, t))

    if not agencies or not themes or not layers:
        raise CodebookError(f"{seeds_dir}: the codebook has no agencies, themes or layers")
    return Codebook(
        agencies=tuple(agencies),
        themes=tuple(themes),
        layers=tuple(layers),
        case_themes=tuple(case_themes),
        reflection=tuple(reflection),
        value_sets=_build_value_sets(seeds_dir),
        source_dir=str(seeds_dir),
    )


@lru_cache(maxsize=8)
def _load_cached(seeds_dir: str, stamp: tuple[tuple[str, int, int], ...]) -> Codebook:
    return _build(Path(seeds_dir))


@lru_cache(maxsize=8)
def _load_value_sets_cached(seeds_dir: str, stamp: tuple[tuple[str, int, int], ...]) -> ValueSets:
    return _build_value_sets(Path(seeds_dir))


def _stamp(directory: Path) -> tuple[tuple[str, int, int], ...]:
    stamp = []
    for name in SEED_FILES.values():
        try:
            st = (directory / name).stat()
            stamp.append((name, st.st_mtime_ns, st.st_size))
        except OSError:
            stamp.append((name, -1, -1))
    return tuple(stamp)


def _directory(seeds_dir: Path | None) -> Path:
    return (Path(seeds_dir) if seeds_dir is not None else DEFAULT_SEEDS_DIR).resolve()


def load_codebook(seeds_dir: Path | None = None) -> Codebook:
    """Read and compile the codebook seeds (cached; re-read when a seed file changes)."""
    directory = _directory(seeds_dir)
    return _load_cached(str(directory), _stamp(directory))


def load_value_sets(seeds_dir: Path | None = None) -> ValueSets:
    """Only the fixed lists of values, without compiling the coders' patterns (cached)."""
    directory = _directory(seeds_dir)
    return _load_value_sets_cached(str(directory), _stamp(directory))
