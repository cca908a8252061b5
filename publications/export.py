"""Every reporting and audit table (and view) of the published warehouse as CSV, Parquet or one
workbook. A reporting table keeps its name (`reviews.csv`); the run log is named with its schema
(`audit.runs.csv`, sheet `audit.runs`).

For people whose tools do not speak DuckDB. The warehouse is opened read-only (so an export runs
beside BI readers and never blocks the pipeline), tables are found in the catalogue rather than
listed here, and each file is written to a temporary name and renamed into place, so a reader of
the export folder never sees half a file.

- csv: one `<table>.csv` per table, with a header; list, struct and map columns as JSON text.
- parquet: one `<table>.parquet` per table, types kept (lists stay lists).
- xlsx: one `reporting.xlsx`: a first sheet "columns" (table, column, type, description from the
  DuckDB comments), then one sheet per table. Text is written as text, never as a formula (a
  title beginning with "=" stays a title), control characters Excel refuses are dropped and cells
  are clipped to Excel's 32,767 characters.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from publications.files import write_atomically
from publications.source import open_published

SCHEMA = "reporting"
AUDIT = "audit"
FORMATS = ("csv", "parquet", "xlsx")
WORKBOOK_NAME = "reporting.xlsx"
COLUMNS_SHEET = "columns"
EXCEL_CELL_LIMIT = 32_767
_NESTED = re.compile(r"(\[\]$|^STRUCT|^MAP|^UNION|\[\d+\]$)", re.IGNORECASE)
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\]")


def _stem(schema: str, table: str) -> str:
    """What a table is called in the export: its name, or `audit.<name>` for the run log."""
    return table if schema == SCHEMA else f"{schema}.{table}"


def _source(stem: str) -> str:
    """The qualified name of the table a stem stands for."""
    schema, _, table = stem.rpartition(".")
    return f"{_quote(schema or SCHEMA)}.{_quote(table)}"


def reporting_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The reporting tables and views of the open database, then the audit ones, sorted."""
    rows = con.execute(
        "SELECT DISTINCT table_schema, table_name FROM information_schema.tables "
        "WHERE table_schema IN (?, ?) AND table_catalog = current_database() "
        "ORDER BY table_schema <> ?, table_name",
        [SCHEMA, AUDIT, SCHEMA],
    ).fetchall()
    return [_stem(schema, table) for schema, table in rows]


def column_catalogue(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, str]]:
    """(table, column, type, description) for every exported column, in table then column order."""
    rows = con.execute(
        "SELECT schema_name, table_name, column_name, data_type, coalesce(comment, '') "
        "FROM duckdb_columns() WHERE schema_name IN (?, ?) AND database_name = current_database() "
        "ORDER BY schema_name <> ?, table_name, column_index",
        [SCHEMA, AUDIT, SCHEMA],
    ).fetchall()
    return [(_stem(s, t), c, ty, d) for s, t, c, ty, d in rows]


def export_reporting(published: Path, out_dir: Path, fmt: str) -> list[Path]:
    """Export every reporting table in `fmt` (csv, parquet or xlsx) and return the files written."""
    published, out_dir = Path(published), Path(out_dir)
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    with open_published(published) as con:
        out_dir.mkdir(parents=True, exist_ok=True)
        tables = reporting_tables(con)
        if not tables:
            raise ValueError(f"{published} holds no {SCHEMA} tables: is it a scr warehouse?")
        if fmt == "xlsx":
            return [_write_workbook(con, tables, out_dir / WORKBOOK_NAME)]
        catalogue = column_catalogue(con)
        written = []
        for table in tables:
            columns = [(c, ty) for t, c, ty, _ in catalogue if t == table]
            target = out_dir / f"{table}.{fmt}"
            write_atomically(target, _copier(con, table, columns, fmt))
            written.append(target)
        return written


def _copier(
    con: duckdb.DuckDBPyConnection, table: str, columns: list[tuple[str, str]], fmt: str
) -> Callable[[Path], None]:
    """Writes one table to the path it is given."""
    return lambda tmp: _copy(con, table, columns, tmp, fmt)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _copy(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: list[tuple[str, str]],
    target: Path,
    fmt: str,
) -> None:
    """DuckDB's COPY of one table; for CSV, nested columns become JSON text first."""
    if fmt == "csv":
        select = ", ".join(
            f"to_json({_quote(c)})::VARCHAR AS {_quote(c)}" if _NESTED.search(ty) else _quote(c)
            for c, ty in columns
        )
        options = "FORMAT csv, HEADER true"
    else:
        select = "*"
        options = "FORMAT parquet"
    path = str(target).replace("'", "''")
    con.execute(f"COPY (SELECT {select} FROM {_source(table)}) TO '{path}' ({options})")


# --- xlsx -----------------------------------------------------------------------------------


def sheet_names(tables: list[str]) -> dict[str, str]:
    """A valid, unique sheet name (at most 31 characters) for each table, stable for a list."""
    used = {COLUMNS_SHEET}
    names: dict[str, str] = {}
    for table in tables:
        base = _SHEET_ILLEGAL.sub("_", table)[:31] or "table"
        name, i = base, 2
        while name.lower() in {u.lower() for u in used}:
            suffix = f"~{i}"
            name, i = base[: 31 - len(suffix)] + suffix, i + 1
        used.add(name)
        names[table] = name
    return names


def excel_value(value: object) -> object:
    """A value openpyxl writes faithfully: text cleaned and clipped, nested values as JSON."""
    if value is None or isinstance(value, bool | int | float | Decimal):
        return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value
    if isinstance(value, dt.date | dt.time):
        return value
    if isinstance(value, list | tuple | dict):
        text = json.dumps(value, default=str, ensure_ascii=False)
    elif isinstance(value, bytes | bytearray | memoryview):
        text = bytes(value).hex()
    else:
        text = str(value)
    text = _XLSX_ILLEGAL.sub("", text)
    return text[:EXCEL_CELL_LIMIT]


def _text_cell(sheet: object, value: object) -> Any:  # openpyxl has no type hints
    """A write-only cell; strings are typed as strings so "=..." is never read as a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _write_workbook(con: duckdb.DuckDBPyConnection, tables: list[str], target: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    catalogue = column_catalogue(con)
    names = sheet_names(tables)
    bold = Font(bold=True)

    def header(sheet: object, titles: list[str]) -> list:
        cells = []
        for title in titles:
            cell = _text_cell(sheet, excel_value(title))
            cell.font = bold
            cells.append(cell)
        return cells

    def build(tmp: Path) -> None:
        book = Workbook(write_only=True)
        columns = book.create_sheet(COLUMNS_SHEET)
        columns.freeze_panes = "A2"
        columns.append(header(columns, ["table", "column", "type", "description", "sheet"]))
        for table, column, data_type, description in catalogue:
            values = [table, column, data_type, description, names.get(table, "")]
            columns.append([_text_cell(columns, excel_value(v)) for v in values])
        for table in tables:
            sheet = book.create_sheet(names[table])
            sheet.freeze_panes = "A2"
            cursor = con.execute(f"SELECT * FROM {_source(table)}")
            sheet.append(header(sheet, [d[0] for d in cursor.description]))
            while batch := cursor.fetchmany(2048):
                for row in batch:
                    sheet.append([_text_cell(sheet, excel_value(v)) for v in row])
        book.save(tmp)

    return write_atomically(target, build)
