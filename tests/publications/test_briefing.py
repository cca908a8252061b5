"""The briefing: its sections, its numbers against SQL, suppression, escaping, and a real render.

The warehouse is built once by the real pipeline on three short text reviews (one with a hostile
title); every figure on the page is checked against a query on the same file.
"""

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import duckdb
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingestion.errors import NoPublishedWarehouse
from orchestration.settings import PROJECT_ROOT
from publications.briefing import render_briefing, write_briefing
from tests.publications.contract_tables import contract_columns, create_contract_tables, insert
from tests.publications.warehouse_copies import copy_of, read_only, some_reviews
from tests.warehouse.review_texts import HOSTILE_TITLE

K = 3  # suppression threshold for the tests: the sample holds counts 1, 2 (suppressed) and 3+
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
IDS = [
    "run-meta",
    "data-quality",
    "sample",
    "table-sample",
    "recommendation-counts",
    "table-recommendation-counts",
    "agencies",
    "table-1",
    "chart-agencies",
    "themes",
    "table-2",
    "chart-themes",
    "case-themes",
    "table-3",
    "chart-case-themes",
    "action-plans",
]
TABLES = ["table-sample", "table-recommendation-counts", "table-1", "table-2", "table-3"]
CHARTS = ["chart-agencies", "chart-themes", "chart-case-themes"]
PRIMARY = (0x2F, 0x5D, 0x8A)
SECONDARY = (0xD9, 0x82, 0x2B)


@pytest.fixture(scope="module")
def page(con):
    return render_briefing(con)


@pytest.fixture(scope="module")
def soup(page):
    return BeautifulSoup(page, "html.parser")


@pytest.fixture(scope="module")
def soup_k(con):
    return BeautifulSoup(render_briefing(con, suppress_below=K), "html.parser")


def text(el) -> str:
    return el.get_text(" ", strip=True)


def shown(n, k=None) -> str:
    """How the page prints a count."""
    return f"<{k}" if k and 0 < n < k else f"{n:,}"


def pct(share) -> str:
    return f"{share * 100:.0f}%"


def rows(con, sql, params=()):
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


# --- structure ------------------------------------------------------------------------------


def test_every_section_table_and_chart_has_its_stable_id(soup):
    for element_id in IDS:
        assert soup.find(id=element_id) is not None, element_id
    for table_id in TABLES:
        assert soup.find(id=table_id).name == "table"
    for chart_id in CHARTS:
        figure = soup.find(id=chart_id)
        assert figure.name == "figure"
        svg = figure.find("svg")
        assert svg is not None and svg.find_all("rect", class_="bar"), chart_id


def test_sections_come_in_the_report_order(page):
    positions = [page.index(f'id="{i}"') for i in ["sample", "agencies", "themes", "case-themes"]]
    assert positions == sorted(positions)


def test_page_is_self_contained(page):
    assert "http://" not in page and "https://" not in page
    lowered = page.lower()
    for tag in (
        "<script",
        "<link",
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "@import",
        "@font-face",
    ):
        assert tag not in lowered, tag
    assert not re.search(r"url\((?!#)", page), "only in-page url(#...) references are allowed"
    assert not re.search(r"\b(?:src|href)\s*=", lowered)


def test_output_is_deterministic(con, page):
    assert render_briefing(con) == page
    assert render_briefing(con, suppress_below=K) == render_briefing(con, suppress_below=K)


def test_run_and_date_come_from_the_runs_table(con, soup):
    run_id, finished = con.execute(
        "select run_id, finished_at from audit.runs order by finished_at desc limit 1"
    ).fetchone()
    meta = text(soup.find(id="run-meta"))
    assert run_id in meta
    assert finished.strftime("%Y-%m-%d %H:%M UTC") in meta
    reviews = con.execute("select count(*) from reporting.reviews").fetchone()[0]
    recs = con.execute("select count(*) from reporting.recommendations").fetchone()[0]
    assert f"{reviews} reviews" in meta and f"{recs} recommendations" in meta


# --- numbers against SQL --------------------------------------------------------------------


def test_sample_characteristics_match_sql(con, soup):
    expected = rows(con, "select * from reporting.sample_characteristics")
    assert {r["characteristic"] for r in expected} == {"outcome", "child_sex", "age_band"}
    table = soup.find(id="table-sample")
    for r in expected:
        tr = table.find(
            "tr", attrs={"data-characteristic": r["characteristic"], "data-value": r["value"]}
        )
        assert tr is not None, r
        count, share = [text(td) for td in tr.find_all("td")]
        assert count == str(r["review_count"])
        assert share == pct(r["share"])
    assert len(table.find_all("tr", attrs={"data-characteristic": True})) == len(expected)


