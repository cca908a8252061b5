"""The briefing's sections up to Table 3 and chapter 5's SMART appraisal, as pure functions from
query rows to view values (publications/briefing/view.py); the template marks them up.
"""

from __future__ import annotations

from markupsafe import Markup

from publications.briefing import queries as q
from publications.briefing.labels import (
    ALL_REVIEWS,
    CHARACTERISTICS,
    NOT_IN_CODEBOOK,
    SMART_CRITERIA,
)
from publications.briefing.numbers import DASH, Numbers
from publications.briefing.svg_charts import Row as BarRow
from publications.briefing.svg_charts import Series, bar_chart
from publications.briefing.text import area_year, clip, review_name
from publications.briefing.view import (
    Block,
    Cell,
    Figure,
    Item,
    Items,
    Row,
    Section,
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
from publications.codebook import ValueLabel, in_order, label_of

PRIMARY = "#2f5d8a"
SECONDARY = "#d9822b"
LOW_TRUST = 0.6
TRUST_NOTE = (
    "Coder F1 says how far a row can be trusted: the learned coder's F1 for the theme in "
    "cross-validation on real recommendations coded by people (reporting.coder_performance), "
    "with the number of real examples behind it; below 0.6, read the row with care."
)


def br(*lines: str) -> Markup:
    """A header's words on several lines."""
    return Markup("<br>").join(markup("{}", line) for line in lines)


def trust_head() -> Cell:
    return col_head(br("Coder F1", "(real text)"), "num trust")


def trust(f1: float | None, support: int | None) -> Cell:
    """The coder's cross-validated F1 for a row, marked when it is low or rests on few examples."""
    if f1 is None:
        return num(DASH, data_col="coder_f1", title="no real labelled example")
    low = f1 < LOW_TRUST or (support or 0) < 10
    return td(f"{f1:.2f} (n={support})", "num low-trust" if low else "num", data_col="coder_f1")


def empty_figure(text: str) -> Markup:
    return markup('<p class="empty">{}</p>', text)


# --- the header and the data-quality banner -------------------------------------------------


def run_meta(scope: q.Scope, n: Numbers) -> str:
    run = ""
    if scope.run is not None:
        when = scope.run.finished_at
        published = f", published {when.strftime('%Y-%m-%d %H:%M UTC')}" if when else ""
        run = f"Warehouse run {scope.run.run_id}{published}. "
    return (
        f"{run}{n.count(scope.reviews)} reviews; {n.count(scope.in_scope)} with individual "
        "agency recommendations (the reviews in scope of Tables 1 to 3); "
        f"{n.count(scope.recommendations)} recommendations in all."
    )


def _checks(run: q.Run | None, quality: q.DataQuality) -> list[str]:
    """The run's checks as `scr run` counts them, then the expectations behind them."""
    parts: list[str] = []
    if run is not None and run.checks_passed is not None:
        passed, failed = run.checks_passed, run.checks_failed or 0
        parts.append(
            f"{passed} of {passed + failed} checks passed in the last run ({failed} failed, "
            f"{run.checks_failed_blocking or 0} of them blocking): a Great Expectations suite "
            "on each raw table and every dbt test (see audit.check_results)."
        )
        if quality.expectations:
            parts.append(
                f"Of the suites' {quality.expectations} expectations, "
                f"{quality.expectations_held} held."
            )
    elif quality.expectations:
        total, held = quality.expectations, quality.expectations_held
        parts.append(
            f"{held} of {total} checks on the raw tables passed in the last run "
            f"({total - held} failed, {quality.expectations_blocking} of them blocking)."
        )
    else:
        parts.append("No data-quality results were recorded for the last run.")
    return parts


def data_quality(run: q.Run | None, quality: q.DataQuality) -> str:
    """The banner: the run's checks, then what was quarantined and warned about."""
    quarantined = quality.quarantined
    files = "file" if len(quarantined) == 1 else "files"
    line = f"{len(quarantined)} {files} quarantined"
    if quarantined:
        shown = ", ".join(clip(p, 120) for p in quarantined[:10])
        more = f" and {len(quarantined) - 10} more" if len(quarantined) > 10 else ""
        line += f" ({shown}{more})"
    noun = "warning" if quality.warnings == 1 else "warnings"
    line += f"; {quality.warnings} {noun} on loaded files (see audit.extraction_issues)."
    return " ".join([*_checks(run, quality), line])


# --- the sample -----------------------------------------------------------------------------


def sample(
    characteristics: list[q.Characteristic],
    layers: list[q.AnalysisLayer],
    labels: dict[str, list[ValueLabel]],
    n: Numbers,
) -> Section:
    """The sample by outcome, sex and age band (the codebook's labels), then its layers."""
    body: list[Row] = []
    for key, heading in CHARACTERISTICS:
        listed = [*labels.get(key, []), *NOT_IN_CODEBOOK.get(key, ())]
        mine = [c for c in characteristics if c.characteristic == key]
        body.append(row(Cell(heading, None, "th", (("colspan", "3"), ("scope", "rowgroup"))),
                        cls="group"))  # fmt: skip
        for c in sorted(mine, key=lambda c: in_order(c.value or "unknown", listed)):
            value = c.value or "unknown"
            body.append(
                row(
                    row_head(label_of(value, listed)),
                    num(n.count(c.review_count)),
                    num(n.share(c.share, c.review_count)),
                    data_characteristic=key,
                    data_value=value,
                )
            )
    table = Table(
        "table-sample",
        "data narrow",
        (row(col_head(""), col_head("Reviews", "num"), col_head("Share", "num")),),
        tuple(body),
    )
    items = tuple(
        Item(
            markup(
                "<strong>Layer {}</strong>: {} reviews. {}",
                layer.analysis_layer,
                n.count(layer.review_count),
                layer.description or "",
            )
        )
        for layer in layers
    )
    return Section(
        "sample",
        "The sample",
        (table, Items("analysis-layers", "layers", items)),
        "Every review in the warehouse, by the outcome for the child, the child's sex and age "
        "band (chapter 2 of DFE-RR157), and the layers of analysis (Figure 1).",
    )


def recommendation_counts(
    summary: list[q.CountSummary], outcomes: list[ValueLabel], n: Numbers
) -> Section:
    """All reviews in scope, then one group per outcome (the codebook's labels and order)."""
    groups = [ALL_REVIEWS, *outcomes]
    body: list[Row] = []
    for s in sorted(summary, key=lambda s: in_order(s.review_group, groups)):
        few = n.hidden(s.review_count)
        low, high = s.recommendation_min, s.recommendation_max
        span = DASH if few or low is None else f"{n.count(low)} to {n.count(high)}"
        body.append(
            row(
                row_head(label_of(s.review_group, groups)),
                num(n.count(s.review_count)),
                num(n.count(s.recommendation_total)),
                num(span),
                num(n.mean(s.recommendation_mean, s.review_count)),
                data_group=s.review_group,
            )
        )
    if not body:
        body.append(row(Cell("No reviews in scope.", "empty", "td", (("colspan", "5"),))))
    head = row(
        col_head(""),
        col_head("Reviews", "num"),
        col_head("Recommendations", "num"),
        col_head("Range per review", "num"),
        col_head("Mean per review", "num"),
    )
    return Section(
        "recommendation-counts",
        "Number of recommendations",
        (Table("table-recommendation-counts", "data narrow", (head,), tuple(body)),),
        "Recommendations per review over the reviews in scope, in all and by outcome "
        "(DFE-RR157: 932 in 20 reviews, 10 to 94 each, mean 47; 55 after a death, 38 after "
        "a serious injury).",
    )


# --- Table 1 and Figure A -------------------------------------------------------------------


def _count_cell(count: int, n: Numbers, agency: str) -> Cell:
    """A Table 1 cell; zeros are greyed so the agencies a review addresses stand out."""
    return td(n.count(count), "num" if count else "num nil", data_agency=agency)


def _study_total(agency: q.AgencyTotal) -> Cell:
    """A cell of the study's total row: its figure, '?' marking an unconfirmed one."""
    code, total = agency.agency_code, agency.dfe_rr157_recommendations
    if total is None:
        return td(DASH, "num nil", data_agency=code, data_col="study")
    text = f"{total}" if agency.dfe_rr157_is_confirmed is not False else f"{total}?"
    return td(text, "num", data_agency=code, data_col="study")


def _table1_row(i: int, r: q.Table1Row, agencies: list[q.AgencyTotal], n: Numbers) -> Row:
    sub = area_year(r.area, r.year)
    label = markup(
        '<span class="ordinal">{}.</span> <span class="title">{}</span>',
        i,
        clip(r.title or r.review_id, 90),
    )
    if r.is_serious_injury:
        label += Markup('<span class="mark" title="serious injury">*</span>')
    if sub:
        label += markup('<span class="sub">{}</span>', sub)
    cells = [_count_cell(c, n, a.agency_code) for c, a in zip(r.counts, agencies, strict=True)]
    return row(
        row_head(label, "review"),
        *cells,
        num(n.count(r.total), data_agency="total"),
        cls="serious-injury" if r.is_serious_injury else None,
        data_review_id=r.review_id,
        data_outcome=r.outcome,
    )


def table1(
    agencies: list[q.AgencyTotal], reviews: list[q.Table1Row], grand_total: int, n: Numbers
) -> Section:
    head = row(
        col_head("Review", "review"),
        *(
            col_head(markup("<span>{}</span>", a.agency_label or a.agency_code), "rot",
                     data_agency=a.agency_code)
            for a in agencies
        ),
        col_head(Markup("<span>Total</span>"), "rot total"),
    )  # fmt: skip
    body = [_table1_row(i, r, agencies, n) for i, r in enumerate(reviews, start=1)]
    if not reviews:
        body.append(
            row(Cell("No review in the warehouse has individual agency recommendations.",
                     "empty", "td", (("colspan", str(len(agencies) + 2)),)))
        )  # fmt: skip
    foot = [
        row(
            row_head("Total"),
            *(_count_cell(a.recommendation_count, n, a.agency_code) for a in agencies),
            num(n.count(grand_total), data_agency="total"),
            cls="total",
            data_review_id="total",
        )
    ]
    study = any(a.dfe_rr157_recommendations is not None for a in agencies)
    if study:
        foot.append(
            row(
                row_head("DFE-RR157 (20 reviews)"),
                *(_study_total(a) for a in agencies),
                td("932", "num", data_agency="total", data_col="study"),
                cls="study",
                data_review_id="dfe_rr157",
            )
        )
    footnote = (
        "* Review of a serious injury (the child did not die); the other reviews followed a "
        "child's death."
    )
    if study:
        footnote += (
            " The last row gives the column totals DFE-RR157's text states for its 20 reviews "
            f"(932 recommendations); {DASH} where it gives none, ? where the transcription is "
            "garbled and the figure a plausible reading."
        )
    return Section(
        "agencies",
        "Table 1: Recommendations by agency, per review",
        (
            Table("table-1", "data table1", (head,), tuple(body), tuple(foot), wide=True),
            note(footnote),
        ),
        "One row per review with individual agency recommendations; one column per agency "
        "category of DFE-RR157's Table 1, in its order.",
    )


def agency_chart(agencies: list[q.AgencyTotal], n: Numbers) -> Figure:
    caption = "Figure A: Recommendations by agency (reviews in scope)"
    ranked = sorted(
        (a for a in agencies if a.recommendation_count > 0),
        key=lambda a: -n.rank(a.recommendation_count),  # stable: ties keep Table 1's order
    )
    if not ranked:
        return Figure("chart-agencies", caption, empty_figure("No recommendations."))
    rows = [
        BarRow(a.agency_label or a.agency_code, (n.cell(a.recommendation_count),)) for a in ranked
    ]
    svg = bar_chart("chart-agencies", caption, rows, [Series("Recommendations", PRIMARY)], n.k,
                    axis_label="Recommendations")  # fmt: skip
    return Figure("chart-agencies", caption, Markup(svg))


# --- Table 2 and Figure B -------------------------------------------------------------------


def ranked_themes(themes: list[q.Theme], n: Numbers) -> list[q.Theme]:
    """Table 2's rows, most addressed first (suppressed counts ranked alike)."""
    return sorted(
        themes,
        key=lambda t: (
            -n.rank(t.reviews_addressing),
            t.table2_order is None,
            t.table2_order or 0,
            t.theme_label or "",
            t.theme_code,
        ),
    )


def table2(themes: list[q.Theme], n: Numbers) -> tuple[Block, ...]:
    """Table 2, and the themes no review in scope addresses in one line under it."""
    in_scope = max((t.reviews_in_scope or 0 for t in themes), default=0)
    # The study's themes and every theme some review addresses; the rest go in one line.
    listed = [t for t in themes if t.reviews_addressing or t.dfe_rr157_reviews is not None]
    unused = [t for t in themes if t not in listed]
    body = tuple(
        row(
            row_head(t.theme_label or t.theme_code),
            td(t.layer_label or DASH, "layer"),
            num(n.count(t.reviews_addressing), data_col="reviews"),
            num(n.share(t.share_addressing, t.reviews_addressing, t.reviews_in_scope),
                data_col="share"),
            num(n.count(t.recommendation_count), data_col="recommendations"),
            num(DASH if t.dfe_rr157_reviews is None else str(t.dfe_rr157_reviews),
                data_col="study"),
            trust(t.coder_f1, t.coder_support),
            cls="zero" if not t.reviews_addressing else None,
            data_theme=t.theme_code,
        )
        for t in listed
    )  # fmt: skip
    head = row(
        col_head("Theme"),
        col_head("Layer (Figure 2)"),
        col_head(br("Reviews addressing it", f"(of {n.count(in_scope)})"), "num"),
        col_head(br("Share of", "reviews"), "num"),
        col_head("Recommendations", "num"),
        col_head(br("DFE-RR157", "(of 20)"), "num study"),
        trust_head(),
    )
    blocks: list[Block] = [Table("table-2", "data full", (head,), body)]
    if unused:
        names = "; ".join(t.theme_label or t.theme_code for t in unused)
        blocks.append(note(f"Addressed by no review in scope: {names}.", "themes-unaddressed"))
    return tuple(blocks)


def themes_section(table: tuple[Block, ...]) -> Section:
    return Section(
        "themes",
        "Table 2: Themes of the recommendations",
        table,
        "Number of reviews in scope whose recommendations address each theme, most frequent "
        "first, beside the figure DFE-RR157 published for the 14 themes of its Table 2. "
        f"{TRUST_NOTE}",
    )


def theme_chart(themes: list[q.Theme], n: Numbers) -> Figure:
    caption = "Figure B: Themes by number of reviews whose recommendations address them"
    shown = [t for t in themes if t.reviews_addressing]
    if not shown:
        return Figure("chart-themes", caption, empty_figure("No theme was coded."))
    rows = [BarRow(t.theme_label or t.theme_code, (n.cell(t.reviews_addressing),)) for t in shown]
    svg = bar_chart("chart-themes", caption, rows, [Series("Reviews", PRIMARY)], n.k,
                    axis_label="Reviews in scope addressing the theme")  # fmt: skip
    return Figure("chart-themes", caption, Markup(svg), "Themes no review addresses are left out.")


# --- Table 3 and Figure C -------------------------------------------------------------------


def ranked_case_themes(case_themes: list[q.CaseTheme], n: Numbers) -> list[q.CaseTheme]:
    """Table 3's rows, most frequent first (suppressed counts ranked alike)."""
    return sorted(
        case_themes,
        key=lambda c: (
            -n.rank(c.reviews_with_theme),
            -n.rank(c.reviews_reflected),
            c.case_theme_label or "",
            c.case_theme_code,
        ),
    )


def table3(case_themes: list[q.CaseTheme], n: Numbers) -> Section:
    body = tuple(
        row(
            row_head(c.case_theme_label or c.case_theme_code),
            num(n.count(c.reviews_with_theme), data_col="with_theme"),
            num(n.count(c.reviews_reflected), data_col="reflected"),
            num(n.share(c.share_reflected, c.reviews_with_theme, c.reviews_reflected),
                data_col="share"),
            td(c.dfe_rr157_finding_label or DASH, data_col="study"),
            trust(c.coder_f1, c.coder_support),
            cls="zero" if not c.reviews_with_theme else None,
            data_case_theme=c.case_theme_code,
        )
        for c in case_themes
    )  # fmt: skip
    head = row(
        col_head("Case theme"),
        col_head("Reviews with the theme", "num"),
        col_head("Reflected in a recommendation", "num"),
        col_head("Share reflected", "num"),
        col_head("DFE-RR157 finding", "study"),
        trust_head(),
    )
    return Section(
        "case-themes",
        "Table 3: Case themes and whether the recommendations reflect them",
        (Table("table-3", "data narrow", (head,), body),),
        "For each theme of the cases (chapter 4), the reviews in scope whose narrative shows it, "
        "and those of them with at least one recommendation on a theme that answers it, beside "
        "what DFE-RR157 found (its text gives findings, not Table 3's figures). "
        f"{TRUST_NOTE}",
    )


def case_theme_chart(case_themes: list[q.CaseTheme], n: Numbers) -> Figure:
    caption = (
        "Figure C (after Figure 3): How often each case theme occurs and how often it is reflected"
    )
    shown = [c for c in case_themes if c.reviews_with_theme]
    if not shown:
        return Figure("chart-case-themes", caption, empty_figure("No case theme was found."))
    rows = [
        BarRow(c.case_theme_label or c.case_theme_code,
               (n.cell(c.reviews_with_theme), n.cell(c.reviews_reflected or 0)))
        for c in shown
    ]  # fmt: skip
    series = [
        Series("Reviews where the case shows the theme", PRIMARY),
        Series("Reviews with a recommendation reflecting it", SECONDARY),
    ]
    svg = bar_chart("chart-case-themes", caption, rows, series, n.k, axis_label="Reviews in scope")
    return Figure(
        "chart-case-themes", caption, Markup(svg), "Case themes found in no review are left out."
    )


# --- chapter 5: SMART -----------------------------------------------------------------------


def smart_tables(
    pooled: list[q.SmartCell],
    by_plan: list[q.SmartCell],
    titles: dict[str, q.ReviewTitle],
    n: Numbers,
) -> tuple[Table, Table]:
    """How SMART the actions are: pooled over every plan, then one row per plan."""
    pooled = sorted(pooled, key=lambda c: in_order(c.criterion, SMART_CRITERIA))
    criteria = [c.criterion for c in pooled]
    overall = Table(
        "table-smart",
        "data narrow",
        (row(col_head("Criterion"), col_head("Actions appraised", "num"),
             col_head("Meeting it", "num"), col_head("Share", "num")),),
        tuple(
            row(
                row_head(label_of(c.criterion, SMART_CRITERIA)),
                num(n.count(c.action_count), data_col="actions"),
                num(n.count(c.actions_meeting), data_col="meeting"),
                num(n.share(c.share_meeting, c.actions_meeting, c.action_count),
                    data_col="share"),
                data_criterion=c.criterion,
            )
            for c in pooled
        ),
    )  # fmt: skip
    cells = {(c.review_id, c.criterion): c for c in by_plan}
    plans = sorted({str(c.review_id) for c in by_plan},
                   key=lambda i: (review_name(titles, i).lower(), i))  # fmt: skip
    per_plan = []
    for review_id in plans:
        first = cells.get((review_id, criteria[0]))
        count = first.action_count if first else 0
        shares = []
        for criterion in criteria:
            c = cells.get((review_id, criterion))
            meeting = c.actions_meeting if c else None
            share = c.share_meeting if c and count else None
            shares.append(num(n.share(share, meeting, count), data_col=criterion))
        per_plan.append(
            row(row_head(clip(review_name(titles, review_id), 90)),
                num(n.count(count), data_col="actions"), *shares, data_review_id=review_id)
        )  # fmt: skip
    head = row(
        col_head("Review"),
        col_head("Actions", "num"),
        *(col_head(label_of(c, SMART_CRITERIA), "num") for c in criteria),
    )
    return overall, Table("table-smart-plans", "data full", (head,), tuple(per_plan))


def smart_intro(plans: int, actions: int, n: Numbers) -> str:
    return (
        f"The {n.count(plans)} action plans in the warehouse ({n.count(actions)} actions), each "
        "action appraised against the SMART criteria by the documented rules: in all, then the "
        "share of each plan's actions meeting each criterion. DFE-RR157 appraised the plans of 5 "
        "reviews: every action had a timescale and a lead, measures were mostly concrete outputs "
        "(training events, procedures) and rarely the impact."
    )


def action_plans_section(
    pooled: list[q.SmartCell],
    by_plan: list[q.SmartCell],
    titles: dict[str, q.ReviewTitle],
    chapter5: tuple[Block, ...],
    n: Numbers,
) -> Section:
    """Chapter 5: how SMART the actions of the reviews' action plans are, then the rest."""
    heading = "Action plans: how SMART are the actions? (chapter 5)"
    if not by_plan:
        return Section(
            "action-plans", heading, (empty("No review in the warehouse has an action plan."),)
        )
    overall, per_plan = smart_tables(pooled, by_plan, titles, n)
    first = min(pooled, key=lambda c: in_order(c.criterion, SMART_CRITERIA))
    plans = len({c.review_id for c in by_plan})
    return Section(
        "action-plans",
        heading,
        (overall, per_plan, *chapter5),
        smart_intro(plans, first.action_count, n),
    )
