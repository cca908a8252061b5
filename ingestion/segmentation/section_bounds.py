"""Where recommendation sections start and end, under the many names reports give them.

A section starts at a heading line that names recommendations ("Recommendations", "Single agency
recommendations", "Learning and actions for the Board", "Matters of concern", "Appendix 4: List
of recommendations made in this Report"...), but not at:
- an entry of the contents page (a run of lines after "Contents", or lines ending in dot leaders
  or page numbers);
- narrative that merely mentions recommendations (the heading must be a short line, start with a
  capital or a number, and consist of the heading phrase; a line opening with a quotation mark is
  a quotation, not a heading).

It ends at the next heading that is not part of it: another recommendation heading, a heading in
the terminator vocabulary (Appendix, Glossary, Action plan, References, Terms of reference...), a
numbered heading at the same or a higher level than its own ("3. THE HUMAN IMPACT" after
"2. RECOMMENDATIONS"), a heading listed in the contents page, or, once items have been seen, a
short title line followed by ordinary prose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ingestion.segmentation.item_markers import parse_markers
from ingestion.segmentation.text_lines import (
    Line,
    ends_sentence,
    is_all_caps,
    is_directive,
    is_titleish,
    split_lines,
)

LSCB, AGENCY, NATIONAL = "lscb", "agency", "national"

# --- numbering prefixes of headings ------------------------------------------------------------
_PREFIX = re.compile(
    r"^(?:(?P<word>section|chapter|part|appendix|annex|annexe|schedule)(?:\s+(?P<wnum>[\w.]{1,6})"
    r"\s*[:.\-–—]?|\s*[:.\-–—])\s*|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s+|(?=[A-Z]))|(?P<alpha>[A-Z])[.)]\s+"
    r"|(?P<roman>[IVX]{1,5})[.)]\s+)",
    re.I,
)
_CONTENTS_TAIL = re.compile(r"(?:\s*(?:\.\s?){2,}|\s*…+|\s*_{3,})\s*\d{1,4}\s*$|\s\d{1,4}\s*$")
_LEADERS = re.compile(r"(?:\.\s?){3,}\s*\d{0,4}\s*$|…+\s*\d{0,4}\s*$")

# --- agencies (for sub-headings and "Recommendations for X") -----------------------------------
_BOARD_STRONG = re.compile(
    r"\b(?:lscbs?|lscps?|local safeguarding children(?:'s)? (?:board|partnership)s?|safeguarding "
    r"(?:children )?(?:board|partnership|partners|arrangements)|(?-i:[A-Z]{1,3}SC[BP]))\b",
    re.I,
)
_BOARD_WEAK = re.compile(
    r"\b(?:the board|board|the partnership|partnership|all agencies|partner agencies|all partner "
    r"agencies|member agencies|multi-agency partners|all partners|partners)\b",
    re.I,
)
_NATIONAL = re.compile(
    r"\b(?:government|department for education|dfe|dcsf|department for children, schools and "
    r"families|department of health|dhsc|home office|ministry of \w+|ministers?|secretary of "
    r"state|ofsted|cqc|care quality commission|nhs england|crown prosecution service|cps|"
    r"hm government|parliament|national (?:government|bodies|body|level|policy)|regional "
    r"(?:bodies|level)|child safeguarding practice review panel|youth justice board|cabinet office|"
    r"welsh government|scottish government|hmic|hm inspectorate \w+|department for work and "
    r"pensions|dwp|uk border agency)\b",
    re.I,
)
# Specific services (no generic words such as "agencies" or "board"): what makes an addressee an
# agency rather than the Board.
_AGENCY_SPECIFIC = (
    r"police|constabulary|social care|social work\w*|children'?s services|children’s services|"
    r"health|hospitals?|trusts?|nhs|ccgs?|icbs?|pcts?|gps?|general practi\w*|primary care|"
    r"midwi\w*|maternity|health visit\w*|school nurs\w*|schools?|education|colleges?|academ\w*|"
    r"probation|housing|landlords?|ambulance|cafcass|youth offending|yots?|camhs|mental health|"
    r"substance misuse|drugs?|alcohol|council|local authority|nursery|nurseries|early years|"
    r"children'?s centres?|voluntary|charit\w*|connexions|commissioners?|designated|named "
    r"(?:nurse|doctor|professionals?)|paediatric\w*|emergency department|a&e|adult services|"
    r"adult social care|family nurse partnership|fnp|mash|front door|fostering|adoption|iros?|"
    r"independent reviewing|coroners?|prisons?|employers?|church|faith|refuge|projects?|"
    r"home-start|barnardo'?s|nspcc|action for children|women'?s aid|welfare service|services?"
)
_AGENCY_ONLY = re.compile(r"\b(?:" + _AGENCY_SPECIFIC + r")\b", re.I)
_AGENCY = re.compile(
    r"\b(?:" + _AGENCY_SPECIFIC + r"|agency|agencies|providers?|department|directorate|partners?|"
    r"board|lscb|lscp|partnership|dfe|ofsted|government|home office)\b",
    re.I,
)
_VERBISH = re.compile(r"\b(is|are|was|were|has|have|had|been|be|did|does|do)\b", re.I)


def classify_target(name: str, default: str = LSCB) -> str:
    """Kind of section for a named addressee: the Board, a national body, or an agency.

    The Board's own names win ("Northshire LSCB", "KSCB"); then national bodies ("the Home
    Office"); then named services ("Partnership NHS Foundation Trust" is a trust, "The National
    Probation Service" a probation service); then the Board's generic names ("the Board", "all
    agencies")."""
    if _BOARD_STRONG.search(name):
        return LSCB
    if _NATIONAL.search(name):
        return NATIONAL
    if _AGENCY_ONLY.search(name):
        return AGENCY
    if _BOARD_WEAK.search(name):
        return LSCB
    return default


