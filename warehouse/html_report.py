"""The warehouse's findings as one self-contained HTML page, laid out as DFE-RR157 lays them out.

A researcher prints it or mails it: inline CSS and inline SVG only (no script, no web font, no
image, nothing fetched). Every text is escaped, since titles and paths come from documents. The
page is a function of the warehouse alone (the only date on it is the run's, read from
`audit.runs`), so the same warehouse renders the same bytes. With `suppress_below=K`, counts
from 1 to K-1 are printed as "<K" in tables and chart labels, the shares and means derived from
them are left out, and the suppressed bars are drawn as a hatched band up to K.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.svg_charts import Cell, Row, Series, bar_chart, esc

SCHEMA = "reporting"
AUDIT = "audit"  # the run log: runs, check_results, data_quality_results, extraction_issues
DASH = "–"
PRIMARY = "#2f5d8a"
SECONDARY = "#d9822b"

CHARACTERISTICS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("outcome", "Outcome", {"death": "Child died", "serious_injury": "Serious injury"}),
    ("child_sex", "Sex of the child", {"female": "Girls", "male": "Boys", "unknown": "Not known"}),
    (
        "age_band",
        "Age at the incident",
        {
            "under_1": "Under 1",
            "1_5": "1–5",
            "6_10": "6–10",
            "11_plus": "11 and over",
            "unknown": "Not known",
        },
    ),
)
REVIEW_GROUPS = {
    "all": "All reviews in scope",
    "death": "Child died",
    "serious_injury": "Serious injury",
}
LAYERS = {
    "child": "The child",
    "family": "The family",
    "case_management": "Managing the case",
    "regional_national": "Regional and national",
}


# --- numbers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Numbers:
    """How counts and shares are printed, with small-cell suppression under `k`."""

    k: int | None = None

    def hidden(self, n: int | None) -> bool:
        return self.k is not None and n is not None and 0 < n < self.k

    def count(self, n: int | None) -> str:
        if n is None:
            return DASH
        return f"<{self.k}" if self.hidden(n) else f"{n:,}"

    def share(self, share: float | None, *counts: int | None) -> str:
        """A share, left out when it is missing or derived from a suppressed count."""
        if share is None or any(self.hidden(n) for n in counts):
            return DASH
        return f"{share * 100:.0f}%"

    def mean(self, mean: float | None, over: int | None) -> str:
        if mean is None or self.hidden(over):
            return DASH
        return f"{mean:.1f}"

    def cell(self, n: int) -> Cell:
        return Cell(None if self.hidden(n) else n, self.count(n))

    def rank(self, n: int | None) -> float:
        """A sort key that ranks every suppressed count alike, so order leaks nothing."""
        if n is None:
            return 0.0
        return 0.5 if self.hidden(n) else float(n)


# --- reading the warehouse ------------------------------------------------------------------


def _columns(con: duckdb.DuckDBPyConnection, schema: str) -> dict[str, set[str]]:
    """Tables and views of `schema` in the open database, with their columns."""
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = ? AND table_catalog = current_database()",
        [schema],
    ).fetchall()
    found: dict[str, set[str]] = {}
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    return found


class Warehouse:
    """Reads rows from the reporting and audit tables, tolerating what an older build lacks.

    The run log lives in `audit`; a warehouse published before it moved there has it in
    `reporting`, and is read from there.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.reporting = _columns(con, SCHEMA)
        self.audit = _columns(con, AUDIT)
        self.codebook = _columns(con, "codebook")

    def _where(self, table: str) -> tuple[str, set[str]] | None:
        if table in self.reporting:
            return SCHEMA, self.reporting[table]
        if table in self.audit:
            return AUDIT, self.audit[table]
        return None

    def has(self, table: str) -> bool:
        return self._where(table) is not None

    def has_column(self, table: str, column: str) -> bool:
        found = self._where(table)
        return found is not None and column in found[1]

    def name(self, table: str) -> str:
        """The table's qualified name: reporting.x, or audit.x for the run log."""
        found = self._where(table)
        return f'{found[0] if found else SCHEMA}."{table}"'

    def rows(
        self, table: str, columns: Sequence[str], where: str = "", order: str = ""
    ) -> list[dict]:
        """Rows as dicts; a column the table lacks reads as None."""
        found = self._where(table)
        present = found[1] if found else set()
        select = ", ".join(f'"{c}"' if c in present else f'NULL AS "{c}"' for c in columns)
        sql = f"SELECT {select} FROM {self.name(table)}"
        if where:
            sql += f" WHERE {where}"
        if order:
            sql += f" ORDER BY {order}"
        cursor = self.con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[object] = ()) -> object:
        row = self.con.execute(sql, list(params)).fetchone()
        return row[0] if row else None


# --- HTML helpers ---------------------------------------------------------------------------


def _attrs(**attrs: object) -> str:
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{esc(value)}"'
        for name, value in attrs.items()
        if value is not None
    )


def _tr(cells: Iterable[str], **attrs: object) -> str:
    return f"<tr{_attrs(**attrs)}>{''.join(cells)}</tr>"


def _td(text: object, cls: str | None = None, **attrs: object) -> str:
    return f"<td{_attrs(class_=cls, **attrs)}>{esc(text)}</td>"


def _num(text: str, **attrs: object) -> str:
    return _td(text, "num", **attrs)


