"""The rest of DFE-RR157 on the sample corpus: chapter 3's exemplars, chapter 5 in full and the
trends, asserted where the study gives a figure or a direction."""

from __future__ import annotations

import duckdb
import pytest


@pytest.fixture(scope="module")
def con(sample_run):
    _, _, paths, outcome = sample_run
    assert outcome.published
    connection = duckdb.connect(str(paths.published), read_only=True)
    yield connection
    connection.close()


def findings(con) -> dict[str, tuple]:
    return {
        code: (value, num, den)
        for code, value, num, den in con.execute(
            "select finding_code, value, numerator, denominator from reporting.action_plan_findings"
        ).fetchall()
    }


def test_chapter5_reproduces_the_studys_findings_on_the_sample(con):
    f = findings(con)
    assert f["plans"][0] == 5  # the study's layer 3
    # more recommendations mean longer plans
    assert f["recommendations_vs_actions"][0] > 0.8
    assert f["recommendations_vs_pages"][0] > 0
    # every recommendation has a timescale; no plan beyond one year
    assert f["recommendations_with_timescale"][0] == 1.0
    assert f["longest_timescale_months"][0] <= 12 and f["plans_beyond_a_year"][0] == 0
    # subdividing recommendations multiplies tasks
    assert f["actions_per_recommendation"][0] > 1
    # research rarely cited; training's impact rarely measured
    assert f["recommendations_citing_research"][0] < 0.1
    assert f["actions_citing_research"][0] < 0.1
    assert f["training_impact_measured"][0] is None or f["training_impact_measured"][0] <= 0.5
    # responsibility delegated to a named lead for most actions
    assert f["actions_with_named_lead"][0] > 0.7


def test_action_plans_are_one_row_per_plan_and_add_up(con):
    plans = con.execute(
        "select review_id, recommendation_count, action_count, plan_recommendations, "
        "longest_timescale_months from reporting.action_plans order by recommendation_count"
    ).fetchall()
    assert len(plans) == 5
    actions = [p[2] for p in plans]
    assert actions == sorted(actions)  # longer plans for more recommendations, on the sample
    per_review = dict(
        con.execute(
            "select review_id, count(*) from reporting.action_plan_actions group by 1"
        ).fetchall()
    )
    assert {p[0]: p[2] for p in plans} == per_review
    unmatched = con.execute(
        "select count(*) from reporting.action_plan_actions where recommendation_id is null"
    ).fetchone()[0]
    assert unmatched == 0


def test_exemplars_are_confident_clear_and_from_different_reviews(con):
    rows = con.execute(
        "select e.theme_code, e.review_id, (e.confidence >= e.confidence_threshold and e.confidence >= 0.5)::int * 0.7, e.word_count, e.text = r.text, "
        "e.char_start = r.char_start and e.char_end = r.char_end and e.page = r.page "
        "from reporting.theme_exemplars e join reporting.recommendations r using "
        "(recommendation_id)"
    ).fetchall()
    table2 = {
        t
        for (t,) in con.execute(
            "select theme_code from reporting.theme_frequencies where dfe_rr157_reviews is not null"
        ).fetchall()
    }
    assert table2 <= {r[0] for r in rows}  # every Table 2 theme has an exemplar
    assert all(r[2] >= 0.7 and 8 <= r[3] <= 60 and r[4] and r[5] for r in rows)
    pairs = [(r[0], r[1]) for r in rows]
    assert len(pairs) == len(set(pairs))
    ordered = con.execute(
        "select theme_code, list(word_count order by exemplar_rank) from "
        "reporting.theme_exemplars group by 1"
    ).fetchall()
    assert all(words == sorted(words) and len(words) <= 3 for _, words in ordered)


def test_trends_span_several_years_and_move(con):
    years = con.execute(
        "select period, reviews_in_period from reporting.case_theme_trends "
        "where dimension = 'year' order by period"
    ).fetchall()
    assert len(years) >= 3
    assert sum(n for _, n in years) == 33
    shares = con.execute(
        "select theme_code, count(distinct share_addressing) from reporting.theme_trends "
        "where dimension = 'year' group by 1"
    ).fetchall()
    assert sum(1 for _, distinct in shares if distinct > 1) >= 10
    kinds = con.execute(
        "select period, sum(share_of_recommendations) from reporting.agency_trends "
        "where dimension = 'document_kind' group by 1"
    ).fetchall()
    assert kinds and all(abs(total - 1) < 0.01 for _, total in kinds)
