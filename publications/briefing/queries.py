"""What the briefing reads: SQL against the reporting, audit and codebook tables, as typed rows.

Every figure comes from the table that holds it (the dbt contracts guarantee the tables and
their columns); where the page needs a figure no table holds (the run's scope counts, pooled
SMART counts, the warnings of a run), it is computed here in SQL, never in the rendering code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from publications.codebook import ValueLabel, value_labels
from publications.rows import fetch, one, select

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
    reviews, in_scope, recommendations = one(
        con,
        "select (select count(*) from reporting.reviews), "
        "(select count(*) from reporting.reviews where has_agency_recommendations), "
        "(select count(*) from reporting.recommendations)",
    )
    runs = select(
        con, Run, "audit.runs", order_by="finished_at desc nulls last, run_id desc", limit=1
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
    total, held, blocking = one(
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
    (warnings,) = one(
        con, "select count(*) from audit.extraction_issues where severity = 'warning'"
    )
    return DataQuality(int(total), int(held), int(blocking), quarantined, int(warnings))


# --- the sample -----------------------------------------------------------------------------

SAMPLE_VALUE_SETS = ("outcome", "child_sex", "age_band")


def sample_value_labels(con: duckdb.DuckDBPyConnection) -> dict[str, list[ValueLabel]]:
    """The codebook's labels for the values the sample table counts (the outcomes also name
    `recommendation_count_summary`'s groups), each list in the codebook's order."""
    return {value_set: value_labels(con, value_set) for value_set in SAMPLE_VALUE_SETS}


@dataclass(frozen=True)
class Characteristic:
    characteristic: str
    value: str | None
    review_count: int
    share: float | None


def sample_characteristics(con: duckdb.DuckDBPyConnection) -> list[Characteristic]:
    return select(con, Characteristic, "reporting.sample_characteristics")


@dataclass(frozen=True)
class AnalysisLayer:
    analysis_layer: int
    description: str | None
    review_count: int


def analysis_layers(con: duckdb.DuckDBPyConnection) -> list[AnalysisLayer]:
    return select(con, AnalysisLayer, "reporting.analysis_layers", order_by="analysis_layer")


@dataclass(frozen=True)
class CountSummary:
    review_group: str
    review_count: int
    recommendation_total: int | None
    recommendation_min: int | None
    recommendation_max: int | None
    recommendation_mean: float | None


def recommendation_counts(con: duckdb.DuckDBPyConnection) -> list[CountSummary]:
    return select(con, CountSummary, "reporting.recommendation_count_summary")


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
    return select(con, AgencyTotal, "reporting.agency_totals", order_by="table1_order, agency_code")


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
    (total,) = one(con, "select coalesce(sum(total), 0) from reporting.table1_agency_by_review")
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
    return select(
        con,
        Theme,
        "reporting.theme_frequencies",
        computed={"share_addressing": "reviews_addressing / nullif(reviews_in_scope, 0)"},
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
    return select(con, CaseTheme, "reporting.case_theme_matching")


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
    return select(
        con,
        Exemplar,
        "reporting.theme_exemplars",
        order_by="theme_label, theme_code, exemplar_rank",
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
    return select(con, SmartCell, "reporting.action_plan_smart", order_by="review_id, criterion")


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
    return select(con, Finding, "reporting.action_plan_findings", order_by="finding_order")


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
    return select(
        con,
        ActionPlan,
        "reporting.action_plans",
        order_by="review_id",
        computed={
            "research_citations": "coalesce(recommendations_citing_research, 0) "
            "+ coalesce(actions_citing_research, 0)"
        },
    )


@dataclass(frozen=True)
class Citation:
    source_type: str
    source_id: str
    review_id: str
    label: str | None
    citation: str | None


def research_citations(con: duckdb.DuckDBPyConnection) -> list[Citation]:
    return select(
        con,
        Citation,
        "reporting.research_citations",
        order_by="review_id, source_type desc, source_id",
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
    return select(con, ThemeTrend, "reporting.theme_trends")


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
    return select(
        con,
        AgencyTrend,
        "reporting.agency_trends",
        computed={
            "recommendations_by_year": "coalesce(sum(recommendation_count) filter "
            "(where dimension = 'year') over (partition by agency_code), 0)::integer"
        },
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
    return select(
        con, CaseThemeTrend, "reporting.case_theme_trends", order_by="dimension desc, period"
    )
