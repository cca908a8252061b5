"""The briefing's sections beyond Tables 1-3: chapter 3's exemplars (under Table 2), chapter 5
beyond the SMART appraisal, and the trends by year and by kind of document.

Pure functions from query rows to view values, like `sections`; every count goes through the
page's `Numbers`, so the suppression threshold holds here too.
"""

from __future__ import annotations

from markupsafe import Markup

from publications.briefing import queries as q
from publications.briefing.numbers import DASH, Numbers
from publications.briefing.sections import PRIMARY, br
from publications.briefing.svg_charts import Panel, small_multiples
from publications.briefing.text import clip, review_name
from publications.briefing.view import (
    Block,
    Figure,
    Item,
    Items,
    Row,
    Section,
    Subheading,
    Table,
    col_head,
    empty,
    markup,
    note,
    num,
    row,
    row_head,
    td,
)

# --- chapter 3 ------------------------------------------------------------------------------


def _exemplar_row(e: q.Exemplar, theme_shown: str) -> Row:
    where = (
        f"{clip(e.review_title or e.review_id, 70)}, recommendation {e.label or DASH}, page "
        f"{e.page or DASH}, characters {e.char_start}–{e.char_end}"
    )
    quote = markup('“{}”<span class="sub">{}</span>', clip(e.text or "", 320), where)
    coding = f"{e.method} {e.confidence:.2f}" if e.confidence is not None else DASH
    return row(
        row_head(theme_shown),
        td(quote, "quote"),
        num(coding, data_col="coding"),
        data_theme=e.theme_code,
        data_recommendation_id=e.recommendation_id,
    )


def exemplars_section(exemplars: list[q.Exemplar]) -> Section:
    """Chapter 3: the recommendations that illustrate each theme, quoted with where they stand."""
    heading = "Chapter 3: recommendations that illustrate each theme"
    if not exemplars:
        text = "No recommendation was coded with enough confidence to quote."
        return Section("theme-exemplars", heading, (empty(text),))
    body, last = [], None
    for e in exemplars:
        theme = e.theme_label or e.theme_code
        body.append(_exemplar_row(e, theme if theme != last else ""))
        last = theme
    head = row(
        col_head("Theme"),
        col_head("Recommendation, as printed"),
        col_head(br("Coded by,", "confidence"), "num"),
    )
    intro = (
        "For each theme, up to three recommendations that show what it means in practice, as "
        "DFE-RR157 quotes recommendations in chapter 3: coded with high confidence, each from a "
        "different review, the shortest clear wording first (reporting.theme_exemplars)."
    )
    table = Table("table-exemplars", "data full", (head,), tuple(body))
    return Section("theme-exemplars", heading, (table,), intro)


# --- chapter 5 ------------------------------------------------------------------------------


def finding_value(f: q.Finding, n: Numbers) -> str:
    """A finding as the study states it: a share of a count, a correlation, months or a count."""
    value, code = f.value, f.finding_code
    if value is None:
        return DASH
    if f.denominator is not None:
        share = n.share(value, f.numerator, f.denominator)
        return (
            f"{share} ({n.count(f.numerator)} of {n.count(f.denominator)})"
            if share != DASH
            else DASH
        )
    if code.startswith("recommendations_vs_"):
        return f"r = {value:.2f}"
    if code == "longest_timescale_months":
        return f"{value:.0f} months"
    if code == "actions_per_recommendation":
        return f"{value:.2f}"
    return n.count(int(value))


def _findings_table(findings: list[q.Finding], n: Numbers) -> Table:
    body = tuple(
        row(
            row_head(f.finding_label or f.finding_code),
            num(finding_value(f, n), data_col="value"),
            td(f.dfe_rr157_finding or DASH, data_col="study"),
            data_finding=f.finding_code,
        )
        for f in findings
    )
    head = row(
        col_head("Finding"),
        col_head("This warehouse", "num"),
        col_head("DFE-RR157 (5 plans)", "study"),
    )
    return Table("table-ch5-findings", "data full", (head,), body)


