"""Exports of the reporting schema: CSV, Parquet and a workbook round-trip every table."""

import csv
import re

import duckdb
import pytest
from openpyxl import load_workbook

from ingestion.errors import NoPublishedWarehouse
from publications.export import (
    COLUMNS_SHEET,
    EXCEL_CELL_LIMIT,
    WORKBOOK_NAME,
    excel_value,
    export_reporting,
    sheet_names,
)
from tests.publications.warehouse_copies import copy_of
from tests.warehouse.review_texts import HOSTILE_TITLE


@pytest.fixture(scope="module")
def catalogue(con):
    """name -> ([columns], row count) for every reporting table and view, then the audit ones
    (named audit.<table>)."""
    tables = [
        (schema, table)
        for schema, table in con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('reporting', 'audit') order by table_schema <> 'reporting', 2"
        ).fetchall()
    ]
    out = {}
    for schema, table in tables:
        cursor = con.execute(f"select * from {schema}.{table}")
        if schema != "reporting":
            table = f"{schema}.{table}"
        columns = [d[0] for d in cursor.description]
        out[table] = (columns, len(cursor.fetchall()))
    return out


@pytest.fixture(scope="module")
def exports(published, con, tmp_path_factory):
    root = tmp_path_factory.mktemp("exports")
    return {
        fmt: (root / fmt, export_reporting(published, root / fmt, fmt))
        for fmt in ("csv", "parquet", "xlsx")
    }


def test_every_reporting_table_and_view_is_exported(catalogue, exports):
    assert {"reviews", "agency_recommendation_counts", "theme_frequencies"} <= set(catalogue)
    assert {"audit.runs", "audit.extraction_issues", "audit.check_results"} <= set(catalogue)
    for fmt in ("csv", "parquet"):
        folder, written = exports[fmt]
        assert [p.name for p in written] == [f"{t}.{fmt}" for t in catalogue]
        assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)
    folder, written = exports["xlsx"]
    assert written == [folder / WORKBOOK_NAME]
    assert [p.name for p in folder.iterdir()] == [WORKBOOK_NAME]


