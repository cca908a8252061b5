"""What the briefing reads: SQL against the reporting and audit tables, returning typed rows.

Every figure comes from the table that holds it (the dbt contracts guarantee the tables and
their columns); where the page needs a figure no table holds (the run's scope counts, pooled
SMART counts, the warnings of a run), it is computed here in SQL, never in the rendering code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import duckdb

Row = TypeVar("Row")


def fetch(
    con: duckdb.DuckDBPyConnection,
    row: Callable[..., Row],
    sql: str,
    params: Sequence[object] = (),
) -> list[Row]:
    """The rows of `sql`, each built from its columns by name."""
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [row(**dict(zip(names, values, strict=True))) for values in cursor.fetchall()]


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()) -> tuple:
    found = con.execute(sql, list(params)).fetchone()
    assert found is not None, "an aggregate query returns one row"
    return found


# --- the page's header and data-quality banner ----------------------------------------------


@dataclass(frozen=True)
class Run:
    run_id: str
    finished_at: dt.datetime | None
    checks_passed: int | None
    checks_failed: int | None
    checks_failed_blocking: int | None


@dataclass(frozen=True)
class Scope:
    """The counts the page states up front, and the last run."""

    reviews: int
    in_scope: int
    recommendations: int
    run: Run | None


def scope(con: duckdb.DuckDBPyConnection) -> Scope:
    reviews, in_scope, recommendations = _one(
        con,
        "select (select count(*) from reporting.reviews), "
        "(select count(*) from reporting.reviews where has_agency_recommendations), "
        "(select count(*) from reporting.recommendations)",
    )
    runs = fetch(
        con,
        Run,
        "select run_id, finished_at, checks_passed, checks_failed, checks_failed_blocking "
        "from audit.runs order by finished_at desc nulls last, run_id desc limit 1",
    )
    return Scope(int(reviews), int(in_scope), int(recommendations), runs[0] if runs else None)


@dataclass(frozen=True)
class DataQuality:
    """The run's expectations (or every recorded one when no run is known) and the files met."""

    expectations: int
    expectations_held: int
    expectations_blocking: int
    quarantined: list[str]
    warnings: int


def data_quality(con: duckdb.DuckDBPyConnection, run_id: str | None) -> DataQuality:
    total, held, blocking = _one(
        con,
        "select count(*), count(*) filter (where is_success), "
        "count(*) filter (where not is_success and is_blocking) "
        "from audit.data_quality_results where ? is null or run_id = ?",
        [run_id, run_id],
    )
    quarantined = [
        str(path)
        for (path,) in con.execute(
            "select distinct path from audit.extraction_issues where severity = 'error' "
            "order by path nulls last"
        ).fetchall()
    ]
    (warnings,) = _one(
        con, "select count(*) from audit.extraction_issues where severity = 'warning'"
    )
    return DataQuality(int(total), int(held), int(blocking), quarantined, int(warnings))


# --- the sample -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Characteristic:
    characteristic: str
    value: str | None
    review_count: int
    share: float | None


def sample_characteristics(con: duckdb.DuckDBPyConnection) -> list[Characteristic]:
    return fetch(
        con,
        Characteristic,
        "select characteristic, value, review_count, share from reporting.sample_characteristics",
    )


@dataclass(frozen=True)
class AnalysisLayer:
    analysis_layer: int
    description: str | None
    review_count: int


def analysis_layers(con: duckdb.DuckDBPyConnection) -> list[AnalysisLayer]:
    return fetch(
        con,
        AnalysisLayer,
        "select analysis_layer, description, review_count from reporting.analysis_layers "
        "order by analysis_layer",
    )


@dataclass(frozen=True)
class CountSummary:
    review_group: str
    review_count: int
    recommendation_total: int | None
    recommendation_min: int | None
    recommendation_max: int | None
    recommendation_mean: float | None


def recommendation_counts(con: duckdb.DuckDBPyConnection) -> list[CountSummary]:
    return fetch(
        con,
        CountSummary,
        "select review_group, review_count, recommendation_total, recommendation_min, "
        "recommendation_max, recommendation_mean from reporting.recommendation_count_summary",
    )


@dataclass(frozen=True)
class ReviewTitle:
    title: str | None
    area: str | None
    year: int | None


def review_titles(con: duckdb.DuckDBPyConnection) -> dict[str, ReviewTitle]:
    rows = con.execute("select review_id, title, area, year from reporting.reviews").fetchall()
    return {review_id: ReviewTitle(title, area, year) for review_id, title, area, year in rows}