def different_addressees(a: str, b: str) -> bool:
    """Are these two addressees different bodies? (the Board vs a trust; police vs health)"""
    if classify_target(a, AGENCY) != classify_target(b, AGENCY):
        return True
    ta = {m.group(0).lower() for m in _AGENCY_ONLY.finditer(a)}
    tb = {m.group(0).lower() for m in _AGENCY_ONLY.finditer(b)}
    return bool(ta and tb and not ta & tb)


def has_agency_words(text: str) -> bool:
    """Does the text name a body (an agency, the Board, a national body)?"""
    return bool(
        _AGENCY.search(text)
        or _BOARD_STRONG.search(text)
        or _BOARD_WEAK.search(text)
        or _NATIONAL.search(text)
    )


def is_agency_heading(
    line: Line, prev: Line | None, nxt: Line | None, opens_list: bool = False
) -> str | None:
    """The agency a short sub-heading line names ("Police", "Acute Hospital Trust"), else None.

    The line must name a body the lexicon knows, or (`opens_list`: in an agency section, right
    above the first item of a new list) be a capitalised name ("Raxham Women's Refuge").
    """
    t = line.text.rstrip(":").strip()
    if not t or len(t) > 80 or " | " in t:
        return None
    w = re.sub(r"\([^)]*\)", "", t).split()  # "NHS Trust (health visiting)": name + note
    if len(w) > 12 or not (t[0].isupper() or t[0].isdigit()):
        return None
    if t.endswith((".", ",", ";")) or is_directive(t) or _VERBISH.search(t):
        return None
    known = bool(_AGENCY.search(t) or _NATIONAL.search(t))
    if not known and not (opens_list and is_titleish(t) and not t[0].isdigit()):
        return None
    if prev is not None and prev.text and not _may_precede_heading(prev.text):
        return None
    if nxt is not None and nxt.text and nxt.text[0].islower() and not parse_markers(nxt.text):
        return None
    m = _FOR_TARGET.match(t)
    return m.group("target").strip() if m else t


