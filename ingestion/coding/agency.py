"""To which agency a recommendation is addressed (Table 1 of DFE-RR157).

Order of evidence, strongest first:

1. The agency sub-heading the item stands under, as printed ("Northshire Constabulary",
   "Recommendations for health visiting"), matched with the seeds' synonyms. (0.95)
2. Section `national`: regional_national, unless the heading names another agency. (0.9)
3. The subject of the sentence: the words before its first verb ("Health visitors must",
   "The police should", "All agencies should" -> lscb_all_agencies, "The Department for
   Education should" -> regional_national), after stripping lead-ins such as "It is recommended
   that". The first agency named there is primary; others named with it are `others`. (0.9)
4. Section `lscb` with no agency in the subject: lscb_all_agencies. (0.75)
5. An agency named anywhere else in the text (e.g. "Ensure that GPs ..."). (0.5)
6. Nothing: lscb_all_agencies, the Board being the default addressee of a review. (0.2)

In a heading, an agency named by a service ("Health Visiting") wins over one named only by a
generic organisation word ("NHS", "Trust", "the local authority"); a heading that names only an
organisation ("Northshire NHS Trust") takes the service of the same family named in the text
("health visitors" -> community_health). In a subject, a possessor gives way to its service ("the
local authority's education service" -> education). When several synonyms overlap,
the longest wins ("school nurse" beats "school", "Department for
Education" beats "education"); between equal spans the agency listed first in the seed wins.
"""

from __future__ import annotations

import re

from ingestion.codebook import Codebook, Scanner
from ingestion.coding.text import clip, prepare
from ingestion.records import AgencyCoding, CodeHit

MAX_TEXT = 5_000
_LEAD_IN = re.compile(
    r"^\s*(?:(?:recommendation|rec\.?|action)\s*[\w.()]{0,8}\s*[:.)\-]\s*)?"
    r"(?:[\(\[]?(?:\d{1,4}(?:\.\d{1,4})*|[a-z]|[ivx]{1,5})[\)\].:]\s+)?"
    r"(?:[-*\u2022\u25cf\u25aa]\s*)?"
    r"(?:(?:it is|it was)\s+(?:therefore\s+)?recommended\s+that\s+|"
    r"(?:we|i)\s+(?:would\s+)?(?:strongly\s+)?recommend\s+that\s+|"
    r"(?:the\s+)?(?:[\w'\-]+\s+){0,4}?recommends?\s+that\s+|"
    r"that\s+)?",
    re.IGNORECASE,
)
_SUBJECT_END = re.compile(
    r"\b(?:should|must|shall|will|would|could|can|may|might|need|needs|ought|has|have|had|is|are"
    r"|was|were|to|ensures?|reviews?|develops?|considers?|provides?|undertakes?|seeks?|agrees?"
    r"|commissions?|establish(?:es)?|implements?|continues?|receives?|requires?|asks?|takes?)\b",
    re.IGNORECASE,
)
_SUBJECT_LIMIT = 160
# Organisation words that say little about the service: in a heading such as "Southern Health NHS
# Foundation Trust - Health Visiting" the service named after them is the agency.
_GENERIC_NAME = re.compile(
    r"^(?:the\s+)?(?:nhs|(?:nhs\s+)?(?:foundation\s+)?(?:trusts?|ft)|local\s+authorit(?:y|ies)|councils?|"
    r"health(?:\s+services)?|services?)$",
    re.IGNORECASE,
)
_FAMILY = {
    "community_health": "health",
    "health_overview": "health",
    "hospital_ambulance": "health",
    "adult_mh_substance": "health",
    "childrens_social_care": "local_authority",
    "education": "local_authority",
    "housing": "local_authority",
    "early_years": "local_authority",
}
_CONF = {
    "heading": 0.95,
    "heading_generic": 0.85,
    "national": 0.9,
    "subject": 0.9,
    "subject_shared": 0.85,
    "lscb": 0.75,
    "mention": 0.5,
    "other": 0.6,
    "default": 0.2,
}


_RECENT: dict[tuple[int, str], tuple[Codebook, list]] = {}


def agency_mentions(text: str, codebook: Codebook) -> list[tuple[int, int, int, str, str]]:
    """`_matches`, remembered for the last few texts: theme coding asks again for the same text."""
    key = (id(codebook), text)
    entry = _RECENT.get(key)
    if entry is not None and entry[0] is codebook:
        return entry[1]
    found = _matches(text, codebook)
    if len(_RECENT) >= 64:
        _RECENT.clear()
    _RECENT[key] = (codebook, found)
    return found