def _missing(table: str) -> str:
    return f'<p class="note">reporting.{esc(table)} is not in this warehouse.</p>'


def _section(section_id: str, heading: str, body: str, intro: str = "") -> str:
    intro_html = f'<p class="intro">{esc(intro)}</p>' if intro else ""
    return f'<section id="{section_id}"><h2>{esc(heading)}</h2>{intro_html}{body}</section>'


def _figure(figure_id: str, caption: str, content: str, note: str = "") -> str:
    note_html = f'<p class="note">{esc(note)}</p>' if note else ""
    return (
        f'<figure id="{figure_id}" class="chart-figure"><figcaption>{esc(caption)}'
        f"</figcaption>{content}{note_html}</figure>"
    )


# --- sections -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """The counts the page states up front."""

    reviews: int
    in_scope: int
    recommendations: int
    run_id: str | None
    finished_at: str | None
    checks_passed: int | None = None
    checks_failed: int | None = None
    checks_failed_blocking: int | None = None


def _scope(wh: Warehouse) -> Scope:
    reviews = in_scope = recommendations = 0
    if wh.has("reviews"):
        reviews = int(wh.scalar(f"SELECT count(*) FROM {SCHEMA}.reviews") or 0)
        in_scope = int(
            wh.scalar(f"SELECT count(*) FROM {SCHEMA}.reviews WHERE has_agency_recommendations")
            or 0
        )
    if wh.has("recommendations"):
        recommendations = int(wh.scalar(f"SELECT count(*) FROM {SCHEMA}.recommendations") or 0)
    run_id = finished_at = None
    checks: list[int | None] = [None, None, None]
    if wh.has("runs"):
        runs = wh.rows(
            "runs",
            ["run_id", "finished_at", "checks_passed", "checks_failed", "checks_failed_blocking"],
            order="finished_at DESC NULLS LAST, run_id DESC",
        )
        if runs:
            run_id = runs[0]["run_id"]
            when = runs[0]["finished_at"]
            finished_at = when.strftime("%Y-%m-%d %H:%M UTC") if when is not None else None
            checks = [runs[0]["checks_passed"], runs[0]["checks_failed"]]
            checks.append(runs[0]["checks_failed_blocking"])
    return Scope(reviews, in_scope, recommendations, run_id, finished_at, *checks)


def _header(scope: Scope, n: Numbers) -> str:
    run = ""
    if scope.run_id:
        published = f", published {scope.finished_at}" if scope.finished_at else ""
        run = f"Warehouse run {scope.run_id}{published}. "
    facts = (
        f"{n.count(scope.reviews)} reviews; {n.count(scope.in_scope)} with individual agency "
        f"recommendations (the reviews in scope of Tables 1 to 3); "
        f"{n.count(scope.recommendations)} recommendations in all."
    )
    return (
        "<header><h1>Recommendations of serious case reviews</h1>"
        '<p class="subtitle">Agencies, themes and case themes, laid out as in DFE-RR157 '
        "(A study of recommendations arising from serious case reviews 2009–2010).</p>"
        f'<p class="meta" id="run-meta">{esc(run + facts)}</p></header>'
    )


def _data_quality(wh: Warehouse, scope: Scope) -> str:
    """The banner: the run's checks as `scr run` counts them, then what was quarantined."""
    parts: list[str] = []
    if scope.checks_passed is not None:
        passed, failed = scope.checks_passed, scope.checks_failed or 0
        blocking = scope.checks_failed_blocking or 0
        parts.append(
            f"{passed} of {passed + failed} checks passed in the last run ({failed} failed, "
            f"{blocking} of them blocking): a Great Expectations suite on each raw table and "
            "every dbt test (see audit.check_results)."
        )
    if wh.has("data_quality_results"):
        where = "run_id = ?" if scope.run_id else "TRUE"
        params = [scope.run_id] if scope.run_id else []
        total, passed, blocking = wh.con.execute(
            "SELECT count(*), count(*) FILTER (WHERE is_success), "
            "count(*) FILTER (WHERE NOT is_success AND is_blocking) "
            f"FROM {wh.name('data_quality_results')} WHERE {where}",
            params,
        ).fetchone()
        if total and scope.checks_passed is not None:
            parts.append(f"Of the suites' {total} expectations, {passed} held.")
        elif total:
            parts.append(
                f"{passed} of {total} checks on the raw tables passed in the last run "
                f"({total - passed} failed, {blocking} of them blocking)."
            )
        elif scope.checks_passed is None:
            parts.append("No data-quality results were recorded for the last run.")
    quarantined: list[str] = []
    warnings = 0
    if wh.has("extraction_issues"):
        quarantined = [
            r["path"]
            for r in wh.rows(
                "extraction_issues",
                ["path"],
                where="severity = 'error'",
                order="path",
            )
        ]
        quarantined = sorted(set(quarantined), key=lambda p: (p is None, p or ""))
        warnings = int(
            wh.scalar(
                f"SELECT count(*) FROM {wh.name('extraction_issues')} WHERE severity = 'warning'"
            )
            or 0
        )
    files = "file" if len(quarantined) == 1 else "files"
    line = f"{len(quarantined)} {files} quarantined"
    if quarantined:
        shown = ", ".join(_clip(str(p), 120) for p in quarantined[:10])
        more = f" and {len(quarantined) - 10} more" if len(quarantined) > 10 else ""
        line += f" ({shown}{more})"
    noun = "warning" if warnings == 1 else "warnings"
    where = "audit" if "extraction_issues" in wh.audit else SCHEMA
    parts.append(f"{line}; {warnings} {noun} on loaded files (see {where}.extraction_issues).")
    return (
        f'<p id="data-quality" class="data-quality"><strong>Data quality:</strong> '
        f"{esc(' '.join(parts))}</p>"
    )


