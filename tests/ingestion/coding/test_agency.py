"""Agency coding: each Table 1 category from headings and sentence subjects, sections, others."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from ingestion.codebook import load_codebook
from ingestion.coding.agency import code_agency

AGENCY_EXAMPLES = runpy.run_path(str(Path(__file__).with_name("coding_agency_cases.py")))[
    "AGENCY_EXAMPLES"
]


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.mark.parametrize(("heading", "text", "section", "expected"), AGENCY_EXAMPLES)
def test_agency_examples(codebook, heading, text, section, expected):
    coding = code_agency(text, heading, section, codebook)
    assert coding.primary.code == expected
    assert 0.0 <= coding.primary.confidence <= 1.0
    assert coding.primary.evidence
    assert coding.agency_as_printed == heading


def test_every_category_is_exercised():
    assert {e[3] for e in AGENCY_EXAMPLES} == load_codebook().agency_codes


def test_heading_wins_over_subject(codebook):
    coding = code_agency("GPs should attend conferences.", "Northshire Police", "agency", codebook)
    assert coding.primary.code == "police"
    assert coding.primary.confidence == pytest.approx(0.95)
    assert "health_overview" in {o.code for o in coding.others}


def test_heading_without_agency_falls_back_to_subject(codebook):
    coding = code_agency("School nurses should see pupils.", "Recommendations", "agency", codebook)
    assert coding.primary.code == "community_health"


def test_national_section_implies_regional_national(codebook):
    coding = code_agency("Guidance on bruising should be revised.", None, "national", codebook)
    assert coding.primary.code == "regional_national"


def test_lscb_section_without_named_agency(codebook):
    coding = code_agency("Training on neglect should be commissioned.", None, "lscb", codebook)
    assert coding.primary.code == "lscb_all_agencies"
    coding = code_agency("The police should review the referral.", None, "lscb", codebook)
    assert coding.primary.code == "police"


def test_lead_ins_are_stripped(codebook):
    for text in (
        "It is recommended that the police review notifications.",
        "Recommendation 4: The police should review notifications.",
        "The review panel recommends that the police review notifications.",
        "(b) That the police review notifications.",
    ):
        assert code_agency(text, None, "agency", codebook).primary.code == "police", text


def test_several_agencies_in_subject_give_primary_and_others(codebook):
    coding = code_agency(
        "The police and children's social care should agree a joint protocol.",
        None,
        "agency",
        codebook,
    )
    assert coding.primary.code == "police"
    assert [o.code for o in coding.others] == ["childrens_social_care"]


def test_longest_synonym_wins(codebook):
    assert code_agency("School nurses must...", None, "agency", codebook).primary.code == (
        "community_health"
    )
    coding = code_agency("The Department for Education should act.", None, "agency", codebook)
    assert coding.primary.code == "regional_national"
    assert coding.primary.evidence == "Department for Education"


def test_imperative_takes_agency_named_in_text(codebook):
    coding = code_agency("Ensure that GPs are invited to conferences.", None, "agency", codebook)
    assert coding.primary.code == "health_overview"
    assert coding.primary.confidence < 0.9


def test_nothing_named_defaults_with_low_confidence(codebook):
    coding = code_agency("Procedures should be updated.", None, "agency", codebook)
    assert coding.primary.code == "lscb_all_agencies"
    assert coding.primary.confidence <= 0.3


def test_typographic_apostrophes(codebook):
    coding = code_agency("Children\u2019s social care should act.", None, "agency", codebook)
    assert coding.primary.code == "childrens_social_care"


def test_generic_organisation_heading_takes_the_service_named_in_the_text(codebook):
    coding = code_agency(
        "Ensure that health visiting staff record every contact.",
        "Northshire NHS Trust",
        "agency",
        codebook,
    )
    assert coding.primary.code == "community_health"
    assert coding.primary.confidence < 0.95


def test_service_named_after_a_possessor(codebook):
    coding = code_agency(
        "The local authority's education service should review attendance.",
        None,
        "agency",
        codebook,
    )
    assert coding.primary.code == "education"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Northshire Children and Young People's Services should act.", "childrens_social_care"),
        ("The Independent Reviewing Service should act.", "childrens_social_care"),
        ("The Family Support Project should act.", "voluntary"),
        ("NHS Northshire Community Services should act.", "community_health"),
        ("ICSs should act.", "health_overview"),
    ],
)
def test_more_real_world_names(codebook, text, expected):
    assert code_agency(text, None, "agency", codebook).primary.code == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Westvale Partnership NHS Foundation Trust should review its discharge letters.",
            "adult_mh_substance",
        ),
        (
            "Northby Partnership University NHS Foundation Trust must train ward staff.",
            "adult_mh_substance",
        ),
        (
            "Eastcombe Community Healthcare NHS Trust should audit health visiting records.",
            "community_health",
        ),
        ("The NHS Foundation Trust should audit its records.", "health_overview"),
    ],
)
def test_trust_names(codebook, text, expected):
    assert code_agency(text, None, "agency", codebook).primary.code == expected
