"""The run's asset checks, as its summary counts them, read from Dagster's event log.

`scr run` prints "checks: N passed, M failed" from the run's ASSET_CHECK_EVALUATION events (one
Great Expectations check per raw table, one per dbt test). The publish step reads the same events
from the Dagster instance and stores them beside the run (warehouse/run_log.py), so audit.runs, the
briefing's data-quality banner and the summary count the same checks.
"""

from __future__ import annotations

import dagster as dg

from warehouse.run_log import CheckRecord


def check_evaluations(instance: dg.DagsterInstance, run_id: str) -> list[CheckRecord]:
    """Every check evaluated in the run so far, in the order they were recorded."""
    records = instance.get_records_for_run(
        run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
    ).records
    checks = []
    for record in records:
        event = record.event_log_entry.dagster_event
        if event is None:
            continue
        evaluation = event.event_specific_data
        assert isinstance(evaluation, dg.AssetCheckEvaluation)  # the records' type, asked for
        checks.append(
            CheckRecord(
                asset_key=evaluation.asset_key.to_user_string(),
                check_name=evaluation.check_name,
                passed=bool(evaluation.passed),
                severity=evaluation.severity.value,
                description=evaluation.description,
            )
        )
    return checks