def _sample(wh: Warehouse, n: Numbers) -> str:
    if not wh.has("sample_characteristics"):
        return _section("sample", "The sample", _missing("sample_characteristics"))
    rows = wh.rows("sample_characteristics", ["characteristic", "value", "review_count", "share"])
    body: list[str] = []
    for key, heading, labels in CHARACTERISTICS:
        mine = [r for r in rows if r["characteristic"] == key]
        order = list(labels)

        def rank(r: dict, order: list[str] = order) -> tuple:
            value = r["value"] or "unknown"
            return (order.index(value) if value in order else len(order), value)

        body.append(f'<tr class="group"><th colspan="3" scope="rowgroup">{esc(heading)}</th></tr>')
        for r in sorted(mine, key=rank):
            value = r["value"] or "unknown"
            body.append(
                _tr(
                    [
                        f'<th scope="row">{esc(labels.get(value, value))}</th>',
                        _num(n.count(r["review_count"])),
                        _num(n.share(r["share"], r["review_count"])),
                    ],
                    data_characteristic=key,
                    data_value=value,
                )
            )
    table = (
        '<table id="table-sample" class="data narrow"><thead><tr><th scope="col"></th>'
        '<th scope="col" class="num">Reviews</th><th scope="col" class="num">Share</th></tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table>"
    )
    layers = ""
    if wh.has("analysis_layers"):
        rows = wh.rows(
            "analysis_layers",
            ["analysis_layer", "description", "review_count"],
            order="analysis_layer",
        )
        items = "".join(
            f"<li><strong>Layer {esc(r['analysis_layer'])}</strong>: "
            f"{esc(n.count(r['review_count']))} reviews. {esc(r['description'] or '')}</li>"
            for r in rows
        )
        layers = f'<ul id="analysis-layers" class="layers">{items}</ul>'
    return _section(
        "sample",
        "The sample",
        table + layers,
        "Every review in the warehouse, by the outcome for the child, the child's sex and age "
        "band (chapter 2 of DFE-RR157), and the layers of analysis (Figure 1).",
    )


def _recommendation_counts(wh: Warehouse, n: Numbers) -> str:
    heading = "Number of recommendations"
    if not wh.has("recommendation_count_summary"):
        return _section("recommendation-counts", heading, _missing("recommendation_count_summary"))
    rows = wh.rows(
        "recommendation_count_summary",
        [
            "review_group",
            "review_count",
            "recommendation_total",
            "recommendation_min",
            "recommendation_max",
            "recommendation_mean",
        ],
    )
    order = list(REVIEW_GROUPS)
    rows.sort(
        key=lambda r: (
            order.index(r["review_group"]) if r["review_group"] in order else 9,
            r["review_group"],
        )
    )
    body = []
    for r in rows:
        few = n.hidden(r["review_count"])
        low, high = r["recommendation_min"], r["recommendation_max"]
        span = DASH if few or low is None else f"{n.count(low)} to {n.count(high)}"
        body.append(
            _tr(
                [
                    f'<th scope="row">{esc(REVIEW_GROUPS.get(r["review_group"], r["review_group"]))}'
                    "</th>",
                    _num(n.count(r["review_count"])),
                    _num(n.count(r["recommendation_total"])),
                    _num(span),
                    _num(n.mean(r["recommendation_mean"], r["review_count"])),
                ],
                data_group=r["review_group"],
            )
        )
    if not body:
        body.append('<tr><td colspan="5" class="empty">No reviews in scope.</td></tr>')
    table = (
        '<table id="table-recommendation-counts" class="data narrow"><thead><tr>'
        '<th scope="col"></th><th scope="col" class="num">Reviews</th>'
        '<th scope="col" class="num">Recommendations</th>'
        '<th scope="col" class="num">Range per review</th>'
        '<th scope="col" class="num">Mean per review</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    return _section(
        "recommendation-counts",
        heading,
        table,
        "Recommendations per review over the reviews in scope, in all and by outcome "
        "(DFE-RR157: 932 in 20 reviews, 10 to 94 each, mean 47; 55 after a death, 38 after "
        "a serious injury).",
    )


@dataclass(frozen=True)
class Agency:
    code: str
    label: str


def _agencies(wh: Warehouse) -> list[Agency]:
    """Table 1's categories in its column order: the codebook's, plus any found in the counts."""
    found: dict[str, tuple[int, str]] = {}
    if "codebook_agencies" in wh.codebook:
        for code, label, order in wh.con.execute(
            "SELECT agency_code, label, table1_order FROM codebook.codebook_agencies"
        ).fetchall():
            found[code] = (order if order is not None else 999, label or code)
    for r in wh.rows(
        "agency_recommendation_counts", ["agency_code", "agency_label", "table1_order"]
    ):
        if r["agency_code"] not in found:
            order = r["table1_order"] if r["table1_order"] is not None else 999
            found[r["agency_code"]] = (order, r["agency_label"] or r["agency_code"])
    ranked = sorted(found.items(), key=lambda item: (item[1][0], item[0]))
    return [Agency(code, label) for code, (_, label) in ranked]


