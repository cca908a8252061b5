"""The run log kept inside the warehouse: raw.runs, raw.check_results, raw.data_quality_results.

One row per run in raw.runs (written `building` when the raw tables are loaded, `published` by the
publish step), and the checks that run counted, so audit.runs and the briefing read the same
figures the run's summary printed. The build file carries them, so a discarded build forgets them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, dataclass
from datetime import datetime

import duckdb
import polars as pl


@dataclass(frozen=True)
class RunLogEntry:
    """What a run took in, as raw.runs records it when the raw tables are loaded."""

    run_id: str
    started_at: datetime
    documents_seen: int
    documents_new: int
    documents_quarantined: int
    documents_removed: int
    recommendations: int


@dataclass(frozen=True)
class CheckRecord:
    """One asset check of a run (a Great Expectations suite per raw table, a dbt test per test)."""

    asset_key: str
    check_name: str
    passed: bool
    severity: str
    description: str | None


@dataclass(frozen=True)
class RawCounts:
    """Counts over the loaded raw tables that a run's log and summary print."""

    documents_quarantined: int
    recommendations: int


def raw_counts(con: duckdb.DuckDBPyConnection) -> RawCounts:
    """Quarantined documents and recommendations in the raw tables behind `con`."""
    row = con.execute(
        "SELECT count(*) FILTER (WHERE status = 'quarantined'), "
        "(SELECT count(*) FROM raw.recommendations) FROM raw.documents"
    ).fetchone()
    assert row is not None  # an aggregate without GROUP BY always returns one row
    return RawCounts(documents_quarantined=int(row[0]), recommendations=int(row[1]))


def log_run_started(con: duckdb.DuckDBPyConnection, entry: RunLogEntry) -> None:
    """Record the run as `building` (finished_at is its start until the publish step)."""
    con.execute(
        "INSERT INTO raw.runs (run_id, started_at, finished_at, documents_seen, documents_new, "
        "documents_quarantined, documents_removed, recommendations, outcome) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'building')",
        [
            entry.run_id,
            entry.started_at,
            entry.started_at,
            entry.documents_seen,
            entry.documents_new,
            entry.documents_quarantined,
            entry.documents_removed,
            entry.recommendations,
        ],
    )


def log_run_published(con: duckdb.DuckDBPyConnection, run_id: str, finished_at: datetime) -> None:
    """Mark the run published, at the time its build is about to be swapped in."""
    con.execute(
        "UPDATE raw.runs SET finished_at = ?, outcome = 'published' WHERE run_id = ?",
        [finished_at, run_id],
    )


def replace_check_results(
    con: duckdb.DuckDBPyConnection, run_id: str, checks: Sequence[CheckRecord]
) -> tuple[int, int]:
    """Replace the run's rows of raw.check_results; (passed, failed)."""
    con.execute("DELETE FROM raw.check_results WHERE run_id = ?", [run_id])
    if checks:
        con.executemany(
            "INSERT INTO raw.check_results "
            "(run_id, asset_key, check_name, passed, severity, description) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(run_id, *astuple(check)) for check in checks],
        )
    passed = sum(1 for check in checks if check.passed)
    return passed, len(checks) - passed


def replace_quality_results(
    con: duckdb.DuckDBPyConnection, run_id: str, results: pl.DataFrame
) -> None:
    """Replace the run's rows of raw.data_quality_results (columns matched by name)."""
    if results.is_empty():
        return
    con.register("_results", results.with_columns(pl.lit(run_id).alias("run_id")).to_arrow())
    try:
        con.execute("DELETE FROM raw.data_quality_results WHERE run_id = ?", [run_id])
        con.execute("INSERT INTO raw.data_quality_results BY NAME SELECT * FROM _results")
    finally:
        con.unregister("_results")
