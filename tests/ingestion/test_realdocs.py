"""Real public reports (written by other hands) against the hand counts in realdocs/README.md."""

from __future__ import annotations

import hashlib

from ingestion.normalise import normalise
from ingestion.readers import read_document
from ingestion.records import NormalisedText, RecommendationSpan
from ingestion.segmentation import find_recommendations
from ingestion.segmentation.text_lines import collapse
from tests.shared_files import shared_dir

REALDOCS = shared_dir() / "realdocs"


# The documents' words stay in ../shared/realdocs: the tests compare fingerprints of them
# (SHA-256 of the white-space-folded text), with the number of characters they cover.
def fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


def starts_as(text: str, chars: int, expected: str) -> bool:
    return fingerprint(" ".join(text.split())[:chars]) == expected


def ends_as(text: str, chars: int, expected: str) -> bool:
    return fingerprint(" ".join(text.split())[-chars:]) == expected


def contains(text: str, chars: int, expected: str) -> bool:
    folded = " ".join(text.split())
    return any(
        fingerprint(folded[i : i + chars]) == expected for i in range(len(folded) - chars + 1)
    )


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
    assert starts_as(recs[0].text, 168, "df2a86908c2d31e5")
    assert starts_as(recs[1].text, 60, "097c3b56a173aa58")
    assert contains(recs[1].text, 46, "cb98e48e15714b90")
    assert ends_as(recs[9].text, 39, "a7fa9056e5f398c5")
    # The closing list (Appendix 4) is the fuller copy and is the one kept.
    assert all(norm.page_of(r.char_start) >= 229 for r in recs)


def test_post_office_horizon_nineteen_numbered_recommendations():
    norm, recs = extract("PostOfficeHorizon-Inquiry-Vol1-Recomm.pdf")
    assert [r.label for r in recs] == [str(k) for k in range(1, 20)]
    assert fingerprint(recs[0].text) == "a9747745027486bb"
    assert fingerprint(recs[14].text) == "00207672a1df64eb"
    assert ends_as(recs[18].text, 58, "7fe78d8cd6d97c59")
    assert {norm.page_of(r.char_start) for r in recs} <= {10, 11}


def test_dhsc_rapid_review_thirteen_recommendations_with_sub_actions():
    norm, recs = extract("DHSC-MH-inpatient-data-rapid-review-Report.pdf")
    assert [r.label for r in recs] == [str(k) for k in range(1, 14)]
    assert starts_as(recs[0].text, 48, "1422336266d58f27")
    # sub-actions belong to their recommendation
    assert contains(recs[0].text, 51, "77fea5cd74b5c146")
    assert starts_as(recs[4].text, 33, "7906e990550a6145")
    assert contains(recs[4].text, 69, "a7974fe755a7e884")
    # the web-page print banner is gone and the section stops before "Our vision"
    assert "GOV.UK" not in norm.text
    assert ends_as(recs[12].text, 69, "b76be796710ff26d")


def test_prevention_of_future_deaths_two_matters_of_concern():
    _, recs = extract("PFD-report-example-A.pdf")
    assert [r.label for r in recs] == ["1", "2"]
    assert starts_as(recs[0].text, 55, "8a6751a5d1a0ee34")
    assert starts_as(recs[1].text, 57, "0aff2c5602e677c1")
    assert ends_as(recs[1].text, 38, "fabcbf1de9088685")
    assert {r.section for r in recs} == {"agency"}