def test_recommendation_counts_match_sql(con, soup):
    table = soup.find(id="table-recommendation-counts")
    expected = rows(con, "select * from reporting.recommendation_count_summary")
    assert {r["review_group"] for r in expected} == {"all", "death", "serious_injury"}
    for r in expected:
        cells = [
            text(td)
            for td in table.find("tr", attrs={"data-group": r["review_group"]}).find_all("td")
        ]
        assert cells == [
            str(r["review_count"]),
            str(r["recommendation_total"]),
            f"{r['recommendation_min']} to {r['recommendation_max']}",
            f"{r['recommendation_mean']:.1f}",
        ]


def test_table1_is_laid_out_as_in_the_study(con, soup):
    table = soup.find(id="table-1")
    agencies = [
        r[0]
        for r in con.execute(
            "select agency_code from codebook.codebook_agencies order by table1_order"
        ).fetchall()
    ]
    assert len(agencies) == 16
    header = [
        th["data-agency"] for th in table.find("thead").find_all("th", attrs={"data-agency": True})
    ]
    assert header == agencies
    reviews = rows(
        con,
        "select review_id, outcome, title from reporting.reviews where has_agency_recommendations",
    )
    counts = {
        (r["review_id"], r["agency_code"]): r["recommendation_count"]
        for r in rows(con, "select * from reporting.agency_recommendation_counts")
    }
    body_rows = table.find("tbody").find_all("tr")
    assert sorted(tr["data-review-id"] for tr in body_rows) == sorted(
        r["review_id"] for r in reviews
    )
    for review in reviews:
        tr = table.find("tr", attrs={"data-review-id": review["review_id"]})
        cells = {td["data-agency"]: text(td) for td in tr.find_all("td")}
        for agency in agencies:
            assert cells[agency] == str(counts.get((review["review_id"], agency), 0)), agency
        total = sum(counts.get((review["review_id"], a), 0) for a in agencies)
        assert cells["total"] == str(total)
        marked = tr.find(class_="mark") is not None
        assert marked == (review["outcome"] == "serious_injury"), review
    assert any(r["outcome"] == "serious_injury" for r in reviews)
    total_row = table.find("tfoot").find("tr", attrs={"data-review-id": "total"})
    totals = {td["data-agency"]: text(td) for td in total_row.find_all("td")}
    for agency in agencies:
        column = sum(counts.get((r["review_id"], agency), 0) for r in reviews)
        assert totals[agency] == str(column), agency
    all_recs = con.execute(
        "select count(*) from reporting.recommendations join reporting.reviews using (review_id) "
        "where has_agency_recommendations"
    ).fetchone()[0]
    assert totals["total"] == str(all_recs)


def test_table1_totals_have_the_study_figures_beside(con, soup):
    study_row = (
        soup.find(id="table-1").find("tfoot").find("tr", attrs={"data-review-id": "dfe_rr157"})
    )
    assert study_row is not None, "Table 1 has no DFE-RR157 row under its totals"
    cells = {td["data-agency"]: text(td) for td in study_row.find_all("td")}
    study = {
        r["agency_code"]: r
        for r in rows(con, "select * from reporting.agency_totals order by table1_order")
    }
    assert len(study) == 16
    given = {code: r for code, r in study.items() if r["dfe_rr157_recommendations"] is not None}
    # the totals the study's text states (children's social care 179, community health 161,
    # hospital trusts 92, police 85) and LSCB 135, a reading of a garbled row
    assert {c: r["dfe_rr157_recommendations"] for c, r in given.items()} == {
        "childrens_social_care": 179,
        "community_health": 161,
        "hospital_ambulance": 92,
        "police": 85,
        "lscb_all_agencies": 135,
    }
    for code, r in study.items():
        figure = r["dfe_rr157_recommendations"]
        expected = (
            "–" if figure is None else f"{figure}" + ("" if r["dfe_rr157_is_confirmed"] else "?")
        )
        assert cells[code] == expected, code
    assert cells["total"] == "932"
    # and the warehouse's own totals agree with Table 1's total row
    total_row = soup.find(id="table-1").find("tfoot").find("tr", attrs={"data-review-id": "total"})
    ours = {td["data-agency"]: text(td) for td in total_row.find_all("td")}
    for code, r in study.items():
        assert ours[code] == str(r["recommendation_count"]), code


