"""Document kinds from a document's own words, and what follows from the kind."""

from __future__ import annotations

import pytest

from ingestion import document_kind
from ingestion.codebook import load_value_sets
from ingestion.document_kind import classify_document
from ingestion.extract import analyse_document, extract_document


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Northshire LSCB\nSerious Case Review\nChild D\nOverview report", "serious_case_review"),
        ("Local Child Safeguarding Practice Review\nChild Q", "practice_review"),
        ("Rapid review following a serious incident notification for Child A", "rapid_review"),
        ("Domestic Homicide Review into the death of Adult B", "domestic_homicide_review"),
        ("Safeguarding Adults Review: Mr C", "safeguarding_adults_review"),
        ("REGULATION 28: REPORT TO PREVENT FUTURE DEATHS", "pfd_report"),
        (
            "Inspection of children's services\nInspection dates: 1 to 5 May\nLead inspector",
            "inspection",
        ),
        ("The Public Inquiry\nReport of the Inquiry\nThe Inquiry heard", "inquiry"),
        ("Minutes of the parish council meeting", "other"),
    ],
)
def test_kind_from_the_title_area(text, kind):
    assert classify_document(text).kind == kind
    assert classify_document(text).evidence


def test_every_kind_the_classifier_gives_is_in_the_codebook():
    found = {kind for kind, _ in document_kind._CUES} | {"other"}
    assert found <= set(load_value_sets().document_kind_codes)


def test_case_facts_only_for_case_reviews():
    text = (
        "Inspection of children's services\nInspection dates: 1 May\nLead inspector: A N Other\n"
        "The child died. She was 4 years old.\nWhat needs to improve\n"
        "• The quality of plans for children in care.\n"
    )
    got = analyse_document(text.encode(), "inspection.txt")
    assert got.document_kind == "inspection"
    assert got.facts.outcome is None and got.facts.age_band is None
    assert got.case_themes == ()
    assert not [i for i in got.issues if i.stage == "case"]


def test_a_short_serious_case_review_without_recommendations_loads_with_a_warning():
    frames = extract_document(b"Serious Case Review\nChild Z\nA short summary.\n", "scr.txt")
    doc = frames["documents"].row(0, named=True)
    assert doc["status"] == "ok"
    assert doc["document_kind"] == "serious_case_review"
    assert frames["recommendations"].height == 0
    messages = frames["extraction_issues"]["message"].to_list()
    assert any("no recommendations section" in m for m in messages)


def test_a_non_review_is_quarantined_as_other():
    frames = extract_document(b"Minutes of the parish council meeting. Bins.\n", "minutes.txt")
    doc = frames["documents"].row(0, named=True)
    assert doc["status"] == "quarantined"
    assert doc["document_kind"] == "other"
