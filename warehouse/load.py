"""Loading extracted frames into `raw.*`, keyed by document hash so that a re-run is idempotent."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

import duckdb
import polars as pl

from ingestion.records import EXTRACTION_ISSUES_SCHEMA, EXTRACTOR_VERSION, RAW_SCHEMAS

# Tables holding one document's records; `documents` is handled apart (it keeps sightings).
_PER_DOCUMENT_TABLES = [t for t in RAW_SCHEMAS if t != "documents"]


def known_documents(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """document_id -> extractor_version for every document already in the warehouse."""
    rows = con.execute("SELECT document_id, extractor_version FROM raw.documents").fetchall()
    return dict(rows)


def document_paths(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """document_id -> the inbox path it was last seen under."""
    return dict(con.execute("SELECT document_id, path FROM raw.documents").fetchall())


def remove_documents(con: duckdb.DuckDBPyConnection, document_ids: Iterable[str]) -> int:
    """Delete every record of these documents (a file left the inbox or is about to be replaced)."""
    ids = sorted(set(document_ids))
    if not ids:
        return 0
    con.register("_ids", pl.DataFrame({"document_id": ids}).to_arrow())
    try:
        for table in ["documents", *_PER_DOCUMENT_TABLES]:
            con.execute(
                f"DELETE FROM raw.{table} WHERE document_id IN (SELECT document_id FROM _ids)"
            )
    finally:
        con.unregister("_ids")
    return len(ids)


def quarantined_documents(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(path, reason) of every quarantined document, sorted by path."""
    rows = con.execute(
        "SELECT path, coalesce(error_message, '') FROM raw.documents "
        "WHERE status = 'quarantined' ORDER BY path"
    ).fetchall()
    return [(str(path), str(reason)) for path, reason in rows]


def quarantine_documents(
    con: duckdb.DuckDBPyConnection, reasons: Mapping[str, str], stage: str
) -> list[tuple[str, str]]:
    """Take these loaded documents out of the analysis, keeping a record of why.

    Their extracted rows go; `raw.documents` marks them quarantined with the reason, and
    `raw.extraction_issues` gets an error row for each. One transaction. Returns (path, reason)
    per document, sorted by path.
    """
    if not reasons:
        return []
    frame = pl.DataFrame(
        {"document_id": list(reasons), "reason": list(reasons.values())},
        schema={"document_id": pl.String, "reason": pl.String},
    )
    con.register("_quarantine", frame.to_arrow())
    con.execute("BEGIN TRANSACTION")
    try:
        for table in _PER_DOCUMENT_TABLES:
            if table != "extraction_issues":
                con.execute(
                    f"DELETE FROM raw.{table} "
                    "WHERE document_id IN (SELECT document_id FROM _quarantine)"
                )
        con.execute(
            "UPDATE raw.documents AS d SET status = 'quarantined', error_message = q.reason "
            "FROM _quarantine AS q WHERE d.document_id = q.document_id"
        )
        con.execute(
            "INSERT INTO raw.extraction_issues BY NAME "
            "SELECT d.document_id, d.path, ? AS stage, 'error' AS severity, q.reason AS message, "
            "d.extractor_version FROM raw.documents AS d JOIN _quarantine AS q USING (document_id)",
            [stage],
        )
        quarantined = con.execute(
            "SELECT d.path, q.reason FROM raw.documents AS d "
            "JOIN _quarantine AS q USING (document_id) ORDER BY d.path"
        ).fetchall()
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_quarantine")
    return [(str(path), str(reason)) for path, reason in quarantined]


def load_document_frames(
    con: duckdb.DuckDBPyConnection,
    frames: Mapping[str, pl.DataFrame],
    seen_at: datetime,
) -> None:
    """Replace the records of the documents in `frames['documents']` with these frames.

    Runs in one transaction: a document is either loaded whole or not at all.
    """
    documents = frames["documents"]
    if documents.is_empty():
        return
    con.execute("BEGIN TRANSACTION")
    try:
        remove_documents(con, documents["document_id"].to_list())
        docs = documents.with_columns(
            pl.lit(seen_at).alias("first_seen_at"), pl.lit(seen_at).alias("last_seen_at")
        )
        _insert(con, "documents", docs)
        for table in _PER_DOCUMENT_TABLES:
            frame = frames.get(table)
            if frame is not None and not frame.is_empty():
                _insert(con, table, frame)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def mark_seen(
    con: duckdb.DuckDBPyConnection, paths_by_document: Mapping[str, str], seen_at: datetime
) -> None:
    """Record that unchanged documents are still in the inbox (and under which path now)."""
    if not paths_by_document:
        return
    frame = pl.DataFrame(
        {"document_id": list(paths_by_document), "path": list(paths_by_document.values())}
    )
    con.register("_seen", frame.to_arrow())
    try:
        con.execute(
            "UPDATE raw.documents AS d SET last_seen_at = ?, path = s.path "
            "FROM _seen AS s WHERE d.document_id = s.document_id",
            [seen_at],
        )
    finally:
        con.unregister("_seen")


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    con.register("_frame", frame.to_arrow())
    try:
        con.execute(f"INSERT INTO raw.{table} BY NAME SELECT * FROM _frame")
    finally:
        con.unregister("_frame")


def replace_table(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Replace every row of a table rebuilt from scratch each run (e.g. raw.manual_codes)."""
    con.execute(f"DELETE FROM raw.{table}")
    if not frame.is_empty():
        _insert(con, table, frame)


def replace_run_warnings(
    con: duckdb.DuckDBPyConnection,
    stage: str,
    warnings: Sequence[tuple[str | None, str, str]],
) -> None:
    """Warnings (document id, path, message) that belong to the inbox as a whole (duplicates,
    manual-code files), not to one document's extraction: they are worked out afresh each run, so
    the stage's old ones go."""
    con.execute("DELETE FROM raw.extraction_issues WHERE stage = ?", [stage])
    if warnings:
        _insert(con, "extraction_issues", _warnings_frame(stage, warnings))


def _warnings_frame(stage: str, warnings: Sequence[tuple[str | None, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "document_id": document_id,
                "path": path,
                "stage": stage,
                "severity": "warning",
                "message": message,
                "extractor_version": EXTRACTOR_VERSION,
            }
            for document_id, path, message in warnings
        ],
        schema=EXTRACTION_ISSUES_SCHEMA,
    )


def loaded_document_count(con: duckdb.DuckDBPyConnection) -> int:
    """Documents loaded and not quarantined."""
    row = con.execute("SELECT count(*) FROM raw.documents WHERE status = 'ok'").fetchone()
    assert row is not None  # an aggregate without GROUP BY always returns one row
    return int(row[0])