def test_table2_matches_sql_with_the_study_figure_beside(con, soup):
    table = soup.find(id="table-2")
    themes = rows(con, "select * from reporting.theme_frequencies")
    listed = [t for t in themes if t["reviews_addressing"] or t["dfe_rr157_reviews"] is not None]
    body = table.find("tbody").find_all("tr")
    assert len(body) == len(listed)
    for t in listed:
        tr = table.find("tr", attrs={"data-theme": t["theme_code"]})
        cells = {td["data-col"]: text(td) for td in tr.find_all("td", attrs={"data-col": True})}
        assert cells["reviews"] == str(t["reviews_addressing"])
        assert cells["recommendations"] == str(t["recommendation_count"])
        assert cells["share"] == pct(t["reviews_addressing"] / t["reviews_in_scope"])
        study = t["dfe_rr157_reviews"]
        assert cells["study"] == ("–" if study is None else str(study))
    assert sum(t["dfe_rr157_reviews"] is not None for t in themes) == 14
    shown_counts = [int(text(tr.find("td", attrs={"data-col": "reviews"}))) for tr in body]
    assert shown_counts == sorted(shown_counts, reverse=True)
    unaddressed = text(soup.find(id="themes-unaddressed"))
    for t in themes:
        if t not in listed:
            assert t["theme_label"] in unaddressed


def test_table3_matches_sql(con, soup):
    table = soup.find(id="table-3")
    expected = rows(con, "select * from reporting.case_theme_matching")
    assert len(table.find("tbody").find_all("tr")) == len(expected) == 10
    assert any(r["reviews_with_theme"] for r in expected)
    for r in expected:
        tr = table.find("tr", attrs={"data-case-theme": r["case_theme_code"]})
        cells = {td["data-col"]: text(td) for td in tr.find_all("td")}
        assert cells["with_theme"] == str(r["reviews_with_theme"])
        assert cells["reflected"] == str(r["reviews_reflected"])
        share = r["share_reflected"]
        assert cells["share"] == ("–" if share is None else pct(share))
        assert cells["study"] == (r["dfe_rr157_finding_label"] or "–")
    findings = {r["case_theme_code"]: r["dfe_rr157_finding"] for r in expected}
    assert findings["domestic_violence"] == "mostly_reflected"
    assert findings["teenage_parents"] == "rarely_reflected"
    assert findings["poverty"] == "scarcely_reflected"
    assert findings["neglect"] is None


def chart_bars(figure):
    """(label, [(value text, bar width)]) per row of a bar chart, in drawing order."""
    svg = figure.find("svg")
    bars = svg.find_all("rect", class_="bar")
    values = svg.find_all("text", class_="value")
    return [(text(v), float(b["width"])) for b, v in zip(bars, values, strict=True)]


def chart_labels(figure):
    return [
        " ".join(text(t) for t in label.find_all("tspan"))
        for label in figure.find("svg").find_all("text", attrs={"text-anchor": "end"})
    ]


def test_agency_chart_shows_the_table1_totals(con, soup):
    expected = rows(
        con,
        "select any_value(agency_label) as label, sum(recommendation_count) as n "
        "from reporting.agency_recommendation_counts where is_layer_2 group by agency_code "
        "having n > 0",
    )
    figure = soup.find(id="chart-agencies")
    bars = chart_bars(figure)
    labels = chart_labels(figure)
    assert sorted(zip(labels, [v for v, _ in bars], strict=True)) == sorted(
        (r["label"], str(r["n"])) for r in expected
    )
    values = [int(v) for v, _ in bars]
    assert values == sorted(values, reverse=True)
    # bar lengths are proportional to the values
    ratios = [width / int(v) for v, width in bars]
    assert max(ratios) - min(ratios) < 0.1  # widths are printed to 0.1 px


def test_theme_chart_shows_reviews_addressing_each_theme(con, soup):
    expected = {
        r["theme_label"]: r["reviews_addressing"]
        for r in rows(con, "select * from reporting.theme_frequencies where reviews_addressing > 0")
    }
    figure = soup.find(id="chart-themes")
    bars = chart_bars(figure)
    labels = chart_labels(figure)
    assert len(labels) == len(expected)
    for label, (value, _) in zip(labels, bars, strict=True):
        full = next(name for name in expected if name.startswith(label.rstrip("…").strip()))
        assert value == str(expected[full])


def test_case_theme_chart_pairs_occurrence_and_reflection(con, soup):
    expected = rows(con, "select * from reporting.case_theme_matching where reviews_with_theme > 0")
    figure = soup.find(id="chart-case-themes")
    bars = chart_bars(figure)
    assert len(bars) == 2 * len(expected)
    labels = chart_labels(figure)
    by_label = {r["case_theme_label"]: r for r in expected}
    for i, label in enumerate(labels):
        r = by_label[label]
        assert bars[2 * i][0] == str(r["reviews_with_theme"])
        assert bars[2 * i + 1][0] == str(r["reviews_reflected"])
    fills = {rect["fill"] for rect in figure.find_all("rect", class_="bar")}
    assert fills == {"#2f5d8a", "#d9822b"}


