"""SMART appraisal of one action-plan row, by documented rules (DFE-RR157 chapter 5).

- specific: one concrete action. The action opens with a concrete verb (deliver, develop, publish,
  revise, amend, issue, audit, appoint, write, add ...), joins at most two such actions ("revise
  the procedure and circulate it" is one task; a list of five tasks is not), and runs to at most
  two sentences and 60 words. An action that opens with a vague verb ("continue to embed", "keep
  under review", "promote", "raise the profile", "work with partners to improve", "ensure",
  "consider") is not specific.
- measurable: a measure or evidence is named. The `measure` column must name something that can
  be checked (an audit, a figure or percentage, a report to the Board, a signed, published or
  circulated document, attendance records); "improved practice" or "better outcomes" are not
  measures. With no measure column (None) the action itself must name such evidence ("evidenced
  by", "re-audit", "report to the Board", a percentage).
- achievable: a named lead: a `lead` that is not a placeholder ("TBC", "All agencies", "LSCB
  partners", "Various"), or a lead named in the action ("led by the designated nurse").
- relevant: tied to its case through the recommendation it implements. True when the action
  addresses a theme that reflects one of the case's themes, or a theme its recommendation also
  addresses (when the caller passes the recommendation's text), or any practice theme of the
  codebook (by rule), or names what it implements ("the recommendation", "this review", "the
  learning", "the issue", "practice in this area"). Organisational housekeeping that touches no
  theme ("update the public website", "refresh the annual report template") is not relevant.
- timely: a date, or a timescale within 12 months, in `timescale` (else in the action): a date
  ("31/03/2012", "March 2012", "Q2 2012", "by the end of June"), "immediately", "completed", or a
  duration of at most 12 months ("within 6 weeks", "3 months", "within a year"). "Ongoing",
  "annual", "continuous", "TBC", "long term" and durations beyond 12 months are not timely. The
  plan's own date is not known here, so a dated deadline is taken as set within the plan's year
  (the study found none beyond one year).
"""

from __future__ import annotations

import re

from ingestion.codebook import Codebook
from ingestion.coding.text import NUMBER_PATTERN, parse_number, prepare
from ingestion.coding.themes import RULE_CONFIDENCE, code_themes
from ingestion.records import ActionPlanRow

_I = re.IGNORECASE

# --- specific -----------------------------------------------------------------------------------
_CONCRETE_VERB = (
    r"(?:deliver|develop|produce|publish|issue|revise|update|amend|rewrite|write|draft|introduce|"
    r"implement|establish|set up|appoint|recruit|hold|run|provide|circulate|disseminate|audit|"
    r"re-?audit|train|complete|create|design|launch|add|record|share|send|distribute|agree|"
    r"commission|undertake|carry out|convene|arrange|review|report|brief|present|re-?launch|adopt|"
    r"roll out|purchase|install|insert|allocate|refer|notify|flag|check|refresh|re-?brand|rename|"
    r"redesign|replace|remove|merge|link|map|schedule|book|e-?mail|post|print|test|pilot|sign|"
    r"nominate|identify|compile|collate|devise|prepare|organise|facilitate)"
)
_LEADING_VAGUE = re.compile(
    r"^\W*(?:to\s+)?(?:continue|keep|promote|raise the profile|raise awareness|work with|work to|"
    r"ensure|consider|explore|improve|strengthen|encourage|support|reinforce|enhance|seek|look at|"
    r"think about|reflect|remind|maintain|embed|endeavour|aim|strive|monitor|be aware|note)\b",
    _I,
)
_LEADING_CONCRETE = re.compile(r"^\W*(?:to\s+)?" + _CONCRETE_VERB + r"\b", _I)
# a further action joined to the first: "... and circulate it", "...; train all staff"
_JOINED_ACTION = re.compile(r"(?:\band(?:\s+then)?|;|,)\s+" + _CONCRETE_VERB + r"\b", _I)
_SENTENCE = re.compile(r"[.!?;](?:\s|$)|\n\s*[-*\u2022\d]")

# --- measurable ---------------------------------------------------------------------------------
_EVIDENCE = re.compile(
    r"\b(?:audit\w*|re-?audit\w*|report\w*|number of|percentage|per ?cent|\d+|figures|statistics|"
    r"data|evidenced?|signed|sign-off|circulated|confirm\w*|receipt|returns|baseline|published|"
    r"attendance (?:records?|figures|registers?|lists?|sheets?)|records? (?:show|will show)|"
    r"KPIs?|performance (?:indicators?|data|information|measures?)|measured|compliance|"
    r"survey\w*|evaluat\w+|minutes|register|dip[- ]?sampl\w+|spot[- ]?check\w*|in place)\b",
    _I,
)
_STRICT_EVIDENCE = re.compile(
    r"\b(?:evidenced?\s+(?:by|through|in)|measured\s+(?:by|through)|re-?audit\w*|audit\w*|"
    r"dip[- ]?sampl\w+|"
    r"(?:audit|report)\w*\s+(?:\w+\s+){0,3}to\s+(?:the\s+)?(?:board|lscb|partnership|committee)|"
    r"\d+\s*%|KPIs?|performance (?:indicators?|data|measures?))",
    _I,
)