_FOR_TARGET = re.compile(
    r"^(?:recommendations?|actions?|learning)\s+(?:for|to)\s+(?P<target>.+)$", re.I
)


_CONNECTOR_END = re.compile(
    r"\b(the|a|an|and|or|of|to|by|with|from|for|in|on|at|that|which|who|as|than|its|their)$", re.I
)


def _may_precede_heading(text: str) -> bool:
    """Can a heading follow this line? Not when the line breaks off mid-sentence."""
    if ends_sentence(text):
        return True
    return (
        len(text.split()) <= 10
        and not text.endswith((",", "-"))
        and not _CONNECTOR_END.search(text)
    )


# --- recommendation-section headings -----------------------------------------------------------
_LSCB_NAMES = re.compile(
    r"^(?:(?:summary|list|schedule|table|index) of (?:the )?(?:key |main |overview |all |our )?"
    r"recommendations(?: (?:made|arising)(?: in| from| by)? (?:this|the) (?:report|review|inquiry))?"
    r"|(?:(?:the|our|key|main|final|overview(?: report)?|scr|serious case review|review|panel|"
    r"lscb|lscp|board|multi-agency|multi agency|partnership|safeguarding partnership|overall|"
    r"general|strategic|independent reviewer'?s?|reviewer'?s?|author'?s?|inquiry'?s?|lead "
    r"reviewer'?s?|local)\s+)*recommendations?(?: (?:arising )?(?:from|of|made (?:in|by)|in) "
    r"(?:this|the) (?:review|report|scr|serious case review|overview report|panel|learning review|"
    r"case review|inquiry|practice review))?"
    r"|recommendations (?:and|&) (?:learning|actions?|learning points|lessons(?: learned| learnt)?)"
    r"|(?:learning|lessons)(?: points)? (?:and|&) recommendations"
    r"|(?:learning|actions?|considerations|priorities|questions|recommendations|learning and actions"
    r"|learning and recommendations|key learning and actions|issues|challenges) (?:for|to) (?:the )?"
    r"(?:board|lscb|lscp|partnership|safeguarding partners|local safeguarding children board|"
    r"safeguarding children partnership|partners|strategic partners)"
    r"|what (?:needs to|should) (?:happen|change)(?: next)?)$"
)
_AGENCY_NAMES = re.compile(
    r"^(?:(?:single|individual|internal|own)[ -]?agency(?: management review| review)?"
    r"(?: report)? recommendations|agency[ -]specific recommendations|(?:imr|agency|individual "
    r"management review) recommendations|recommendations (?:from|of|made (?:in|by)|arising from) "
    r"(?:the )?(?:individual management reviews?|imrs?|agency reports|individual agencies|single "
    r"agencies|agencies|agency reviews|individual agency reports)"
    r"|(?:the )?matters of concern(?: (?:are|is) as follows)?|coroner[’']?s concerns"
    r"|concerns(?: and recommendations)?)$"
)
_NATIONAL_NAMES = re.compile(
    r"^(?:(?:national|regional|regional and national|national and regional|government|wider) "
    r"recommendations|recommendations (?:for|to|at) (?:a )?(?:national|central|regional)"
    r"(?: (?:and|or) (?:national|regional))?(?: government| level| bodies)?)$"
)
_MIXED_NAMES = re.compile(
    r"^(?:(?:conclusions?|findings|key findings|learning|lessons(?: learned| learnt)?|analysis|"
    r"summary|findings and conclusions|conclusions and learning|overview|discussion)"
    r"(?:,? (?:and|&) (?:the )?(?:panel'?s? )?)recommendations?(?: (?:relating|in relation) to .+)?"
    r"|recommendations (?:and|&) conclusions)$"
)
_FOR_X = re.compile(r"^recommendations? (?:for|to|addressed to) (?:the )?(?P<x>.{2,80})$")
_X_RECS = re.compile(r"^(?P<x>.{2,60}?)(?:'s|’s)? recommendations$")


