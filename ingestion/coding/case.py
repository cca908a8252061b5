"""Case facts and case themes, read from the whole narrative of a review.

Case facts (`read_case_facts`):
- outcome: cues of death ("died", "death of", "was found dead", "post-mortem") against cues of
  serious injury ("sustained serious injuries", "non-accidental head injury", "survived"), weighed
  more in the opening part of the report, where the reason for the review is stated. Sentences
  quoting the criteria for a review ("dies or is seriously harmed") and deaths of other people
  ("his grandmother died") are ignored.
- the subject child: the name in the title (also when the title runs onto a second line,
  "Serious Case Review / concerning Alfie"), else the child who "is the subject of this review",
  else the most frequent "Child S" / "Baby T" label, else the child named in the opening incident
  sentence ("On 2 May 2008, Alfie, aged 3 weeks, was taken to hospital").
- child_sex: of the subject child; votes come from
  appositions ("Child S, a boy"), descriptions ("a nine-week-old girl", "baby boy", "the mother's
  son"), possessives ("his father") and the pronoun that follows the child's label.
- child_age_years: the age most tied to the subject child ("nine-week-old" -> 9*7/365.25,
  "aged 14", "Child S (2 years 3 months)", "3 months old", "a baby boy of seventeen weeks");
  gestation ("born at 31 weeks"), ages of parents or siblings ("mother, aged 17") and ages of
  another named person ("Sarah, then aged 16", when the subject is not Sarah) are not ages of
  the child.
- area: the most frequent "<Place> (Local) Safeguarding Children Board / Partnership" or
  "<Place> LSCB"; year: the report's date (a "published" or "completed" date, else the latest
  year on the title page, else the latest year of the narrative); children_count: "this review
  concerns two children", "twins", or several child labels named together as its subject.
  Outcome, sex, age and count are read from the first 250,000 characters of the narrative
  (about 80 pages), where the child is introduced; this keeps very long reports fast.

Case themes (`find_case_themes`): the seeds' case-theme patterns, run over the narrative only
(recommendations and action-plan sections are blanked out). A match is dropped when it is negated
in its clause ("there was no evidence of domestic violence", "drug misuse was not a feature"),
when the case theme's `exclude` pattern is in its sentence, when its sentence is about research or
guidance rather than this case, or when it is a recommendation or an action-plan row left in the narrative
("X should ensure that ...", "| Circulate a briefing | Service Manager | By May 2010 |"). Confidence grows with the number of independent mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from ingestion.codebook import (
    CaseTheme,
    Codebook,
    PatternSet,
    anchor_windows,
    literal_anchors,
    lower_pattern,
    lower_same_length,
    windowed_finditer,
)
from ingestion.coding.text import NUMBER_PATTERN, clip, parse_number, prepare, sentence_span
from ingestion.records import CaseFacts, CaseThemeHit, age_band

MAX_TEXT = 3_000_000
FACTS_SCAN = 250_000  # characters of narrative read for outcome, sex, age and count (~80 pages)
_YEAR_MIN, _YEAR_MAX = 1989, 2035
_I = re.IGNORECASE
_N = NUMBER_PATTERN

# --- Title and area -----------------------------------------------------------------------------
_TITLE_CUE = re.compile(
    r"serious case review|case review|practice review|overview report|learning review|"
    r"safeguarding (?:adults )?review|rapid review",
    _I,
)
_PLACE_WORD = r"(?:[A-Z][A-Za-z'&\-]*|and|of|upon|on|in|the|le|under)"
_AREA_RE = re.compile(
    r"\b((?:[A-Z][A-Za-z'&\-]*)(?:[ \t]+" + _PLACE_WORD + r"){0,5}?)[ \t]+"
    r"((?:Local[ \t]+)?Safeguarding[ \t]+(?:Children(?:'s)?[ \t]+)?"
    r"(?:Board|Partnership|Partners|Arrangements)|LSCB|LSCP|SCB|SCP)\b"
)
_NOT_PLACE = {"the", "a", "an", "this", "that", "local", "and", "of", "by", "for", "to", "our"}


def _title(text: str) -> str | None:
    lines = [ln.strip() for ln in text[:4000].splitlines() if ln.strip()]
    for i, line in enumerate(lines[:25]):
        # repository cover sheets print "Title: ... LSCB: ... Author: ... Date of publication: ..."
        line = re.sub(r"^\s*title\s*:\s*", "", line, flags=_I)
        line = re.split(r"\s+(?:LSCB|LSCP|Author|Date of publication)\s*:", line, maxsplit=1)[0]
        if _TITLE_CUE.search(line) and len(line) <= 200:
            title = line.rstrip(". ")
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if re.fullmatch(r"(?:(?:Child|Baby|Infant|Young Person)\s+[A-Z]\w{0,2}|[A-Z]\w+)", nxt):
                title = f"{title}: {nxt}"
            return clip(title, 200)
    for line in lines[:5]:
        if re.search(r"[A-Za-z]{3}", line) and len(line) <= 200:
            return clip(line, 200)
    return None


def _area(text: str) -> str | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in _AREA_RE.finditer(text[:400_000]):
        words = m.group(1).split()
        while words and words[0].lower() in _NOT_PLACE:
            words = words[1:]
        if not words or words[-1].lower() in _NOT_PLACE:
            continue
        body = " ".join(m.group(2).split())
        name = f"{' '.join(words)} {body}"
        counts[name] += 1
        first.setdefault(name, m.start())
    if not counts:
        return None

    def rank(name: str) -> tuple[bool, int, int]:
        # the Board's full name ("Northshire Safeguarding Children Board") over its acronym
        full = name.endswith(("Board", "Partnership", "Partners", "Arrangements"))
        return full, counts[name], -first[name]

    return max(counts, key=rank)


# --- Year ---------------------------------------------------------------------------------------
_YEAR = r"((?:19|20)\d\d)"
_YEAR_CUE = re.compile(
    r"(?:published|publication date|date of (?:publication|report|the report)|report date|"
    r"completed|final (?:version|report|draft)|dated|(?m:^)\s*date\s*:)\W{0,3}"
    r"(?:[\w,]+\s+){0,4}?" + _YEAR + r"\b",
    _I,
)
_ANY_YEAR = re.compile(r"(?<![\d£$/.-])" + _YEAR + r"(?![\d%])")


def _valid_year(y: int) -> bool:
    return _YEAR_MIN <= y <= _YEAR_MAX


def _year(text: str, narrative: str) -> int | None:
    head = text[: max(3000, len(text) // 10)]
    cued = [int(m.group(1)) for m in _YEAR_CUE.finditer(head) if _valid_year(int(m.group(1)))]
    if cued:
        return max(cued)
    title_page = [int(m.group(1)) for m in _ANY_YEAR.finditer(text[:1500])]
    title_page = [y for y in title_page if _valid_year(y)]
    if title_page:
        return max(title_page)
    years = [int(m.group(1)) for m in _ANY_YEAR.finditer(narrative)]
    years = [y for y in years if _valid_year(y)]
    return max(years) if years else None


# --- Outcome ------------------------------------------------------------------------------------
_DEATH = re.compile(
    r"\b(?:died|dies|death of|deaths of|(?:his|her|their|the child'?s|the baby'?s|[A-Z]'s) death|"
    r"found dead|pronounced (?:dead|life extinct)|was dead|fatal(?:ly)?|post[- ]?mortem|"
    r"cause of death|killed|murder(?:ed)?|manslaughter|passed away|life support (?:was )?"
    r"(?:withdrawn|switched off|turned off)|unlawful killing|homicide|infanticide|funeral|"
    r"sudden unexpected death|child death review|child death overview|coroner|drowned|"
    r"suffocated|asphyxia\w*|smothered|strangled to death|fatal injur\w+)",
    _I,
)
_INJURY = re.compile(
    r"\b(?:seriously (?:injured|harmed|hurt)|serious(?:ly)? (?:injur(?:y|ies)|harm)|"
    r"sustained (?:\w+ ){0,3}(?:injur\w+|fractur\w+|burns?|bruis\w+)|"
    r"non[- ]?accidental (?:head )?injur\w*|(?-i:NAI)|fractur\w+|subdural|ha?ematoma|"
    r"brain (?:injury|damage)|survived|life[- ]changing|life[- ]threatening|permanent (?:disability"
    r"|damage|brain)|(?:nearly|almost|could have|might have|may have|would have) died|near[- ]fatal|"
    r"(?:is|was) now (?:living|placed|cared for|in foster)|(?:has|have) (?:since )?recovered|"
    r"making a (?:good |full )?recovery|scald(?:s|ed|ing)?|burns)",
    _I,
)
# The same patterns for lower-cased text, without re.IGNORECASE (several times faster on a long
# narrative). "NAI" must stay upper case: it is looked for on the original text on its own.


def _compile_lowered(pattern: str) -> re.Pattern[str]:
    lowered = lower_pattern(pattern)
    assert lowered is not None, "a pattern written to be lower-cased"
    return re.compile(lowered)


_DEATH_LOWER = _compile_lowered(_DEATH.pattern)
_INJURY_LOWER = _compile_lowered(_INJURY.pattern.replace(r"(?-i:NAI)|", ""))
_NAI = re.compile(r"\bNAI")


def _injury_matches(narrative: str, lowered: str) -> list[re.Match[str]]:
    """`_INJURY.finditer(narrative)`: the lower-case scan, and "NAI" where no other match holds it."""
    found = list(_INJURY_LOWER.finditer(lowered))
    if "NAI" not in narrative:
        return found
    for m in _NAI.finditer(narrative):
        k = bisect_right([f.start() for f in found], m.start()) - 1
        if k >= 0 and found[k].end() > m.start():
            continue  # inside a longer match, as the one pattern would have read it
        found.insert(k + 1, m)
    return found


_BOILERPLATE = re.compile(
    r"(?:di(?:e|es|ed)|death)\s+or\s+(?:\w+\s+){0,3}serious|serious(?:ly)?\s+(?:\w+\s+){0,2}or\s+"
    r"(?:di|death)|criteria|working together|regulation 5|statutory guidance",
    _I,
)
_OTHER_PERSON = re.compile(
    r"(?:mother|father|grand\w+|uncle|aunt|partner|husband|wife|sibling|brother|sister|cousin|"
    r"friend|Mr|Ms|Mrs|man|woman|dog|patient|adult)'?s?\W{0,3}(?:\w+\W+){0,2}$",
    _I,
)
_NOT_DEATH = re.compile(
    r"(?:nearly|almost|could have|might have|may have|would have|did not)\s+$", _I
)


def _outcome(text: str, narrative: str) -> str | None:
    if not narrative.strip():
        return None
    opening = max(4000, len(narrative) // 6)
    death = injury = 0.0
    lowered = lower_same_length(narrative)
    for m in _DEATH_LOWER.finditer(lowered):
        before = narrative[max(0, m.start() - 40) : m.start()]
        if _NOT_DEATH.search(before) or _OTHER_PERSON.search(before):
            continue
        after = narrative[m.end() : m.end() + 30]
        if re.match(
            r"\s*of\s+(?:her|his|their|the)\s+(?:mother|father|grand|partner|brother|sister"
            r"|uncle|aunt|husband|wife|dog)",
            after,
            _I,
        ):
            continue
        s, e = sentence_span(narrative, m.start(), 250)
        if _BOILERPLATE.search(narrative[s:e]):
            continue
        weight = 3.0 if m.start() < opening else 1.0
        death += weight * (2.0 if m.group(0).lower() in ("died", "found dead", "death of") else 1.0)
    for m in _injury_matches(narrative, lowered):
        s, e = sentence_span(narrative, m.start(), 250)
        if _BOILERPLATE.search(narrative[s:e]):
            continue
        weight = 3.0 if m.start() < opening else 1.0
        word = m.group(0).lower()
        strong = word.startswith(("survived", "nearly", "almost", "could", "might", "may", "would"))
        strong = strong or word.startswith(("near", "is now", "was now", "has", "have", "making"))
        injury += weight * (3.0 if strong else 1.0)
    if death == 0 and injury == 0:
        return None
    # deaths are told in fewer words: one clear death counts against several injury mentions
    return "death" if death * 1.5 >= injury else "serious_injury"


# --- The subject child, sex and age ------------------------------------------------------------
_LABEL = re.compile(r"\b(Child|Baby|Infant|Young Person|YP|Subject)\s+([A-Z]{1,2}\d?|\d{1,2})\b")
_CHILD_NOUN = r"(?:boy|girl|baby|infant|child|toddler|son|daughter|youngster|teenager|young person)"
_ADULT_OR_SIBLING = re.compile(
    r"\b(?:mother|father|mum|dad|parents?|partner|boyfriend|girlfriend|husband|wife|Ms|Mr|Mrs|"
    r"sibling|siblings|brother|sister|half[- ]?(?:brother|sister|sibling)|step\w+|cousin|uncle|"
    r"aunt|grand\w+|man|woman|adult|carer|perpetrator|friend)\b",
    _I,
)


_NAMED_IN_TITLE = re.compile(
    r"(?i:review|report)\b[^\n]{0,40}?(?::|(?i:in respect of|into the (?:death|injuries) of|concerning|"
    r"regarding|about|for))\s+((?:Child|Baby|Infant|Young Person)\s+[A-Z][A-Za-z]?\d?|[A-Z][a-z]{2,})\b"
)
_NOT_A_NAME = {"The", "Child", "Baby", "Overview", "Executive", "Final", "Publication", "Report"}


_SUBJECT_OF_REVIEW = re.compile(
    r"\b((?:Child|Baby|Infant|Young Person)\s+[A-Z][A-Za-z]?\d?|[A-Z][a-z]{2,})\s+(?:is|was)\s+the\s+"
    r"subject\s+of\s+(?:this|the)\s+(?:serious\s+case\s+|case\s+|practice\s+)?review\b|"
    r"\bsubject\s+of\s+(?:this|the)\s+(?:serious\s+case\s+|case\s+)?review\s+(?:is|was)\s+"
    r"((?:Child|Baby|Infant|Young Person)\s+[A-Z][A-Za-z]?\d?|[A-Z][a-z]{2,})\b"
)
# the incident sentence: "On 21 May 2008, Alfie, aged 3 weeks, was taken to hospital"
_INCIDENT_NAME = re.compile(
    r"\bOn\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:19|20)\d\d,?\s+([A-Z][a-z]{2,}),\s+"
    r"(?:a|an|aged|then|who)\b"
)


_TITLE_TAIL = re.compile(
    r"\s*(?:concerning|regarding|in respect of|into the (?:death|injuries) of|about)\s+[A-Z]"
)


def _subject_label(text: str) -> str | None:
    """How the report names the subject child.

    In order: the name in the title (also a title broken over two lines, "Serious Case Review /
    concerning Alfie"), the child said to be the "subject of this review", the commonest
    "Child S" label, else the child named in the opening incident sentence ("On 2 May 2008,
    Alfie, aged 3 weeks, ...").
    """

    def usable(name: str | None) -> bool:
        if not name:
            return False
        return name not in _NOT_A_NAME | _NOT_NAMES and text.count(name) >= 3

    lines = text[:3000].splitlines()[:30]
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        joined = f"{line} {nxt}" if _TITLE_TAIL.match(nxt) else line
        for candidate in (line, joined):
            m = _NAMED_IN_TITLE.search(candidate)
            if m and usable(m.group(1)):
                return m.group(1)
    m = _SUBJECT_OF_REVIEW.search(text[:20_000])
    if m and usable(m.group(1) or m.group(2)):
        return m.group(1) or m.group(2)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in _LABEL.finditer(text):
        label = f"{m.group(1)} {m.group(2)}"
        counts[label] += 1
        first.setdefault(label, m.start())
    if counts:
        return max(counts, key=lambda k: (counts[k], -first[k]))
    m = _INCIDENT_NAME.search(text[:20_000])
    if m and usable(m.group(1)):
        return m.group(1)
    return None


_FILLER = (
    r"(?:(?:(?:\w+[\s-]+){0,2}\w*old|aged\s+\w+(?:\s+\w+)?|white|black|british|young|little|"
    r"small|premature|healthy|disabled|(?:mixed|dual) (?:heritage|race))\s*,?\s+)"
)
_MALE = {"boy", "son", "male", "he", "his", "him", "himself", "brother"}
_FEMALE = {"girl", "daughter", "female", "she", "her", "hers", "herself", "sister"}


@lru_cache(maxsize=256)
def _lowered_regex(pattern: str) -> re.Pattern[str]:
    lowered = lower_pattern(pattern)
    return re.compile(lowered) if lowered is not None else re.compile(pattern, _I)


def _ifind(pattern: str, lowered: str) -> Iterator[re.Match[str]]:
    """`re.finditer(pattern, text, re.IGNORECASE)` run on `lowered` (the text lower-cased, same
    length) with the pattern lower-cased and no flag: the same matches, several times faster."""
    return _lowered_regex(pattern).finditer(lowered)


def _sex(text: str, label: str | None) -> str:
    """The subject child's sex from weighted clues (the label's own 'boy'/'girl', the first
    pronoun after it, 'a baby girl', 'her son', 'his cot'); unknown without a clear lead."""
    low = lower_same_length(text)  # scanned without re.IGNORECASE: several times faster
    votes = _label_sex_votes(text, low, label) if label else []
    votes += _noun_sex_votes(text, low)
    male = sum(weight for word, weight in votes if word.lower() in _MALE)
    female = sum(weight for word, weight in votes if word.lower() in _FEMALE)
    if male >= female + 1.0:
        return "male"
    if female >= male + 1.0:
        return "female"
    return "unknown"


def _label_sex_votes(text: str, low: str, label: str) -> list[tuple[str, float]]:
    """Clues tied to the child's label: 'Child A, a boy', 'a girl known as Child A', and the
    first pronoun after the label within its sentence, unless another person comes first."""
    votes: list[tuple[str, float]] = []
    lab = re.escape(label)
    for m in _ifind(
        lab
        + r"\s*(?:[,(\-:]|\bwas\b|\bis\b)\s*(?:(?:a|an|the|then|only)\s+)?"
        + _FILLER
        + r"{0,4}(?:baby\s+|infant\s+)?(boy|girl|male|female)\b",
        low,
    ):
        votes.append((m.group(1), 5))
    for m in _ifind(
        r"\b(boy|girl)\b,?\s*(?:\(|,)?\s*(?:known as|referred to as|called|named)?\s*(?:as\s+)?"
        + lab,
        low,
    ):
        votes.append((m.group(1), 5))
    for m in re.finditer(lab + r"(?!'s)", text):
        tail = text[m.end() : m.end() + 140]
        stop = re.search(r"[.!?;]\s", tail)
        tail = tail[: stop.start()] if stop else tail
        p = re.search(r"\b(he|his|him|himself|she|her|hers|herself)\b", tail, _I)
        if p and not _ADULT_OR_SIBLING.search(tail[: p.start()]):
            votes.append((p.group(1), 1))
    return votes


def _noun_sex_votes(text: str, low: str) -> list[tuple[str, float]]:
    """Clues anywhere: 'a baby girl' early on (not 'an older boy'), 'her son' (not 'her eldest
    son'), and possessives of a child's things ('his cot', 'her nursery')."""
    votes: list[tuple[str, float]] = []
    for m in _ifind(
        r"\b(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?:baby\s+|infant\s+|little\s+|young\s+)?(boy|girl)\b",
        low[: max(6000, len(text) // 4)],
    ):
        before = text[max(0, m.start() - 40) : m.start()]
        if re.search(
            r"\b(?:other|older|younger|elder|sibling|brother|sister|another)\b", before, _I
        ):
            continue
        votes.append((m.group(1), 2))
    votes += [(m.group(1), 2) for m in _ifind(r"\bbaby\s+(boy|girl)\b", low)]
    for m in _ifind(
        r"\b(?:the mother'?s|her|Ms\s+[A-Z]\w*'s|the couple'?s|their)\s+(?:baby\s+|infant\s+|new\s+)?"
        r"(son|daughter)\b",
        low,
    ):
        before = text[max(0, m.start() - 15) : m.start()]
        if re.search(r"\b(?:other|older|younger|elder|eldest|first|second)\s*$", before, _I):
            continue
        votes.append((m.group(1), 1.5))
    votes += [
        (m.group(1), 0.5)
        for m in _ifind(
            r"\b(his|her)\s+(?:own\s+)?(?:father|stepfather|parents|birth parents|siblings?|brothers?|"
            r"sisters?|cot|nursery|school|bedroom|nappy|nappies|bottle|feeds?|cries|crying|weight|"
            r"development|head|skull|injuries|fractures?|class|teacher)\b",
            low,
        )
    ]
    return votes


def _unit(word: str | None) -> float | None:
    """Years in one unit as written: day(s), week(s), month(s)/mth(s)/m, year(s)/yr(s)/y."""
    if not word:
        return None
    w = word.lower()
    if w.startswith("d"):
        return 1 / 365.25
    if w.startswith("w"):
        return 7 / 365.25
    if w.startswith("m"):
        return 1 / 12
    if w.startswith("y"):
        return 1.0
    return None


_UNITS = r"(days?|weeks?|months?|years?|yrs?|mths?)"
_AGE_FORMS = [
    # nine-week-old, 3 months old, two year old
    re.compile(
        r"\b(" + _N + r")[\s-]*" + _UNITS + r"[\s-]*(?:and[\s-]+(" + _N + r")[\s-]*"
        r"(months?|weeks?|days?)[\s-]*)?old\b",
        _I,
    ),
    # aged 14, aged 2 years and 3 months, aged 3 months
    re.compile(
        r"\b(?:aged|age of|age)\s+(?:just\s+|only\s+|about\s+|around\s+)?(" + _N + r")"
        r"(?:\s*" + _UNITS + r")?(?:,?\s*(?:and\s+)?(" + _N + r")\s*(months?|weeks?|mths?|"
        r"days?))?(?!\w)",
        _I,
    ),
    # (2 years 3 months), (18 months), (2y 3m)
    re.compile(
        r"\(\s*(?:aged\s+)?(" + _N + r")\s*" + r"(years?|yrs?|y|months?|mths?|m|weeks?|days?)"
        r"\s*,?\s*(?:and\s+)?(?:(" + _N + r")\s*(months?|mths?|m|weeks?|days?)\s*)?(?:old\s*)?\)",
        _I,
    ),
    # 2 years and 3 months
    re.compile(r"\b(" + _N + r")\s*(years?)\s*(?:,|and)?\s*(" + _N + r")\s*(months?)\b", _I),
    # a baby boy of seventeen weeks, a girl of 2 years
    re.compile(
        r"\b(?:boy|girl|baby|infant|child|toddler|son|daughter)\s+of\s+(?:just\s+|only\s+)?("
        + _N
        + r")[\s-]*"
        + _UNITS
        + r"(?:\s*(?:and\s+)?("
        + _N
        + r")\s*(months?|weeks?|days?))?(?!\w)",
        _I,
    ),
    # was 9 weeks when / at the time
    re.compile(
        r"\b(?:was|is|were)\s+(?:only\s+|just\s+)?("
        + _N
        + r")\s*"
        + _UNITS
        + r"(?:\s+old)?\s+(?:when|at the time|at that time)\b",
        _I,
    ),
]
_AGE_ANCHORS = [literal_anchors(form.pattern) for form in _AGE_FORMS]
_GESTATION = re.compile(r"gestation|pregnan|weeks'? of|into (?:her|the) pregnancy|\+\d", _I)
_BORN_AT = re.compile(r"(?:born|delivered|birth)\s+(?:at|after)\s+(?:about\s+)?$|\bat\s+$", _I)


# a person named just before the age: "Sarah, then aged 16", "Jack (aged 4)"
_NAMED_BEFORE = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:and|when|while)\s+)([A-Z][a-z]{2,})\s*(?:,|\()\s*(?:then\s+|now\s+|"
    r"who\s+was\s+|who\s+is\s+)?$"
)
_NOT_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Child", "Baby", "Infant", "The", "When", "While",
    "Then", "Now", "She", "Her", "His", "They", "Mother", "Father", "This", "That", "What",
    "Which", "Who", "Each", "Every",
}  # fmt: skip


def _is_subject(name: str, label: str | None) -> bool:
    """Could this name be the subject child (no label known, or the label's own word)?"""
    if name in _NOT_NAMES or label is None:
        return True
    return name in label.split()


_MAX_AGE_CANDIDATES = 400  # per form: the subject's age is stated early, not on page 90


def _ages(text: str, label: str | None) -> float | None:
    """The subject child's age in years: the best-scored age stated in the text (near the
    label, before a child noun, early in the report), or None when every candidate looks like
    someone else's."""
    candidates: list[tuple[float, int, float]] = []  # (score, position, age)
    label_positions = [m.start() for m in re.finditer(re.escape(label), text)] if label else []
    lowered = lower_same_length(text)
    for form, anchors in zip(_AGE_FORMS, _AGE_ANCHORS, strict=True):
        windows = anchor_windows(lowered, anchors) if anchors else None
        for n, m in enumerate(windowed_finditer(form, text, windows)):
            if n >= _MAX_AGE_CANDIDATES:
                break
            age = _stated_age(text, m)
            if age is not None:
                score = _age_score(text, m, label, label_positions)
                candidates.append((score, m.start(), age))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c[0], -c[1]))
    if best[0] < 0:
        return None
    return round(best[2], 4)


def _stated_age(text: str, m: re.Match[str]) -> float | None:
    """The age in years one match of an age form states ('aged 14', '2 years 3 months'), or
    None for a gestation ('born at 32 weeks') or an adult's age."""
    groups = m.groups()
    value = parse_number(groups[0])
    unit = _unit(groups[1]) if len(groups) > 1 else None
    if value is None:
        return None
    if unit is None:
        unit = 1.0  # "aged 14"
    age = value * unit
    if len(groups) >= 4 and groups[2] and groups[3]:
        extra, extra_unit = parse_number(groups[2]), _unit(groups[3])
        if extra is not None and extra_unit is not None:
            age += extra * extra_unit
    before = text[max(0, m.start() - 70) : m.start()]
    after = text[m.end() : m.end() + 40]
    if _GESTATION.search(after[:25]) or _BORN_AT.search(before[-25:]):
        return None
    if not (0 <= age < 19):
        return None
    return age


def _age_score(text: str, m: re.Match[str], label: str | None, label_positions: list[int]) -> float:
    """How likely a stated age is the subject child's: a child noun after it, the label just
    before it, a child word in its clause and an early position count for; an adult, a sibling
    or another named person between the label and the age counts against."""
    before = text[max(0, m.start() - 70) : m.start()]
    after = text[m.end() : m.end() + 40]
    score = 0.0
    noun_after = re.match(
        r"[\s,]*(?:[\w\-]+\s+)?(" + _CHILD_NOUN + r"|" + _ADULT_OR_SIBLING.pattern + r")",
        after,
        _I,
    )
    if noun_after:
        if re.fullmatch(_CHILD_NOUN, noun_after.group(1), _I):
            score += 2
        else:
            score -= 6
    clause = re.split(r"[.;!?]\s", before)[-1]
    k = bisect_right(label_positions, m.start()) - 1
    near = k >= 0 and m.start() - label_positions[k] <= 70
    between = text[label_positions[k] + len(label or "") : m.start()] if near else clause[-45:]
    named = _NAMED_BEFORE.search(before)
    if _ADULT_OR_SIBLING.search(between):
        score -= 4
    elif named and not _is_subject(named.group(1), label):
        score -= 4  # "Sarah, then aged 16": the age of another named person
    elif near or (label is not None and label in after[:20]):
        score += 3
    if re.search(
        r"\b(?:child|baby|infant|toddler|he|she|boy|girl|son|daughter)\b", clause[-45:], _I
    ):
        score += 1
    if m.start() < len(text) * 0.25:
        score += 1
    return score


_COUNT_WORDS = r"(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"


def _children_count(text: str, label: str | None) -> int:
    head = text[: max(8000, len(text) // 5)]
    for m in re.finditer(
        r"\b(?:concern(?:s|ed|ing)?|about|relat(?:es|ing) to|in respect of|involv(?:es|ing)|"
        r"deaths? of|injuries to|focus(?:es)? on|considers?)\s+(?:the\s+)?"
        + _COUNT_WORDS
        + r"\s+(?:\w+\s+){0,2}?(?:children|siblings|brothers|sisters|young people|boys|girls|babies"
        r"|infants|twins)\b",
        head,
        _I,
    ):
        n = parse_number(m.group(1))
        if n and 1 < n < 20:
            return int(n)
    if re.search(r"\btwins?\b(?! (?:brother|sister|sibling))", head[:4000], _I):
        return 2
    for m in re.finditer(
        r"(?:review|report)\s+(?:concerns|is about|relates to|considers)\s+([^.]{0,200})", head, _I
    ):
        labels = {f"{x.group(1)} {x.group(2)}" for x in _LABEL.finditer(m.group(1))}
        if len(labels) > 1:
            return len(labels)
    return 1


# --- Narrative masking --------------------------------------------------------------------------
_NON_NARRATIVE_HEAD = re.compile(
    r"^[ \t]*(?:(?:section|part|chapter)\s+\w+\W{0,3}|\d+(?:\.\d+)*\.?\s+|[A-Z][.)]\s+)?"
    r"(?:(?:lscb|board|overview(?: report)?|individual|single|agency|multi[- ]agency|national|"
    r"review|panel|summary of|key|imr|health|the)\s+){0,3}"
    r"(?:recommendations?|action plans?|glossary|abbreviations|acronyms|terms used|"
    r"references|bibliography)\b[^\n]{0,60}$",
    _I | re.MULTILINE,
)
_NARRATIVE_HEAD = re.compile(
    r"^[ \t]*(?:(?:section|part|chapter)\s+\w+\W{0,3}|\d+(?:\.\d+)*\.?\s+|[A-Z][.)]\s+)?"
    r"(?:introduction|background|the family|family (?:background|history|composition|context)|"
    r"chronology|case (?:summary|history|background|details)|summary of (?:the )?(?:case|events|"
    r"involvement|agency)|key (?:events|practice episodes|episodes)|analysis|findings|"
    r"terms of reference|methodology|the review process|agency involvement|practice issues|"
    r"the child|child [A-Z]\b|circumstances|the incident|narrative|events)\b[^\n]{0,80}$",
    _I | re.MULTILINE,
)
_TOC_LINE = re.compile(r"(?:\.{3,}|\s)\s*\d{1,3}\s*$")


def narrative_only(text: str) -> str:
    """`text` with recommendation and action-plan sections blanked (same length)."""
    spans: list[tuple[int, int]] = []
    for m in _NON_NARRATIVE_HEAD.finditer(text):
        if _TOC_LINE.search(m.group(0)):
            continue
        nxt = _NARRATIVE_HEAD.search(text, m.end())
        end = nxt.start() if nxt else len(text)
        if spans and m.start() <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((m.start(), end))
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for start, end in spans:
        parts.append(text[at:start])
        parts.append(_NOT_NEWLINE.sub(_blank, text[start:end]))
        at = end
    parts.append(text[at:])
    return "".join(parts)


_NOT_NEWLINE = re.compile(r"[^\n]+")


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def case_texts(text: str) -> tuple[str, str]:
    """(prepared, narrative): the plain-character text (capped at MAX_TEXT) and its narrative
    only (see `narrative_only`), computed once for both the case facts and the case themes."""
    prepared = prepare(text)[:MAX_TEXT]
    if not prepared.strip():
        return prepared, prepared
    return prepared, narrative_only(prepared)


def read_case_facts(text: str, texts: tuple[str, str] | None = None) -> CaseFacts:
    """The characteristics of the case that DFE-RR157 tabulates (see module docstring).

    `texts` is `case_texts(text)` when the caller has it already.
    """
    prepared, narrative = texts if texts is not None else case_texts(text)
    if not prepared.strip():
        return CaseFacts()
    opening = narrative[:FACTS_SCAN]  # the child is introduced early; long reports stay fast
    label = _subject_label(opening)
    age = _ages(opening, label)
    return CaseFacts(
        title=_title(prepared),
        area=_area(prepared),
        year=_year(prepared, narrative),
        outcome=_outcome(prepared, opening),
        child_sex=_sex(opening, label),
        child_age_years=age,
        age_band=age_band(age),
        children_count=_children_count(opening, label),
    )


def read_report_facts(text: str, texts: tuple[str, str] | None = None) -> CaseFacts:
    """Title, area and year alone: what is read of a document that is not a case review.

    The same values `read_case_facts` gives, without reading the case (no child, no outcome).
    """
    prepared, narrative = texts if texts is not None else case_texts(text)
    if not prepared.strip():
        return CaseFacts(child_sex=None)
    return CaseFacts(
        title=_title(prepared),
        area=_area(prepared),
        year=_year(prepared, narrative),
        child_sex=None,
    )


# --- Case themes --------------------------------------------------------------------------------
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|never|nor|without|den(?:y|ied|ies)|ruled out|absence of|free (?:from|of)|"
    r"neither|none|nothing to suggest|unfounded|unsubstantiated|no evidence|no indication|"
    r"no suggestion|no history|no record|no concerns?|no known|no reports?)\b(?!.*\b(?:but|however|"
    r"although|though|until|despite|later|subsequently)\b)[^.;]*$",
    _I,
)
_NEGATION_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:was|were|is|are|had been|has been|have been)\s+(?:not|never|ruled out|"
    r"denied|unfounded)\b|^[^.;]{0,20}?\b(?:did not|does not|do not) (?:feature|arise|apply)",
    _I,
)
_GENERIC = re.compile(
    r"\b(?:research|studies|literature|working together|national guidance|statistics|"
    r"nationally|it is well known|biennial|triennial|recommendations?|recommended|toxic trio|"
    r"serious case reviews|case reviews (?:show|have shown|found)|et al)\b|"
    r"\([A-Z][A-Za-z'\- ]+(?:et al\.?|and [A-Z]\w+)?,? (?:19|20)\d\d[a-z]?(?:[:,][^)]*)?\)",
    _I,
)
# a recommendation left in the narrative ("The Family Nurse Partnership should ensure that ..."):
# it says what should happen, not what happened in this case
_RECOMMENDING = re.compile(
    r"(?i:\b(?:should|must|will|is asked to|are asked to)\s+(?:\w+\s+)?(?:ensure|make\s+sure)\b)|"
    r"(?i:\b(?:should|must|will)\s+make\s+(?:\w+\s+){0,4}mandatory\b)|"
    r"^\W*(?:The|All|Each|Every)\s+[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,6}\s+(?:should|must)\s+"
    r"(?!have\b|not\s+have\b|be\s+noted\b)(?:introduce|develop|review|provide|establish|"
    r"produce|issue|deliver|commission|consider|agree|set\s+up|audit|update|revise)\b"
)
# a row of an action plan table: cells with a lead, a timescale or a RAG status
_ACTION_ROW = re.compile(
    r"\b(?:by|before|from)\s+(?:the\s+end\s+of\s+)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+(?:19|20)\d\d\b|"
    r"\|\s*(?:Green|Amber|Red|Complete[d]?|In progress|On track|Ongoing)\s*(?:\||\d|$)",
    _I,
)
# a glossary row ("CMHT | Community Mental Health Team", "Term: SCBU; Meaning: ...")
_GLOSSARY_LINE = re.compile(
    r"(?:^|\|)\s*(?-i:[A-Z][A-Z&]{1,7}s?)\s*(?:\||:|-|=)\s*[A-Z][a-z]|\bterm\s*:.*\bmeaning\s*:", _I
)


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


def _not_a_statement(line: str) -> bool:
    """A heading, a name or a glossary row: not something the narrative says happened."""
    stripped = line.strip()
    if _GLOSSARY_LINE.search(stripped) and len(stripped) < 400:
        return stripped.count("|") >= 1 or ":" in stripped
    if len(stripped) > 100 or stripped.endswith((".", ";", "?", "!", ":", ",")):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", stripped) if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in words)
    return bool(words) and capitalised >= 0.6 * len(words)


_CASE_CONFIDENCE = ((1, 0.55), (2, 0.7), (3, 0.8), (5, 0.9))


def _negated(text: str, start: int, end: int) -> bool:
    clause_lo = max(0, start - 90)
    before = text[clause_lo:start]
    cut = max(before.rfind(". "), before.rfind("; "), before.rfind("\n"), before.rfind(": "))
    if cut >= 0:
        before = before[cut + 1 :]
    if _NEGATION_BEFORE.search(before):
        return True
    return bool(_NEGATION_AFTER.search(text[end : end + 60]))


def _in_sentence(exclude: PatternSet, sentence: str) -> bool:
    """Is the case theme's exclusion pattern anywhere in the sentence of the match?"""
    return not exclude.empty and exclude.search(sentence) is not None


def _case_theme_hits(theme: CaseTheme, text: str, lowered: str) -> CaseThemeHit | None:
    kept = []
    for m in theme.patterns.finditer(text, lowered):
        if theme.negatable and _negated(text, m.start, m.end):
            continue
        line = _line_of(text, m.start)
        if _not_a_statement(line):
            continue
        if line.count("|") >= 3 and _ACTION_ROW.search(line):
            continue
        s, e = sentence_span(text, m.start, 300)
        sentence = text[s:e]
        if _in_sentence(theme.exclude, sentence) or _GENERIC.search(sentence):
            continue
        if _RECOMMENDING.search(sentence):
            continue
        kept.append((m, s, e))
        if len(kept) >= 8:
            break
    if not kept:
        return None
    n = len(kept)
    confidence = max(c for k, c in _CASE_CONFIDENCE if n >= k)
    m, s, e = kept[0]
    evidence = clip(text[max(s, m.start - 80) : min(e, m.end + 80)], 200)
    return CaseThemeHit(theme.code, confidence, evidence, m.start, m.end, "rule")


def find_case_themes(
    text: str, codebook: Codebook, texts: tuple[str, str] | None = None
) -> list[CaseThemeHit]:
    """Case themes present in the narrative, sorted by code (see module docstring).

    `texts` is `case_texts(text)` when the caller has it already.
    """
    prepared, narrative = texts if texts is not None else case_texts(text)
    if not prepared.strip():
        return []
    lowered = narrative.lower()
    hits = [
        hit
        for theme in codebook.case_themes
        if (hit := _case_theme_hits(theme, narrative, lowered)) is not None
    ]
    return sorted(hits, key=lambda h: h.code)
