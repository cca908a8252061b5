"""Case facts and case themes from narratives written for these tests."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from ingestion.codebook import load_codebook
from ingestion.coding.case import find_case_themes, narrative_only, read_case_facts

N = runpy.run_path(str(Path(__file__).with_name("coding_case_cases.py")))
WEEK = 7 / 365.25


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


def _codes(text: str, codebook) -> set[str]:
    return {h.code for h in find_case_themes(text, codebook)}


# --- facts of whole narratives -------------------------------------------------------------------
def test_baby_k_facts():
    facts = read_case_facts(N["NARRATIVE_BABY_K"])
    assert facts.outcome == "death"
    assert facts.child_sex == "female"
    assert facts.child_age_years == pytest.approx(9 * WEEK, abs=1e-3)  # not the 31 weeks' gestation
    assert facts.age_band == "under_1"
    assert facts.area == "Northshire Safeguarding Children Board"
    assert facts.year == 2012
    assert facts.title == "Serious Case Review: Baby K"
    assert facts.children_count == 1


def test_child_s_facts():
    facts = read_case_facts(N["NARRATIVE_CHILD_S"])
    assert facts.outcome == "serious_injury"
    assert facts.child_sex == "male"
    assert facts.child_age_years == pytest.approx(2.25)  # not his half-sister's 7
    assert facts.age_band == "1_5"
    assert facts.area == "Westvale Local Safeguarding Children Board"
    assert facts.year == 2011


def test_twins_facts():
    facts = read_case_facts(N["NARRATIVE_TWINS"])
    assert facts.outcome == "serious_injury"
    assert facts.children_count == 2
    assert facts.child_age_years == pytest.approx(0.25)  # not the mother's 24
    assert facts.area == "Eastmoor Safeguarding Children Partnership"


def test_teenager_facts():
    facts = read_case_facts(N["NARRATIVE_TEENAGER"])
    assert facts.outcome == "death"
    assert facts.child_sex == "female"
    assert facts.child_age_years == pytest.approx(14.0)  # not her brother's 16
    assert facts.age_band == "11_plus"
    assert facts.area == "Southbridge LSCB"
    assert facts.year == 2014


def test_other_forms():
    facts = read_case_facts(N["NARRATIVE_OTHER_FORMS"])
    assert facts.outcome == "death"
    assert facts.child_sex == "male"  # "the mother's son", "He"
    assert facts.child_age_years == pytest.approx(0.25)
    assert facts.year is None


# --- single forms ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("This review follows the death of Child P at home.", "death"),
        ("Child P was found dead in his cot by his father.", "death"),
        ("Baby R died in hospital three days after admission.", "death"),
        (
            "Child P sustained serious injuries, including a non-accidental head injury.",
            "serious_injury",
        ),
        ("Child P survived but has lasting brain damage.", "serious_injury"),
        (
            "Child P was admitted with a subdural haematoma and fractured ribs. She is now living "
            "with her grandmother.",
            "serious_injury",
        ),
    ],
)
def test_outcome_forms(text, outcome):
    assert read_case_facts(text).outcome == outcome


def test_outcome_ignores_review_criteria_and_other_deaths():
    text = (
        "A review is held when a child dies or is seriously harmed and abuse is suspected. "
        "Child P's grandfather died in 2005. Child P sustained a fractured femur and survived."
    )
    assert read_case_facts(text).outcome == "serious_injury"


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("Child S, a boy, lived with his mother.", "male"),
        ("The review concerns a nine-week-old girl known as Baby T.", "female"),
        ("Child S was a baby boy born in 2009.", "male"),
        ("Child W (a 4 year old girl) attended nursery.", "female"),
        ("Ms A's son, Child J, was two. Ms A said she was tired.", "male"),
        ("Child Q was taken to hospital, where she was examined.", "female"),
        (
            "Child Q's mother said she had been out. Child Q was asleep and his father was at work.",
            "male",
        ),
        ("The family had lived in the town for years.", "unknown"),
    ],
)
def test_child_sex_forms(text, sex):
    assert read_case_facts(text).child_sex == sex


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Baby T, a nine-week-old girl, was admitted.", 9 * WEEK),
        ("Child M, aged 14, went missing.", 14.0),
        ("Child S (2 years 3 months) was found with bruises.", 2.25),
        ("Baby L was 3 months old when she was admitted.", 0.25),
        ("Child N was born at 31 weeks and died when he was 6 weeks old.", 6 * WEEK),
        ("At the time Child K was a two-year-old boy.", 2.0),
        ("Baby F was aged 10 days when the midwife visited.", 10 / 365.25),
        ("Child R, aged 4 years and 6 months, attended school.", 4.5),
        ("The mother, aged 17, cared for Child Z.", None),
        ("The baby was born at 29 weeks' gestation.", None),
    ],
)
def test_age_forms(text, age):
    facts = read_case_facts(text)
    if age is None:
        assert facts.child_age_years is None
    else:
        assert facts.child_age_years == pytest.approx(age, abs=1e-3)


def test_area_forms():
    assert read_case_facts("Report for the Kingsford LSCB.").area == "Kingsford LSCB"
    text = "Published by the Upper Dale and Fenby Safeguarding Children Partnership."
    assert read_case_facts(text).area == "Upper Dale and Fenby Safeguarding Children Partnership"


def test_year_prefers_publication_date():
    text = "Serious Case Review\nPublished: May 2013\n\nChild A was born in 2009 and died in 2011."
    assert read_case_facts(text).year == 2013


def test_empty_text_gives_empty_facts():
    facts = read_case_facts("")
    assert facts.outcome is None and facts.child_sex == "unknown" and facts.children_count == 1


# --- case themes -------------------------------------------------------------------------------
def test_baby_k_themes_indirect_negated_and_recommendations_ignored(codebook):
    codes = _codes(N["NARRATIVE_BABY_K"], codebook)
    # indirect: unknown partner, born at 31 weeks, mother was 17, cluttered and dirty flat
    assert {"hidden_men", "premature_low_birth_weight", "teenage_parents",
            "poor_living_environment"} <= codes  # fmt: skip
    assert "domestic_violence" not in codes  # "no evidence of domestic violence"
    assert "neglect" not in codes  # only "abuse or neglect is known or suspected"
    # drug misuse, mental health and debt are named only in the recommendations
    assert not {"parental_substance_misuse", "parental_mental_ill_health", "poverty"} & codes


def test_child_s_themes(codebook):
    codes = _codes(N["NARRATIVE_CHILD_S"], codebook)
    assert codes == {
        "parental_mental_ill_health", "parental_substance_misuse", "poverty",
        "poor_living_environment", "domestic_violence", "disability",
    }  # fmt: skip


def test_twins_negations(codebook):
    codes = _codes(N["NARRATIVE_TWINS"], codebook)
    assert not {"parental_substance_misuse", "parental_mental_ill_health", "domestic_violence",
                "poverty"} & codes  # fmt: skip


def test_teenager_themes(codebook):
    codes = _codes(N["NARRATIVE_TEENAGER"], codebook)
    assert {"neglect", "parental_substance_misuse", "disability"} <= codes
    assert "teenage_parents" not in codes  # the child's age, not a parent's


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Police were called after Mr B punched the mother in front of the children.",
            "domestic_violence",
        ),
        (
            "The couple's relationship was volatile and the case was discussed at MARAC.",
            "domestic_violence",
        ),
        ("Ms C had used cannabis daily since her teens.", "parental_substance_misuse"),
        (
            "Father was often intoxicated when he collected the children.",
            "parental_substance_misuse",
        ),
        ("The mother had a long history of depression and anxiety.", "parental_mental_ill_health"),
        (
            "She had been detained under the Mental Health Act in 2007.",
            "parental_mental_ill_health",
        ),
        (
            "Professionals did not know that the mother's boyfriend was living at the flat.",
            "hidden_men",
        ),
        ("The identity of the baby's father was never recorded.", "hidden_men"),
        ("Baby D weighed only 1.9 kg when she was born.", "premature_low_birth_weight"),
        (
            "The twins were premature and were cared for in the neonatal unit.",
            "premature_low_birth_weight",
        ),
        ("The mother, then aged 16, was still at school.", "teenage_parents"),
        ("Child G's 18-year-old mother had left care a year before.", "teenage_parents"),
        ("The family lived in poverty and relied on food banks.", "poverty"),
        ("Benefits were stopped and the family could not afford to heat the home.", "poverty"),
        (
            "The house smelt of urine and there was rubbish in every room.",
            "poor_living_environment",
        ),
        (
            "The family had been homeless and were living in bed and breakfast accommodation.",
            "poor_living_environment",
        ),
        ("The children were often hungry and had head lice.", "neglect"),
        ("Health visitors recorded faltering growth over several months.", "neglect"),
        ("Child H had cerebral palsy and used a wheelchair.", "disability"),
        ("Child J was autistic and did not speak.", "disability"),
    ],
)
def test_case_theme_forms(codebook, text, code):
    hits = find_case_themes(text, codebook)
    assert code in {h.code for h in hits}
    hit = next(h for h in hits if h.code == code)
    assert 0 < hit.confidence <= 1 and hit.evidence
    assert 0 <= hit.char_start < hit.char_end <= len(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("There was no evidence of domestic violence in the household.", "domestic_violence"),
        ("Neither parent had a history of drug or alcohol misuse.", "parental_substance_misuse"),
        (
            "The mother denied any mental health problems and none were found.",
            "parental_mental_ill_health",
        ),
        ("Drug use was ruled out by a hair strand test.", "parental_substance_misuse"),
        ("The home was clean and tidy when the social worker visited.", "poor_living_environment"),
        ("The mother's learning disability was not assessed.", "disability"),
        ("Research shows that domestic abuse often starts in pregnancy.", "domestic_violence"),
        ("The baby was born at 39 weeks weighing 3.4kg.", "premature_low_birth_weight"),
        ("The mother was 31 when she had her first child.", "teenage_parents"),
    ],
)
def test_case_theme_negations_and_false_friends(codebook, text, code):
    assert code not in _codes(text, codebook)


def test_offsets_point_at_the_evidence(codebook):
    text = "Introduction\n\nThe father was a heavy drinker.\n"
    hit = next(h for h in find_case_themes(text, codebook) if h.code == "parental_substance_misuse")
    assert text[hit.char_start : hit.char_end].lower().startswith("heavy drink")


def test_narrative_only_blanks_recommendations_keeps_length():
    text = "Background\nThe mother drank.\n\nRecommendations\n1. Agencies should ask about drugs.\n"
    masked = narrative_only(text)
    assert len(masked) == len(text)
    assert "drank" in masked and "drugs" not in masked


def test_contents_line_does_not_blank_the_report():
    text = "Contents\nRecommendations ........ 12\n\nBackground\nThe father used heroin.\n"
    assert "heroin" in narrative_only(text)


def test_pseudonym_in_the_title_is_the_subject_child():
    text = (
        "Serious Case Review: Lily\n\nLily, aged 3, lived with her mother and her brother Sam, "
        "aged 9. Lily was taken to hospital, where she was examined. Lily was small for her age."
    )
    facts = read_case_facts(text)
    assert facts.child_sex == "female"
    assert facts.child_age_years == pytest.approx(3.0)


def test_area_prefers_the_full_name_to_the_acronym():
    text = "Kingsford LSCB. Kingsford LSCB. Kingsford Safeguarding Children Board commissioned it."
    assert read_case_facts(text).area == "Kingsford Safeguarding Children Board"


def test_drowning_is_a_death():
    assert read_case_facts("Child T drowned in the bath.").outcome == "death"


def test_glossary_headings_and_general_remarks_are_not_case_themes(codebook):
    text = (
        "Glossary\nCMHT | Community Mental Health Team\nSCBU | Special Care Baby Unit\n\n"
        "Introduction\nNorthshire Drug and Alcohol Team and Adult Mental Health Services\n"
        "The combination of domestic abuse, mental ill health and substance misuse, the 'toxic "
        "trio', appears in many reviews. The 'start again syndrome' (Brandon et al 2008) applies.\n"
        "The mother had been known to children's social care as a child, when she was left alone.\n"
    )
    assert _codes(text, codebook) == set()


def test_family_table_row_and_named_parent_age(codebook):
    assert "teenage_parents" in _codes(
        "Jade | Mother | 16\nJade was 16 when Maisie was born.", codebook
    )


# --- the subject child named in a broken title, in the incident sentence, "a boy of N weeks" ------
@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Child R, a baby boy of eleven weeks, was brought to the clinic.", 11 * WEEK),
        ("Baby L, a girl of 5 months, was seen by the GP.", 5 / 12),
        ("Child H, a toddler of 2 years and 3 months, fell.", 2.25),
    ],
)
def test_age_of_a_child_of_n_units(text, age):
    assert read_case_facts(text).child_age_years == pytest.approx(age, abs=1e-3)


def test_age_of_another_named_person_is_not_the_child_age():
    text = (
        "Serious Case Review concerning Poppy\n"
        "On 4 June 2011, Poppy, a baby girl of three weeks, was found unresponsive. Poppy died.\n"
        "On 2 May 2010, Leanne, then aged 15, told the school nurse she was pregnant. "
        "Leanne, aged 15, moved in with her aunt. Poppy was born in May 2011."
    )
    facts = read_case_facts(text)
    assert facts.child_age_years == pytest.approx(3 * WEEK, abs=1e-3)
    assert facts.age_band == "under_1"


def test_subject_named_on_second_title_line_gives_pronoun_sex():
    text = (
        "Eastmoor Safeguarding Children Board\n"
        "Overview Report: Serious Case Review\n"
        "concerning Toby\n"
        "Date of report: 3 May 2012\n"
        "On 9 March 2012, Toby, aged 5 weeks, was taken to hospital after Dean rang for an "
        "ambulance saying he was not breathing. Toby died two days later. Toby's carers were "
        "arrested."
    )
    facts = read_case_facts(text)
    assert facts.child_sex == "male"
    assert facts.child_age_years == pytest.approx(5 * WEEK, abs=1e-3)


def test_subject_named_in_incident_sentence_without_title():
    text = (
        "Introduction\n"
        "On 12 January 2013, Mia, aged 7 weeks, was admitted to hospital after her father called "
        "for help. Mia had a fractured skull. Mia survived. Her brother Jake, aged 4, was placed "
        "with relatives."
    )
    facts = read_case_facts(text)
    assert facts.child_sex == "female"
    assert facts.child_age_years == pytest.approx(7 * WEEK, abs=1e-3)


def test_subject_of_this_review_names_the_child():
    text = (
        "Kai is the subject of this review. His sister Lily, aged 9, lived with him. "
        "Kai was 14 months old when he was injured. Kai survived."
    )
    facts = read_case_facts(text)
    assert facts.child_sex == "male"
    assert facts.child_age_years == pytest.approx(14 / 12, abs=1e-3)


def test_recommendation_sentence_in_narrative_is_not_a_case_theme(codebook):
    text = (
        "Background\n"
        "Child V lived with her grandparents. The nursery reported no concerns.\n"
        "The Family Nurse Partnership should ensure that all midwives know the referral route.\n"
        "The adult mental health team will make safeguarding training mandatory for its staff.\n"
    )
    codes = _codes(text, codebook)
    assert "teenage_parents" not in codes
    assert "parental_mental_ill_health" not in codes


def test_case_theme_still_found_beside_a_recommendation_sentence(codebook):
    text = (
        "Background\n"
        "Child V's mother had been treated for severe postnatal depression by the mental health "
        "team. Agencies should ensure that such referrals are followed up.\n"
    )
    assert "parental_mental_ill_health" in _codes(text, codebook)


def test_directive_sentence_and_action_plan_row_are_not_case_themes(codebook):
    text = (
        "Background\n"
        "Child V lived with her grandparents, who cared for her well.\n"
        "The Family Nurse Partnership should introduce peer review for its nurses.\n"
        "| 4 | Brief all community psychiatric nurses | Manager, Mental Health Team | "
        "By June 2011 | Green |\n"
    )
    codes = _codes(text, codebook)
    assert "teenage_parents" not in codes
    assert "parental_mental_ill_health" not in codes


def test_should_have_in_analysis_still_counts(codebook):
    text = (
        "Analysis\n"
        "The Health Visitor should have asked about the mother's heroin use, which was known to "
        "the GP.\n"
    )
    assert "parental_substance_misuse" in _codes(text, codebook)