@dataclass(frozen=True)
class Heading:
    """A recommendation-section heading: its kind, whether it also holds other matter, its name."""

    kind: str
    mixed: bool
    key: str  # normalised wording, to recognise the same heading repeated as a running header
    target: str | None = None  # the addressee it names ("Children's Social Care"), if any
    number: str | None = None  # its numbering ("2", "6.3"), if any
    contextual: bool = False  # a cue from the seed whose addressee the surrounding text names


def strip_prefix(text: str) -> tuple[str, str | None]:
    """Heading text without its numbering ("2.", "Section 7:", "Appendix 4:") and that number."""
    m = _PREFIX.match(text)
    if not m or m.end() >= len(text):
        return text, None
    number = m.group("num") or m.group("wnum") or m.group("alpha") or m.group("roman")
    if m.group("word") and m.group("word").lower() in ("appendix", "annex", "annexe", "schedule"):
        number = None  # appendices are not numbered like chapters
    return text[m.end() :].strip(), number


def is_contents_entry(text: str) -> bool:
    """A contents-page line: dot leaders, or a title followed by a page number."""
    return bool(_LEADERS.search(text))


_HINT_WORDS = ("recommend", "concern", "learning", "consideration", "action", "priorit",
               "question", "issue", "challeng", "what ", "improv", "areas for")  # fmt: skip


def heading_hint(text: str) -> bool:
    """Cheap test (plain substring search): could this text name a recommendation section?"""
    low = text.lower()
    return any(w in low for w in _HINT_WORDS)


@lru_cache(maxsize=4)
def hinted_lines(text: str) -> frozenset[int]:
    """Indices of the lines holding a hint word, found with C-speed substring search over the
    whole text (one `str.find` loop per word instead of a test on every line)."""
    low = text.lower()
    starts = [0]
    pos = low.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = low.find("\n", pos + 1)
    out: set[int] = set()
    for w in _HINT_WORDS:
        pos = low.find(w)
        while pos >= 0:
            out.add(bisect_right(starts, pos) - 1)
            pos = low.find(w, pos + 1)
    return frozenset(out)


def classify_heading(line: Line) -> Heading | None:
    """The heading this line is, if it opens a recommendation section."""
    t = line.text
    if not t or len(t) > 140 or " | " in t or t[0] in "“\"‘'(«[" or not heading_hint(t):
        return None
    if not (t[0].isupper() or t[0].isdigit()):
        return None
    body, number = strip_prefix(t)
    body = _CONTENTS_TAIL.sub("", body) if _CONTENTS_TAIL.search(body) and number else body
    body = body.strip().rstrip(":.").strip()
    if not body or len(body.split()) > 14 or not body[0].isalpha():
        return None
    if body[0].islower():
        return None
    low = " ".join(body.lower().replace("’", "'").split())
    key = low
    if _NATIONAL_NAMES.match(low):
        return Heading(NATIONAL, False, key, None, number)
    if _AGENCY_NAMES.match(low):
        return Heading(AGENCY, False, key, None, number)
    m = _FOR_X.match(low)
    if m and len(m.group("x").split()) <= 8:
        target = body[len(body) - len(m.group("x")) :]
        return Heading(classify_target(target), False, key, target, number)
    if _LSCB_NAMES.match(low):
        return Heading(LSCB, False, key, None, number)
    if _MIXED_NAMES.match(low):
        return Heading(LSCB, True, key, None, number)
    m = _X_RECS.match(low)
    if (
        m
        and len(m.group("x").split()) <= 5
        and (_AGENCY.search(m.group("x")) or _NATIONAL.search(m.group("x")))
    ):
        target = body[: len(m.group("x"))]
        return Heading(classify_target(target), False, key, target, number)
    return _seed_heading(body, low, key, number)


# --- the researcher's heading cues (dbt_project/seeds/codebook_section_headings.csv) ---------------
HEADINGS_SEED = "codebook_section_headings.csv"


