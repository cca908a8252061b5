"""Running the job in-process and reading what happened out of its events."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field

import dagster as dg

from ingestion.errors import ScrError
from orchestration.checks import QUARANTINED_METADATA
from orchestration.settings import resolve_settings


@dataclass
class RunOutcome:
    """What a person needs to know after a run."""

    published: bool
    run_id: str
    warehouse: str
    succeeded: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    checks_passed: list[str] = field(default_factory=list)
    checks_failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    quarantined: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    traces: list[str] = field(default_factory=list)  # full error traces, for the log file

    def render(self) -> str:
        lines = [f"run {self.run_id}"]
        if self.counts:
            c = self.counts
            lines.append(
                f"documents: {c.get('documents_seen', 0)} seen, {c.get('documents_new', 0)} "
                f"extracted, {c.get('documents_unchanged', 0)} unchanged, "
                f"{c.get('documents_removed', 0)} removed, "
                f"{c.get('documents_quarantined', 0)} quarantined"
            )
            lines.append(f"recommendations: {c.get('recommendations', 0)}")
        lines.extend(f"  quarantined: {path}: {_clip(reason)}" for path, reason in self.quarantined)
        lines.append(f"checks: {len(self.checks_passed)} passed, {len(self.checks_failed)} failed")
        lines.extend(f"  FAILED {failure}" for failure in self.checks_failed)
        lines.extend(f"  {error}" for error in self.errors)
        if self.published:
            lines.append(f"published: {self.warehouse}")
            if not self.succeeded:
                lines.append("  but a step after publishing failed (see ERROR above)")
        else:
            lines.append(f"NOT published: {self.warehouse} is unchanged")
        return "\n".join(lines)


def run_pipeline(
    inbox: str | None = None,
    warehouse_dir: str | None = None,
    workers: int | None = None,
    max_file_bytes: int | None = None,
    coding_dir: str | None = None,
    instance: dg.DagsterInstance | None = None,
    allow_removals: bool | None = None,
    max_removal_share: float | None = None,
    max_quarantine_share: float | None = None,
) -> RunOutcome:
    """Execute the whole graph in this process, as the scheduler would, and summarise it.

    The run is recorded in the persistent Dagster instance (`orchestration.instance`) unless
    another instance is given, so it shows in the UI of `make serve`.
    """
    from orchestration.definitions import build_definitions
    from orchestration.instance import persistent_instance
    from orchestration.resources import WarehouseResource

    settings = resolve_settings(
        inbox,
        warehouse_dir,
        workers,
        max_file_bytes,
        coding_dir,
        max_removal_share,
        allow_removals,
        max_quarantine_share,
    )
    warehouse = WarehouseResource(
        inbox=str(settings.inbox),
        warehouse_dir=str(settings.warehouse_dir),
        workers=settings.workers,
        max_file_bytes=settings.max_file_bytes,
        coding_dir=str(settings.coding_dir),
        max_removal_share=settings.max_removal_share,
        allow_removals=settings.allow_removals,
        max_quarantine_share=settings.max_quarantine_share,
    )
    job = build_definitions(warehouse).resolve_job_def("scr_pipeline")
    with contextlib.ExitStack() as stack:
        if instance is None:
            instance = stack.enter_context(persistent_instance())
        result = job.execute_in_process(
            # Failures reach the person through the summary; their traces go to a log file.
            run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}},
            instance=instance,
            raise_on_error=False,
            tags={"scr/trigger": "cli"},
        )
        return summarise(result, str(settings.paths.published))


def summarise(result: dg.ExecuteInProcessResult, warehouse: str) -> RunOutcome:
    outcome = RunOutcome(published=False, run_id=result.run_id, warehouse=warehouse)
    quarantined: dict[str, str] = {}
    for event in result.all_events:
        if event.event_type == dg.DagsterEventType.ASSET_MATERIALIZATION:
            key = event.asset_key.path if event.asset_key else []
            metadata = event.materialization.metadata
            if key == ["raw", "documents"]:
                outcome.counts = {
                    k: int(v.value) for k, v in metadata.items() if k != QUARANTINED_METADATA
                }
                quarantined.update(_quarantined(metadata))
            if key == ["warehouse", "published"]:
                outcome.published = True
        elif event.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.event_specific_data
            name = f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"
            by_checks = _quarantined(evaluation.metadata)
            quarantined.update(by_checks)
            if by_checks and outcome.counts:
                outcome.counts["documents_quarantined"] += len(by_checks)
            if evaluation.passed:
                outcome.checks_passed.append(name)
            else:
                why = evaluation.description or ""
                outcome.checks_failed.append(f"{name} ({evaluation.severity.value}) {why}".strip())
        elif event.is_failure and event.event_specific_data is not None:
            error = getattr(event.event_specific_data, "error", None)
            if error is not None:
                _add_error(outcome, error)
    outcome.quarantined = sorted(quarantined.items())
    outcome.succeeded = result.success
    return outcome


def _quarantined(metadata: Mapping[str, object]) -> dict[str, str]:
    value = metadata.get(QUARANTINED_METADATA)
    rows = getattr(value, "value", None) or []
    return {row["path"]: row["reason"] for row in rows}


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _add_error(outcome: RunOutcome, error: object) -> None:
    """One line per distinct failure; a trace only for what is not an expected `ScrError`."""
    expected = _expected_error(error)
    line = expected or _first_line(error)
    if line not in outcome.errors:
        outcome.errors.append(line)
    if expected is None:
        outcome.traces.append(error.to_string())


def _expected_error(error: object) -> str | None:
    """The bare message of a `ScrError` anywhere in the error's cause chain, else None."""
    names = _scr_error_names()
    while error is not None:
        if getattr(error, "cls_name", None) in names:
            message = error.message.strip()
            prefix, _, rest = message.partition(": ")
            return rest if prefix.endswith(error.cls_name) else message
        error = getattr(error, "cause", None)
    return None


def _scr_error_names() -> set[str]:
    found, pending = set(), [ScrError]
    while pending:
        cls = pending.pop()
        found.add(cls.__name__)
        pending.extend(cls.__subclasses__())
    return found


def _first_line(error: object) -> str:
    message = getattr(error, "message", str(error)).strip()
    cause = getattr(error, "cause", None)
    while cause is not None and "dagster" in message.lower()[:80]:
        message, cause = cause.message.strip(), cause.cause
    return message.splitlines()[0] if message else "unknown error"
