"""Segmentation on small, real-looking report text: one test per layout, and hostile input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingestion.records import NormalisedText, RecommendationSpan
from ingestion.segmentation import find_recommendations
from ingestion.segmentation.text_lines import collapse


def recs(text: str) -> list[RecommendationSpan]:
    norm = NormalisedText(text, (0,))
    out = find_recommendations(norm)
    for r in out:  # the contract every test relies on
        assert r.text == collapse(text[r.char_start : r.char_end])
    return out


def labels(text: str) -> list[str]:
    return [r.label for r in recs(text)]


CONTENTS = """Contents
1. Introduction .......... 3
2. The facts .......... 5
3. Recommendations .......... 12
4. Appendix 1: Action plan .......... 14
"""


def test_numbered_list_skips_contents_page_and_narrative_mentions():
    text = (
        CONTENTS
        + """1. Introduction
The recommendations of the previous review were implemented in 2008.
This review makes 3 recommendations, set out in section 3.
3. Recommendations
The review makes the following recommendations.
1. The LSCB should ensure that all agencies have a neglect strategy.
2. Children's social care should audit the quality of assessments of
unborn babies.
3. Health visitors should record the names of all adults in the household.
4. Appendix 1: Action plan
1. Review the strategy by March.
"""
    )
    out = recs(text)
    assert [r.label for r in out] == ["1", "2", "3"]
    assert out[1].text == (
        "Children's social care should audit the quality of assessments of unborn babies."
    )
    assert {r.section for r in out} == {"lscb"}
    assert all(r.heading is None for r in out)


def test_decimal_numbering_ends_at_next_heading():
    text = """4. Recommendations
4.1 The LSCB should review the threshold document.
4.2 All agencies should ensure that fathers are included in assessments.
5. Glossary
5.1 LSCB means Local Safeguarding Children Board.
"""
    assert labels(text) == ["4.1", "4.2"]


def test_r_labels_and_recommendation_n_labels():
    text = """Recommendations
R1 The Board should commission a review of pre-birth assessment.
R2: Police should attend every strategy discussion.
Recommendation 3: The ICB should issue guidance to GP practices on safeguarding.
Recommendation 4
The partnership should evaluate the impact of its neglect training
within twelve months.
Glossary
"""
    out = recs(text)
    assert [r.label for r in out] == ["R1", "R2", "3", "4"]
    assert out[3].text == (
        "The partnership should evaluate the impact of its neglect training within twelve months."
    )


def test_lettered_and_roman_items():
    text = """Recommendations for the LSCB
(a) The LSCB should publish a neglect strategy.
(b) The LSCB should audit its implementation.
Learning and actions for the Board
i. The Board should seek assurance that fathers are seen.
ii. The Board should review escalation procedures.
"""
    out = recs(text)
    assert [r.label for r in out] == ["(a)", "(b)", "i", "ii"]
    assert {r.section for r in out} == {"lscb"}


def test_bullets_get_synthetic_labels():
    text = """Considerations for the Board
• The Board should consider how it gains assurance about pre-birth assessments.
• The Board should consider whether the escalation policy is understood.
Glossary
"""
    out = recs(text)
    assert [r.label for r in out] == ["•1", "•2"]
    assert out[0].text.startswith("The Board should consider how")


def test_table_rows_in_a_recommendation_section():
    text = """Recommendations
No. | Recommendation | Agency
1 | Review the neglect toolkit and relaunch it to all staff | LSCB
2 | Ensure that domestic abuse notifications reach health visitors | Police
Appendix 1
"""
    out = recs(text)
    assert [(r.label, r.heading) for r in out] == [("1", "LSCB"), ("2", "Police")]
    assert out[1].text == "Ensure that domestic abuse notifications reach health visitors"


def test_semicolon_run_gives_one_recommendation_each():
    text = """Recommendations
5. The LSCB should review the neglect strategy; children's social care should audit
pre-birth assessments; and the police should share notifications within 24 hours.
6. Schools should record concerns.
"""
    out = recs(text)
    assert [r.label for r in out] == ["5.a", "5.b", "5.c", "6"]
    assert out[2].text == "and the police should share notifications within 24 hours."


def test_sub_items_stems_and_bullets():
    text = """Recommendations
1. Training
1.1 Social workers should complete neglect training.
1.2 Managers should audit the use of the toolkit.
2. The LSCB should review its escalation policy.
2.1 The review should include the views of front-line staff.
3. Children's social care should ensure that:
• assessments include fathers;
• chronologies are kept up to date.
Glossary
"""
    out = recs(text)
    assert [r.label for r in out] == ["1.1", "1.2", "2", "2.1", "3"]
    assert out[2].text == "The LSCB should review its escalation policy."
    assert out[4].text == (
        "Children's social care should ensure that: • assessments include fathers; "
        "• chronologies are kept up to date."
    )


def test_bullets_under_a_title_item_are_recommendations():
    text = """Recommendations