def test_data_quality_line_counts_checks_and_quarantined_files(con, soup):
    line = text(soup.find(id="data-quality"))
    run_id, passed, failed = con.execute(
        "select run_id, checks_passed, checks_failed from audit.runs "
        "order by finished_at desc limit 1"
    ).fetchone()
    # the run's asset checks: a Great Expectations suite per raw table and every dbt test
    assert passed > 0 and failed is not None
    assert (
        passed + failed
        == con.execute(
            "select count(*) from audit.check_results where run_id = ?", [run_id]
        ).fetchone()[0]
    )
    assert f"{passed} of {passed + failed} checks passed" in line
    expectations, held = con.execute(
        "select count(*), count(*) filter (where is_success) from audit.data_quality_results "
        "where run_id = ?",
        [run_id],
    ).fetchone()
    assert f"Of the suites' {expectations} expectations, {held} held" in line
    quarantined = con.execute(
        "select count(distinct path) from audit.extraction_issues where severity = 'error'"
    ).fetchone()[0]
    assert f"{quarantined} files quarantined" in line or f"{quarantined} file quarantined" in line


# --- suppression ----------------------------------------------------------------------------


def test_suppression_replaces_small_counts_in_tables(con, soup_k):
    sample = soup_k.find(id="table-sample")
    for r in rows(con, "select * from reporting.sample_characteristics"):
        tr = sample.find(
            "tr", attrs={"data-characteristic": r["characteristic"], "data-value": r["value"]}
        )
        count, share = [text(td) for td in tr.find_all("td")]
        assert count == shown(r["review_count"], K)
        assert share == ("–" if r["review_count"] < K else pct(r["share"]))
    table1 = soup_k.find(id="table-1")
    small = 0
    for r in rows(con, "select * from reporting.agency_recommendation_counts where is_layer_2"):
        tr = table1.find("tr", attrs={"data-review-id": r["review_id"]})
        td = tr.find("td", attrs={"data-agency": r["agency_code"]})
        assert text(td) == shown(r["recommendation_count"], K)
        small += 0 < r["recommendation_count"] < K
    assert small > 0, "the fixture should hold small cells"
    table3 = soup_k.find(id="table-3")
    for r in rows(con, "select * from reporting.case_theme_matching"):
        tr = table3.find("tr", attrs={"data-case-theme": r["case_theme_code"]})
        cells = {td["data-col"]: text(td) for td in tr.find_all("td")}
        assert cells["with_theme"] == shown(r["reviews_with_theme"], K)
        assert cells["reflected"] == shown(r["reviews_reflected"], K)
        hidden = 0 < r["reviews_with_theme"] < K or 0 < r["reviews_reflected"] < K
        if hidden or r["share_reflected"] is None:
            assert cells["share"] == "–"
        else:
            assert cells["share"] == pct(r["share_reflected"])
    table2 = soup_k.find(id="table-2")
    for r in rows(con, "select * from reporting.theme_frequencies where reviews_addressing > 0"):
        tr = table2.find("tr", attrs={"data-theme": r["theme_code"]})
        cells = {td["data-col"]: text(td) for td in tr.find_all("td", attrs={"data-col": True})}
        assert cells["reviews"] == shown(r["reviews_addressing"], K)
        if r["reviews_addressing"] < K:
            assert cells["share"] == "–"
    assert soup_k.find(id="suppression-note") is not None


def test_suppression_hides_small_counts_in_charts(con, soup_k):
    for chart_id in CHARTS:
        figure = soup_k.find(id=chart_id)
        bars = chart_bars(figure)
        hidden_widths = {round(w, 3) for v, w in bars if v == f"<{K}"}
        assert len(hidden_widths) <= 1, "every suppressed bar has the same length"
        for value, _ in bars:
            assert value == f"<{K}" or value == "0" or int(value) >= K, (chart_id, value)
    theme_bars = chart_bars(soup_k.find(id="chart-themes"))
    assert any(v == f"<{K}" for v, _ in theme_bars)
    # suppressed rows are ordered alike (by Table 2's order), not by their hidden values
    order = {
        r["theme_label"]: (r["table2_order"] is None, r["table2_order"] or 0, r["theme_label"])
        for r in rows(con, "select * from reporting.theme_frequencies")
    }
    labels = chart_labels(soup_k.find(id="chart-themes"))
    hidden = [
        next(name for name in order if name.startswith(label.rstrip("…").strip()))
        for label, (v, _) in zip(labels, theme_bars, strict=True)
        if v == f"<{K}"
    ]
    assert hidden == sorted(hidden, key=order.get)


def test_suppression_leaves_no_small_number_in_table1(soup_k):
    cells = [
        text(td)
        for td in soup_k.find(id="table-1").find_all("td")
        if td.get("data-col") != "study"  # the study's published totals are not our counts
    ]
    assert cells and all(c == f"<{K}" or int(c) == 0 or int(c) >= K for c in cells), cells


