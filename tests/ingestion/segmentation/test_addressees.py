"""Whose list it is in an inspection report: the council's, then the Board's."""

from ingestion.records import RecommendationSpan
from ingestion.segmentation.addressees import board_part_start, inspection_sections

FRONT = (
    "Northshire\nInspection of services for children in need of help and protection\n"
    "Review of the effectiveness of the Local Safeguarding Children Board\n"
    "Contents\nThe Local Safeguarding Children Board (LSCB) 31\n"
) + "Narrative about the council's services.\n" * 90


def span(start: int) -> RecommendationSpan:
    return RecommendationSpan("1", "Ensure plans are reviewed.", "lscb", None, start, start + 26)


def test_the_board_part_starts_at_the_first_heading_that_names_the_board():
    text = (
        FRONT
        + "Recommendations\n1. A council item.\nThe Local Safeguarding Children Board (LSCB)\n"
    )
    text += "Recommendations\n1. A Board item.\n"
    start = board_part_start(text)
    assert start == text.index("The Local Safeguarding Children Board (LSCB)\nRec")
    council, board = text.index("A council item"), text.index("A Board item")
    sections = [s.section for s in inspection_sections([span(council), span(board)], text)]
    assert sections == ["agency", "lscb"]


def test_the_title_page_and_contents_do_not_count():
    text = FRONT + "What needs to improve\nA council item.\n"
    assert board_part_start(text) is None
    (only,) = inspection_sections([span(text.index("A council item"))], text)
    assert only.section == "agency"


def test_a_what_does_the_board_need_to_improve_heading_opens_the_board_part():
    text = (
        FRONT
        + "What does the LSCB need to improve?\nPriority and immediate action\n155. An item.\n"
    )
    assert board_part_start(text) == text.index("What does the LSCB")
