"""DDL of the `raw` schema, derived from the record schemas so the two cannot drift apart."""

from __future__ import annotations

import duckdb
import polars as pl

from ingestion.records import RAW_SCHEMAS

_DUCKDB_TYPES: dict[type[pl.DataType], str] = {
    pl.String: "VARCHAR",
    pl.Int32: "INTEGER",
    pl.Int64: "BIGINT",
    pl.Float64: "DOUBLE",
    pl.Boolean: "BOOLEAN",
}

# Tables the warehouse keeps that extraction does not produce.
PIPELINE_TABLES: dict[str, str] = {
    # Every Dagster asset check of a published run (a Great Expectations suite per raw table, a
    # dbt test per test), written by the publish step: what the run's summary counts.
    "check_results": """
        run_id VARCHAR NOT NULL,
        asset_key VARCHAR NOT NULL,
        check_name VARCHAR NOT NULL,
        passed BOOLEAN NOT NULL,
        severity VARCHAR NOT NULL,
        description VARCHAR
    """,
    "data_quality_results": """
        run_id VARCHAR NOT NULL,
        suite VARCHAR NOT NULL,
        table_name VARCHAR NOT NULL,
        expectation VARCHAR NOT NULL,
        column_name VARCHAR,
        is_success BOOLEAN NOT NULL,
        is_blocking BOOLEAN NOT NULL,
        element_count BIGINT,
        unexpected_count BIGINT,
        details VARCHAR
    """,
    "manual_codes": """
        recommendation_id VARCHAR NOT NULL,
        code_type VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        coder VARCHAR,
        source_file VARCHAR NOT NULL
    """,
    "runs": """
        run_id VARCHAR NOT NULL,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP NOT NULL,
        documents_seen INTEGER NOT NULL,
        documents_new INTEGER NOT NULL,
        documents_quarantined INTEGER NOT NULL,
        documents_removed INTEGER NOT NULL,
        recommendations INTEGER NOT NULL,
        outcome VARCHAR NOT NULL
    """,
}

# When each document was first and last seen in the inbox: kept by the loader, not by extraction.
DOCUMENT_SIGHTING_COLUMNS = "first_seen_at TIMESTAMP, last_seen_at TIMESTAMP"


def column_ddl(schema: dict) -> str:
    """`name TYPE, ...` for a Polars schema dict."""
    return ", ".join(f"{name} {_DUCKDB_TYPES[dtype]}" for name, dtype in schema.items())


def create_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create `raw.*` if missing; safe to call on every run."""
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    for table, schema in RAW_SCHEMAS.items():
        columns = column_ddl(schema)
        if table == "documents":
            columns += ", " + DOCUMENT_SIGHTING_COLUMNS
        con.execute(f"CREATE TABLE IF NOT EXISTS raw.{table} ({columns})")
        _add_missing_columns(con, table, schema)
    for table, columns in PIPELINE_TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS raw.{table} ({columns})")


def _add_missing_columns(con: duckdb.DuckDBPyConnection, table: str, schema: dict) -> None:
    """A warehouse made by an older extractor gains the columns added since (null until the
    documents are extracted again, which a new extractor version forces)."""
    have = {
        row[0]
        for row in con.execute(
            "select column_name from duckdb_columns() where schema_name = 'raw' "
            "and table_name = ? and database_name = current_database()",
            [table],
        ).fetchall()
    }
    for name, dtype in schema.items():
        if name not in have:
            con.execute(f"ALTER TABLE raw.{table} ADD COLUMN {name} {_DUCKDB_TYPES[dtype]}")


def raw_schema_ddl() -> str:
    """The raw schema's definition as text (what dbt's sources read), for fingerprints."""
    parts = [f"{table}({column_ddl(schema)})" for table, schema in RAW_SCHEMAS.items()]
    parts += [f"{table}({' '.join(columns.split())})" for table, columns in PIPELINE_TABLES.items()]
    return "\n".join(parts)