def test_a_bad_threshold_is_refused(con):
    with pytest.raises(ValueError, match="suppress_below"):
        render_briefing(con, suppress_below=0)
    assert render_briefing(con, suppress_below=1) == render_briefing(con)


# --- hostile text ---------------------------------------------------------------------------


def test_hostile_title_comes_out_escaped(con, page, soup):
    title = con.execute(
        "select title from reporting.reviews where title like '%<script>%'"
    ).fetchone()[0]
    assert HOSTILE_TITLE in title
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert soup.find("script") is None
    assert HOSTILE_TITLE in text(soup.find(id="table-1"))


# --- writing --------------------------------------------------------------------------------


def test_write_briefing_reads_only_and_writes_atomically(published, con, page, tmp_path):
    # `con` holds a read-only connection to the file: a read-write open would fail here.
    out = write_briefing(published, tmp_path / "out" / "briefing.html")
    assert out.read_text(encoding="utf-8") == page
    again = write_briefing(published, out)
    assert again.read_bytes() == out.read_bytes()
    assert [p.name for p in out.parent.iterdir()] == ["briefing.html"]


def test_write_briefing_names_a_missing_warehouse(tmp_path):
    missing = tmp_path / "nowhere" / "scr.duckdb"
    with pytest.raises(NoPublishedWarehouse, match=re.escape(str(missing))):
        write_briefing(missing, tmp_path / "briefing.html")
    assert not (tmp_path / "briefing.html").exists()


# --- a real browser -------------------------------------------------------------------------


def chromium_binary() -> str:
    """Debian's chromium, installed on the spot when missing and the test runs as root."""
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if found:
        return found
    if os.geteuid() != 0:
        pytest.skip("chromium is not installed and the test is not root, so cannot install it")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        try:
            done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=480)
        except (OSError, subprocess.TimeoutExpired) as exc:
            pytest.skip(f"could not install chromium: {' '.join(command)}: {exc}")
        if done.returncode != 0:
            pytest.skip(f"could not install chromium: {' '.join(command)}: {done.stderr[-400:]}")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("apt-get installed chromium but /usr/bin/chromium is missing")
    return "/usr/bin/chromium"


def chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]
    return subprocess.run(
        [binary, *flags, *args], capture_output=True, text=True, timeout=180, check=False
    )


def png_pixels(data: bytes):
    """Width, height and (r, g, b) pixels of an 8-bit RGB or RGBA PNG (Pillow if present)."""
    try:
        from PIL import Image
    except ImportError:
        return _png_pixels_stdlib(data)
    import io

    image = Image.open(io.BytesIO(data)).convert("RGB")
    raw = image.tobytes()
    return image.width, image.height, list(zip(raw[0::3], raw[1::3], raw[2::3], strict=True))


def _png_pixels_stdlib(data: bytes):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    pixels = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        pixels.extend(tuple(line[i : i + 3]) for i in range(0, stride, channels))
        previous = line
    return width, height, pixels


@pytest.fixture(scope="module")
def browser():
    return chromium_binary()


@pytest.fixture(scope="module")
def rendered_file(published):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return write_briefing(published, ARTIFACTS / "briefing.html")


@pytest.mark.slow
def test_briefing_renders_in_headless_chromium(browser, rendered_file, tmp_path):
    shot = ARTIFACTS / "briefing.png"
    shot.unlink(missing_ok=True)
    done = chromium(
        browser,
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1280,6000",  # tall enough for Figure C below Table 2's exemplars
        rendered_file.as_uri(),
    )
    assert shot.exists(), done.stderr[-2000:]
    data = shot.read_bytes()
    assert len(data) > 50_000
    width, height, pixels = png_pixels(data)
    assert (width, height) == (1280, 6000)
    colours = set(pixels)
    assert len(colours) > 50, "the screenshot is (nearly) blank"
    inked = sum(1 for p in pixels if p != (255, 255, 255))
    assert inked / len(pixels) > 0.03
    # the charts were drawn: their bar colours are on the screen
    assert PRIMARY in colours and SECONDARY in colours


@pytest.mark.slow
def test_rendered_dom_holds_the_tables_and_charts(browser, rendered_file, tmp_path):
    done = chromium(browser, tmp_path / "profile", "--dump-dom", rendered_file.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = BeautifulSoup(done.stdout, "html.parser")
    for table_id in TABLES:
        table = dom.find(id=table_id)
        assert table is not None and table.name == "table", table_id
        assert table.find("tbody").find_all("tr"), table_id
    for chart_id in CHARTS:
        svg = dom.find(id=chart_id).find("svg")
        assert svg is not None and len(svg.find_all("rect", class_="bar")) > 0, chart_id
    assert dom.find("script") is None
    assert HOSTILE_TITLE in text(dom.find(id="table-1"))


# --- hostile input, without the pipeline ----------------------------------------------------

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "strong",
    "section", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "br", "ul", "li",
    "figure", "figcaption", "div", "footer", "svg", "defs", "pattern", "rect", "line", "text",
    "tspan", "h3", "g",
}  # fmt: skip


