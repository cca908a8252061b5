"""Which dbt project built the views and seeds of a warehouse file: a fingerprint kept inside it.

A build starts as a copy of the published file, so its views (staging, intermediate) and seeds
(the codebook) are already there. When the dbt project that made them is the one about to run,
they need not be made again: only the tables are rebuilt from the new data, and every data test
runs. The fingerprint lives in the file itself, so it is published (or discarded) with the build
it describes and can never describe another file.
"""

from __future__ import annotations

import duckdb

STATE_TABLE = "raw.dbt_build_state"
_COMMENT = (
    "The fingerprint of the dbt project (models, seeds, macros, settings, raw schema) that built "
    "this file's views and seeds; a run whose project matches rebuilds only the tables."
)


def read_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The fingerprint stored in the file behind `con`, or None (none stored, or unreadable)."""
    try:
        row = con.execute(f"SELECT fingerprint FROM {STATE_TABLE} LIMIT 1").fetchone()
    except duckdb.CatalogException:
        return None
    return row[0] if row else None


def write_fingerprint(con: duckdb.DuckDBPyConnection, fingerprint: str | None) -> None:
    """Store `fingerprint` (None: forget it, so the next run builds everything)."""
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    con.execute(f"CREATE TABLE IF NOT EXISTS {STATE_TABLE} (fingerprint VARCHAR NOT NULL)")
    quoted = _COMMENT.replace("'", "''")
    con.execute(f"COMMENT ON TABLE {STATE_TABLE} IS '{quoted}'")
    con.execute(f"DELETE FROM {STATE_TABLE}")
    if fingerprint is not None:
        con.execute(f"INSERT INTO {STATE_TABLE} VALUES (?)", [fingerprint])