def _plan_row(p: q.ActionPlan, titles: dict[str, q.ReviewTitle], n: Numbers) -> Row:
    actions = p.action_count
    per_recommendation = p.actions_per_recommendation
    longest = p.longest_timescale_months
    return row(
        row_head(clip(review_name(titles, p.review_id), 80)),
        num(n.count(p.recommendation_count), data_col="recommendations"),
        num(n.count(actions), data_col="actions"),
        num(DASH if per_recommendation is None else f"{per_recommendation:.2f}",
            data_col="per-recommendation"),
        num(n.count(p.plan_pages), data_col="pages"),
        num(DASH if longest is None else f"{longest:.0f}", data_col="longest"),
        num(n.share(p.share_actions_with_timescale if actions else None,
                    p.actions_with_timescale, actions), data_col="timescale"),
        num(f"{n.count(p.training_actions_impact_measured)} of {n.count(p.training_actions)}",
            data_col="training"),
        num(n.count(p.research_citations), data_col="research"),
        num(n.share(p.share_actions_with_named_lead if actions else None,
                    p.actions_with_named_lead, actions), data_col="named-lead"),
        data_review_id=p.review_id,
    )  # fmt: skip


def _plans_table(plans: list[q.ActionPlan], titles: dict[str, q.ReviewTitle], n: Numbers) -> Table:
    ordered = sorted(plans, key=lambda p: (review_name(titles, p.review_id).lower(), p.review_id))
    head = row(
        col_head("Review"),
        col_head(Markup("Recom&shy;mendations"), "num"),
        col_head("Actions", "num"),
        col_head(br("Actions per", "recommendation"), "num"),
        col_head("Pages", "num"),
        col_head(br("Longest time", "frame (months)"), "num"),
        col_head(br("Actions with", "a timescale"), "num"),
        col_head(br("Training with", "impact measured"), "num"),
        col_head(br("Research", "citations"), "num"),
        col_head(br("Named", "lead"), "num"),
    )
    body = tuple(_plan_row(p, titles, n) for p in ordered)
    return Table("table-ch5-plans", "data full", (head,), body, wide=True)


def _citations(citations: list[q.Citation], titles: dict[str, q.ReviewTitle]) -> Block:
    if not citations:
        return note(
            "No recommendation or action of the reviews in the study cites research evidence.",
            "research-citations",
        )
    items = tuple(
        Item(
            markup('{} <span class="sub">({} {}, {})</span>', c.citation, c.source_type,
                   c.label or "", clip(review_name(titles, c.review_id), 60)),
            (("data-source-id", c.source_id),),
        )
        for c in citations
    )  # fmt: skip
    return Items("research-citations", "citations", items)


def chapter5_blocks(
    findings: list[q.Finding],
    plans: list[q.ActionPlan],
    citations: list[q.Citation],
    titles: dict[str, q.ReviewTitle],
    n: Numbers,
) -> tuple[Block, ...]:
    """Chapter 5 beyond SMART: the findings beside the study's, one row per plan, citations."""
    return (
        Subheading(
            "chapter-5-findings",
            "Proliferation, time frames, training, research and responsibility",
        ),
        _findings_table(findings, n),
        _plans_table(plans, titles, n),
        _citations(citations, titles),
    )


# --- trends ---------------------------------------------------------------------------------


def _theme_panels(
    themes: list[q.ThemeTrend], codes: list[str], years: list[str], n: Numbers
) -> list[Panel]:
    cell = {(t.dimension, t.period, t.theme_code): t for t in themes}
    labels = {t.theme_code: t.theme_label or t.theme_code for t in themes}
    panels = []
    for code in codes:
        values: list[float | None] = []
        texts: list[str] = []
        for year in years:
            t = cell.get(("year", year, code))
            if t is None or n.hidden(t.reviews_addressing) or n.hidden(t.reviews_in_period):
                values.append(None)
                texts.append(n.count(t.reviews_addressing) if t else DASH)
            else:
                values.append(t.share_addressing)
                texts.append(n.share(t.share_addressing, t.reviews_addressing,
                                     t.reviews_in_period))  # fmt: skip
        panels.append(Panel(labels.get(code, code), tuple(values), tuple(texts)))
    return panels


def _period_head(title: str, columns: list[tuple[str, str]]) -> Row:
    return row(col_head(title), *(col_head(p.replace("_", " "), "num") for _, p in columns))