@dataclass(frozen=True)
class HeadingCue:
    """One row of the seed: a pattern over the folded heading, how its addressee is found, and
    whether the section also holds other matter (then only items that ask something count)."""

    pattern: re.Pattern[str]
    addressee: str  # "named" (the heading names it: group `target`) or "context"
    mixed: bool


@lru_cache(maxsize=4)
def heading_cues(seeds_dir: str | None = None) -> tuple[HeadingCue, ...]:
    """The heading cues a researcher keeps in the seed (read once per process)."""
    import csv
    from pathlib import Path

    from ingestion.codebook import DEFAULT_SEEDS_DIR

    path = Path(seeds_dir) if seeds_dir else DEFAULT_SEEDS_DIR
    path = path / HEADINGS_SEED
    if not path.is_file():
        return ()
    cues = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            pattern = (row.get("heading_pattern") or "").strip()
            if not pattern:
                continue
            cues.append(
                HeadingCue(
                    re.compile(rf"^(?:{pattern})$"),
                    (row.get("addressee") or "context").strip(),
                    (row.get("mixed") or "").strip().lower() in ("true", "1", "yes"),
                )
            )
    return tuple(cues)


def _seed_heading(body: str, low: str, key: str, number: str | None) -> Heading | None:
    """A heading the built-in names miss but a cue of the seed matches."""
    for cue in heading_cues():
        m = cue.pattern.match(low)
        if m is None:
            continue
        target = None
        if "target" in m.groupdict() and m.group("target"):
            target = m.group("target")
            if len(body) == len(low):
                target = body[m.start("target") : m.end("target")]
            if len(target.split()) > 8:
                continue
        if target is not None:
            return Heading(classify_target(target, AGENCY), cue.mixed, key, target, number)
        return Heading(LSCB, cue.mixed, key, None, number, contextual=True)
    return None


# --- contents page ------------------------------------------------------------------------------
_CONTENTS_HEAD = re.compile(r"^(?:table of )?contents(?: page)?$|^index$", re.I)


@dataclass
class Contents:
    """Lines that belong to a contents page, and the titles it lists (normalised)."""

    lines: set[int] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)


def title_key(text: str) -> str:
    body, _ = strip_prefix(text)
    body = _CONTENTS_TAIL.sub("", body)
    return " ".join(body.lower().replace("’", "'").strip(" .:").split())


@lru_cache(maxsize=4)
def analyse(text: str) -> tuple[tuple[Line, ...], Contents]:
    """Lines and contents page of a normalised text (cached: both parsers need them)."""
    lines = split_lines(text)
    return lines, find_contents(lines)


def find_contents(lines: Sequence[Line]) -> Contents:
    """The contents page(s): after a "Contents" line, or runs of lines ending in page numbers."""
    out = Contents()
    n = len(lines)
    i = 0
    while i < n:
        ln = lines[i]
        if ln.text and _CONTENTS_HEAD.match(ln.text.rstrip(":")):
            out.lines.add(i)
            seen: set[str] = set()
            j = i + 1
            entries = 0
            while j < n and j < i + 400:
                t = lines[j].text
                if not t:
                    if entries >= 2 and not (j + 1 < n and _LEADERS.search(lines[j + 1].text)):
                        break
                    j += 1
                    continue
                key = title_key(t)
                if len(t.split()) > 16 or (key in seen and entries >= 2):
                    break
                if t.endswith(".") and len(t.split()) > 8 and not _LEADERS.search(t):
                    break
                seen.add(key)
                out.lines.add(j)
                if key:
                    out.titles.add(key)
                entries += 1
                j += 1
            i = j
            continue
        i += 1
    # Lines with dot leaders or trailing page numbers in runs of three or more.
    run: list[int] = []
    for k, ln in enumerate([*lines, Line(-1, 0, 0, "")]):
        t = ln.text
        if t and t[-1:].isdigit() and (_LEADERS.search(t) or _numbered_entry(t)):
            run.append(k)
            continue
        if ln.text == "" and run:
            continue
        if len(run) >= 3:
            for r in run:
                out.lines.add(r)
                out.titles.add(title_key(lines[r].text))
        run = []
    out.titles.discard("")
    return out


