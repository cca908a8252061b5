"""Theme coding (every theme, several phrasings), the similarity stage, and layers."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from ingestion.codebook import load_codebook
from ingestion.coding.agency import code_agency
from ingestion.coding.themes import code_layer, code_themes, similar_themes
from ingestion.records import CodeHit

THEME_EXAMPLES = runpy.run_path(str(Path(__file__).with_name("coding_theme_cases.py")))[
    "THEME_EXAMPLES"
]

CASES = [(code, text) for code, texts in THEME_EXAMPLES.items() for text in texts]


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


def test_examples_cover_every_theme_twice(codebook):
    assert set(THEME_EXAMPLES) == codebook.theme_codes
    assert all(len(texts) >= 2 for texts in THEME_EXAMPLES.values())


@pytest.mark.parametrize(("code", "text"), CASES)
def test_theme_examples(codebook, code, text):
    hits = code_themes(text, codebook)
    assert code in [h.code for h in hits]
    hit = next(h for h in hits if h.code == code)
    assert hit.method in ("rule", "similarity")
    assert 0.0 < hit.confidence <= 1.0
    assert hit.evidence


def test_hits_are_sorted_multi_label_with_evidence(codebook):
    hits = code_themes(
        "Health visitors should receive training on asking about domestic abuse and record the answer.",
        codebook,
    )
    codes = [h.code for h in hits]
    assert codes == sorted(codes)
    assert {"training", "domestic_violence", "recording"} <= set(codes)
    assert next(h for h in hits if h.code == "domestic_violence").evidence == "domestic abuse"


def test_more_patterns_more_confidence(codebook):
    one = next(h for h in code_themes("Staff need training.", codebook) if h.code == "training")
    many = next(
        h
        for h in code_themes(
            "Staff need refresher training, a briefing and e-learning to raise awareness.", codebook
        )
        if h.code == "training"
    )
    assert many.confidence > one.confidence


def test_addressee_name_is_only_a_weak_signal(codebook):
    codes = {
        h.code
        for h in code_themes(
            "The Family Nurse Partnership should review the referral pathway.", codebook
        )
    }
    assert codes == {"referral"}
    alone = code_themes(
        "Drug and alcohol services should consider the children of their clients.", codebook
    )
    assert "substance_misuse" in {h.code for h in alone}


def test_primary_theme_is_the_one_stated_first(codebook):
    hits = code_themes(
        "Deliver a briefing for GPs on working with hostile and resistant families.", codebook
    )
    lead = max(hits, key=lambda h: h.confidence)
    assert lead.code == "training" and "hard_to_engage" in {h.code for h in hits}
    assert code_layer(hits, "health_overview", codebook).code == "case_management"


def test_exclusions(codebook):
    codes = {h.code for h in code_themes("Staff should manage challenging behaviour.", codebook)}
    assert "professional_challenge" not in codes
    codes = {
        h.code
        for h in code_themes(
            "CAMHS should see young people's mental health needs quickly.", codebook
        )
    }
    assert "parental_mental_health" not in codes


def test_weak_signal_alone_is_kept_but_not_beside_a_strong_one(codebook):
    alone = code_themes("Every baby matters.", codebook)
    assert [h.code for h in alone] == ["vulnerable_babies"] and alone[0].confidence < 0.6
    beside = {h.code for h in code_themes("Audit the files of every baby.", codebook)}
    assert "audit" in beside and "vulnerable_babies" not in beside


def test_similarity_stage_catches_unpatterned_text(codebook):
    text = "Workers should get to know the youngster and what they want."
    hits = code_themes(text, codebook)
    assert [h.code for h in hits] == ["focus_on_child"]
    assert hits[0].method == "similarity"
    assert 0.25 <= hits[0].confidence <= 0.6
    assert similar_themes("zzz qqq", codebook) == []


def test_empty_and_meaningless_text_give_no_theme(codebook):
    assert code_themes("", codebook) == []
    assert code_themes("   \n ", codebook) == []
    assert code_themes("zzz qqq", codebook) == []


def _hit(code: str, confidence: float = 0.75, method: str = "rule") -> CodeHit:
    return CodeHit(code, method, confidence, code)


def test_layer_rules(codebook):
    assert code_layer([_hit("training")], "regional_national", codebook).code == "regional_national"
    assert code_layer([_hit("training"), _hit("national_policy")], "police", codebook).code == (
        "regional_national"
    )
    assert code_layer([_hit("hidden_men")], "police", codebook).code == "family"
    assert code_layer([_hit("focus_on_child")], "police", codebook).code == "child"
    assert code_layer([], "police", codebook).code == "case_management"
    # the strongest theme decides; on a tie the more specific layer wins over managing the case
    assert code_layer(
        [_hit("training", 0.95), _hit("hidden_men", 0.75)], "police", codebook
    ).code == ("case_management")
    assert code_layer([_hit("training"), _hit("hidden_men")], "police", codebook).code == "family"
    assert code_layer([_hit("not_a_theme")], "police", codebook).code == "case_management"


def test_layer_from_text(codebook):
    for text, layer in (
        ("The Home Office should change the notification scheme.", "regional_national"),
        ("Health visitors must see the baby alone.", "child"),
        ("Assessments must consider the mother's new partner.", "family"),
        ("Managers should review supervision records.", "case_management"),
    ):
        themes = code_themes(text, codebook)
        agency = code_agency(text, None, "agency", codebook).primary.code
        assert code_layer(themes, agency, codebook).code == layer, text


# --- rules added after measuring on the sample corpus (texts written for these tests) ---------
@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # passive telling of a GP or school is information sharing, not a focus on the child
        (
            "Schools must be notified whenever a pupil is removed from a protection plan.",
            {"information_sharing"},
            {"focus_on_child"},
        ),
        (
            "Make sure the family's GP is kept informed of case conference decisions.",
            {"information_sharing"},
            set(),
        ),
        (
            "Completed assessments should be shared with the health visitor.",
            {"information_sharing"},
            set(),
        ),
        (
            "Improve communication between the ambulance service and the out-of-hours GP.",
            {"information_sharing"},
            set(),
        ),
        # a parent's own history or childhood is part of the whole picture
        (
            "Assessments should look at the mother's own history of being in care.",
            {"whole_picture"},
            set(),
        ),
        (
            "Practitioners should explore the father's own childhood experiences.",
            {"whole_picture"},
            set(),
        ),
        (
            "Request records from previous local authorities when a family arrives from elsewhere.",
            {"whole_picture"},
            set(),
        ),
        # how the child experiences home life is the child's perspective
        (
            "Social workers should record how the children are experiencing the conflict at home.",
            {"focus_on_child"},
            {"whole_picture"},
        ),
        ("Ask what the young person feels about returning home.", {"focus_on_child"}, set()),
        # household composition and checks about men are hidden men, not the whole picture
        (
            "Staff should find out the composition of the household, in particular any man visiting.",
            {"hidden_men"},
            {"whole_picture"},
        ),
        (
            "Carry out background checks on any male partners who move in with the mother.",
            {"hidden_men"},
            {"whole_picture"},
        ),
        (
            "Assessments should record the household composition and siblings' needs.",
            {"whole_picture"},
            set(),
        ),
        # the impact of one issue on family functioning is that issue
        (
            "Consider the effect of debt on family functioning.",
            {"poverty_housing"},
            {"whole_picture"},
        ),
        # 'Think Family' alone is only a weak sign
        (
            "Adopt Think Family in the drug and alcohol service.",
            {"substance_misuse"},
            {"whole_picture"},
        ),
        # parents withdrawing from a service are hard to engage
        (
            "Where a mother withdraws from the parenting programme, the referrer is told.",
            {"hard_to_engage"},
            set(),
        ),
        # offender managers are an addressee, not line management
        (
            "Offender managers should visit the home with the social worker.",
            set(),
            {"management_supervision"},
        ),
        (
            "Team managers should review every case after three months.",
            {"management_supervision"},
            set(),
        ),
        # being made aware of something is awareness raising
        ("Midwives are made aware of the signs of postnatal depression.", {"training"}, set()),
        # 'partner agencies' does not cancel a hidden-men statement in the same sentence
        (
            "Partner agencies should ensure assessments identify all men who live in the home.",
            {"hidden_men"},
            set(),
        ),
        ("Partner agencies are involved in the audit.", set(), {"hidden_men"}),
        # defining a role is about staff roles; specialist advisers are expertise
        ("Define the role of the lead professional in core groups.", {"staff_roles"}, set()),
        (
            "Provide access to specialist advisors on head injuries.",
            {"professional_knowledge"},
            set(),
        ),
        # 'practice nurses' are staff, not the practice being monitored
        (
            "The named nurse will monitor attendance of practice nurses at core groups.",
            {"meeting_representation"},
            {"audit"},
        ),
        ("The LSCB should monitor practice in cases of neglect.", {"audit"}, set()),
        # 'unmet needs' with a CAF is early help, not neglect
        ("Use a CAF when a child has unmet needs.", {"caf"}, {"neglect"}),
        (
            "The Department for Children, Schools and Families should revise the guidance.",
            {"national_policy"},
            set(),
        ),
    ],
)
def test_corpus_driven_rules(codebook, text, present, absent):
    codes = {h.code for h in code_themes(text, codebook)}
    assert present <= codes, (text, codes)
    assert not (absent & codes), (text, codes)
