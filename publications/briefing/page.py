"""The briefing: the warehouse's findings as one self-contained HTML page, laid out as DFE-RR157
lays them out (`briefing.html`).

A researcher prints it or mails it: inline CSS and inline SVG only (no script, no web font, no
image, nothing fetched). Every text is escaped by the template, since titles and paths come from
documents. The page is a function of the warehouse alone (the only date on it is the run's, read
from `audit.runs`), so the same warehouse renders the same bytes. With `suppress_below=K`, counts
from 1 to K-1 are printed as "<K" in tables and chart labels, the shares and means derived from
them are left out, and the suppressed bars are drawn as a hatched band up to K.

Reading (`queries`), laying out (`sections`, `study_sections`) and markup (the template and its
stylesheet in `templates/`) are apart; this module puts them together.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import jinja2
from markupsafe import Markup

from publications.briefing import queries as q
from publications.briefing import sections as s
from publications.briefing import study_sections as study
from publications.briefing.numbers import Numbers, suppression
from publications.briefing.view import Block, clean
from publications.files import write_text_atomically
from publications.source import open_published

BRIEFING_NAME = "briefing.html"
TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=clean,  # control characters out of every printed text
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("briefing.html.j2")


@cache
def _stylesheet() -> Markup:
    return Markup((TEMPLATES / "briefing.css").read_text(encoding="utf-8"))


def _blocks(con: duckdb.DuckDBPyConnection, n: Numbers) -> list[Block]:
    """The page's sections in the study's order, each read from its reporting table."""
    agencies = q.agency_totals(con)
    table1_rows = q.table1_rows(con, [a.agency_code for a in agencies])
    themes = s.ranked_themes(q.themes(con), n)
    case_themes = s.ranked_case_themes(q.case_themes(con), n)
    titles = q.review_titles(con)
    labels = q.sample_value_labels(con)
    chapter5 = study.chapter5_blocks(
        q.action_plan_findings(con), q.action_plans(con), q.research_citations(con), titles, n
    )
    return [
        s.sample(q.sample_characteristics(con), q.analysis_layers(con), labels, n),
        s.recommendation_counts(q.recommendation_counts(con), labels["outcome"], n),
        s.table1(agencies, table1_rows, q.table1_total(con), n),
        s.agency_chart(agencies, n),
        s.themes_section(s.table2(themes, n)),
        study.exemplars_section(q.exemplars(con)),
        s.theme_chart(themes, n),
        s.table3(case_themes, n),
        s.case_theme_chart(case_themes, n),
        s.action_plans_section(q.smart_pooled(con), q.smart_by_plan(con), titles, chapter5, n),
        study.trends_section(
            q.theme_trends(con), q.table2_theme_codes(con), q.agency_trends(con),
            q.case_theme_trends(con), n,
        ),
    ]  # fmt: skip


def render_briefing(con: duckdb.DuckDBPyConnection, suppress_below: int | None = None) -> str:
    """The whole briefing as one HTML page, read from the reporting schema on `con`."""
    n = suppression(suppress_below)
    scope = q.scope(con)
    quality = q.data_quality(con, scope.run.run_id if scope.run else None)
    return _template().render(
        stylesheet=_stylesheet(),
        run_meta=s.run_meta(scope, n),
        data_quality=s.data_quality(scope.run, quality),
        suppress_below=n.k,
        blocks=_blocks(con, n),
    )


def write_briefing(published: Path, out: Path, suppress_below: int | None = None) -> Path:
    """Render the published warehouse (opened read-only) and write the page atomically."""
    with open_published(published) as con:
        page = render_briefing(con, suppress_below)
    return write_text_atomically(Path(out), page)
