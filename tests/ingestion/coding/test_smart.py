"""SMART appraisal of action-plan rows by the documented rules."""

from __future__ import annotations

import pytest

from ingestion.codebook import load_codebook
from ingestion.coding.smart import (
    appraise_smart,
    has_named_lead,
    is_achievable,
    is_measurable,
    is_specific,
    is_timely,
    is_training_action,
    research_citation,
    timescale_months,
    training_impact_measured,
)
from ingestion.records import ActionPlanRow


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


def _row(action, lead=None, timescale=None, measure=None):
    return ActionPlanRow("1", action, lead, timescale, measure, None, 0, len(action))


def test_a_fully_smart_row(codebook):
    row = _row(
        "Deliver a briefing on domestic abuse to all health visitors.",
        lead="Named Nurse, Safeguarding",
        timescale="31/03/2012",
        measure="Attendance records reported to the Board",
    )
    assert appraise_smart(row, {"domestic_violence"}, codebook) == {
        "specific": True,
        "measurable": True,
        "achievable": True,
        "relevant": True,
        "timely": True,
    }


def test_a_vague_row(codebook):
    row = _row(
        "Consider options.", lead="All agencies", timescale="Ongoing", measure="Improved practice"
    )
    assert appraise_smart(row, {"neglect"}, codebook) == {
        "specific": False,
        "measurable": False,
        "achievable": False,
        "relevant": False,
        "timely": False,
    }


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("Revise the referral form.", True),
        ("Develop and publish a protocol for bruising in non-mobile babies.", True),
        ("Ensure that practice improves.", False),
        (
            "Review the policy; train all staff; audit case files; appoint a lead; publish a report.",
            False,
        ),
        ("", False),
    ],
)
def test_specific(action, expected):
    assert is_specific(action) is expected


@pytest.mark.parametrize(
    ("action", "measure", "expected"),
    [
        ("Train staff.", "90% of staff trained", True),
        ("Train staff.", "n/a", False),
        ("Train staff; completion will be evidenced by attendance records.", None, True),
        ("Train staff.", "Attendance figures reported to the Board", True),
        ("Audit 20 case files.", None, True),
        ("Train staff.", None, False),
        ("Train staff.", "", False),
    ],
)
def test_measurable(action, measure, expected):
    assert is_measurable(action, measure) is expected


@pytest.mark.parametrize(
    ("action", "lead", "expected"),
    [
        ("Train staff.", "Head of Safeguarding", True),
        ("Train staff.", "TBC", False),
        ("Train staff.", "All agencies", False),
        ("Training to be led by the designated nurse.", None, True),
        ("Train staff.", None, False),
    ],
)
def test_achievable(action, lead, expected):
    assert is_achievable(action, lead) is expected


@pytest.mark.parametrize(
    ("timescale", "expected"),
    [
        ("31/03/2012", True),
        ("March 2012", True),
        ("By the end of June", True),
        ("Q2 2011", True),
        ("Within 6 weeks", True),
        ("3 months", True),
        ("12 months", True),
        ("Within a year", True),
        ("Immediately", True),
        ("Completed", True),
        ("18 months", False),
        ("2 years", False),
        ("Annual", False),
        ("Ongoing", False),
        ("TBC", False),
        (None, False),
    ],
)
def test_timely(timescale, expected):
    assert is_timely(timescale) is expected


def test_timely_falls_back_to_the_action_text():
    assert is_timely(None, "Publish the guidance by March 2013.")
    assert not is_timely(None, "Complete the audit.")


def test_relevant_means_implementing_the_recommendation(codebook):
    on_theme = _row("Train midwives to ask about drug and alcohol use in pregnancy.")
    assert appraise_smart(on_theme, {"parental_substance_misuse"}, codebook)["relevant"]
    assert appraise_smart(on_theme, set(), codebook)["relevant"]  # a practice theme
    deictic = _row(
        "Write to all health visitors setting out the expectation in the recommendation."
    )
    assert appraise_smart(deictic, set(), codebook)["relevant"]
    for housekeeping in (
        "Update the agency's public website.",
        "Refresh the annual report template.",
        "Re-brand the safeguarding newsletter.",
    ):
        row = _row(housekeeping)
        assert not appraise_smart(row, {"neglect"}, codebook)["relevant"], housekeeping
        rec = "Agencies should act on neglect and use the Graded Care Profile."
        assert not appraise_smart(row, {"neglect"}, codebook, rec)["relevant"], housekeeping


