"""The report's sections beyond Tables 1-3: chapter 3's exemplars (under Table 2), chapter 5
in full (with the SMART appraisal) and the trends by year and by kind of document.

Kept apart from `html_report` (which calls these) so the page module stays readable; the same
rules hold: every text escaped, counts under the suppression threshold shown as "<K", and a
table an older warehouse lacks is said to be missing rather than failing the page.
"""

from __future__ import annotations

from warehouse.html_report import (
    DASH,
    PRIMARY,
    Numbers,
    Warehouse,
    _clip,
    _figure,
    _missing,
    _num,
    _section,
    _td,
    _title,
    _tr,
)
from warehouse.svg_charts import Panel, esc, small_multiples

# --- chapter 3 ------------------------------------------------------------------------------


def exemplars_section(wh: Warehouse, n: Numbers) -> str:
    """Chapter 3: the recommendations that illustrate each theme, quoted with where they stand."""
    heading = "Chapter 3: recommendations that illustrate each theme"
    if not wh.has("theme_exemplars"):
        return _section("theme-exemplars", heading, _missing("theme_exemplars"))
    rows = wh.rows(
        "theme_exemplars",
        [
            "theme_code", "theme_label", "exemplar_rank", "recommendation_id", "review_id",
            "review_title", "label", "text", "method", "confidence", "page", "char_start",
            "char_end",
        ],
        order="theme_label, theme_code, exemplar_rank",
    )  # fmt: skip
    if not rows:
        body = '<p class="empty">No recommendation was coded with enough confidence to quote.</p>'
        return _section("theme-exemplars", heading, body)
    body = []
    last = None
    for r in rows:
        theme = r["theme_label"] or r["theme_code"]
        where = (
            f"{_clip(r['review_title'] or r['review_id'], 70)}, recommendation "
            f"{r['label'] or DASH}, page {r['page'] or DASH}, characters "
            f"{r['char_start']}–{r['char_end']}"
        )
        body.append(
            _tr(
                [
                    f'<th scope="row">{esc(theme if theme != last else "")}</th>',
                    f'<td class="quote">“{esc(_clip(r["text"] or "", 320))}”'
                    f'<span class="sub">{esc(where)}</span></td>',
                    _num(
                        f"{r['method']} {r['confidence']:.2f}"
                        if r["confidence"] is not None
                        else DASH,
                        data_col="coding",
                    ),
                ],
                data_theme=r["theme_code"],
                data_recommendation_id=r["recommendation_id"],
            )
        )
        last = theme
    table = (
        '<table id="table-exemplars" class="data full"><thead><tr><th scope="col">Theme</th>'
        '<th scope="col">Recommendation, as printed</th>'
        '<th scope="col" class="num">Coded by,<br>confidence</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    intro = (
        "For each theme, up to three recommendations that show what it means in practice, as "
        "DFE-RR157 quotes recommendations in chapter 3: coded with high confidence, each from a "
        "different review, the shortest clear wording first (reporting.theme_exemplars)."
    )
    return _section("theme-exemplars", heading, table, intro)


# --- chapter 5 ------------------------------------------------------------------------------


def _finding_value(r: dict, n: Numbers) -> str:
    value, num, den = r["value"], r["numerator"], r["denominator"]
    code = r["finding_code"]
    if value is None:
        return DASH
    if den is not None:
        share = n.share(value, num, den)
        return f"{share} ({n.count(num)} of {n.count(den)})" if share != DASH else DASH
    if code.startswith("recommendations_vs_"):
        return f"r = {value:.2f}"
    if code == "longest_timescale_months":
        return f"{value:.0f} months"
    if code == "actions_per_recommendation":
        return f"{value:.2f}"
    return n.count(int(value))