# --- Table 1 --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyTotal:
    """A column of Table 1: the agency category, its total and the study's total beside it."""

    agency_code: str
    agency_label: str | None
    recommendation_count: int
    dfe_rr157_recommendations: int | None
    dfe_rr157_is_confirmed: bool | None


def agency_totals(con: duckdb.DuckDBPyConnection) -> list[AgencyTotal]:
    return fetch(
        con,
        AgencyTotal,
        "select agency_code, agency_label, recommendation_count, dfe_rr157_recommendations, "
        "dfe_rr157_is_confirmed from reporting.agency_totals order by table1_order, agency_code",
    )


@dataclass(frozen=True)
class Table1Row:
    review_id: str
    title: str | None
    area: str | None
    year: int | None
    is_serious_injury: bool
    outcome: str | None
    counts: tuple[int, ...]  # in the order of the agencies asked for
    total: int


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table1_rows(con: duckdb.DuckDBPyConnection, agencies: Sequence[str]) -> list[Table1Row]:
    """Table 1's rows (`reporting.table1_agency_by_review`), by title."""
    columns = "".join(f", {_quote(code)}" for code in agencies)
    rows = con.execute(
        "select review_id, title, area, year, coalesce(is_serious_injury, false), outcome, "
        f"total{columns} from reporting.table1_agency_by_review "
        "order by lower(coalesce(title, '')), review_id"
    ).fetchall()
    return [
        Table1Row(r[0], r[1], r[2], r[3], bool(r[4]), r[5], tuple(int(c) for c in r[7:]), int(r[6]))
        for r in rows
    ]


def table1_total(con: duckdb.DuckDBPyConnection) -> int:
    (total,) = _one(con, "select coalesce(sum(total), 0) from reporting.table1_agency_by_review")
    return int(total)


# --- Tables 2 and 3 -------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    theme_code: str
    theme_label: str | None
    layer_label: str | None
    reviews_addressing: int
    reviews_in_scope: int | None
    share_addressing: float | None
    recommendation_count: int | None
    table2_order: int | None
    dfe_rr157_reviews: int | None
    coder_f1: float | None
    coder_support: int | None


def themes(con: duckdb.DuckDBPyConnection) -> list[Theme]:
    return fetch(
        con,
        Theme,
        "select theme_code, theme_label, layer_label, reviews_addressing, reviews_in_scope, "
        "reviews_addressing / nullif(reviews_in_scope, 0) as share_addressing, "
        "recommendation_count, table2_order, dfe_rr157_reviews, coder_f1, coder_support "
        "from reporting.theme_frequencies",
    )


@dataclass(frozen=True)
class CaseTheme:
    case_theme_code: str
    case_theme_label: str | None
    reviews_with_theme: int
    reviews_reflected: int | None
    share_reflected: float | None
    dfe_rr157_finding_label: str | None
    coder_f1: float | None
    coder_support: int | None


def case_themes(con: duckdb.DuckDBPyConnection) -> list[CaseTheme]:
    return fetch(
        con,
        CaseTheme,
        "select case_theme_code, case_theme_label, reviews_with_theme, reviews_reflected, "
        "share_reflected, dfe_rr157_finding_label, coder_f1, coder_support "
        "from reporting.case_theme_matching",
    )


# --- chapter 3 and chapter 5 ----------------------------------------------------------------


@dataclass(frozen=True)
class Exemplar:
    theme_code: str
    theme_label: str | None
    recommendation_id: str
    review_id: str
    review_title: str | None
    label: str | None
    text: str | None
    method: str | None
    confidence: float | None
    page: int | None
    char_start: int | None
    char_end: int | None


def exemplars(con: duckdb.DuckDBPyConnection) -> list[Exemplar]:
    return fetch(
        con,
        Exemplar,
        "select theme_code, theme_label, recommendation_id, review_id, review_title, label, "
        "text, method, confidence, page, char_start, char_end from reporting.theme_exemplars "
        "order by theme_label, theme_code, exemplar_rank",
    )


@dataclass(frozen=True)
class SmartCell:
    """Per plan (or pooled over every plan when `review_id` is None), one SMART criterion."""

    review_id: str | None
    criterion: str
    action_count: int
    actions_meeting: int
    share_meeting: float | None


def smart_by_plan(con: duckdb.DuckDBPyConnection) -> list[SmartCell]:
    return fetch(
        con,
        SmartCell,
        "select review_id, criterion, action_count, actions_meeting, share_meeting "
        "from reporting.action_plan_smart order by review_id, criterion",
    )


