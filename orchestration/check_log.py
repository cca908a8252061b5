"""The run's asset checks, as its summary counts them, written to raw.check_results at publish.

`scr run` prints "checks: N passed, M failed" from the run's ASSET_CHECK_EVALUATION events (one
Great Expectations check per raw table, one per dbt test). The publish step reads the same events
from the Dagster instance's event log and stores them beside the run, so audit.runs, the HTML
report's data-quality banner and the summary count the same checks.
"""

from __future__ import annotations

import dagster as dg
import duckdb


def check_evaluations(instance: dg.DagsterInstance, run_id: str) -> list[tuple]:
    """(asset key, check name, passed, severity, description) of every check of the run so far."""
    records = instance.get_records_for_run(
        run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
    ).records
    rows = []
    for record in records:
        event = record.event_log_entry.dagster_event
        if event is None:
            continue
        evaluation = event.event_specific_data
        rows.append(
            (
                evaluation.asset_key.to_user_string(),
                evaluation.check_name,
                bool(evaluation.passed),
                evaluation.severity.value,
                evaluation.description,
            )
        )
    return rows


def record_check_results(
    con: duckdb.DuckDBPyConnection, instance: dg.DagsterInstance, run_id: str
) -> tuple[int, int]:
    """Replace the run's rows of raw.check_results; (passed, failed)."""
    rows = check_evaluations(instance, run_id)
    con.execute("DELETE FROM raw.check_results WHERE run_id = ?", [run_id])
    if rows:
        con.executemany(
            "INSERT INTO raw.check_results VALUES (?, ?, ?, ?, ?, ?)",
            [(run_id, *row) for row in rows],
        )
    passed = sum(1 for row in rows if row[2])
    return passed, len(rows) - passed
