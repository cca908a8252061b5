"""Every coder on hostile input: no exception, confidences in [0, 1], codes from the codebook."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingestion.codebook import load_codebook, load_value_sets, split_alternatives
from ingestion.coding.agency import code_agency
from ingestion.coding.case import find_case_themes, read_case_facts
from ingestion.coding.classify import classify_recommendation
from ingestion.coding.smart import appraise_smart
from ingestion.coding.themes import code_layer, code_themes
from ingestion.records import ActionPlanRow

CODEBOOK = load_codebook()
WORDS = [
    "Child S", "aged", "died", "survived", "9999999999999999999999", "-1", "weeks", "old", "born at",
    "police", "GP", "should", "must", "training", "the mother", "was 17", "not", "no evidence of",
    "domestic violence", "heroin", "LSCB", "Recommendations", "\n", ".", "(", ")", "1.2.3.4.5",
    "\x00", "\u202e", "\ufeff", "\u2019", "1e308", "NaN", "months", "years", "2 years 3 months",
]  # fmt: skip
hostile = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
    st.integers(min_value=0, max_value=10**40).map(
        lambda n: f"Child A, aged {n} years, {n}-week-old"
    ),
    st.integers(min_value=1, max_value=10_000).map(
        lambda n: "\n".join(
            f"{'.'.join(['1'] * (i % 50 + 1))} The police should act." for i in range(n % 300)
        )
    ),
)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _ok_hit(hit, codes):
    assert hit.code in codes
    assert 0.0 <= hit.confidence <= 1.0
    assert isinstance(hit.evidence, str)


@SETTINGS
@given(
    text=hostile,
    heading=st.one_of(st.none(), hostile),
    section=st.sampled_from(["lscb", "agency", "national", "", "??"]),
)
def test_agency_never_fails(text, heading, section):
    coding = code_agency(text, heading, section, CODEBOOK)
    _ok_hit(coding.primary, CODEBOOK.agency_codes)
    for other in coding.others:
        _ok_hit(other, CODEBOOK.agency_codes)
        assert other.code != coding.primary.code


@SETTINGS
@given(text=hostile, agency=st.sampled_from(sorted(load_codebook().agency_codes) + ["nonsense"]))
def test_themes_and_layer_never_fail(text, agency):
    hits = code_themes(text, CODEBOOK)
    assert [h.code for h in hits] == sorted({h.code for h in hits})
    for hit in hits:
        _ok_hit(hit, CODEBOOK.theme_codes)
        assert hit.method in ("rule", "similarity")
    _ok_hit(code_layer(hits, agency, CODEBOOK), CODEBOOK.layer_codes)


@SETTINGS
@given(text=hostile)
def test_case_facts_never_fail(text):
    facts = read_case_facts(text)
    values = load_value_sets()
    assert facts.outcome in (None, *values.codes("outcome"))
    assert facts.child_sex in values.codes("child_sex")
    assert facts.age_band in (None, *values.codes("age_band"))
    assert facts.child_age_years is None or 0 <= facts.child_age_years < 19
    assert facts.children_count >= 1
    assert facts.year is None or 1989 <= facts.year <= 2035


@SETTINGS
@given(text=hostile)
def test_case_themes_never_fail(text):
    for hit in find_case_themes(text, CODEBOOK):
        _ok_hit(hit, CODEBOOK.case_theme_codes)
        assert 0 <= hit.char_start <= hit.char_end <= len(text)


@SETTINGS
@given(
    action=hostile,
    lead=st.one_of(st.none(), hostile),
    timescale=st.one_of(st.none(), hostile),
    measure=st.one_of(st.none(), hostile),
    case_codes=st.sets(st.sampled_from(sorted(load_codebook().case_theme_codes) + ["x"])),
)
def test_smart_never_fails(action, lead, timescale, measure, case_codes):
    row = ActionPlanRow(None, action, lead, timescale, measure, None, 0, 0)
    result = appraise_smart(row, case_codes, CODEBOOK)
    assert set(result) == {"specific", "measurable", "achievable", "relevant", "timely"}
    assert all(isinstance(v, bool) for v in result.values())


@SETTINGS
@given(text=hostile)
def test_classify_never_fails(text):
    result = classify_recommendation(text, CODEBOOK)
    assert result["agency_code"] in CODEBOOK.agency_codes
    assert set(result["theme_codes"]) <= CODEBOOK.theme_codes
    assert result["layer_code"] in CODEBOOK.layer_codes
    assert 0.0 <= result["confidence"] <= 1.0


@settings(max_examples=200, deadline=None)
@given(field=st.text(max_size=200))
def test_split_alternatives_never_fails(field):
    for part in split_alternatives(field):
        assert part == part.strip() and part


def test_huge_document_is_handled():
    text = ("Child A, aged 3, lived with his mother who drank heavily. " * 8_000)[:400_000]
    facts = read_case_facts(text)
    assert facts.child_age_years == 3.0
    assert "parental_substance_misuse" in {h.code for h in find_case_themes(text, CODEBOOK)}
