"""classify_recommendation on recommendations alone, as `scr classify` uses it."""

from __future__ import annotations

import pytest

from ingestion.codebook import load_codebook
from ingestion.coding.classify import classify_recommendation


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.mark.parametrize(
    ("text", "agency", "themes", "layers"),
    [
        (
            "Health visitors should give every family safer sleeping advice, especially about "
            "sharing a bed after drinking.",
            "community_health",
            {"safer_sleeping"},
            {"regional_national"},
        ),
        (
            "The police must share information about domestic abuse incidents with the school the "
            "next day.",
            "police",
            {"information_sharing", "domestic_violence"},
            # Ambiguous: the real annotators put domestic-violence items at case_management 12
            # times and at family 8 times (corpus/real/labels.csv).
            {"case_management", "family"},
        ),
        (
            "All agencies should ensure staff identify and assess the men living in a baby's household.",
            "lscb_all_agencies",
            {"hidden_men"},
            {"family"},
        ),
        (
            "The Department for Education should revise statutory guidance on home education.",
            "regional_national",
            {"national_policy"},
            {"regional_national"},
        ),
        (
            "Children's social care managers should supervise social workers monthly and record "
            "their decisions.",
            "childrens_social_care",
            {"management_supervision", "recording"},
            {"case_management"},
        ),
    ],
)
def test_sensible_classification(codebook, text, agency, themes, layers):
    result = classify_recommendation(text, codebook)
    assert set(result) == {"agency_code", "theme_codes", "layer_code", "confidence"}
    assert result["agency_code"] == agency
    assert themes <= set(result["theme_codes"])
    assert result["layer_code"] in layers
    assert 0.0 <= result["confidence"] <= 1.0


def test_empty_text(codebook):
    result = classify_recommendation("", codebook)
    assert result["theme_codes"] == []
    assert result["layer_code"] == "case_management"
    assert result["confidence"] < 0.5