TINY_TABLES = contract_columns()


def tiny_warehouse() -> duckdb.DuckDBPyConnection:
    """In memory: every published table, empty, as its contract declares it (no runs, no checks)."""
    con = duckdb.connect()
    create_contract_tables(con)
    return con


def fill(con, title: str, label: str, path: str) -> None:
    """Put the given text in every place the page prints text (ids and codes too).

    Table 1's agency is a real code: the agencies are the columns of its table.
    """
    review = {"review_id": label, "title": title, "area": label, "year": 2010,
              "outcome": "serious_injury"}  # fmt: skip
    table1 = {name: 0 for name, kind in TINY_TABLES["reporting.table1_agency_by_review"]
              if kind == "integer" and name != "year"}  # fmt: skip
    rows = {
        "reporting.reviews": {**review, "has_agency_recommendations": True},
        "reporting.table1_agency_by_review": {
            **review, **table1, "is_serious_injury": True, "police": 2, "total": 2
        },
        "reporting.agency_totals": {"agency_code": "police", "agency_label": label,
                                    "table1_order": 1, "recommendation_count": 2,
                                    "dfe_rr157_recommendations": 7,
                                    "dfe_rr157_is_confirmed": False},
        "reporting.theme_frequencies": {"theme_code": label, "theme_label": label,
                                        "layer_code": label, "layer_label": label,
                                        "reviews_addressing": 1, "reviews_in_scope": 1,
                                        "recommendation_count": 2},
        "reporting.theme_exemplars": {"theme_code": label, "theme_label": label,
                                      "recommendation_id": label, "review_id": label,
                                      "review_title": title, "label": label, "text": title,
                                      "method": "rule", "confidence": 0.9, "page": 1,
                                      "char_start": 0, "char_end": 5},
        "reporting.case_theme_matching": {"case_theme_code": label, "case_theme_label": label,
                                          "reviews_with_theme": 1, "reviews_reflected": 0,
                                          "share_reflected": 0.0,
                                          "dfe_rr157_finding_label": title},
        "reporting.sample_characteristics": {"characteristic": "outcome", "value": label,
                                             "review_count": 1, "share": 1.0},
        "reporting.action_plan_smart": {"review_id": label, "criterion": label,
                                        "action_count": 2, "actions_meeting": 1,
                                        "share_meeting": 0.5},
        "audit.extraction_issues": {"path": path, "severity": "error", "message": label},
    }  # fmt: skip
    for table, values in rows.items():
        con.execute(f"delete from {table}")
        insert(con, table, values)


def structure(page: str) -> tuple[set[str], int, bool]:
    soup = BeautifulSoup(page, "html.parser")
    tags = soup.find_all(True)
    handlers = any(name.lower().startswith("on") for tag in tags for name in tag.attrs)
    return {t.name for t in tags}, len(soup.find_all("tr")), handlers


hostile_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300
) | st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "</textarea></style></svg><script>",
        "]]><!--",
        "&amp;&lt;",
        "\x00\x01\x1b[31m\x7f",
        "x" * 5000,
        "",
    ]
)


@pytest.fixture(scope="module")
def tiny():
    con = tiny_warehouse()
    fill(con, "t", "x", "p")
    tags, row_count, _ = structure(render_briefing(con))
    assert tags <= ALLOWED_TAGS
    yield con, row_count
    con.close()


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(title=hostile_text, label=hostile_text, path=hostile_text)
def test_hostile_text_never_changes_the_page_structure(tiny, title, label, path):
    con, benign_rows = tiny
    fill(con, title, label, path)
    for k in (None, 3):
        page = render_briefing(con, suppress_below=k)
        tags, row_count, handlers = structure(page)
        assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
        assert row_count == benign_rows and not handlers
        assert "<script" not in page.lower()


# --- chapter 5: action plans ----------------------------------------------------------------


@pytest.fixture(scope="module")
def smart_con(published, tmp_path_factory):
    """The shared warehouse with SMART appraisals of two action plans put in."""
    copy = copy_of(published, tmp_path_factory.mktemp("smart"))
    with duckdb.connect(str(copy)) as writer:
        reviews = some_reviews(writer, 2)
        writer.execute("delete from reporting.action_plan_smart")
        for i, review_id in enumerate(reviews):
            for j, criterion in enumerate(
                ("specific", "measurable", "achievable", "relevant", "timely")
            ):
                action_count = 10 + 10 * i
                met = min(action_count, 3 * j + i)
                writer.execute(
                    "insert into reporting.action_plan_smart values (?, ?, ?, ?, ?)",
                    [review_id, criterion, action_count, met, round(met / action_count, 4)],
                )
    yield from read_only(copy)