def _matches(text: str, codebook: Codebook) -> list[tuple[int, int, int, str, str]]:
    """Non-overlapping agency mentions (start, end, agency order, code, text), longest first."""
    found: list[tuple[int, int, int, str, str]] = []
    for rank, matches in enumerate(agency_scanner(codebook).scan(text)):
        code = codebook.agencies[rank].code
        found.extend((m.start, m.end, rank, code, m.text) for m in matches)
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0], f[2]))
    chosen: list[tuple[int, int, int, str, str]] = []
    for f in found:
        if all(f[1] <= c[0] or f[0] >= c[1] for c in chosen):
            chosen.append(f)
    chosen.sort(key=lambda f: (f[0], f[2]))
    return chosen


def agency_scanner(codebook: Codebook) -> Scanner:
    """Scanner over every agency's synonyms (in seed order), built once per codebook."""
    scanner = codebook.derived.get("agency_scanner")
    if scanner is None:
        scanner = Scanner([a.synonyms for a in codebook.agencies])
        codebook.derived["agency_scanner"] = scanner
    return scanner


def _pick(matches: list, elsewhere: list) -> tuple:  # noqa: ANN001 - match tuples
    """The agency a list of mentions names, and whether only a generic organisation was named.

    The first mention that names a service wins. If only generic organisation words are named
    ("Northshire NHS Trust"), a service of the same family named elsewhere in the text is taken
    ("health visiting staff" -> community health), else the organisation's own category.
    """
    specific = [m for m in matches if not _GENERIC_NAME.match(m[4])]
    if specific:
        return specific[0], False
    family = _FAMILY.get(matches[0][3])
    named = [
        m
        for m in elsewhere
        if family and _FAMILY.get(m[3]) == family and not _GENERIC_NAME.match(m[4])
    ]
    return (named[0] if named else matches[0]), True


def _skip_possessors(text: str, matches: list) -> list:  # noqa: ANN001 - match tuples
    """Drop a possessor named before its service: "the local authority's education service"."""
    kept = []
    for k, m in enumerate(matches):
        following = matches[k + 1] if k + 1 < len(matches) else None
        if following and re.match(r"'s?\s+(?:[\w-]+\s+){0,2}$", text[m[1] : following[0]]):
            continue
        kept.append(m)
    return kept


def subject_span(text: str) -> tuple[int, int]:
    """Span of the grammatical subject of the first sentence ((0, 0) if it opens with a verb)."""
    lead = _LEAD_IN.match(text)
    start = lead.end() if lead else 0
    first_sentence_end = len(text)
    m = re.search(r"[.;:!?](?:\s|$)", text[start:])
    if m:
        first_sentence_end = start + m.start()
    limit = min(first_sentence_end, start + _SUBJECT_LIMIT)
    verb = _SUBJECT_END.search(text, start, limit)
    if verb is None or verb.start() == start:
        return start, start
    return start, verb.start()


def _hit(code: str, confidence: float, evidence: str) -> CodeHit:
    return CodeHit(code, "rule", confidence, clip(evidence, 120))


def code_agency(text: str, heading: str | None, section: str, codebook: Codebook) -> AgencyCoding:
    """The primary agency of a recommendation, the agency as printed, and any others named."""
    body = prepare(text)[:MAX_TEXT]
    printed = " ".join((heading or "").split())[:300] or None
    head = prepare(printed)
    codes = codebook.agency_codes
    primary: CodeHit | None = None

    sub_start, sub_end = subject_span(body)
    all_matches = agency_mentions(body, codebook)
    subject_matches = _skip_possessors(
        body, [m for m in all_matches if m[0] >= sub_start and m[1] <= sub_end]
    )

    head_matches = _matches(head, codebook) if head else []
    if head_matches:
        first, generic = _pick(head_matches, subject_matches + all_matches)
        primary = _hit(first[3], _CONF["heading_generic" if generic else "heading"], first[4])

    if primary is None and section == "national" and "regional_national" in codes:
        national = [m for m in subject_matches if m[3] == "regional_national"]
        evidence = national[0][4] if national else "section: national"
        primary = _hit("regional_national", _CONF["national"], evidence)

    if primary is None and subject_matches:
        first, _ = _pick(subject_matches, all_matches)
        shared = len({m[3] for m in subject_matches}) > 1
        primary = _hit(first[3], _CONF["subject_shared" if shared else "subject"], first[4])

    if primary is None and section == "lscb" and "lscb_all_agencies" in codes:
        primary = _hit("lscb_all_agencies", _CONF["lscb"], "section: lscb")

    if primary is None and all_matches:
        first = all_matches[0]
        primary = _hit(first[3], _CONF["mention"], first[4])

    if primary is None:
        fallback = "lscb_all_agencies" if "lscb_all_agencies" in codes else sorted(codes)[0]
        primary = _hit(fallback, _CONF["default"], "no agency named")

    others: list[CodeHit] = []
    seen = {primary.code}
    for m in head_matches + subject_matches + all_matches:
        if m[3] not in seen:
            seen.add(m[3])
            others.append(_hit(m[3], _CONF["other"], m[4]))
    return AgencyCoding(primary=primary, agency_as_printed=printed, others=tuple(others))