@dataclass(frozen=True)
class Table1:
    agencies: list[Agency]
    reviews: list[dict]
    counts: dict[tuple[str, str], int]
    # DFE-RR157's column totals where its text gives them: agency -> (total, confirmed)
    study: dict[str, tuple[int, bool]]

    def row_total(self, review_id: str) -> int:
        return sum(self.counts.get((review_id, a.code), 0) for a in self.agencies)

    def column_total(self, code: str) -> int:
        return sum(self.counts.get((r["review_id"], code), 0) for r in self.reviews)


def _table1_data(wh: Warehouse) -> Table1:
    agencies = _agencies(wh)
    reviews = wh.rows(
        "reviews",
        ["review_id", "title", "area", "year", "outcome"],
        where="has_agency_recommendations",
        order="lower(coalesce(title, '')), review_id",
    )
    counts: dict[tuple[str, str], int] = {}
    for review_id, code, count in wh.con.execute(
        f"SELECT review_id, agency_code, sum(recommendation_count)::BIGINT "
        f"FROM {SCHEMA}.agency_recommendation_counts GROUP BY ALL"
    ).fetchall():
        counts[(review_id, code)] = int(count or 0)
    study: dict[str, tuple[int, bool]] = {}
    if wh.has("agency_totals"):
        for r in wh.rows(
            "agency_totals",
            ["agency_code", "dfe_rr157_recommendations", "dfe_rr157_is_confirmed"],
            where="dfe_rr157_recommendations IS NOT NULL",
        ):
            study[r["agency_code"]] = (
                int(r["dfe_rr157_recommendations"]),
                r["dfe_rr157_is_confirmed"] is not False,
            )
    return Table1(agencies, reviews, counts, study)


def _study_total(data: Table1, code: str) -> str:
    """A Table 1 cell of the study's total row: its figure, '?' marking an unconfirmed one."""
    if code not in data.study:
        return _td(DASH, "num nil", data_agency=code, data_col="study")
    total, confirmed = data.study[code]
    return _td(f"{total}" if confirmed else f"{total}?", "num", data_agency=code, data_col="study")


def _count_cell(count: int, n: Numbers, agency: str) -> str:
    """A Table 1 cell; zeros are greyed so the agencies a review addresses stand out."""
    return _td(n.count(count), "num" if count else "num nil", data_agency=agency)


def _table1(data: Table1 | None, n: Numbers) -> str:
    heading = "Table 1: Recommendations by agency, per review"
    if data is None:
        return _section("agencies", heading, _missing("agency_recommendation_counts"))
    head = "".join(
        f'<th scope="col" class="rot" data-agency="{esc(a.code)}"><span>{esc(a.label)}</span></th>'
        for a in data.agencies
    )
    body = []
    for i, r in enumerate(data.reviews, start=1):
        injury = r["outcome"] == "serious_injury"
        title = r["title"] or r["review_id"]
        sub = ", ".join(str(x) for x in (r["area"], r["year"]) if x)
        mark = '<span class="mark" title="serious injury">*</span>' if injury else ""
        label = (
            f'<th scope="row" class="review"><span class="ordinal">{i}.</span> '
            f'<span class="title">{esc(_clip(title, 90))}</span>{mark}'
            + (f'<span class="sub">{esc(sub)}</span>' if sub else "")
            + "</th>"
        )
        cells = [
            _count_cell(data.counts.get((r["review_id"], a.code), 0), n, a.code)
            for a in data.agencies
        ]
        body.append(
            _tr(
                [label, *cells, _num(n.count(data.row_total(r["review_id"])), data_agency="total")],
                class_="serious-injury" if injury else None,
                data_review_id=r["review_id"],
                data_outcome=r["outcome"],
            )
        )
    if not data.reviews:
        body.append(
            f'<tr><td colspan="{len(data.agencies) + 2}" class="empty">No review in the '
            "warehouse has individual agency recommendations.</td></tr>"
        )
    totals = [_count_cell(data.column_total(a.code), n, a.code) for a in data.agencies]
    grand = sum(data.column_total(a.code) for a in data.agencies)
    foot = _tr(
        ['<th scope="row">Total</th>', *totals, _num(n.count(grand), data_agency="total")],
        class_="total",
        data_review_id="total",
    )
    if data.study:
        foot += _tr(
            [
                '<th scope="row">DFE-RR157 (20 reviews)</th>',
                *(_study_total(data, a.code) for a in data.agencies),
                _td("932", "num", data_agency="total", data_col="study"),
            ],
            class_="study",
            data_review_id="dfe_rr157",
        )
    table = (
        '<div class="wide"><table id="table-1" class="data table1"><thead><tr>'
        f'<th scope="col" class="review">Review</th>{head}'
        '<th scope="col" class="rot total"><span>Total</span></th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody><tfoot>{foot}</tfoot></table></div>"
        '<p class="note">* Review of a serious injury (the child did not die); the other reviews '
        "followed a child's death."
        + (
            " The last row gives the column totals DFE-RR157's text states for its 20 reviews "
            f"(932 recommendations); {DASH} where it gives none, ? where the transcription is "
            "garbled and the figure a plausible reading."
            if data.study
            else ""
        )
        + "</p>"
    )
    return _section(
        "agencies",
        heading,
        table,
        "One row per review with individual agency recommendations; one column per agency "
        "category of DFE-RR157's Table 1, in its order.",
    )