def chapter5_tables(wh: Warehouse, n: Numbers) -> str:
    """Chapter 5 beyond SMART: the findings beside the study's, then one row per plan."""
    if not wh.has("action_plan_findings") or not wh.has("action_plans"):
        return _missing("action_plan_findings")
    findings = wh.rows(
        "action_plan_findings",
        ["finding_order", "finding_code", "finding_label", "value", "numerator", "denominator",
         "dfe_rr157_finding"],
        order="finding_order",
    )  # fmt: skip
    body = [
        _tr(
            [
                f'<th scope="row">{esc(r["finding_label"] or r["finding_code"])}</th>',
                _num(_finding_value(r, n), data_col="value"),
                _td(r["dfe_rr157_finding"] or DASH, data_col="study"),
            ],
            data_finding=r["finding_code"],
        )
        for r in findings
    ]
    findings_table = (
        '<h3 id="chapter-5-findings">Proliferation, time frames, training, research and '
        "responsibility</h3>"
        '<table id="table-ch5-findings" class="data full"><thead><tr><th scope="col">Finding</th>'
        '<th scope="col" class="num">This warehouse</th>'
        '<th scope="col" class="study">DFE-RR157 (5 plans)</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    plans = wh.rows(
        "action_plans",
        ["review_id", "recommendation_count", "plan_recommendations", "action_count",
         "actions_per_recommendation", "plan_pages", "longest_timescale_months",
         "actions_with_timescale", "training_actions", "training_actions_impact_measured",
         "recommendations_citing_research", "actions_citing_research", "actions_with_named_lead"],
        order="review_id",
    )  # fmt: skip
    titles = {
        r["review_id"]: r
        for r in (
            wh.rows("reviews", ["review_id", "title", "area", "year"]) if wh.has("reviews") else []
        )
    }
    rows = []
    for p in sorted(plans, key=lambda p: (_title(titles, p["review_id"]).lower(), p["review_id"])):
        actions = p["action_count"]
        longest = p["longest_timescale_months"]
        rows.append(
            _tr(
                [
                    f'<th scope="row">{esc(_clip(_title(titles, p["review_id"]), 80))}</th>',
                    _num(n.count(p["recommendation_count"]), data_col="recommendations"),
                    _num(n.count(actions), data_col="actions"),
                    _num(
                        DASH if p["actions_per_recommendation"] is None
                        else f"{p['actions_per_recommendation']:.2f}",
                        data_col="per-recommendation",
                    ),
                    _num(n.count(p["plan_pages"]), data_col="pages"),
                    _num(DASH if longest is None else f"{longest:.0f}", data_col="longest"),
                    _num(
                        n.share((p["actions_with_timescale"] or 0) / actions if actions else None,
                                p["actions_with_timescale"], actions),
                        data_col="timescale",
                    ),
                    _num(
                        f"{n.count(p['training_actions_impact_measured'])} of "
                        f"{n.count(p['training_actions'])}",
                        data_col="training",
                    ),
                    _num(
                        n.count((p["recommendations_citing_research"] or 0)
                                + (p["actions_citing_research"] or 0)),
                        data_col="research",
                    ),
                    _num(
                        n.share((p["actions_with_named_lead"] or 0) / actions if actions else None,
                                p["actions_with_named_lead"], actions),
                        data_col="named-lead",
                    ),
                ],
                data_review_id=p["review_id"],
            )
        )  # fmt: skip
    plans_table = (
        '<div class="wide"><table id="table-ch5-plans" class="data full"><thead><tr><th scope="col">Review</th>'
        '<th scope="col" class="num">Recom&shy;mendations</th>'
        '<th scope="col" class="num">Actions</th>'
        '<th scope="col" class="num">Actions per<br>recommendation</th>'
        '<th scope="col" class="num">Pages</th>'
        '<th scope="col" class="num">Longest time<br>frame (months)</th>'
        '<th scope="col" class="num">Actions with<br>a timescale</th>'
        '<th scope="col" class="num">Training with<br>impact measured</th>'
        '<th scope="col" class="num">Research<br>citations</th>'
        '<th scope="col" class="num">Named<br>lead</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    citations = ""
    if wh.has("research_citations"):
        cited = wh.rows(
            "research_citations",
            ["source_type", "source_id", "review_id", "label", "citation"],
            order="review_id, source_type desc, source_id",
        )
        if cited:
            items = "".join(
                f'<li data-source-id="{esc(c["source_id"])}">{esc(c["citation"])} '
                f'<span class="sub">({esc(c["source_type"])} {esc(c["label"] or "")}, '
                f"{esc(_clip(_title(titles, c['review_id']), 60))})</span></li>"
                for c in cited
            )
            citations = f'<ul id="research-citations" class="citations">{items}</ul>'
        else:
            citations = (
                '<p class="note" id="research-citations">No recommendation or action of the '
                "reviews in the study cites research evidence.</p>"
            )
    return findings_table + plans_table + citations


# --- trends ---------------------------------------------------------------------------------


def _periods(rows: list[dict], dimension: str) -> list[str]:
    found = {r["period"] for r in rows if r["dimension"] == dimension}
    return sorted(found)


def trends_section(wh: Warehouse, n: Numbers) -> str:
    """Themes, agency shares and case themes reflected, by year and by kind of document."""
    heading = "Trends: by year and by kind of document"
    if not (wh.has("theme_trends") and wh.has("agency_trends") and wh.has("case_theme_trends")):
        return _section("trends", heading, _missing("theme_trends"))
    themes = wh.rows(
        "theme_trends",
        ["dimension", "period", "theme_code", "theme_label", "reviews_in_period",
         "reviews_addressing", "share_addressing"],
    )  # fmt: skip
    if not themes:
        return _section("trends", heading, '<p class="empty">No review carries a year.</p>')
    years = _periods(themes, "year")
    kinds = _periods(themes, "document_kind")
    # The study's 14 themes, in Table 2's order, one panel each
    order = {}
    if wh.has("theme_frequencies"):
        for t in wh.rows("theme_frequencies", ["theme_code", "table2_order", "dfe_rr157_reviews"]):
            if t["dfe_rr157_reviews"] is not None:
                order[t["theme_code"]] = t["table2_order"] or 0
    codes = sorted(order, key=lambda c: (order[c], c)) or sorted({r["theme_code"] for r in themes})
    cell = {(r["dimension"], r["period"], r["theme_code"]): r for r in themes}
    labels = {r["theme_code"]: r["theme_label"] or r["theme_code"] for r in themes}
    panels = []
    for code in codes:
        values, texts = [], []
        for year in years:
            r = cell.get(("year", year, code))
            addressing = r["reviews_addressing"] if r else None
            if r is None or n.hidden(addressing) or n.hidden(r["reviews_in_period"]):
                values.append(None)
                texts.append(n.count(addressing) if r else DASH)
            else:
                values.append(r["share_addressing"])
                texts.append(n.share(r["share_addressing"], addressing, r["reviews_in_period"]))
        panels.append(Panel(labels.get(code, code), tuple(values), tuple(texts)))
    caption = "Figure D: Share of each year's reviews addressing each of Table 2's themes"
    chart = _figure(
        "chart-theme-trends",
        caption,
        small_multiples("chart-theme-trends", caption, years, panels, PRIMARY),
        "One panel per theme, one column per year, on one scale from 0 to 100% of the year's "
        "reviews with recommendations (reporting.theme_trends).",
    )
    columns = [("year", y) for y in years] + [("document_kind", k) for k in kinds]
    head = "".join(
        f'<th scope="col" class="num">{esc(p.replace("_", " "))}</th>' for _, p in columns
    )
    sizes = {(r["dimension"], r["period"]): r["reviews_in_period"] for r in themes}
    size_row = _tr(
        ['<th scope="row">Reviews with recommendations</th>']
        + [_num(n.count(sizes.get(c)), data_col=c[1]) for c in columns],
        class_="group",
    )
    theme_rows = [size_row]
    for code in codes:
        cells = []
        for dim, period in columns:
            r = cell.get((dim, period, code))
            cells.append(
                _num(
                    n.share(r["share_addressing"], r["reviews_addressing"], r["reviews_in_period"])
                    if r else DASH,
                    data_col=period,
                )
            )  # fmt: skip
        theme_rows.append(
            _tr([f'<th scope="row">{esc(labels.get(code, code))}</th>', *cells], data_theme=code)
        )
    theme_table = (
        '<table id="table-theme-trends" class="data full"><thead><tr><th scope="col">Theme '
        f"(share of the period's reviews addressing it)</th>{head}</tr></thead>"
        f"<tbody>{''.join(theme_rows)}</tbody></table>"
    )
    agencies = wh.rows(
        "agency_trends",
        ["dimension", "period", "agency_code", "agency_label", "recommendation_count",
         "period_recommendations", "share_of_recommendations"],
    )  # fmt: skip
    acell = {(r["dimension"], r["period"], r["agency_code"]): r for r in agencies}
    used = sorted(
        {r["agency_code"] for r in agencies if r["recommendation_count"]},
        key=lambda c: -sum(
            r["recommendation_count"] or 0 for r in agencies
            if r["agency_code"] == c and r["dimension"] == "year"
        ),
    )  # fmt: skip
    alabels = {r["agency_code"]: r["agency_label"] or r["agency_code"] for r in agencies}
    agency_rows = []
    for code in used:
        cells = []
        for dim, period in columns:
            r = acell.get((dim, period, code))
            cells.append(
                _num(
                    n.share(r["share_of_recommendations"], r["recommendation_count"],
                            r["period_recommendations"]) if r else DASH,
                    data_col=period,
                )
            )  # fmt: skip
        agency_rows.append(
            _tr([f'<th scope="row">{esc(alabels.get(code, code))}</th>', *cells], data_agency=code)
        )
    agency_table = (
        '<table id="table-agency-trends" class="data full"><thead><tr><th scope="col">Agency '
        f"(share of the period's recommendations)</th>{head}</tr></thead>"
        f"<tbody>{''.join(agency_rows)}</tbody></table>"
    )
    cases = wh.rows(
        "case_theme_trends",
        ["dimension", "period", "reviews_in_period", "case_themes_present",
         "case_themes_reflected", "share_reflected"],
        order="dimension desc, period",
    )  # fmt: skip
    case_rows = [
        _tr(
            [
                f'<th scope="row">{esc(r["period"].replace("_", " "))}</th>',
                _td(r["dimension"].replace("_", " "), data_col="dimension"),
                _num(n.count(r["reviews_in_period"]), data_col="reviews"),
                _num(n.count(r["case_themes_present"]), data_col="present"),
                _num(n.count(r["case_themes_reflected"]), data_col="reflected"),
                _num(
                    n.share(r["share_reflected"], r["case_themes_reflected"],
                            r["case_themes_present"]),
                    data_col="share",
                ),
            ],
            data_dimension=r["dimension"],
            data_period=r["period"],
        )
        for r in cases
    ]  # fmt: skip
    case_table = (
        '<table id="table-case-theme-trends" class="data narrow"><thead><tr>'
        '<th scope="col">Period</th><th scope="col">By</th>'
        '<th scope="col" class="num">Reviews</th>'
        '<th scope="col" class="num">Case themes<br>present</th>'
        '<th scope="col" class="num">Reflected in a<br>recommendation</th>'
        '<th scope="col" class="num">Share</th></tr></thead>'
        f"<tbody>{''.join(case_rows)}</tbody></table>"
    )
    intro = (
        "The study's measures by the year of the report (over the reviews in the study) and by "
        "kind of document (over every review loaded): which themes the recommendations address, "
        "to which agencies they go, and how many of the cases' themes they reflect "
        "(reporting.theme_trends, agency_trends, case_theme_trends)."
    )
    return _section("trends", heading, chart + theme_table + agency_table + case_table, intro)
