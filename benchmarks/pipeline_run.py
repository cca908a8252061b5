"""One pipeline run in a fresh process, timed stage by stage: `python -m benchmarks.pipeline_run`.

The parent (benchmarks.pipeline) starts this module as a child process so that its memory and CPU
are the run's alone, as with `scr run`. It runs the job the way orchestration.run.run_pipeline
does, then reads the step start/end timestamps from the run's event log, and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # dagster is imported when a run starts, so that its import is timed
    import dagster as dg
    from dagster import EventLogEntry

STAGES = {
    "raw_tables": "extract_load",
    "raw_quality_checks": "checks",
    "dbt_models": "dbt",
    "warehouse__published": "publish",
    "warehouse__briefing_html": "briefing_html",
}


def _timed(function: Callable, totals: dict[str, float], key: str) -> Callable:
    """Wrap `function` so that the seconds spent in it add up in totals[key]."""

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[key] = totals.get(key, 0.0) + time.perf_counter() - start

    return wrapper


def step_seconds(records: Sequence[EventLogEntry]) -> dict[str, float]:
    """Seconds from STEP_START to STEP_SUCCESS (or failure) of each step, from event log records."""
    import dagster as dg

    starts: dict[str, float] = {}
    seconds: dict[str, float] = {}
    ends = {dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE}
    for record in records:
        event = record.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type == dg.DagsterEventType.STEP_START:
            starts[event.step_key] = record.timestamp
        elif event.event_type in ends and event.step_key in starts:
            seconds[event.step_key] = record.timestamp - starts[event.step_key]
    return seconds


def run_span(records: Sequence[EventLogEntry]) -> float | None:
    """Seconds from RUN_START to the run's end event."""
    import dagster as dg

    start = end = None
    for record in records:
        event = record.dagster_event
        if event is None:
            continue
        if event.event_type == dg.DagsterEventType.RUN_START:
            start = record.timestamp
        elif event.event_type in (dg.DagsterEventType.RUN_SUCCESS, dg.DagsterEventType.RUN_FAILURE):
            end = record.timestamp
    return end - start if start is not None and end is not None else None


def outcome_of(result: dg.ExecuteInProcessResult) -> dict[str, object]:
    """Published or not, the document counts, failed checks and errors, from the run's events.

    Read here rather than through orchestration.run.summarise, so that the benchmark measures
    the job even while the summary code changes.
    """
    import dagster as dg

    counts: dict[str, int] = {}
    published = False
    checks_failed: list[str] = []
    errors: list[str] = []
    for event in result.all_events:
        if event.event_type == dg.DagsterEventType.ASSET_MATERIALIZATION:
            key = event.asset_key.path if event.asset_key else []
            if key == ["raw", "documents"]:
                metadata = event.materialization.metadata
                # counts only: the documents' metadata also lists the quarantined files (JSON)
                counts = {
                    k: int(v.value) for k, v in metadata.items() if isinstance(v.value, int | float)
                }
            elif key == ["warehouse", "published"]:
                published = True
        elif event.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.asset_check_evaluation_data
            if not evaluation.passed:
                checks_failed.append(
                    f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"
                )
        elif event.is_failure:
            errors.append(f"{event.step_key or 'run'}: {event.message or event.event_type_value}")
    return {
        "published": published,
        "succeeded": bool(result.success),
        "counts": counts,
        "checks_failed": checks_failed,
        "errors": errors,
    }


def measure_run(inbox: str, warehouse_dir: str, workers: int) -> dict[str, object]:
    """Run the whole job once in this process; wall seconds of each stage, counts, outcome."""
    began = time.perf_counter()
    import dagster as dg

    from orchestration.dbt_project import prepare_manifest

    prepare_manifest()  # as `scr run` does, before the dbt assets read it (a fresh clone has none)
    import orchestration.intake as assets  # the raw-tables step's plain function lives here
    from orchestration.definitions import build_definitions
    from orchestration.resources import WarehouseResource
    from orchestration.settings import resolve_settings

    imported = time.perf_counter()
    inner: dict[str, float] = {}
    # Only in this process and only to time them: the load into DuckDB and the inbox hashing.
    assets.load_document_frames = _timed(assets.load_document_frames, inner, "load_duckdb")
    assets.hash_file = _timed(assets.hash_file, inner, "hash_inbox")
    assets.start_build = _timed(assets.start_build, inner, "start_build")
    marks: dict[str, float] = {}
    extract_files = assets.extract_files

    def first_read(*args, **kwargs):  # when the first document is handed to the extractor
        marks.setdefault("first_extract_epoch", time.time())
        return extract_files(*args, **kwargs)

    assets.extract_files = first_read
    settings = resolve_settings(inbox, warehouse_dir, workers)
    warehouse = WarehouseResource.from_settings(settings)
    job = build_definitions(warehouse).resolve_job_def("scr_pipeline")
    instance = dg.DagsterInstance.ephemeral()
    job_start = time.perf_counter()
    result = job.execute_in_process(
        run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
        instance=instance,
        raise_on_error=False,
    )
    job_end = time.perf_counter()
    records = instance.all_logs(result.run_id)
    outcome = outcome_of(result)
    steps = step_seconds(records)
    usage_self = resource.getrusage(resource.RUSAGE_SELF)
    usage_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        **outcome,
        "workers": settings.workers,
        "import_s": imported - began,
        "job_wall_s": job_end - job_start,
        "run_span_s": run_span(records),
        "in_process_s": job_end - began,
        "stages_s": {STAGES.get(k, k): v for k, v in steps.items()},
        "inner_s": inner,
        **marks,
        "self_cpu_s": usage_self.ru_utime + usage_self.ru_stime,
        "self_maxrss_kib": usage_self.ru_maxrss,
        "children_cpu_s": usage_children.ru_utime + usage_children.ru_stime,
        "children_maxrss_kib": usage_children.ru_maxrss,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.pipeline_run")
    parser.add_argument("--inbox", required=True)
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    figures = measure_run(args.inbox, args.warehouse, args.workers)
    args.out.write_text(json.dumps(figures, indent=2, sort_keys=True, default=str) + "\n")
    return 0 if figures["published"] else 1


if __name__ == "__main__":
    sys.exit(main())