1. Information sharing
• Police should share notifications with schools.
• Health visitors should share concerns with GPs.
Glossary
"""
    assert labels(text) == ["1.a", "1.b"]


def test_single_agency_sections_with_agency_sub_headings():
    text = """Single agency recommendations
Police
1. The police should review the handling of domestic abuse calls.
2. Officers should complete DASH training.
Children's Social Care
1. Managers should ensure that case records are up to date.
Health Visiting Service
1. Health visitors should ask about the adults in the household.
Acute Hospital Trust
1. The emergency department should check the child protection information system.
GP practices
1. GPs should code child protection plans in the record.
Appendix 2: Glossary
"""
    out = recs(text)
    assert [(r.label, r.heading) for r in out] == [
        ("1", "Police"),
        ("2", "Police"),
        ("1", "Children's Social Care"),
        ("1", "Health Visiting Service"),
        ("1", "Acute Hospital Trust"),
        ("1", "GP practices"),
    ]
    assert {r.section for r in out} == {"agency"}


def test_overview_agency_and_national_are_told_apart():
    text = """Recommendations for the LSCB
1. The LSCB should publish a neglect strategy.
Individual agency recommendations
Police
1. The police should review domestic abuse training.
Recommendations to national government
1. The Department for Education should issue guidance on pre-birth assessment.
References
"""
    out = recs(text)
    assert [(r.section, r.heading) for r in out] == [
        ("lscb", None),
        ("agency", "Police"),
        ("national", None),
    ]


def test_recommendations_for_an_agency_heading():
    text = """Recommendations for Children's Social Care
1. Managers should review all cases open for more than two years.
2. Social workers should see children alone.
"""
    out = recs(text)
    assert [(r.section, r.heading) for r in out] == [
        ("agency", "Children's Social Care"),
        ("agency", "Children's Social Care"),
    ]


def test_executive_summary_restatement_counted_once_fuller_kept():
    text = """Executive summary
Recommendations
1. The LSCB should review its neglect strategy.
2. Police should share notifications.
3. Introduction
The review was commissioned in 2011.
7. Recommendations
1. The LSCB should review its neglect strategy and report progress to the Board within six months.
2. Police should share notifications with health visitors and schools within 24 hours.
8. Appendix
"""
    out = recs(text)
    assert [r.label for r in out] == ["1", "2"]
    assert all("within" in r.text for r in out)  # the fuller, later list
    assert out[0].char_start > text.index("7. Recommendations")


def test_identical_restatement_keeps_the_later_one():
    rec = "1. The LSCB should review its neglect strategy."
    text = f"Summary of recommendations\n{rec}\nIntroduction\nText here.\nRecommendations\n{rec}\n"
    out = recs(text)
    assert len(out) == 1
    assert out[0].char_start > text.index("Introduction")


def test_matters_of_concern_in_a_coroners_report():
    text = """4 CIRCUMSTANCES OF THE DEATH
1. Amy was admitted on the 15th March.
5 CORONER'S CONCERNS
During the course of the inquest the evidence revealed matters giving rise to concern.
The MATTERS OF CONCERN are as follows:
1. The information was not shared on admission to the hospital.
2. There was a lack of clarity about who was responsible for removing items.
6 ACTION SHOULD BE TAKEN
In my opinion action should be taken to prevent future deaths.
"""
    out = recs(text)
    assert [r.label for r in out] == ["1", "2"]
    assert out[0].text.startswith("The information was not shared")
    assert out[1].text.endswith("removing items.")


def test_mixed_section_only_without_a_plain_one():
    mixed = """6. Conclusions and recommendations
6.1 The panel found that the case drifted for two years.
6.2 The LSCB should review how drift is identified.
7. Appendix
"""
    assert labels(mixed) == ["6.2"]  # narrative paragraphs of the mixed section are not items
    plain = (
        """2. Recommendations
1. The LSCB should review how drift is identified.
3. THE FACTS
The family moved three times.
"""
        + mixed
    )
    assert labels(plain) == ["1"]


def test_section_ends_at_generic_heading_followed_by_prose():
    text = """Recommendations
Recommendation 1
NHS England should establish a programme of work.
Recommendation 2
Every provider should have access to digital platforms.
Our vision for a better future
Throughout the review, we have heard from a diverse range of experts about what is needed.
1. Data should be entered once and used many times.
"""
    out = recs(text)
    assert [r.label for r in out] == ["1", "2"]
    assert out[1].text == "Every provider should have access to digital platforms."


def test_recommendation_headings_outside_any_section_are_used_when_no_section_exists():
    text = """Finding 1: Pre-birth assessment