def _agency_chart(data: Table1 | None, n: Numbers) -> str:
    caption = "Figure A: Recommendations by agency (reviews in scope)"
    if data is None:
        return _figure("chart-agencies", caption, _missing("agency_recommendation_counts"))
    totals = [(a, data.column_total(a.code)) for a in data.agencies]
    ranked = sorted(
        ((a, t) for a, t in totals if t > 0),
        key=lambda item: -n.rank(item[1]),  # stable: ties keep Table 1's order
    )
    if not ranked:
        return _figure("chart-agencies", caption, '<p class="empty">No recommendations.</p>')
    rows = [Row(a.label, (n.cell(t),)) for a, t in ranked]
    svg = bar_chart(
        "chart-agencies",
        caption,
        rows,
        [Series("Recommendations", PRIMARY)],
        n.k,
        axis_label="Recommendations",
    )
    return _figure("chart-agencies", caption, svg)


def _themes(wh: Warehouse, n: Numbers) -> list[dict]:
    """Table 2's rows, most addressed first (suppressed counts ranked alike)."""
    rows = wh.rows(
        "theme_frequencies",
        [
            "theme_code",
            "theme_label",
            "layer_code",
            "reviews_addressing",
            "reviews_in_scope",
            "recommendation_count",
            "table2_order",
            "dfe_rr157_reviews",
            "coder_f1",
            "coder_support",
        ],
    )
    return sorted(
        rows,
        key=lambda t: (
            -n.rank(t["reviews_addressing"]),
            t["table2_order"] is None,
            t["table2_order"] or 0,
            t["theme_label"] or "",
            t["theme_code"],
        ),
    )