# --- achievable ---------------------------------------------------------------------------------
_PLACEHOLDER = re.compile(
    r"^\s*(?:n/?a|tbc|tba|tbd|to be (?:confirmed|agreed|decided)|none|nil|-+|\?+|x|all|"
    r"all agencies|all partners|(?:lscb |all |the )?partners|partner agencies|agencies|various|"
    r"everyone|everybody|all staff|staff|unknown|not known|see above|as above|lscb)?\s*\.?\s*$",
    _I,
)
_LEAD_IN_ACTION = re.compile(
    r"\b(?:led by|lead(?:s)?\s*:|responsible(?: officer| person| lead)?\s*:|owner\s*:|"
    r"named lead|(?:the\s+)?(?:named|designated)\s+(?:nurse|doctor|professional|lead)|"
    r"head of [A-Z]\w+|(?:service|team|practice|safeguarding)\s+(?:manager|lead)|"
    r"director of [A-Z]\w+|lscb (?:business )?manager|chair of the)\b",
    _I,
)

# --- relevant -----------------------------------------------------------------------------------
_IMPLEMENTS = re.compile(
    r"\b(?:the|this|each|that)\s+recommendations?\b|\b(?:this|the)\s+(?:serious case\s+)?review\b|"
    r"\b(?:the\s+)?(?:learning|lessons|findings)\b|\bthe\s+case\b|"
    r"\b(?:the|this|these)\s+(?:issues?|requirements?|expectations?|concerns?|area)\b|\bpractice\b",
    _I,
)

# --- timely -------------------------------------------------------------------------------------
_NOT_TIMELY = re.compile(
    r"\b(?:on-?going|continuous(?:ly)?|annual(?:ly)?|yearly|tbc|tba|tbd|to be (?:agreed|"
    r"confirmed|decided)|as required|as (?:and when )?(?:appropriate|necessary)|long[- ]term|"
    r"medium[- ]term|n/a|none|unknown)\b",
    _I,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    r"\b(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{2}|\d{4})|(?:19|20)\d\d[/.\-]\d{1,2}[/.\-]\d{1,2}|"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + _MONTH + r"\.?,?\s+(?:(?:19|20)\d\d|'?\d\d)|"
    r"(?:q|quarter\s*)[1-4]\s*(?:(?:19|20)\d\d|\d\d)?|"
    r"(?:by|end of|before|from)\s+(?:the\s+end\s+of\s+)?" + _MONTH + r"|"
    r"(?:spring|summer|autumn|winter)\s+(?:term\s+)?(?:19|20)?\d\d)\b",
    _I,
)
_DONE = re.compile(
    r"^\W*(?:immediate(?:ly)?|with immediate effect|complete(?:d)?|achieved|done|now|in place)\b",
    _I,
)
_DURATION = re.compile(
    r"\b(" + NUMBER_PATTERN + r")[\s-]*(days?|weeks?|months?|years?|yrs?|mths?)\b", _I
)
_WITHIN_YEAR = re.compile(r"\b(?:within|in)\s+(?:a|one|the next|the coming)\s+year\b", _I)


def _filled(value: str | None) -> bool:
    return bool(value) and not _PLACEHOLDER.match(value or "")


def is_specific(action: str) -> bool:
    """One concrete action (see module docstring)."""
    text = action.strip()
    if not text or _LEADING_VAGUE.match(text) or not _LEADING_CONCRETE.match(text):
        return False
    actions = 1 + len(_JOINED_ACTION.findall(text))
    sentences = len([s for s in _SENTENCE.split(text) if s.strip()])
    return actions <= 2 and sentences <= 2 and len(text.split()) <= 60


def is_measurable(action: str, measure: str | None) -> bool:
    """A measure or evidence named (see module docstring)."""
    if measure is not None:
        return _filled(measure) and bool(_EVIDENCE.search(measure))
    return bool(_STRICT_EVIDENCE.search(action))


def is_achievable(action: str, lead: str | None) -> bool:
    """A named lead."""
    if _filled(lead):
        return True
    return bool(_LEAD_IN_ACTION.search(action))