def test_action_plan_section_matches_sql(smart_con):
    soup = BeautifulSoup(render_briefing(smart_con), "html.parser")
    section = soup.find(id="action-plans")
    assert section is not None and "SMART" in text(section.find("h2"))
    overall = section.find(id="table-smart")
    expected = rows(
        smart_con,
        "select criterion, sum(action_count) as actions, sum(actions_meeting) as meeting "
        "from reporting.action_plan_smart group by criterion",
    )
    assert [tr["data-criterion"] for tr in overall.find("tbody").find_all("tr")] == [
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "timely",
    ]
    for r in expected:
        tr = overall.find("tr", attrs={"data-criterion": r["criterion"]})
        cells = {td["data-col"]: text(td) for td in tr.find_all("td")}
        assert cells["actions"] == str(r["actions"])
        assert cells["meeting"] == str(r["meeting"])
        assert cells["share"] == pct(r["meeting"] / r["actions"])
    plans = section.find(id="table-smart-plans")
    per_review = rows(smart_con, "select * from reporting.action_plan_smart")
    assert {tr["data-review-id"] for tr in plans.find("tbody").find_all("tr")} == {
        r["review_id"] for r in per_review
    }
    for r in per_review:
        tr = plans.find("tr", attrs={"data-review-id": r["review_id"]})
        cells = {td["data-col"]: text(td) for td in tr.find_all("td")}
        assert cells["actions"] == str(r["action_count"])
        assert cells[r["criterion"]] == pct(r["actions_meeting"] / r["action_count"])


def test_action_plan_section_says_when_there_is_no_plan(con, soup):
    assert con.execute("select count(*) from reporting.action_plan_smart").fetchone()[0] == 0
    assert "No review in the warehouse has an action plan" in text(soup.find(id="action-plans"))


# --- chapter 3 exemplars, chapter 5 in full, trends -------------------------------------------


def test_exemplars_stand_under_table_2_and_match_sql(con, page, soup):
    assert page.index('id="table-2"') < page.index('id="theme-exemplars"')
    assert page.index('id="theme-exemplars"') < page.index('id="chart-themes"')
    expected = rows(
        con,
        "select theme_code, recommendation_id, text, page, char_start, char_end "
        "from reporting.theme_exemplars",
    )
    assert expected, "the shared warehouse should quote at least one recommendation"
    table = soup.find(id="table-exemplars")
    shown_rows = table.find("tbody").find_all("tr")
    assert {(tr["data-theme"], tr["data-recommendation-id"]) for tr in shown_rows} == {
        (r["theme_code"], r["recommendation_id"]) for r in expected
    }
    for r in expected:
        tr = table.find("tr", attrs={"data-recommendation-id": r["recommendation_id"],
                                     "data-theme": r["theme_code"]})  # fmt: skip
        cell = text(tr.find("td", class_="quote"))
        assert " ".join(r["text"].split())[:100] in cell
        assert f"page {r['page']}" in cell and f"{r['char_start']}–{r['char_end']}" in cell


def test_trends_section_matches_sql(con, soup):
    section = soup.find(id="trends")
    assert section is not None
    figure = section.find(id="chart-theme-trends")
    panels = figure.find("svg").find_all("g", class_="panel")
    table2 = rows(
        con,
        "select theme_label from reporting.theme_frequencies where dfe_rr157_reviews is not null",
    )
    assert len(panels) == len(table2)
    cases = rows(con, "select * from reporting.case_theme_trends")
    table = section.find(id="table-case-theme-trends")
    for r in cases:
        tr = table.find("tr", attrs={"data-dimension": r["dimension"], "data-period": r["period"]})
        cells = {td["data-col"]: text(td) for td in tr.find_all("td")}
        assert cells["present"] == shown(r["case_themes_present"])
        assert cells["reflected"] == shown(r["case_themes_reflected"])
    themes = rows(
        con,
        "select period, theme_code, share_addressing from reporting.theme_trends "
        "where dimension = 'year' and theme_code = 'training'",
    )
    tr = section.find(id="table-theme-trends").find("tr", attrs={"data-theme": "training"})
    cells = {td["data-col"]: text(td) for td in tr.find_all("td")}
    for r in themes:
        assert cells[r["period"]] == pct(r["share_addressing"])