def _theme_trend_table(
    themes: list[q.ThemeTrend], codes: list[str], columns: list[tuple[str, str]], n: Numbers
) -> Table:
    cell = {(t.dimension, t.period, t.theme_code): t for t in themes}
    labels = {t.theme_code: t.theme_label or t.theme_code for t in themes}
    sizes = {(t.dimension, t.period): t.reviews_in_period for t in themes}
    body = [
        row(row_head("Reviews with recommendations"),
            *(num(n.count(sizes.get(c)), data_col=c[1]) for c in columns), cls="group")
    ]  # fmt: skip
    for code in codes:
        cells = []
        for dim, period in columns:
            t = cell.get((dim, period, code))
            text = (n.share(t.share_addressing, t.reviews_addressing, t.reviews_in_period)
                    if t else DASH)  # fmt: skip
            cells.append(num(text, data_col=period))
        body.append(row(row_head(labels.get(code, code)), *cells, data_theme=code))
    head = _period_head("Theme (share of the period's reviews addressing it)", columns)
    return Table("table-theme-trends", "data full", (head,), tuple(body))


def _agency_trend_table(
    agencies: list[q.AgencyTrend], columns: list[tuple[str, str]], n: Numbers
) -> Table:
    cell = {(a.dimension, a.period, a.agency_code): a for a in agencies}
    ranks = {a.agency_code: a.recommendations_by_year for a in agencies}
    labels = {a.agency_code: a.agency_label or a.agency_code for a in agencies}
    used = sorted({a.agency_code for a in agencies if a.recommendation_count},
                  key=lambda code: (-ranks[code], code))  # fmt: skip
    body = []
    for code in used:
        cells = []
        for dim, period in columns:
            a = cell.get((dim, period, code))
            text = (n.share(a.share_of_recommendations, a.recommendation_count,
                            a.period_recommendations) if a else DASH)  # fmt: skip
            cells.append(num(text, data_col=period))
        body.append(row(row_head(labels.get(code, code)), *cells, data_agency=code))
    head = _period_head("Agency (share of the period's recommendations)", columns)
    return Table("table-agency-trends", "data full", (head,), tuple(body))


def _case_theme_trend_table(cases: list[q.CaseThemeTrend], n: Numbers) -> Table:
    body = tuple(
        row(
            row_head(c.period.replace("_", " ")),
            td(c.dimension.replace("_", " "), data_col="dimension"),
            num(n.count(c.reviews_in_period), data_col="reviews"),
            num(n.count(c.case_themes_present), data_col="present"),
            num(n.count(c.case_themes_reflected), data_col="reflected"),
            num(n.share(c.share_reflected, c.case_themes_reflected, c.case_themes_present),
                data_col="share"),
            data_dimension=c.dimension,
            data_period=c.period,
        )
        for c in cases
    )  # fmt: skip
    head = row(
        col_head("Period"),
        col_head("By"),
        col_head("Reviews", "num"),
        col_head(br("Case themes", "present"), "num"),
        col_head(br("Reflected in a", "recommendation"), "num"),
        col_head("Share", "num"),
    )
    return Table("table-case-theme-trends", "data narrow", (head,), body)


def trends_section(
    themes: list[q.ThemeTrend],
    table2_codes: list[str],
    agencies: list[q.AgencyTrend],
    cases: list[q.CaseThemeTrend],
    n: Numbers,
) -> Section:
    """Themes, agency shares and case themes reflected, by year and by kind of document."""
    heading = "Trends: by year and by kind of document"
    if not themes:
        return Section("trends", heading, (empty("No review carries a year."),))
    years = sorted({t.period for t in themes if t.dimension == "year"})
    kinds = sorted({t.period for t in themes if t.dimension == "document_kind"})
    codes = table2_codes or sorted({t.theme_code for t in themes})
    caption = "Figure D: Share of each year's reviews addressing each of Table 2's themes"
    svg = small_multiples("chart-theme-trends", caption, years,
                          _theme_panels(themes, codes, years, n), PRIMARY)  # fmt: skip
    chart = Figure(
        "chart-theme-trends",
        caption,
        Markup(svg),
        "One panel per theme, one column per year, on one scale from 0 to 100% of the year's "
        "reviews with recommendations (reporting.theme_trends).",
    )
    columns = [("year", y) for y in years] + [("document_kind", k) for k in kinds]
    intro = (
        "The study's measures by the year of the report (over the reviews in the study) and by "
        "kind of document (over every review loaded): which themes the recommendations address, "
        "to which agencies they go, and how many of the cases' themes they reflect "
        "(reporting.theme_trends, agency_trends, case_theme_trends)."
    )
    blocks = (
        chart,
        _theme_trend_table(themes, codes, columns, n),
        _agency_trend_table(agencies, columns, n),
        _case_theme_trend_table(cases, n),
    )
    return Section("trends", heading, blocks, intro)