def _table2(themes: list[dict] | None, n: Numbers) -> str:
    heading = "Table 2: Themes of the recommendations"
    if themes is None:
        return _section("themes", heading, _missing("theme_frequencies"))
    in_scope = max((t["reviews_in_scope"] or 0 for t in themes), default=0)
    # The study's themes and every theme some review addresses; the rest go in one line.
    listed = [t for t in themes if t["reviews_addressing"] or t["dfe_rr157_reviews"] is not None]
    unused = [t for t in themes if t not in listed]
    body = []
    for t in listed:
        reviews, scope = t["reviews_addressing"], t["reviews_in_scope"]
        share = reviews / scope if reviews is not None and scope else None
        body.append(
            _tr(
                [
                    f'<th scope="row">{esc(t["theme_label"] or t["theme_code"])}</th>',
                    _td(LAYERS.get(t["layer_code"], t["layer_code"] or DASH), "layer"),
                    _num(n.count(reviews), data_col="reviews"),
                    _num(n.share(share, reviews, scope), data_col="share"),
                    _num(n.count(t["recommendation_count"]), data_col="recommendations"),
                    _num(
                        DASH if t["dfe_rr157_reviews"] is None else str(t["dfe_rr157_reviews"]),
                        data_col="study",
                    ),
                    _trust(t["coder_f1"], t["coder_support"]),
                ],
                class_="zero" if not reviews else None,
                data_theme=t["theme_code"],
            )
        )
    table = (
        '<table id="table-2" class="data full"><thead><tr><th scope="col">Theme</th>'
        '<th scope="col">Layer (Figure 2)</th>'
        f'<th scope="col" class="num">Reviews addressing it<br>(of {esc(n.count(in_scope))})</th>'
        '<th scope="col" class="num">Share of<br>reviews</th>'
        '<th scope="col" class="num">Recommendations</th>'
        '<th scope="col" class="num study">DFE-RR157<br>(of 20)</th>'
        f"{TRUST_HEADER}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    if unused:
        names = "; ".join(t["theme_label"] or t["theme_code"] for t in unused)
        table += (
            f'<p class="note" id="themes-unaddressed">Addressed by no review in scope: '
            f"{esc(names)}.</p>"
        )
    return _section(
        "themes",
        heading,
        table,
        "Number of reviews in scope whose recommendations address each theme, most frequent "
        "first, beside the figure DFE-RR157 published for the 14 themes of its Table 2. "
        f"{TRUST_NOTE}",
    )


def _theme_chart(themes: list[dict] | None, n: Numbers) -> str:
    caption = "Figure B: Themes by number of reviews whose recommendations address them"
    if themes is None:
        return _figure("chart-themes", caption, _missing("theme_frequencies"))
    shown = [t for t in themes if t["reviews_addressing"]]
    if not shown:
        return _figure("chart-themes", caption, '<p class="empty">No theme was coded.</p>')
    rows = [
        Row(t["theme_label"] or t["theme_code"], (n.cell(t["reviews_addressing"]),)) for t in shown
    ]
    svg = bar_chart(
        "chart-themes",
        caption,
        rows,
        [Series("Reviews", PRIMARY)],
        n.k,
        axis_label="Reviews in scope addressing the theme",
    )
    return _figure("chart-themes", caption, svg, "Themes no review addresses are left out.")


TRUST_HEADER = '<th scope="col" class="num trust">Coder F1<br>(real text)</th>'
TRUST_NOTE = (
    "Coder F1 says how far a row can be trusted: the learned coder's F1 for the theme in "
    "cross-validation on real recommendations coded by people (reporting.coder_performance), "
    "with the number of real examples behind it; below 0.6, read the row with care."
)
LOW_TRUST = 0.6


def _trust(f1: float | None, support: int | None) -> str:
    """The coder's cross-validated F1 for a row, marked when it is low or rests on few examples."""
    if f1 is None:
        return _num(DASH, data_col="coder_f1", title="no real labelled example")
    low = f1 < LOW_TRUST or (support or 0) < 10
    cls = "num low-trust" if low else "num"
    return _td(f"{f1:.2f} (n={support})", cls, data_col="coder_f1")


def _case_themes(wh: Warehouse, n: Numbers) -> list[dict]:
    """Table 3's rows, most frequent first (suppressed counts ranked alike)."""
    rows = wh.rows(
        "case_theme_matching",
        [
            "case_theme_code",
            "case_theme_label",
            "reviews_with_theme",
            "reviews_reflected",
            "share_reflected",
            "dfe_rr157_finding",
            "dfe_rr157_finding_label",
            "coder_f1",
            "coder_support",
        ],
    )
    return sorted(
        rows,
        key=lambda c: (
            -n.rank(c["reviews_with_theme"]),
            -n.rank(c["reviews_reflected"]),
            c["case_theme_label"] or "",
            c["case_theme_code"],
        ),
    )


def _table3(case_themes: list[dict] | None, n: Numbers) -> str:
    heading = "Table 3: Case themes and whether the recommendations reflect them"
    if case_themes is None:
        return _section("case-themes", heading, _missing("case_theme_matching"))
    body = [
        _tr(
            [
                f'<th scope="row">{esc(c["case_theme_label"] or c["case_theme_code"])}</th>',
                _num(n.count(c["reviews_with_theme"]), data_col="with_theme"),
                _num(n.count(c["reviews_reflected"]), data_col="reflected"),
                _num(
                    n.share(c["share_reflected"], c["reviews_with_theme"], c["reviews_reflected"]),
                    data_col="share",
                ),
                _td(c["dfe_rr157_finding_label"] or DASH, data_col="study"),
                _trust(c["coder_f1"], c["coder_support"]),
            ],
            class_="zero" if not c["reviews_with_theme"] else None,
            data_case_theme=c["case_theme_code"],
        )
        for c in case_themes
    ]
    table = (
        '<table id="table-3" class="data narrow"><thead><tr><th scope="col">Case theme</th>'
        '<th scope="col" class="num">Reviews with the theme</th>'
        '<th scope="col" class="num">Reflected in a recommendation</th>'
        '<th scope="col" class="num">Share reflected</th>'
        '<th scope="col" class="study">DFE-RR157 finding</th>'
        f"{TRUST_HEADER}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    return _section(
        "case-themes",
        heading,
        table,
        "For each theme of the cases (chapter 4), the reviews in scope whose narrative shows it, "
        "and those of them with at least one recommendation on a theme that answers it, beside "
        "what DFE-RR157 found (its text gives findings, not Table 3's figures). "
        f"{TRUST_NOTE}",
    )


def _case_theme_chart(case_themes: list[dict] | None, n: Numbers) -> str:
    caption = (
        "Figure C (after Figure 3): How often each case theme occurs and how often it is reflected"
    )
    if case_themes is None:
        return _figure("chart-case-themes", caption, _missing("case_theme_matching"))
    shown = [c for c in case_themes if c["reviews_with_theme"]]
    if not shown:
        return _figure(
            "chart-case-themes", caption, '<p class="empty">No case theme was found.</p>'
        )
    rows = [
        Row(
            c["case_theme_label"] or c["case_theme_code"],
            (n.cell(c["reviews_with_theme"]), n.cell(c["reviews_reflected"] or 0)),
        )
        for c in shown
    ]
    svg = bar_chart(
        "chart-case-themes",
        caption,
        rows,
        [
            Series("Reviews where the case shows the theme", PRIMARY),
            Series("Reviews with a recommendation reflecting it", SECONDARY),
        ],
        n.k,
        axis_label="Reviews in scope",
    )
    return _figure(
        "chart-case-themes", caption, svg, "Case themes found in no review are left out."
    )


SMART_CRITERIA = {
    "specific": "Specific",
    "measurable": "Measurable",
    "achievable": "Achievable",
    "relevant": "Relevant",
    "timely": "Timely",
}


def _smart(wh: Warehouse, n: Numbers) -> str:
    """Chapter 5: how SMART the actions of the reviews' action plans are, overall and per plan."""
    heading = "Action plans: how SMART are the actions? (chapter 5)"
    if not wh.has("action_plan_smart"):
        return _section("action-plans", heading, _missing("action_plan_smart"))
    rows = wh.rows(
        "action_plan_smart",
        ["review_id", "criterion", "action_count", "actions_meeting"],
        order="review_id, criterion",
    )
    titles = {
        r["review_id"]: r
        for r in (
            wh.rows("reviews", ["review_id", "title", "area", "year"]) if wh.has("reviews") else []
        )
    }
    plans = sorted({r["review_id"] for r in rows}, key=lambda i: (_title(titles, i).lower(), i))
    order = list(SMART_CRITERIA)
    criteria = sorted(
        {r["criterion"] for r in rows},
        key=lambda c: (order.index(c) if c in order else len(order), c),
    )
    if not rows:
        body = '<p class="empty">No review in the warehouse has an action plan.</p>'
        return _section("action-plans", heading, body)
    # per criterion, pooled over every plan's actions
    summary = []
    actions_total = sum(r["action_count"] or 0 for r in rows if r["criterion"] == criteria[0])
    for criterion in criteria:
        mine = [r for r in rows if r["criterion"] == criterion]
        actions = sum(r["action_count"] or 0 for r in mine)
        meeting = sum(r["actions_meeting"] or 0 for r in mine)
        summary.append(
            _tr(
                [
                    f'<th scope="row">{esc(SMART_CRITERIA.get(criterion, criterion))}</th>',
                    _num(n.count(actions), data_col="actions"),
                    _num(n.count(meeting), data_col="meeting"),
                    _num(
                        n.share(meeting / actions if actions else None, meeting, actions),
                        data_col="share",
                    ),
                ],
                data_criterion=criterion,
            )
        )
    overall = (
        '<table id="table-smart" class="data narrow"><thead><tr><th scope="col">Criterion</th>'
        '<th scope="col" class="num">Actions appraised</th>'
        '<th scope="col" class="num">Meeting it</th>'
        '<th scope="col" class="num">Share</th></tr></thead>'
        f"<tbody>{''.join(summary)}</tbody></table>"
    )
    cells = {(r["review_id"], r["criterion"]): r for r in rows}
    per_plan = []
    for review_id in plans:
        first = cells.get((review_id, criteria[0]), {})
        count = first.get("action_count") or 0
        shares = []
        for criterion in criteria:
            r = cells.get((review_id, criterion))
            meeting = r["actions_meeting"] if r else None
            share = meeting / count if r and count else None
            shares.append(_num(n.share(share, meeting, count), data_col=criterion))
        per_plan.append(
            _tr(
                [
                    f'<th scope="row">{esc(_clip(_title(titles, review_id), 90))}</th>',
                    _num(n.count(count), data_col="actions"),
                    *shares,
                ],
                data_review_id=review_id,
            )
        )
    head = "".join(
        f'<th scope="col" class="num">{esc(SMART_CRITERIA.get(c, c))}</th>' for c in criteria
    )
    plans_table = (
        '<table id="table-smart-plans" class="data full"><thead><tr><th scope="col">Review</th>'
        f'<th scope="col" class="num">Actions</th>{head}</tr></thead>'
        f"<tbody>{''.join(per_plan)}</tbody></table>"
    )
    intro = (
        f"The {n.count(len(plans))} action plans in the warehouse "
        f"({n.count(actions_total)} actions), each action appraised against the SMART criteria "
        "by the documented rules: in all, then the share of each plan's actions meeting each "
        "criterion. DFE-RR157 appraised the plans of 5 reviews: every action had a timescale and "
        "a lead, measures were mostly concrete outputs (training events, procedures) and rarely "
        "the impact."
    )
    from warehouse.report_study import chapter5_tables

    more = chapter5_tables(wh, n)
    return _section("action-plans", heading, overall + plans_table + more, intro)


def _title(titles: dict[str, dict], review_id: str) -> str:
    """A review's title with its area and year, as Table 1 tells reviews apart."""
    r = titles.get(review_id)
    if not r:
        return review_id
    sub = ", ".join(str(x) for x in (r.get("area"), r.get("year")) if x)
    title = r.get("title") or review_id
    return f"{title} ({sub})" if sub else title


def _clip(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- the page -------------------------------------------------------------------------------

CSS = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0 auto; max-width: 960px; padding: 28px 32px 48px; color: #1d1d1d;
  font: 14px/1.45 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif; }
header { border-bottom: 3px solid #2f5d8a; padding-bottom: 10px; margin-bottom: 8px; }
h1 { font-size: 26px; margin: 0 0 4px; color: #1f3f60; }
h2 { font-size: 18px; margin: 0 0 6px; color: #1f3f60; border-bottom: 1px solid #c9d3de;
  padding-bottom: 3px; }
p { margin: 4px 0 8px; }
.subtitle { color: #444; margin: 0 0 6px; }
.meta { color: #333; font-size: 13px; margin: 0; }
.data-quality { background: #f3f6f9; border-left: 4px solid #2f5d8a; padding: 6px 10px;
  font-size: 13px; margin: 12px 0 4px; }
section { margin: 26px 0 0; break-inside: auto; }
.intro { color: #444; font-size: 13px; }
.note { color: #555; font-size: 12px; margin-top: 4px; }
.empty { color: #666; font-style: italic; }
table.data { border-collapse: collapse; font-size: 13px; margin: 6px 0 2px;
  font-variant-numeric: tabular-nums; }
table.data th, table.data td { padding: 3px 8px; border-bottom: 1px solid #dde3ea;
  text-align: left; vertical-align: baseline; }
table.data thead th { border-bottom: 2px solid #1f3f60; vertical-align: bottom;
  font-weight: 600; color: #1f3f60; }
table.data tbody th { font-weight: normal; }
table.data .num { text-align: right; white-space: nowrap; }
table.data tr.group th { font-weight: 600; background: #eef2f6; color: #1f3f60; }
table.data tr.zero { color: #8a8a8a; }
table.data th.study, table.data td[data-col="study"] { color: #6b4b16; background: #fbf6ee; }
table.data td.low-trust { color: #8a1c1c; font-style: italic; }
table.data tfoot tr.study th { font-weight: normal; color: #6b4b16; background: #fbf6ee; }
table.data td.layer { color: #555; font-size: 12px; white-space: nowrap; }
table.data tfoot tr.total th, table.data tfoot tr.total td { border-top: 2px solid #1f3f60;
  font-weight: 600; border-bottom: none; }
table.narrow { min-width: 420px; }
table.full { width: 100%; }
table#table-2 tbody th { min-width: 230px; }
.wide { overflow-x: auto; }
table.table1 { font-size: 12px; width: 100%; }
table.table1 th, table.table1 td { padding: 3px 4px; }
table.table1 th.review { min-width: 190px; max-width: 260px; }
table.table1 tbody th.review .ordinal { color: #777; }
table.table1 .sub { display: block; color: #666; font-size: 11px; }
table.table1 .mark { color: #b3261e; font-weight: 700; margin-left: 2px; }
table.table1 th.rot { height: 170px; width: 30px; padding: 4px 2px; text-align: left; }
table.table1 th.rot span { writing-mode: vertical-rl; transform: rotate(180deg);
  display: inline-block; max-height: 165px; font-size: 11px; font-weight: 600; line-height: 1.2; }
table.table1 td.num { text-align: center; }
table.table1 td.nil { color: #b9b9b9; }
table.table1 td[data-agency="total"], table.table1 th.total { background: #eef2f6; font-weight: 600; }
table.table1 tbody tr:nth-child(even) { background: #fafbfc; }
h3 { font-size: 15px; margin: 16px 0 4px; color: #1f3f60; }
table.data td.quote { font-size: 12.5px; }
table.data .sub { display: block; color: #666; font-size: 11px; }
table#table-ch5-plans { font-size: 12px; }
table#table-ch5-plans tbody th { min-width: 210px; }
table#table-ch5-plans th, table#table-ch5-plans td { padding: 3px 5px; }
ul.citations { font-size: 12.5px; }
ul.layers { font-size: 13px; color: #333; margin: 8px 0 0; padding-left: 20px; }
figure.chart-figure { margin: 22px 0 0; break-inside: avoid; }
figure.chart-figure figcaption { font-weight: 600; color: #1f3f60; margin-bottom: 6px; }
svg.chart { max-width: 100%; height: auto; display: block; }
footer { margin-top: 30px; border-top: 1px solid #c9d3de; padding-top: 6px; color: #555;
  font-size: 12px; }
@media print {
  body { max-width: none; padding: 0; font-size: 12px; }
  section, figure.chart-figure { break-inside: avoid; }
  table.table1 { break-inside: auto; }
  .wide { overflow: visible; }
}
"""


def render_report(con: duckdb.DuckDBPyConnection, suppress_below: int | None = None) -> str:
    """The whole report as one HTML page, read from the reporting schema on `con`."""
    if suppress_below is not None and suppress_below < 1:
        raise ValueError(f"suppress_below must be a positive count, not {suppress_below}")
    from warehouse.report_study import exemplars_section, trends_section

    n = Numbers(suppress_below if suppress_below and suppress_below > 1 else None)
    wh = Warehouse(con)
    scope = _scope(wh)
    table1 = (
        _table1_data(wh) if wh.has("agency_recommendation_counts") and wh.has("reviews") else None
    )
    themes = _themes(wh, n) if wh.has("theme_frequencies") else None
    case_themes = _case_themes(wh, n) if wh.has("case_theme_matching") else None
    suppression = ""
    if n.k:
        suppression = (
            f'<p class="note" id="suppression-note">Small cells are suppressed: counts from 1 to '
            f"{n.k - 1} are shown as &lt;{n.k}, and the shares and means derived from them are "
            f"left out ({DASH}); in the charts such a bar is a hatched band up to {n.k}. A zero "
            "is shown as it is. Totals are computed before suppression.</p>"
        )
    body = [
        _header(scope, n),
        _data_quality(wh, scope),
        suppression,
        _sample(wh, n),
        _recommendation_counts(wh, n),
        _table1(table1, n),
        _agency_chart(table1, n),
        _table2(themes, n),
        exemplars_section(wh, n),
        _theme_chart(themes, n),
        _table3(case_themes, n),
        _case_theme_chart(case_themes, n),
        _smart(wh, n),
        trends_section(wh, n),
        "<footer>Made by scr-warehouse from the reporting schema of the published warehouse; "
        "every figure can be queried there (reporting.agency_recommendation_counts, "
        "theme_frequencies, case_theme_matching, sample_characteristics, "
        "recommendation_count_summary, action_plan_smart, theme_exemplars, action_plans, "
        "action_plan_findings, theme_trends). Codes and labels follow DFE-RR157.</footer>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Recommendations of serious case reviews: report</title>"
        f"<style>{CSS}</style></head><body>{''.join(body)}</body></html>\n"
    )


def write_report(published: Path, out: Path, suppress_below: int | None = None) -> Path:
    """Render the published warehouse (opened read-only) and write the page atomically."""
    published, out = Path(published), Path(out)
    if not published.is_file():
        raise ValueError(f"no published warehouse at {published}: run `scr run` first")
    con = duckdb.connect(str(published), read_only=True)
    try:
        page = render_report(con, suppress_below)
    finally:
        con.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as f:
            f.write(page)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
