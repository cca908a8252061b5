"""Real public reports (written by other hands) against the hand counts in realdocs/README.md."""

from __future__ import annotations

from ingestion.normalise import normalise
from ingestion.readers import read_document
from ingestion.records import NormalisedText, RecommendationSpan
from ingestion.segmentation import find_recommendations
from ingestion.segmentation.text_lines import collapse
from tests.shared_files import shared_dir

REALDOCS = shared_dir() / "realdocs"

_cache: dict[str, tuple[NormalisedText, list[RecommendationSpan]]] = {}


def extract(name: str) -> tuple[NormalisedText, list[RecommendationSpan]]:
    if name not in _cache:
        norm = normalise(read_document((REALDOCS / name).read_bytes(), name))
        recs = find_recommendations(norm)
        for r in recs:
            assert r.text == collapse(norm.text[r.char_start : r.char_end])
        _cache[name] = (norm, recs)
    return _cache[name]


def test_covid_inquiry_module_1_ten_recommendations_not_twenty():
    norm, recs = extract("UK-Covid-19-Inquiry-Module-1-Recomm.pdf")
    assert [r.label for r in recs] == [str(k) for k in range(1, 11)]
    assert recs[0].text.startswith(
        "A simplified structure for whole-system civil emergency preparedness and resilience "
        "The governments of the UK, Scotland, Wales and Northern Ireland should each simplify"
    )
    assert recs[1].text.startswith("Cabinet Office leadership for whole-system civil emergencies")
    assert "• abolish the lead government department model" in recs[1].text
    assert recs[9].text.endswith("in advance of legislation being passed.")
    # The closing list (Appendix 4) is the fuller copy and is the one kept.
    assert all(norm.page_of(r.char_start) >= 229 for r in recs)


def test_post_office_horizon_nineteen_numbered_recommendations():
    norm, recs = extract("PostOfficeHorizon-Inquiry-Vol1-Recomm.pdf")
    assert [r.label for r in recs] == [str(k) for k in range(1, 20)]
    assert recs[0].text == (
        "HM Government and/or the Department and where appropriate the Post Office and Fujitsu "
        "shall provide written responses to my recommendations by 10 October 2025."
    )
    assert recs[14].text == (
        "No claims for financial redress under HSS shall be entertained after midnight "
        "27 November 2025."
    )
    assert recs[18].text.endswith("include both Fujitsu Services Limited and Fujitsu Limited.")
    assert {norm.page_of(r.char_start) for r in recs} <= {10, 11}


def test_dhsc_rapid_review_thirteen_recommendations_with_sub_actions():
    norm, recs = extract("DHSC-MH-inpatient-data-rapid-review-Report.pdf")
    assert [r.label for r in recs] == [str(k) for k in range(1, 14)]
    assert recs[0].text.startswith("NHS England should establish a programme of work")
    # sub-actions belong to their recommendation
    assert "consider what enablers are needed to reduce burdens" in recs[0].text
    assert recs[4].text.startswith("Provider boards have a vital role")
    assert "NHS England should review and update the guidance on board assessment" in recs[4].text
    # the web-page print banner is gone and the section stops before "Our vision"
    assert "GOV.UK" not in norm.text
    assert recs[12].text.endswith(
        "should review progress against these recommendations after 12 months."
    )


def test_prevention_of_future_deaths_two_matters_of_concern():
    _, recs = extract("PFD-report-example-A.pdf")
    assert [r.label for r in recs] == ["1", "2"]
    assert recs[0].text.startswith("The information that Miss Henderson had practised tying")
    assert recs[1].text.startswith("The Priory Woking has a policy in relation to the removal")
    assert recs[1].text.endswith("removed from the patient at admission.")
    assert {r.section for r in recs} == {"agency"}