The assessment did not consider the father.
Recommendation 1: Pre-birth assessment
The partnership should seek assurance that pre-birth assessments include fathers.
Finding 2: Escalation
Professionals did not escalate.
Recommendation 2: Escalation
The partnership should relaunch its escalation policy.
"""
    out = recs(text)
    assert [r.label for r in out] == ["1", "2"]
    assert out[0].text == (
        "Pre-birth assessment The partnership should seek assurance that pre-birth "
        "assessments include fathers."
    )


def test_quotations_and_mentions_are_not_headings():
    text = """The chair said:
"Recommendations
1. We should do better."
The panel noted that recommendations from 2009 were implemented.
Recommendation 10, made in 2009, was accepted.
"""
    assert labels(text) == []


def test_numbers_in_wrapped_lines_are_not_items():
    text = """2. RECOMMENDATIONS
1. No claims for financial redress under the scheme shall be entertained after midnight 27 November
2025.
2. The Department shall make a public announcement.
3. THE HUMAN IMPACT
"""
    out = recs(text)
    assert [r.label for r in out] == ["1", "2"]
    assert out[0].text.endswith("27 November 2025.")


def test_offsets_map_back_to_the_text():
    text = CONTENTS + "Recommendations\n1. The LSCB   should\nact now.\n"
    (r,) = recs(text)
    assert text[r.char_start : r.char_end] == "The LSCB   should\nact now."
    assert r.text == "The LSCB should act now."


# --- hostile input ------------------------------------------------------------------------------
line = st.one_of(
    st.text(max_size=120),
    st.sampled_from(
        [
            "Recommendations",
            "1. The LSCB should act.",
            "1.1 Police should share.",
            "(a) x",
            "i. ensure",
            "• Police should",
            "Recommendation 4:",
            "Police",
            "R7 The Board must",
            "No. | Recommendation | Agency",
            "1 | act | LSCB",
            "Contents",
            "Appendix 1",
            "2. RECOMMENDATIONS 10",
            "",
            "a; b should c; d should e",
            "Single agency recommendations",
            "Matters of concern",
            "Glossary",
            "Conclusions and recommendations",
            "“Recommendations",
        ]
    ),  # fmt: skip
    st.from_regex(r"[0-9.]{1,60} ?[A-Za-z ]{0,20}", fullmatch=True),
    st.text(alphabet="\x00\x01\x0b\x0c\u2028\u0085\ufffe|;:.()•1aiR \n", max_size=60),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, max_size=50))
def test_find_recommendations_never_fails_and_offsets_hold(lines):
    text = "\n".join(lines)
    norm = NormalisedText(text, (0,))
    for r in find_recommendations(norm):
        assert 0 <= r.char_start < r.char_end <= len(text)
        assert r.text == collapse(text[r.char_start : r.char_end])
        assert r.text and r.section in ("lscb", "agency", "national")


def test_ten_thousand_level_numbering_and_enormous_numbers():
    deep = ".".join(["1"] * 10_000)
    text = f"Recommendations\n{deep} The LSCB should act.\n{'9' * 5000}. Police should share.\n"
    text += "\n".join(".".join(["1"] * k) + " should do it" for k in range(1, 300))
    norm = NormalisedText(text, (0,))
    out = find_recommendations(norm)
    for r in out:
        assert r.text == collapse(text[r.char_start : r.char_end])


def test_empty_and_blank_text():
    assert find_recommendations(NormalisedText("", (0,))) == []
    assert find_recommendations(NormalisedText("\n\n\n   \n", (0,))) == []


def test_inline_run_of_lettered_recommendations():
    text = """Recommendations
The Board should: (a) review the neglect strategy; (b) audit pre-birth assessments; and (c) ensure
that fathers are seen (i) at home and (ii) at clinics.
A lawyer shall ensure that offers (a) are fair (b) are prompt and (c) reach everyone.
Glossary
"""
    out = recs(text)
    assert [r.label for r in out] == ["(a)", "(b)", "(c)", "•2"]
    assert [r.text for r in out[:3]] == [
        "review the neglect strategy",
        "audit pre-birth assessments",
        "ensure that fathers are seen (i) at home and (ii) at clinics.",
    ]


def test_bare_numbers_of_an_unruled_table():
    text = """Recommendations
1 The LSCB should review the neglect toolkit.
2 Police should share notifications with schools within
12 hours of an incident.
Glossary
"""
    out = recs(text)
    assert [r.label for r in out] == ["1", "2"]
    assert out[1].text.endswith("within 12 hours of an incident.")


def test_theme_sub_heading_with_rationale_between_recommendations():
    text = """Recommendations
