"""Running the job in-process and reading what happened out of its events."""

from __future__ import annotations

from dataclasses import dataclass, field

import dagster as dg

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
    quarantined: list[str] = field(default_factory=list)

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
        lines.extend(f"  quarantined: {q}" for q in self.quarantined)
        lines.append(f"checks: {len(self.checks_passed)} passed, {len(self.checks_failed)} failed")
        lines.extend(f"  FAILED {failure}" for failure in self.checks_failed)
        lines.extend(f"  ERROR {error}" for error in self.errors)
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
) -> RunOutcome:
    """Execute the whole graph in this process, as the scheduler would, and summarise it."""
    from orchestration.definitions import build_definitions
    from orchestration.resources import WarehouseResource

    settings = resolve_settings(inbox, warehouse_dir, workers, max_file_bytes, coding_dir)
    warehouse = WarehouseResource(
        inbox=str(settings.inbox),
        warehouse_dir=str(settings.warehouse_dir),
        workers=settings.workers,
        max_file_bytes=settings.max_file_bytes,
        coding_dir=str(settings.coding_dir),
    )
    job = build_definitions(warehouse).resolve_job_def("scr_pipeline")
    result = job.execute_in_process(
        run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
        instance=instance or dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )
    return summarise(result, str(settings.paths.published))


def summarise(result: dg.ExecuteInProcessResult, warehouse: str) -> RunOutcome:
    outcome = RunOutcome(published=False, run_id=result.run_id, warehouse=warehouse)
    for event in result.all_events:
        if event.event_type == dg.DagsterEventType.ASSET_MATERIALIZATION:
            key = event.asset_key.path if event.asset_key else []
            metadata = event.materialization.metadata
            if key == ["raw", "documents"]:
                outcome.counts = {k: int(v.value) for k, v in metadata.items()}
            if key == ["warehouse", "published"]:
                outcome.published = True
        elif event.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.event_specific_data
            name = f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"
            if evaluation.passed:
                outcome.checks_passed.append(name)
            else:
                why = evaluation.description or ""
                outcome.checks_failed.append(f"{name} ({evaluation.severity.value}) {why}".strip())
        elif event.is_failure and event.event_specific_data is not None:
            error = getattr(event.event_specific_data, "error", None)
            if error is not None:
                outcome.errors.append(f"{event.step_key or 'run'}: {_first_line(error)}")
    outcome.succeeded = result.success
    return outcome


def _first_line(error: object) -> str:
    message = getattr(error, "message", str(error)).strip()
    cause = getattr(error, "cause", None)
    while cause is not None and "dagster" in message.lower()[:80]:
        message, cause = cause.message.strip(), cause.cause
    return message.splitlines()[0] if message else "unknown error"
