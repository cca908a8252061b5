"""Normalisation rules, one test each, and property tests on hostile input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingestion.normalise import normalise
from ingestion.records import RawDocument
from tests.shared_files import shared_dir

SEED = shared_dir() / "seed" / "000_cd508459f5441443.txt"


def _norm(*pages: str) -> str:
    return normalise(RawDocument("application/pdf", pages)).text


def test_line_endings_and_odd_spaces():
    assert _norm("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert _norm("Children\u2019s\u00a0social\u2003care\u200b team\t now") == (
        "Children\u2019s social care team now"
    )


def test_ligatures_and_hyphen_lookalikes():
    assert _norm("ﬁnal ﬂoor ofﬁce staﬀ") == "final floor office staff"
    assert _norm("multi\u2011agency \u2212 x") == "multi-agency - x"


def test_private_use_bullets_become_bullets():
    assert _norm("\uf0b7 Police should attend.") == "• Police should attend."


def test_control_characters_removed():
    assert _norm("The\x00 LSCB\x07 should\x1b act.") == "The LSCB should act."


def test_hyphenation_across_line_break_joined_as_document_spells_it():
    text = (
        "the multi-\nagency team met. A multi-agency meeting.\nWe read assess-\nments; assessments."
    )
    assert _norm(text) == (
        "the multi-agency\nteam met. A multi-agency meeting.\nWe read assessments;\nassessments."
    )
    # No evidence either way: a printed hyphen stays (compounds are common in these reports).
    assert _norm("a cross-\nborder case") == "a cross-border\ncase"


def test_soft_hyphen_markers_of_pdfium():
    # pdfium marks a line-end hyphen as U+FFFE and may drop the line break itself.
    text = "do not con\ufffestitute evidence; a whole\ufffesystem view of whole-system plans"
    assert _norm(text) == "do not constitute evidence; a whole-system view of whole-system plans"


def test_hyphen_before_number_or_capital_is_kept():
    assert _norm("in 2019-\n2020 the\nLSCB-\nLed review") == "in 2019-\n2020 the\nLSCB-\nLed review"


def test_running_headers_footers_and_page_numbers_removed():
    body = "\n".join(f"Line {j} of the narrative on page {{k}}." for j in range(8))
    pages = [
        f"Serious Case Review: Child D\nBody text of page {k}.\n{body.format(k=k)}\n"
        f"Northshire LSCB  Page {k} of 5"
        for k in range(1, 6)
    ]
    norm = normalise(RawDocument("application/pdf", tuple(pages)))
    assert "Child D" not in norm.text and "Page" not in norm.text
    assert norm.text.splitlines()[:2] == [
        "Body text of page 1.",
        "Line 0 of the narrative on page 1.",
    ]
    assert len(norm.text.splitlines()) == 5 * 9
    # page_starts point at each page's first kept line
    for k, start in enumerate(norm.page_starts, start=1):
        assert norm.text[start:].startswith(f"Body text of page {k}.")


def test_footer_drawn_first_and_bare_page_numbers():
    pages = [f"{k}\nCONFIDENTIAL DRAFT\nText {k} here." for k in range(1, 5)]
    assert _norm(*pages).splitlines() == [f"Text {k} here." for k in range(1, 5)]


def test_browser_print_banner_lines_removed():
    page = (
        "11/24/25, 5:39 PM Rapid review into data - GOV.UK\n"
        "Recommendation 1\nNHS England should act.\n"
        "https://www.gov.uk/government/publications/rapid-review… 12/84"
    )
    assert _norm(page) == "Recommendation 1\nNHS England should act."


def test_item_lines_are_never_taken_for_running_headers():
    pages = [f"Recommendation {k}\nThe LSCB should do thing {k}." for k in range(1, 6)]
    assert _norm(*pages).count("Recommendation") == 5


def test_page_starts_survive_removals_and_empty_pages():
    norm = normalise(RawDocument("application/pdf", ("1\nFirst.", "", "3\nThird.")))
    assert norm.text == "First.\nThird."
    assert norm.page_starts[0] == 0
    assert norm.page_of(norm.text.index("Third")) == 3


def test_glued_transcription_is_split_only_with_the_documents_own_words():
    seed = SEED.read_text(encoding="utf-8")
    text = normalise(RawDocument("text/plain", (seed,))).text
    assert "study of recommendations arising from serious case reviews" in text
    assert "ACKNOWLEDGEMENTS The research team" in text
    assert "Sheffield University" in text
    # Nothing invented: removing spaces gives back the original letters.
    assert "".join(text.split()) == "".join(seed.split())


def test_normal_text_is_not_split():
    text = "Notwithstanding the framework, safeguarding professionals were notwithstanding. " * 3
    assert (
        _norm(text + "Another multidisciplinary safeguarding framework.")
        == (text + "Another multidisciplinary safeguarding framework.").strip()
    )


pages = st.lists(
    st.one_of(
        st.text(max_size=300),
        st.text(alphabet="\x00\x01\x02\r\n\t\x0b\x0c\u00ad\ufffe\u2028 -aZ1.", max_size=200),
        st.just("\n\n\n"),
        st.from_regex(r"(1\.){1,400}1 x", fullmatch=True),
    ),
    min_size=0,
    max_size=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_normalise_never_fails_and_page_starts_are_consistent(ps):
    norm = normalise(RawDocument("text/plain", tuple(ps)))
    assert len(norm.page_starts) == max(1, len(ps))
    assert list(norm.page_starts) == sorted(norm.page_starts)
    assert all(0 <= s <= len(norm.text) for s in norm.page_starts)
    assert "\r" not in norm.text and "\x00" not in norm.text
    assert all(line == line.strip() for line in norm.text.split("\n"))