def test_recommendation_text_links_a_shared_theme(codebook):
    row = _row("Add the new form to the case file system.")
    rec = "Children's social care should improve recording of home visits."
    assert appraise_smart(row, set(), codebook, rec)["relevant"]


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("Keep the issues raised by the recommendation under review.", False),
        ("Continue to embed the learning in practice.", False),
        ("Amend the policy to include the requirement and publish it on the intranet.", True),
        ("Re-brand the safeguarding newsletter.", True),
    ],
)
def test_specific_leading_verb(action, expected):
    assert is_specific(action) is expected


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("Improved practice", False),
        ("Better outcomes for children", False),
        ("Staff more confident", False),
        ("", False),
        ("Protocol signed by all agencies", True),
        ("Briefing circulated; receipt confirmed by team managers", True),
        ("Quarterly performance report to the LSCB", True),
    ],
)
def test_vague_measures_do_not_count(measure, expected):
    assert is_measurable("Do it.", measure) is expected


# --- chapter 5 beyond SMART ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("timescale", "reference", "months"),
    [
        ("Within 6 months", None, 6.0),
        ("3 months", (2010, 5), 3.0),
        ("Within 3 weeks", None, 0.69),
        ("within a year", None, 12.0),
        ("Within 18 months", None, 18.0),
        ("March 2012", (2011, 3), 12.0),
        ("By June 2011", (2011, 3), 3.0),
        ("31/03/2012", (2011, 6), 9.0),
        ("Q2 2012", (2011, 6), 12.0),
        ("March 2012", None, None),  # a date, but the plan's own date is unknown
        ("Immediately", None, 0.0),
        ("Completed", (2010, 1), 0.0),
        ("Ongoing", (2010, 1), None),
        ("TBC", None, None),
        ("Annual", None, None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_timescale_months(timescale, reference, months):
    assert timescale_months(timescale, reference) == months


def test_a_deadline_before_the_plan_counts_as_zero_months():
    assert timescale_months("January 2010", (2010, 6)) == 0.0


@pytest.mark.parametrize(
    ("action", "measure", "expected"),
    [
        ("Deliver four half-day training sessions to health visitors", "Attendance figures", False),
        ("Deliver training on neglect", "Re-audit shows improvement on the baseline", True),
        ("Run a workshop for GPs", "Evaluation of the impact on referrals", True),
        ("Add the course to the e-learning catalogue", None, False),
        ("Revise the supervision policy", "Audit of 20 case files", None),  # not training
    ],
)
def test_training_impact_measured(action, measure, expected):
    assert training_impact_measured(action, measure) is expected


def test_training_actions_are_recognised():
    assert is_training_action("Circulate the learning to all staff through briefing sessions")
    assert is_training_action("Staff to complete safeguarding e-learning")
    assert not is_training_action("Issue revised record-keeping standards")


@pytest.mark.parametrize(
    ("text", "citation"),
    [
        (
            "Practice should follow the findings (Brandon et al., 2009) on neglect.",
            "(Brandon et al., 2009)",
        ),
        ("As Munro (2011) argues, systems must learn.", "Munro (2011)"),
        ("Guidance (Munro, 2011; Rose 2010) applies.", "(Munro, 2011; Rose 2010)"),
        (
            "Staff should use research evidence on neglect when assessing.",
            "research evidence on neglect when assessing",
        ),
        ("The LSCB should ensure that training is delivered.", None),
        ("In March (2010) the Board met.", None),
        ("", None),
        (None, None),
    ],
)
def test_research_citation_as_printed(text, citation):
    assert research_citation(text) == citation


@pytest.mark.parametrize(
    ("lead", "named"),
    [
        ("Named Nurse, Northshire Community Trust", True),
        ("LSCB Business Manager", True),
        ("TBC", False),
        ("All agencies", False),
        ("Various", False),
        (None, False),
    ],
)
def test_delegated_responsibility_needs_a_named_lead(lead, named):
    assert has_named_lead(lead) is named
