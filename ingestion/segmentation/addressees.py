"""Whose list it is, in an inspection report that reviews the Board as well as the council.

The single inspection framework's reports hold the local authority's findings and list first,
then the review of the Local Safeguarding Children Board with its own list. The lists' headings
("Recommendations", "Areas for improvement", "Priority and immediate action") do not say whose
they are; where the report's Board part begins does. That part begins at the first heading that
names the Board ("What does the LSCB need to improve?", "The Local Safeguarding Children Board
(LSCB)", "Inspection findings - the LSCB"), else at the last "Review of the effectiveness of the
LSCB" heading past the title page and contents.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingestion.records import RecommendationSpan

AGENCY, LSCB = "agency", "lscb"
# The title page and contents name the Board too; the Board's part is never that early.
_FRONT_MATTER = 3000
_BOARD = (
    r"(?:the )?(?:local safeguarding children(?:'s)? board|lscb|"
    r"[\w’' ]{0,30}safeguarding children(?:'s)? (?:board|partnership)|board)"
)
_NO_PAGE_NUMBER = r"(?![^\n]*\d[ \t]*$)"  # a contents line ends with its page number
_BOARD_HEADINGS = (
    re.compile(
        rf"(?im)^[ \t]*{_NO_PAGE_NUMBER}(?:\d+[.)]?\s*)?what (?:does|do) {_BOARD} need to improve"
    ),
    re.compile(
        rf"(?im)^[ \t]*{_NO_PAGE_NUMBER}(?:inspection findings\s*[–-]\s*)?the "
        r"(?:local safeguarding children(?:'s)? board|lscb)(?: \(\w+\))?(?: is (?:\w+ ?){1,3})?"
        r"[ \t]*$"
    ),
)
_BOARD_REVIEW = re.compile(
    rf"(?im)^[ \t]*{_NO_PAGE_NUMBER}(?:section \d+[:.]?\s*)?(?:review of )?"
    rf"the effectiveness (?:of )?{_BOARD}"
)


def board_part_start(text: str) -> int | None:
    """Where the report's review of the Board begins, or None when it has none."""
    named = [
        m.start() for rx in _BOARD_HEADINGS for m in rx.finditer(text) if m.start() > _FRONT_MATTER
    ]
    if named:
        return min(named)
    reviews = [m.start() for m in _BOARD_REVIEW.finditer(text) if m.start() > _FRONT_MATTER]
    return reviews[-1] if reviews else None


def inspection_sections(spans: list[RecommendationSpan], text: str) -> list[RecommendationSpan]:
    """Each list of an inspection report addressed to the council (`agency`) or the Board."""
    start = board_part_start(text)
    return [
        replace(span, section=LSCB if start is not None and span.char_start > start else AGENCY)
        for span in spans
    ]