def smart_pooled(con: duckdb.DuckDBPyConnection) -> list[SmartCell]:
    """Each criterion over every plan's actions (no table holds the pooled figure)."""
    return fetch(
        con,
        SmartCell,
        "select null as review_id, criterion, sum(action_count)::integer as action_count, "
        "sum(actions_meeting)::integer as actions_meeting, "
        "sum(actions_meeting) / nullif(sum(action_count), 0) as share_meeting "
        "from reporting.action_plan_smart group by criterion order by criterion",
    )


@dataclass(frozen=True)
class Finding:
    finding_code: str
    finding_label: str | None
    value: float | None
    numerator: int | None
    denominator: int | None
    dfe_rr157_finding: str | None


def action_plan_findings(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    return fetch(
        con,
        Finding,
        "select finding_code, finding_label, value, numerator, denominator, dfe_rr157_finding "
        "from reporting.action_plan_findings order by finding_order",
    )


@dataclass(frozen=True)
class ActionPlan:
    review_id: str
    recommendation_count: int | None
    action_count: int | None
    actions_per_recommendation: float | None
    plan_pages: int | None
    longest_timescale_months: float | None
    actions_with_timescale: int | None
    share_actions_with_timescale: float | None
    training_actions: int | None
    training_actions_impact_measured: int | None
    research_citations: int
    actions_with_named_lead: int | None
    share_actions_with_named_lead: float | None


def action_plans(con: duckdb.DuckDBPyConnection) -> list[ActionPlan]:
    return fetch(
        con,
        ActionPlan,
        "select review_id, recommendation_count, action_count, actions_per_recommendation, "
        "plan_pages, longest_timescale_months, actions_with_timescale, "
        "share_actions_with_timescale, training_actions, training_actions_impact_measured, "
        "coalesce(recommendations_citing_research, 0) + coalesce(actions_citing_research, 0) "
        "as research_citations, actions_with_named_lead, share_actions_with_named_lead "
        "from reporting.action_plans order by review_id",
    )


@dataclass(frozen=True)
class Citation:
    source_type: str
    source_id: str
    review_id: str
    label: str | None
    citation: str | None


def research_citations(con: duckdb.DuckDBPyConnection) -> list[Citation]:
    return fetch(
        con,
        Citation,
        "select source_type, source_id, review_id, label, citation "
        "from reporting.research_citations order by review_id, source_type desc, source_id",
    )


# --- trends ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeTrend:
    dimension: str
    period: str
    theme_code: str
    theme_label: str | None
    reviews_in_period: int | None
    reviews_addressing: int | None
    share_addressing: float | None


def theme_trends(con: duckdb.DuckDBPyConnection) -> list[ThemeTrend]:
    return fetch(
        con,
        ThemeTrend,
        "select dimension, period, theme_code, theme_label, reviews_in_period, "
        "reviews_addressing, share_addressing from reporting.theme_trends",
    )


def table2_theme_codes(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The study's themes (those of Table 2), in Table 2's order."""
    rows = con.execute(
        "select theme_code from reporting.theme_frequencies where dfe_rr157_reviews is not null "
        "order by coalesce(table2_order, 0), theme_code"
    ).fetchall()
    return [code for (code,) in rows]


@dataclass(frozen=True)
class AgencyTrend:
    dimension: str
    period: str
    agency_code: str
    agency_label: str | None
    recommendation_count: int | None
    period_recommendations: int | None
    share_of_recommendations: float | None
    recommendations_by_year: int  # the agency's recommendations over every year: its rank


def agency_trends(con: duckdb.DuckDBPyConnection) -> list[AgencyTrend]:
    return fetch(
        con,
        AgencyTrend,
        "select dimension, period, agency_code, agency_label, recommendation_count, "
        "period_recommendations, share_of_recommendations, "
        "coalesce(sum(recommendation_count) filter (where dimension = 'year') "
        "over (partition by agency_code), 0)::integer as recommendations_by_year "
        "from reporting.agency_trends",
    )


@dataclass(frozen=True)
class CaseThemeTrend:
    dimension: str
    period: str
    reviews_in_period: int | None
    case_themes_present: int | None
    case_themes_reflected: int | None
    share_reflected: float | None


def case_theme_trends(con: duckdb.DuckDBPyConnection) -> list[CaseThemeTrend]:
    return fetch(
        con,
        CaseThemeTrend,
        "select dimension, period, reviews_in_period, case_themes_present, "
        "case_themes_reflected, share_reflected from reporting.case_theme_trends "
        "order by dimension desc, period",
    )