Recommendation 1: The LSCB should review its neglect strategy.
Professional challenge
The review found that professionals did not challenge each other's views about the family.
Recommendation 2: The LSCB should relaunch the escalation policy.
Our vision for the future
We heard from many experts about what needs to change in the years to come.
1. Data should be entered once.
"""
    out = recs(text)
    assert [(r.label, r.text) for r in out] == [
        ("1", "The LSCB should review its neglect strategy."),
        ("2", "The LSCB should relaunch the escalation policy."),
    ]


def test_list_under_a_numbered_introductory_paragraph():
    text = """8 Recommendations
8.1 Each agency that contributed an IMR made recommendations for its own service.
Northshire LSCB is asked to accept the following recommendations.
i. The LSCB must review the threshold document.
ii. The Board should audit pre-birth assessments.
9 Glossary
"""
    out = recs(text)
    assert [r.label for r in out] == ["i", "ii"]


def test_same_glyph_sub_bullets_belong_to_their_bullet():
    text = """Recommendations
• The Board should ensure that supervision includes reflective discussion.
• All agencies should share information. This should cover:
• the circumstances in which information may be shared without consent;
• named contacts in each agency; and
• the format in which information is passed on.
• The LSCB must review its escalation policy.
Glossary
"""
    out = recs(text)
    assert [r.label for r in out] == ["•1", "•2", "•3"]
    assert out[1].text.endswith("• the format in which information is passed on.")


def test_agency_names_the_lexicon_does_not_know_head_their_lists():
    text = """Appendix: Single agency recommendations
Raxham Women's Refuge
1. Staff should consider a CAF when they identify additional needs.
Grimshire Family Support Project
1. Adopt a child-centred approach in assessment and planning.
Glossary
"""
    out = recs(text)
    assert [(r.label, r.heading, r.section) for r in out] == [
        ("1", "Raxham Women's Refuge", "agency"),
        ("1", "Grimshire Family Support Project", "agency"),
    ]


def test_same_request_to_different_addressees_is_not_a_duplicate():
    text = """Recommendations
1. Northshire LSCB should ensure that records distinguish fact from opinion.
2. The Home Office should issue guidance on private fostering.
Single agency recommendations
Probation
1. Ensure that records distinguish fact from opinion.
Police
1. The Constabulary should ensure that records distinguish fact from opinion.
"""
    out = recs(text)
    assert [(r.label, r.section, r.heading) for r in out] == [
        ("1", "lscb", None),
        ("2", "national", None),  # a national body named in an overview list
        ("1", "agency", "Probation"),
        ("1", "agency", "Police"),
    ]


def test_lettered_run_closing_a_numbered_item():
    text = """Recommendations
R2. Member agencies should ensure that signs of abuse in disabled children are recognised.
The Board is further asked to: (a) consider unannounced visits; (b) audit compliance with
the procedures; and (c) ensure that practitioners challenge decisions.
Glossary
"""
    out = recs(text)
    assert [(r.label, r.text) for r in out] == [
        (
            "R2",
            "Member agencies should ensure that signs of abuse in disabled children are recognised.",
        ),
        ("(a)", "consider unannounced visits"),
        ("(b)", "audit compliance with the procedures"),
        ("(c)", "ensure that practitioners challenge decisions."),
    ]


def test_classify_target():
    from ingestion.segmentation.section_bounds import classify_target

    assert classify_target("Northshire LSCB") == "lscb"
    assert classify_target("KSCB") == "lscb"
    assert classify_target("All agencies") == "lscb"
    assert classify_target("Raxham Partnership NHS Foundation Trust") == "agency"
    assert classify_target("The National Probation Service") == "agency"
    assert classify_target("The Department for Education") == "national"
    assert classify_target("Ofsted") == "national"


def test_table_drawn_without_lines():
    text = """Appendix: Single agency recommendations
No. Recommendation Agency
1 Ensure that cases are not closed without a clear plan agreed with the
family.
Cranshire Community
Health Services
2 The service should ensure that safe sleeping advice covers sofas.
Cranshire Police
Glossary
"""
    out = recs(text)
    assert [(r.label, r.heading) for r in out] == [
        ("1", "Cranshire Community Health Services"),
        ("2", "Cranshire Police"),
    ]
    assert out[0].text == (
        "Ensure that cases are not closed without a clear plan agreed with the family."
    )


def test_addressees_of_one_area_are_still_different_bodies():
    text = """Recommendations
3. Felkham Safeguarding Children Partnership must ensure that cases are handed over without a gap.
Single agency recommendations
Felkham City Council: Children's Social Care
2.8 Ensure that cases are handed over without a gap.
"""
    assert [(r.label, r.section) for r in recs(text)] == [("3", "lscb"), ("2.8", "agency")]