def test_csv_round_trip(con, catalogue, exports):
    folder, _ = exports["csv"]
    for table, (columns, count) in catalogue.items():
        with open(folder / f"{table}.csv", newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == columns, table
        assert len(rows) - 1 == count, table
    # the reflecting ids are flat text, the same as the long table's rows
    with open(folder / "case_theme_reflection.csv", newline="", encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    expected: dict[str, list[str]] = {}
    for key, rec in con.execute(
        "select review_id || '/' || case_theme_code, recommendation_id "
        "from reporting.case_theme_reflecting_recommendations order by all"
    ).fetchall():
        expected.setdefault(key, []).append(rec)
    assert records and expected
    for r in records:
        key = f"{r['review_id']}/{r['case_theme_code']}"
        ids = r["reflecting_recommendation_ids"]
        assert (ids.split(", ") if ids else []) == expected.get(key, [])
    # text survives exactly, hostile or not
    with open(folder / "reviews.csv", newline="", encoding="utf-8") as handle:
        titles = {r["review_id"]: r["title"] for r in csv.DictReader(handle)}
    assert titles == dict(con.execute("select review_id, title from reporting.reviews").fetchall())
    assert any(HOSTILE_TITLE in t for t in titles.values())


def test_parquet_round_trip_keeps_rows_and_types(con, catalogue, exports):
    folder, _ = exports["parquet"]
    for table, (columns, count) in catalogue.items():
        path = str(folder / f"{table}.parquet")
        cursor = con.execute("select * from read_parquet(?)", [path])
        assert [d[0] for d in cursor.description] == columns, table
        assert len(cursor.fetchall()) == count, table
        schema = "reporting" if "." not in table else ""
        table_sql = f"{schema}.{table}" if schema else table
        file_sql = "read_parquet($p)"
        for a, b in ((table_sql, file_sql), (file_sql, table_sql)):
            differ = con.execute(
                f"select count(*) from (select * from {a} except all select * from {b})",
                {"p": path},
            ).fetchone()[0]
            assert differ == 0, (table, a)
    flat_type = con.execute(
        "select typeof(reflecting_recommendation_ids) from read_parquet(?) limit 1",
        [str(folder / "case_theme_reflection.parquet")],
    ).fetchone()[0]
    assert flat_type == "VARCHAR"


def test_xlsx_round_trip_with_a_columns_sheet(con, catalogue, exports):
    folder, _ = exports["xlsx"]
    book = load_workbook(folder / WORKBOOK_NAME, read_only=True)
    names = sheet_names(list(catalogue))
    assert book.sheetnames == [COLUMNS_SHEET, *(names[t] for t in catalogue)]
    described = con.execute(
        "select case when schema_name = 'reporting' then table_name "
        "else schema_name || '.' || table_name end, column_name, data_type, comment "
        "from duckdb_columns() where schema_name in ('reporting', 'audit') "
        "order by schema_name <> 'reporting', table_name, column_index"
    ).fetchall()
    sheet_rows = list(book[COLUMNS_SHEET].iter_rows(values_only=True))
    assert sheet_rows[0][:4] == ("table", "column", "type", "description")
    listed = [tuple(r[:4]) for r in sheet_rows[1:]]
    assert listed == [(t, c, ty, d) for t, c, ty, d in described]
    assert {t for t, *_ in listed} == set(catalogue)
    assert all(d for *_, d in listed), "every column carries its description"
    for table, (columns, count) in catalogue.items():
        rows = list(book[names[table]].iter_rows(values_only=True))
        assert list(rows[0]) == columns, table
        assert len(rows) - 1 == count, table
    reviews = list(book[names["reviews"]].iter_rows(values_only=True))
    title = reviews[0].index("title")
    assert any(HOSTILE_TITLE in (r[title] or "") for r in reviews[1:])
    book.close()


def test_xlsx_writes_hostile_text_as_text_never_as_a_formula(published, tmp_path):
    (tmp_path / "wh").mkdir()
    copy = copy_of(published, tmp_path / "wh")
    formula = '=HYPERLINK("http://example.invalid/x","click")'
    with duckdb.connect(str(copy)) as writer:
        review_id = writer.execute("select min(review_id) from reporting.reviews").fetchone()[0]
        writer.execute(
            "update reporting.reviews set title = ?, area = ? where review_id = ?",
            [formula, "Bad\x01area\x1f" + "x" * 40_000, review_id],
        )
    [workbook] = export_reporting(copy, tmp_path / "out", "xlsx")
    sheet = load_workbook(workbook)["reviews"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == review_id)
    title_cell = row[header.index("title")]
    assert title_cell.data_type == "s"
    assert title_cell.value == formula
    area = row[header.index("area")].value
    assert area.startswith("Badarea") and len(area) == EXCEL_CELL_LIMIT


def test_excel_values_are_cleaned():
    import datetime as dt

    assert excel_value(["a", "b"]) == '["a", "b"]'
    assert excel_value("a\x00b\x0bc") == "abc"
    aware = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert excel_value(aware) == dt.datetime(2026, 1, 2, 2, 4)
    assert excel_value(None) is None and excel_value(3) == 3


def test_sheet_names_are_valid_and_unique():
    tables = ["a" * 40, "a" * 40 + "b", "columns", "x/y?"]
    names = sheet_names(tables)
    assert all(len(n) <= 31 for n in names.values())
    assert len({n.lower() for n in names.values()} | {"columns"}) == len(tables) + 1
    assert names["x/y?"] == "x_y_"


def test_bad_format_and_missing_warehouse_are_clear_errors(published, tmp_path):
    with pytest.raises(ValueError, match="csv, parquet, xlsx"):
        export_reporting(published, tmp_path / "out", "json")
    missing = tmp_path / "none" / "scr.duckdb"
    with pytest.raises(NoPublishedWarehouse, match=re.escape(str(missing))):
        export_reporting(missing, tmp_path / "out", "csv")
    assert not (tmp_path / "out").exists()
