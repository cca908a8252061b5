"""Action-plan items: one row per action, columns mapped by the words of the header.

An action plan is a table (rows as " | " lines, see `ingestion.segmentation.table_rows`) that stands after an
"Action plan" heading ("SCR action plan", "Appendix 2: Multi-agency action plan"...), or anywhere
when its header is unmistakable (an Action column plus a Lead or Timescale column). Headers vary
("Rec no.", "Recommendation", "Action(s) required", "Lead agency/officer", "Target date",
"Timescale", "Success measure", "Evidence of impact", "Outcome", "RAG status"...), so each header
cell is mapped to a field by its words. A header repeated on each page is skipped; a table that
continues on the next page without a header keeps the mapping; an empty "Rec no." cell (a merged
cell) inherits the recommendation above. Plans written as "Action: ... Lead: ... Timescale: ..."
blocks are read too. The SMART appraisal is done elsewhere (`smart` is left empty).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingestion.records import ActionPlanRow, NormalisedText
from ingestion.segmentation.item_markers import parse_markers
from ingestion.segmentation.section_bounds import _TERMINATORS, analyse, is_title_line, strip_prefix
from ingestion.segmentation.table_rows import is_row, split_row
from ingestion.segmentation.text_lines import Line, collapse, trimmed_span

_PLAN_HEADING = re.compile(
    r"^(?:the\s+)?(?:[\w'’&/-]+\s+){0,5}action\s+plans?\b(?:\s*[:(\-–—].{0,60}|\s+(?:for|of|to)\s+.{0,60})?$",
    re.I,
)
_LABEL_HEAD = re.compile(
    r"^(?:rec(?:ommendation)?\.?\s*(?:no|number|ref|reference)\.?|no\.?|ref\.?|reference|number|#|"
    r"item|rec\.?|recommendation\s*#)$"
)
_ROLE_TESTS: list[tuple[str, re.Pattern[str]]] = [
    ("recommendation", re.compile(r"\brecommendations?\b|\blearning\b|\bfinding")),
    ("action", re.compile(r"\baction|\bwhat (?:will|needs to) be done|\btasks?\b|\bsteps\b")),
    (
        "measure",
        re.compile(
            r"\bsuccess|\bmeasur|\boutcome|\bevidence|\bimpact|\bhow will\b|\bkpi|\bassurance"
        ),
    ),
    (
        "timescale",
        re.compile(
            r"\btimescale|\btarget|\bdeadline|\bdate|\bby when\b|\bwhen\b|\btime ?frame|\bcompletion|\btiming"
        ),
    ),
    (
        "lead",
        re.compile(
            r"\blead|\bresponsib|\bowner|\bby whom\b|\bwho\b|\baccountable|\bagency|\bperson|\bofficer"
        ),
    ),
    (
        "status",
        re.compile(
            r"\bstatus\b|\bprogress|\brag\b|\bupdate|\bposition\b|\bcomments?\b|\bcomplete[d]?\b"
        ),
    ),
]
_KV = re.compile(
    r"^(?P<key>recommendation(?: no\.?| number)?|rec(?:ommendation)? no\.?|actions?(?: required| to be taken)?|"
    r"lead(?: agency| officer| person)?|responsible(?: agency| officer| person)?|timescales?|"
    r"target dates?|deadline|by when|success measures?|outcomes?|evidence(?: of (?:impact|completion))?|"
    r"measures? of success|status|progress|rag(?: status)?)\s*[:\-–—]\s*(?P<value>.*)$",
    re.I,
)
_LABEL_IN_TEXT = re.compile(
    r"^(?:recommendation|rec\.?)\s*(?:no\.?\s*)?(R?\d{1,3}(?:\.\d{1,3}){0,3})\b", re.I
)
_LABEL_CELL = re.compile(
    r"^(?:recommendation\s*|rec\.?\s*)?(?:no\.?\s*)?(R?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?|\(?[a-z]\))[.):]?$",
    re.I,
)


def header_roles(cells: list[str]) -> dict[str, int]:
    """Field -> column for a header row ({} if the row is not an action-plan header)."""
    roles: dict[str, int] = {}
    for k, raw in enumerate(cells):
        c = raw.lower().strip()
        if not c or len(c.split()) > 10:
            continue
        if "label" not in roles and _LABEL_HEAD.match(c):
            roles["label"] = k
            continue
        for role, pattern in _ROLE_TESTS:
            if role not in roles and pattern.search(c):
                if role == "recommendation" and ("no" in c.split() or "number" in c):
                    roles.setdefault("label", k)
                    break
                roles[role] = k
                break
    has_core = "action" in roles or "recommendation" in roles
    plan_roles = (
        ("lead", "timescale", "measure", "status")
        if "action" in roles
        else ("timescale", "measure", "status")
    )  # "No. | Recommendation | Agency" lists recommendations
    has_plan = any(r in roles for r in plan_roles)
    if not (has_core and has_plan and len(roles) >= 3):
        return {}
    if sum(1 for c in cells if c.strip()) > len(roles) + 2:
        return {}
    return roles


def _label_from_text(text: str) -> str | None:
    m = _LABEL_IN_TEXT.match(text)
    if m:
        return m.group(1)
    markers = parse_markers(text)
    if (
        markers
        and markers[0].style in ("num", "rec")
        or (markers and markers[0].style.startswith("dec"))
    ):
        return markers[0].label
    return None


def _label_of(cell: str) -> str | None:
    m = _LABEL_CELL.match(cell.strip())
    return m.group(1) if m else None


@dataclass
class _State:
    roles: dict[str, int] = field(default_factory=dict)
    width: int = 0
    header: str = ""
    label: str | None = None
    rec_text: str = ""


def _cell(cells: list[tuple[str, int, int]], roles: dict[str, int], role: str) -> str | None:
    k = roles.get(role)
    if k is None or k >= len(cells):
        return None
    return collapse(cells[k][0]) or None


def _row(ln: Line, state: _State) -> ActionPlanRow | None:
    cells = split_row(ln.text, ln.start)
    texts = [c[0] for c in cells]
    # Header rows hold no digits; skipping the header test on data rows keeps long plans cheap.
    maybe_header = not state.roles or not any(ch.isdigit() for ch in ln.text)
    roles = header_roles(texts) if maybe_header else {}
    if roles:
        state.roles, state.width, state.header = roles, len(cells), collapse(ln.text).lower()
        return None
    if state.roles and len(cells) != state.width:
        state.roles = {}  # another table (a glossary after the plan): it needs its own header
    if not state.roles or collapse(ln.text).lower() == state.header:
        return None
    r = state.roles
    rec = _cell(cells, r, "recommendation")
    label_cell = _cell(cells, r, "label")
    if label_cell is None and rec is None and min(r.values()) > 0:
        label_cell = collapse(cells[0][0]) or None  # an unnamed first column of numbers
    label = _label_of(label_cell) if label_cell else None
    if label is None and rec:
        label = _label_of(rec) or _label_from_text(rec)
    if label is None and label_cell is None and (rec is None or rec == state.rec_text):
        label = state.label  # merged "Rec no." / recommendation cell: same recommendation
    if label is None and rec is None:
        label = state.label
    action = _cell(cells, r, "action") or (rec if "action" not in r else None)
    if not action:
        return None
    state.label = label
    state.rec_text = rec or state.rec_text
    s, e = trimmed_span(ln.text, 0, len(ln.text))
    return ActionPlanRow(
        recommendation_label=label,
        action=action,
        lead=_cell(cells, r, "lead"),
        timescale=_cell(cells, r, "timescale"),
        measure=_cell(cells, r, "measure"),
        status=_cell(cells, r, "status"),
        char_start=ln.start + s,
        char_end=ln.start + e,
    )


def _plan_regions(lines: Sequence[Line], contents_lines: set[int]) -> list[tuple[int, int]]:
    """Line ranges that stand under an action-plan heading."""
    regions: list[tuple[int, int]] = []
    n = len(lines)
    i = 0
    while i < n:
        t = lines[i].text
        if not t or i in contents_lines or not is_title_line(t) or t[0] in "“\"‘'":
            i += 1
            continue
        body, _ = strip_prefix(t)
        body = body.rstrip(":. ").strip()
        if not body or not _PLAN_HEADING.match(body) or len(body.split()) > 12:
            i += 1
            continue
        j = i + 1
        while j < n:
            u = lines[j].text
            if u and not is_row(u) and is_title_line(u):
                b, _ = strip_prefix(u)
                b = b.rstrip(":. ").strip()
                if b and _TERMINATORS.match(b) and not _PLAN_HEADING.match(b):
                    break
            j += 1
        regions.append((i + 1, j - 1))
        i = j
    return regions


def _kv_rows(lines: Sequence[Line], first: int, last: int) -> list[ActionPlanRow]:
    """Plans written as "Action: ... / Lead: ... / Timescale: ..." blocks."""
    rows: list[ActionPlanRow] = []
    cur: dict[str, str] = {}
    span: list[int] = []
    key: str | None = None
    label: str | None = None

    def flush() -> None:
        nonlocal cur, span
        if cur.get("action"):
            rows.append(
                ActionPlanRow(
                    recommendation_label=label,
                    action=collapse(cur["action"]),
                    lead=collapse(cur["lead"]) if cur.get("lead") else None,
                    timescale=collapse(cur["timescale"]) if cur.get("timescale") else None,
                    measure=collapse(cur["measure"]) if cur.get("measure") else None,
                    status=collapse(cur["status"]) if cur.get("status") else None,
                    char_start=span[0],
                    char_end=span[1],
                )
            )
        cur, span = {}, []

    for i in range(first, last + 1):
        ln = lines[i]
        if not ln.text:
            continue
        m = _KV.match(ln.text)
        if m:
            field_name = _kv_field(m.group("key").lower())
            if field_name == "recommendation":
                flush()
                label = _label_from_text(m.group("value")) or _label_of(m.group("value")) or label
                key = None
                continue
            if field_name == "action" and cur.get("action"):
                flush()
            key = field_name
            cur[key] = (cur.get(key, "") + " " + m.group("value")).strip()
            span = [span[0] if span else ln.start, ln.end]
            continue
        rec_label = _LABEL_IN_TEXT.match(ln.text)
        if rec_label:
            flush()
            label = rec_label.group(1)
            key = None
            continue
        if key is not None:
            cur[key] = (cur.get(key, "") + " " + ln.text).strip()
            span[1] = ln.end
    flush()
    return rows


def _kv_field(key: str) -> str:
    if key.startswith("rec"):
        return "recommendation"
    if key.startswith("action"):
        return "action"
    if key.startswith(("lead", "responsible")):
        return "lead"
    if key.startswith(("timescale", "target", "deadline", "by when")):
        return "timescale"
    if key.startswith(("status", "progress", "rag")):
        return "status"
    return "measure"


def find_action_plan(norm: NormalisedText) -> list[ActionPlanRow]:
    """Every action of the report's action plan(s), in document order."""
    lines, contents = analyse(norm.text)
    regions = _plan_regions(lines, contents.lines)
    in_region: set[int] = set()
    for a, b in regions:
        in_region.update(range(a, b + 1))
    rows: list[ActionPlanRow] = []
    state = _State()
    gap = 0
    for i, ln in enumerate(lines):
        if not is_row(ln.text):
            if ln.text:
                gap += 1
                if gap > 6:
                    state = _State()  # a table ended; the next one needs its own header
            continue
        gap = 0
        if i not in in_region and not state.roles:
            cells = [c[0] for c in split_row(ln.text)]
            roles = header_roles(cells)
            if not ("action" in roles and len(roles) >= 3):
                continue
        row = _row(ln, state)
        if row is not None:
            rows.append(row)
    if not rows:
        for a, b in regions:
            rows.extend(_kv_rows(lines, a, b))
    rows.sort(key=lambda r: r.char_start)
    return rows


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORD = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DATE_VALUE = (
    r"(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + _MONTH_WORD + r"\.?,?\s+((?:19|20)\d\d)"
    r"|\d{1,2}[/.](\d{1,2})[/.]((?:19|20)\d\d))"
)
_REPORT_DATE = re.compile(
    r"(?:date of (?:the )?report|report date|final version|dated|action plan was agreed by "
    r"[^\n.]{0,80}? on)\s*[:\-–]?\s*" + _DATE_VALUE,
    re.I,
)
_PUBLISHED = re.compile(r"(?:published|publication date)\s*[:\-–]?\s*" + _DATE_VALUE, re.I)


def _year_month(m: re.Match[str]) -> tuple[int, int] | None:
    if m.group(1):
        return int(m.group(2)), _MONTHS.index(m.group(1)[:3].lower()) + 1
    month = int(m.group(3))
    return (int(m.group(4)), month) if 1 <= month <= 12 else None


def plan_reference_date(text: str) -> tuple[int, int] | None:
    """(year, month) an action plan's timescales count from: the report's own date ("Date of
    report: 12 March 2010", "Final version: ...", "This action plan was agreed by ... on ..."),
    else its publication date; None when the report prints neither. Dated deadlines in the plan
    ("By March 2011") become time frames in months from here (`coding.smart.timescale_months`)."""
    for pattern in (_REPORT_DATE, _PUBLISHED):
        for m in pattern.finditer(text[:200_000]):
            found = _year_month(m)
            if found is not None:
                return found
    return None