_ENTRY = re.compile(r"^\S.{2,100}?[A-Za-z)]\s+\d{1,4}$")


def _numbered_entry(text: str) -> bool:
    return bool(_ENTRY.match(text)) and len(text.split()) <= 16 and not ends_sentence(text[:-4])


# --- where a section ends -----------------------------------------------------------------------
_TERMINATORS = re.compile(
    r"^(?:appendix|appendices|annex|annexe|glossary|references|bibliography|sources|"
    r"(?:[\w'’-]+ ){0,3}action plans?|terms of reference|acknowledg(?:e)?ments?|conclusions?|"
    r"introduction|background|methodology|methods?|contents|executive summary|next steps|"
    r"endnotes|notes|footnotes|abbreviations|acronyms|signed|signature|date of (?:the )?report|"
    r"distribution|publication|copies and publication|your response|action should be taken|"
    r"chronology|family background|about (?:the|this) review|review process|(?:the )?review panel|"
    r"panel members(?:hip)?|dissemination|lscb response|response(?:s)? (?:from|of|to)|foreword|"
    r"preface|case summary|the case|index|list of (?:abbreviations|acronyms|figures|tables)|"
    r"further information|contact(?: details)?|end of report|postscript|afterword|"
    r"implementation(?: of (?:the )?recommendations)?|monitoring(?: and evaluation)?)\b",
    re.I,
)


@dataclass
class SectionSpan:
    """A recommendation section: heading line, the lines that belong to it, and its kind."""

    heading: Heading
    head_line: int
    first: int  # first body line index
    last: int  # last body line index (inclusive)


def is_title_line(text: str) -> bool:
    """Short, capitalised, unpunctuated: the shape of a heading."""
    if not text or len(text) > 100 or " | " in text:
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.endswith((".", ",", ";")) and not _PREFIX.fullmatch(text):
        return False
    return len(text.split()) <= 10


def ends_section(
    lines: Sequence[Line],
    i: int,
    current: Heading,
    contents: Contents,
    seen_items: bool,
    item_start: Callable[[str], bool],
    resumes: Callable[[int], bool] = lambda i: False,
) -> bool:
    """Does line i close the current recommendation section?

    `resumes(i)` says whether the section's own numbering carries on a little further down (a
    theme sub-heading with its rationale between "Recommendation 1" and "Recommendation 2").
    """
    ln = lines[i]
    t = ln.text
    if not is_title_line(t):
        return False
    body, number = strip_prefix(t)
    body = body.rstrip(":").strip()
    if not body or not body[0].isalpha():
        return False
    caps = is_all_caps(body)
    directive = is_directive(body.lower() if caps else body)
    if _TERMINATORS.match(body) and (caps or not directive):
        return True
    if directive:
        return False
    agency = is_agency_heading(ln, None, None) is not None
    if number is not None and caps and not agency and len(body.split()) >= 1:
        return number != current.number
    key = title_key(t)
    if key and key in contents.titles and key != current.key and not agency:
        return True
    if seen_items and len(body.split()) <= 8 and not agency and not item_start(t):
        prev = _prev_text(lines, i)
        nxt_i = _next_index(lines, i)
        nxt = lines[nxt_i].text if nxt_i is not None else ""
        prev_ok = prev == "" or ends_sentence(prev) or is_title_line(prev)
        if prev_ok and nxt and nxt[0].isupper() and not item_start(nxt) and len(nxt.split()) >= 8:
            return not resumes(i)
    return False


def _prev_text(lines: Sequence[Line], i: int) -> str:
    """The nearest line above (empty if a blank line separates them)."""
    return lines[i - 1].text if i > 0 else ""


def _next_index(lines: Sequence[Line], i: int) -> int | None:
    j = i + 1
    while j < len(lines) and not lines[j].text:
        j += 1
    return j if j < len(lines) else None
