"""Action-plan tables: header words mapped to fields, merged cells, repeated headers, key-value plans."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingestion.action_plans import find_action_plan, header_roles, plan_reference_date
from ingestion.records import NormalisedText


def plan(text: str):
    rows = find_action_plan(NormalisedText(text, (0,)))
    for r in rows:
        assert 0 <= r.char_start <= r.char_end <= len(text)
        assert r.smart == {}
    return rows


PLAN = """8. Appendix 1: SCR Action Plan
Rec no. | Recommendation | Action | Lead | Target date | Success measure | Status
1 | The LSCB should ensure neglect training | Review training programme | LSCB Training Officer | March 2012 | Audit shows 90% attendance | Complete
 |  | Deliver two multi-agency events | LSCB Manager | June 2012 | Evaluation forms returned | On track
2 | Social care should audit recording | Audit 20 cases | Head of Service | April 2012 | Audit report to the Board | Ongoing
Rec no. | Recommendation | Action | Lead | Target date | Success measure | Status
3 | Police should share notifications | Daily notification meeting | DI Public Protection | May 2012 | All notifications shared within 24 hours | Not started
9. Glossary
"""


def test_table_rows_mapped_by_header_words():
    rows = plan(PLAN)
    assert [(r.recommendation_label, r.action) for r in rows] == [
        ("1", "Review training programme"),
        ("1", "Deliver two multi-agency events"),  # merged "Rec no." cell inherits the label
        ("2", "Audit 20 cases"),
        ("3", "Daily notification meeting"),  # header repeated on the next page is skipped
    ]
    first = rows[0]
    assert first.lead == "LSCB Training Officer"
    assert first.timescale == "March 2012"
    assert first.measure == "Audit shows 90% attendance"
    assert first.status == "Complete"
    assert PLAN[first.char_start : first.char_end].startswith("1 | The LSCB")


def test_other_header_wordings():
    text = """Multi-agency action plan
No. | Actions required | Responsible officer | Timescale | Evidence of impact | RAG
R1 | Relaunch the escalation policy | Board manager | Q3 2013 | Survey of staff | Green
"""
    (row,) = plan(text)
    assert row.recommendation_label == "R1"
    assert row.lead == "Board manager"
    assert row.timescale == "Q3 2013"
    assert row.measure == "Survey of staff"
    assert row.status == "Green"


def test_label_taken_from_recommendation_text_when_no_number_column():
    text = """Action plan
Recommendation | Action | Lead agency | By when
Recommendation 4: GPs should flag non-attendance | Issue a practice bulletin | ICB | January 2024
"""
    (row,) = plan(text)
    assert row.recommendation_label == "4"
    assert row.action == "Issue a practice bulletin"
    assert row.lead == "ICB"


def test_unmistakable_plan_table_without_heading_is_found():
    text = """Appendix B
Action | Lead | Timescale | Outcome
Audit supervision records | Principal social worker | six months | Audit report
"""
    (row,) = plan(text)
    assert row.action == "Audit supervision records"
    assert row.recommendation_label is None


def test_recommendation_table_is_not_an_action_plan():
    text = """Recommendations
No. | Recommendation | Agency
1 | Review the neglect toolkit | LSCB
"""
    assert plan(text) == []


def test_key_value_plan_without_table():
    text = """SCR Action Plan
Recommendation 1
Action: Review the neglect toolkit with front-line staff.
Lead: LSCB Business Manager
Timescale: March 2013
Success measure: Toolkit used in 80% of
neglect cases.
Recommendation 2
Action: Audit pre-birth assessments.
Lead: Head of Children's Services
Timescale: June 2013
Appendix 3: Glossary
"""
    rows = plan(text)
    assert [(r.recommendation_label, r.action, r.lead, r.timescale) for r in rows] == [
        (
            "1",
            "Review the neglect toolkit with front-line staff.",
            "LSCB Business Manager",
            "March 2013",
        ),
        ("2", "Audit pre-birth assessments.", "Head of Children's Services", "June 2013"),
    ]
    assert rows[0].measure == "Toolkit used in 80% of neglect cases."


def test_header_roles():
    assert header_roles(["Rec", "Action", "Lead", "Timescale"]) == {
        "label": 0, "action": 1, "lead": 2, "timescale": 3,
    }  # fmt: skip
    assert header_roles(["No.", "Recommendation", "Agency"]) == {}
    assert header_roles(["1", "Review the toolkit", "LSCB", "2012"]) == {}


def test_no_plan():
    assert plan("Recommendations\n1. The LSCB should act.\n") == []
    assert plan("") == []


cell = st.one_of(st.text(alphabet=st.characters(blacklist_characters="|\n"), max_size=30),
                 st.sampled_from(["Action", "Lead", "Timescale", "Rec no.", "1", "", "Status"]))  # fmt: skip
row = st.lists(cell, min_size=1, max_size=8).map(" | ".join)
text_line = st.one_of(row, st.text(max_size=80), st.sampled_from(["Action plan", "Glossary", ""]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(text_line, max_size=40))
def test_find_action_plan_never_fails(lines):
    text = "\n".join(lines)
    for r in find_action_plan(NormalisedText(text, (0,))):
        assert 0 <= r.char_start <= r.char_end <= len(text)
        assert r.action


# --- the date an action plan's timescales count from --------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Serious Case Review\nDate of report: 12 March 2010\nPublished: May 2010", (2010, 3)),
        ("Final version: 3rd June 2011", (2011, 6)),
        ("This action plan was agreed by Northshire LSCB on 02/11/2010.", (2010, 11)),
        ("Publication date: July 2009", (2009, 7)),
        ("No date anywhere in this text.", None),
    ],
)
def test_plan_reference_date(text, expected):
    assert plan_reference_date(text) == expected