def is_relevant(
    action: str,
    case_theme_codes: set[str],
    codebook: Codebook,
    recommendation_text: str | None = None,
) -> bool:
    """Tied to its case (see module docstring)."""
    wanted: set[str] = set()
    for code in case_theme_codes:
        wanted |= codebook.themes_reflecting(code)
    if recommendation_text:
        wanted |= {hit.code for hit in code_themes(recommendation_text, codebook)}
    # weak signals ("newsletter") do not tie an action to anything
    hits = [
        h
        for h in code_themes(action, codebook)
        if h.method == "similarity" or h.confidence >= RULE_CONFIDENCE[0]
    ]
    if any(hit.code in wanted for hit in hits):
        return True
    if any(hit.method == "rule" for hit in hits):
        return True
    return bool(_IMPLEMENTS.search(action))


def _duration_months(m: re.Match[str]) -> float | None:
    n = parse_number(m.group(1))
    if n is None:
        return None
    unit = m.group(2).lower()
    if unit.startswith("d"):
        return n / 30.4
    if unit.startswith("w"):
        return n * 7 / 30.4
    if unit.startswith("m"):
        return n
    return n * 12


def is_timely(timescale: str | None, action: str = "") -> bool:
    """A date, or a timescale within 12 months (see module docstring)."""
    own = _filled(timescale)
    text = timescale if own else action
    if not text or not text.strip():
        return False
    months = [d for m in _DURATION.finditer(text) if (d := _duration_months(m)) is not None]
    if months:
        return min(months) <= 12.0 + 1e-9
    if _DATE.search(text) or _WITHIN_YEAR.search(text):
        return True
    return bool(own and _DONE.search(text) and not _NOT_TIMELY.search(text))


def appraise_smart(
    row: ActionPlanRow,
    case_theme_codes: set[str],
    codebook: Codebook,
    recommendation_text: str | None = None,
) -> dict[str, bool]:
    """The five SMART judgements of one action (keys specific ... timely).

    `recommendation_text`, when the caller knows which recommendation the row implements, lets
    relevance be judged on the recommendation as well as on the action.
    """
    action = prepare(row.action or "")[:5000]
    measure = prepare(row.measure)[:2000] if row.measure is not None else None
    lead = prepare(row.lead)[:500] if row.lead else None
    timescale = prepare(row.timescale)[:500] if row.timescale else None
    rec = prepare(recommendation_text)[:5000] if recommendation_text else None
    return {
        "specific": is_specific(action),
        "measurable": is_measurable(action, measure),
        "achievable": is_achievable(action, lead),
        "relevant": is_relevant(action, set(case_theme_codes or ()), codebook, rec),
        "timely": is_timely(timescale, action),
    }