@pytest.fixture(scope="module")
def chapter5_con(smart_con, tmp_path_factory):
    """The SMART copy with chapter 5's plans, findings and one citation put in."""
    source = smart_con.execute(
        "select path from duckdb_databases() where database_name = current_database()"
    ).fetchone()[0]
    copy = copy_of(source, tmp_path_factory.mktemp("ch5"))
    with duckdb.connect(str(copy)) as writer:
        reviews = some_reviews(writer, 2)
        writer.execute("delete from reporting.action_plans")
        writer.execute("delete from reporting.action_plan_findings")
        writer.execute("delete from reporting.research_citations")
        for i, review_id in enumerate(reviews):
            writer.execute(
                "insert into reporting.action_plans (review_id, recommendation_count, "
                "plan_recommendations, action_count, actions_per_recommendation, plan_pages, "
                "longest_timescale_months, actions_with_timescale, share_actions_with_timescale, "
                "actions_with_time_frame, recommendations_with_timescale, training_actions, "
                "training_actions_impact_measured, recommendations_citing_research, "
                "actions_citing_research, actions_with_named_lead, share_actions_with_named_lead) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [review_id, 10 + i, 10 + i, 12 + 2 * i, round((12 + 2 * i) / (10 + i), 4),
                 3 + i, 9 + i, 12 + 2 * i, 1.0, 11, 10 + i, 2, 1, 0, i, 10,
                 round(10 / (12 + 2 * i), 4)],
            )  # fmt: skip
        for order, (code, value, num, den) in enumerate(
            [("plans", 2, None, None), ("recommendations_vs_actions", 1.0, None, None),
             ("longest_timescale_months", 10, None, None),
             ("recommendations_with_timescale", 1.0, 21, 21),
             ("training_impact_measured", 0.5, 2, 4)],
            start=1,
        ):  # fmt: skip
            writer.execute(
                "insert into reporting.action_plan_findings values (?, ?, ?, ?, ?, ?, ?)",
                [order, code, code.replace("_", " "), value, num, den, "the study's words"],
            )
        writer.execute(
            "insert into reporting.research_citations (source_type, source_id, review_id, label, "
            "citation) values ('action', 'x-a0001', ?, '1', '(Munro, 2011)')",
            [reviews[1]],
        )
    yield from read_only(copy)


def test_chapter5_extends_the_smart_section(chapter5_con):
    soup = BeautifulSoup(render_briefing(chapter5_con), "html.parser")
    section = soup.find(id="action-plans")
    assert section.find(id="table-smart") is not None
    findings = section.find(id="table-ch5-findings")
    cells = {
        tr["data-finding"]: text(tr.find("td", attrs={"data-col": "value"}))
        for tr in findings.find("tbody").find_all("tr")
    }
    assert cells == {
        "plans": "2",
        "recommendations_vs_actions": "r = 1.00",
        "longest_timescale_months": "10 months",
        "recommendations_with_timescale": "100% (21 of 21)",
        "training_impact_measured": "50% (2 of 4)",
    }
    plans = rows(chapter5_con, "select * from reporting.action_plans")
    table = section.find(id="table-ch5-plans")
    for p in plans:
        tr = table.find("tr", attrs={"data-review-id": p["review_id"]})
        got = {td["data-col"]: text(td) for td in tr.find_all("td")}
        assert got["actions"] == str(p["action_count"])
        assert got["per-recommendation"] == f"{p['actions_per_recommendation']:.2f}"
        assert got["longest"] == f"{p['longest_timescale_months']:.0f}"
        assert got["training"] == "1 of 2"
        assert got["named-lead"] == pct(p["actions_with_named_lead"] / p["action_count"])
    assert "(Munro, 2011)" in text(section.find(id="research-citations"))


@pytest.mark.slow
def test_new_sections_render_in_headless_chromium(browser, chapter5_con, tmp_path):
    page_file = tmp_path / "briefing.html"
    page_file.write_text(render_briefing(chapter5_con), encoding="utf-8")
    done = chromium(browser, tmp_path / "profile", "--dump-dom", page_file.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = BeautifulSoup(done.stdout, "html.parser")
    for table_id in ["table-exemplars", "table-ch5-findings", "table-ch5-plans",
                     "table-theme-trends", "table-agency-trends", "table-case-theme-trends"]:  # fmt: skip
        table = dom.find(id=table_id)
        assert table is not None and table.name == "table", table_id
        assert table.find("tbody").find_all("tr"), table_id
    svg = dom.find(id="chart-theme-trends").find("svg")
    assert svg is not None and svg.find_all("g", class_="panel")
    assert svg.find_all("rect", class_="bar")
    shot = tmp_path / "trends.png"
    chromium(browser, tmp_path / "profile2", f"--screenshot={shot}", "--window-size=1280,3000",
             page_file.as_uri())  # fmt: skip
    assert shot.exists() and shot.stat().st_size > 20_000