# --- Chapter 5 beyond SMART: time frames, training impact, research evidence, responsibility ----
# Months of the year, by the first three letters of their names.
_MONTH_NUMBER = {
    name: i
    for i, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)?\d\d)\b")
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)[/.\-](\d{1,2})[/.\-]\d{1,2}\b")
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\.?,?\s+((?:19|20)\d\d|'\d\d)\b", _I)
_QUARTER = re.compile(r"\b(?:q|quarter\s*)([1-4])\s*((?:19|20)\d\d)\b", _I)
_SEASON = re.compile(r"\b(spring|summer|autumn|winter)\s+(?:term\s+)?((?:19|20)\d\d)\b", _I)
_SEASON_END = {"spring": 4, "summer": 7, "autumn": 12, "winter": 2}


def _year_of(text: str) -> int:
    text = text.lstrip("'")
    year = int(text)
    return year + 2000 if year < 100 else year


def _deadline(text: str) -> tuple[int, int] | None:
    """(year, month) of the latest date printed in a timescale ("31/03/2012", "March 2012",
    "Q2 2012", "Autumn term 2011"), or None when it names no dated deadline."""
    found: list[tuple[int, int]] = []
    for m in _NUMERIC_DATE.finditer(text):
        month = int(m.group(2))
        if 1 <= month <= 12:
            found.append((_year_of(m.group(3)), month))
    for m in _ISO_DATE.finditer(text):
        month = int(m.group(2))
        if 1 <= month <= 12:
            found.append((int(m.group(1)), month))
    for m in _MONTH_YEAR.finditer(text):
        found.append((_year_of(m.group(1)), _MONTH_NUMBER[m.group(0).strip()[:3].lower()]))
    for m in _QUARTER.finditer(text):
        found.append((int(m.group(2)), int(m.group(1)) * 3))
    for m in _SEASON.finditer(text):
        found.append((int(m.group(2)), _SEASON_END[m.group(1).lower()]))
    return max(found) if found else None


def timescale_months(
    timescale: str | None, reference: tuple[int, int] | None = None
) -> float | None:
    """How far ahead a timescale sets its deadline, in months (DFE-RR157 chapter 5's time frame).

    A duration counts as written ("within 6 weeks" -> 1.38, "3 months" -> 3, "within a year" -> 12);
    "immediately" and "completed" are 0; a dated deadline counts from `reference`, the (year,
    month) the plan was written (the report's date), whole months apart ("March 2012" from
    (2011, 6) -> 9). None when the timescale sets no time frame ("Ongoing", "TBC", "Annual"), or
    names a date but the plan's own date is not known.
    """
    if not _filled(timescale):
        return None
    text = prepare(timescale or "")[:500]
    if _NOT_TIMELY.search(text) and not _DURATION.search(text) and not _DATE.search(text):
        return None
    months = [d for m in _DURATION.finditer(text) if (d := _duration_months(m)) is not None]
    if months:
        return round(max(months), 2)
    if _WITHIN_YEAR.search(text):
        return 12.0
    deadline = _deadline(text)
    if deadline is not None:
        if reference is None:
            return None
        return float(max(0, (deadline[0] - reference[0]) * 12 + deadline[1] - reference[1]))
    if _DONE.search(text):
        return 0.0
    return None


_TRAINING = re.compile(
    r"\b(?:train(?:ing|ed|s)?|e-?learning|workshops?|courses?|(?:learning|briefing|awareness)\s+"
    r"(?:events?|sessions?)|seminars?|masterclass(?:es)?|development days?)\b",
    _I,
)
# what shows a training changed practice, not merely that it happened
_IMPACT = re.compile(
    r"\b(?:impact|evaluat\w+|re-?audit\w*|audit\w*\s+(?:of\s+)?(?:\w+\s+){0,3}(?:practice|cases?|"
    r"files?|records?)|case (?:file )?audit\w*|dip[- ]?sampl\w+|observ\w+ of practice|"
    r"change[sd]? (?:in|to) practice|practice (?:has |have )?(?:changed|improved)|"
    r"shows? (?:an )?improvement|improvement on the baseline|\d+\s*%\s*compliance|compliance|"
    r"feedback from (?:families|parents|children|service users)|outcomes? for (?:children|families)"
    r" (?:measured|audited))\b",
    _I,
)


def is_training_action(action: str) -> bool:
    """The action delivers training or awareness raising (sessions, courses, e-learning...)."""
    return bool(_TRAINING.search(prepare(action or "")[:5000]))


def training_impact_measured(action: str, measure: str | None) -> bool | None:
    """For a training action: whether its success measure (or the action) names how the training's
    effect on practice will be shown (an evaluation, a re-audit of practice, a change in
    compliance), rather than that it was delivered ("attendance figures", "sessions held").
    None for an action that is not training."""
    if not is_training_action(action):
        return None
    text = " ".join(t for t in (measure, action) if t)
    return bool(_IMPACT.search(prepare(text)[:5000]))


_AUTHOR = r"[A-Z][A-Za-z'’\-]+"
_AUTHORS = _AUTHOR + r"(?:\s+(?:et al\.?|and|&)\s*(?:" + _AUTHOR + r")?)?"
_CITATION = re.compile(
    # (Brandon et al., 2009) / (Munro 2011; Rose 2010)
    r"\(\s*" + _AUTHORS + r",?\s+(?:19|20)\d\d[a-z]?(?:\s*[;,]\s*" + _AUTHORS + r",?\s+(?:19|20)"
    r"\d\d[a-z]?)*\s*\)"
    # Brandon et al. (2009) / Munro (2011)
    r"|\b" + _AUTHORS + r"\s+\(\s*(?:19|20)\d\d[a-z]?\s*\)"
    # research by / research evidence / research shows / the findings of research
    r"|\bresearch\s+(?:by|from|evidence|findings|shows?|suggests?|indicates?|has shown|into)\b"
    r"(?:et al\.|[^.;\n]){0,80}"
    r"|\b(?:evidence|findings)\s+from\s+(?:research|studies)\b(?:et al\.|[^.;\n]){0,80}"
    r"|\bbiennial (?:analysis|review) of serious case reviews\b",
)
_NOT_AUTHOR = re.compile(
    r"^\(?\s*(?:In|By|From|Since|Until|Before|After|During|The|January|February|March|April|May|"
    r"June|July|August|September|October|November|December|Spring|Summer|Autumn|Winter)\b"
)


def research_citation(text: str | None) -> str | None:
    """The first citation of research evidence in a recommendation or action, as printed: an
    author-year reference ("(Brandon et al., 2009)", "Munro (2011)") or a sentence part that
    appeals to research ("research by ...", "research evidence shows ..."). None when the text
    cites none: DFE-RR157 found research was rarely cited."""
    if not text:
        return None
    for m in _CITATION.finditer(text[:20000]):
        found = m.group(0).strip()
        if _NOT_AUTHOR.match(found):
            continue
        return re.sub(r"\s+", " ", found).rstrip(" ,")
    return None


def has_named_lead(lead: str | None) -> bool:
    """Responsibility for the action is delegated to someone named: a post, a person or an agency,
    not a placeholder ("TBC", "All agencies", "Various", "LSCB partners")."""
    return _filled(prepare(lead)[:500] if lead else None)
