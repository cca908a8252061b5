"""Running the job in-process and reading what happened out of its events."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import dagster as dg
from dagster._utils.error import SerializableErrorInfo  # the error type of failure events

from ingestion.errors import ScrError
from orchestration.run_summary import IntakeSummary, quarantined_from_metadata
from orchestration.settings import Settings, resolve_settings


@dataclass
class RunOutcome:
    """What a person needs to know after a run."""

    published: bool
    run_id: str
    warehouse: str
    succeeded: bool = False
    intake: IntakeSummary | None = None  # None when the run stopped before loading the inbox
    quarantined_by_checks: int = 0
    checks_passed: list[str] = field(default_factory=list)
    checks_failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    quarantined: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    traces: list[str] = field(default_factory=list)  # full error traces, for the log file

    @property
    def documents_quarantined(self) -> int:
        """Quarantined documents in the build: as loaded, plus those the checks took out."""
        loaded = self.intake.documents_quarantined if self.intake else 0
        return loaded + self.quarantined_by_checks

    def render(self) -> str:
        lines = [f"run {self.run_id}"]
        if self.intake:
            i = self.intake
            lines.append(
                f"documents: {i.documents_seen} seen, {i.documents_new} extracted, "
                f"{i.documents_unchanged} unchanged, {i.documents_removed} removed, "
                f"{self.documents_quarantined} quarantined"
            )
            lines.append(f"recommendations: {i.recommendations}")
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
    manual_codes_dir: str | None = None,
    instance: dg.DagsterInstance | None = None,
    allow_removals: bool | None = None,
    max_removal_share: float | None = None,
    max_quarantine_share: float | None = None,
) -> RunOutcome:
    """Execute the whole graph in this process, as the scheduler would, and summarise it.

    The run is recorded in the persistent Dagster instance (`orchestration.instance`) unless
    another instance is given, so it shows in the UI of `make serve`.
    """
    settings = resolve_settings(
        inbox,
        warehouse_dir,
        workers,
        max_file_bytes,
        manual_codes_dir,
        max_removal_share,
        allow_removals,
        max_quarantine_share,
    )
    return run_with_settings(settings, instance)


def run_with_settings(settings: Settings, instance: dg.DagsterInstance | None = None) -> RunOutcome:
    """`run_pipeline` for settings the caller has already resolved and checked (as `scr run` does)."""
    from orchestration.definitions import build_definitions
    from orchestration.instance import persistent_instance
    from orchestration.resources import WarehouseResource

    warehouse = WarehouseResource.from_settings(settings)
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
    """What happened in the run, from its events."""
    outcome = RunOutcome(published=False, run_id=result.run_id, warehouse=warehouse)
    quarantined: dict[str, str] = {}
    for event in result.all_events:
        if event.event_type == dg.DagsterEventType.ASSET_MATERIALIZATION:
            _read_materialization(outcome, event, quarantined)
        elif event.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.event_specific_data
            assert isinstance(evaluation, dg.AssetCheckEvaluation)  # the event type says so
            _read_check(outcome, evaluation, quarantined)
        elif event.is_failure and event.event_specific_data is not None:
            error = getattr(event.event_specific_data, "error", None)
            if isinstance(error, SerializableErrorInfo):
                _add_error(outcome, error)
    outcome.quarantined = sorted(quarantined.items())
    outcome.succeeded = result.success
    return outcome


def _read_materialization(
    outcome: RunOutcome, event: dg.DagsterEvent, quarantined: dict[str, str]
) -> None:
    key = event.asset_key.path if event.asset_key else []
    if key == ["raw", "documents"]:
        assert event.step_materialization_data is not None  # a materialization event's data
        metadata = event.step_materialization_data.materialization.metadata
        outcome.intake = IntakeSummary.from_metadata(metadata)
        quarantined.update(outcome.intake.quarantined)
    elif key == ["warehouse", "published"]:
        outcome.published = True


def _read_check(
    outcome: RunOutcome, evaluation: dg.AssetCheckEvaluation, quarantined: dict[str, str]
) -> None:
    name = f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"
    by_check = quarantined_from_metadata(evaluation.metadata)
    quarantined.update(by_check)
    outcome.quarantined_by_checks += len(by_check)
    if evaluation.passed:
        outcome.checks_passed.append(name)
    else:
        why = evaluation.description or ""
        outcome.checks_failed.append(f"{name} ({evaluation.severity.value}) {why}".strip())


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _add_error(outcome: RunOutcome, error: SerializableErrorInfo) -> None:
    """One line per distinct failure; a trace only for what is not an expected `ScrError`."""
    expected = _expected_error(error)
    line = expected or _first_line(error)
    if line not in outcome.errors:
        outcome.errors.append(line)
    if expected is None:
        outcome.traces.append(error.to_string())


def _expected_error(error: SerializableErrorInfo | None) -> str | None:
    """The bare message of a `ScrError` anywhere in the error's cause chain, else None."""
    names = _scr_error_names()
    while error is not None:
        if error.cls_name in names:
            message = error.message.strip()
            prefix, _, rest = message.partition(": ")
            return rest if error.cls_name and prefix.endswith(error.cls_name) else message
        error = error.cause
    return None


def _scr_error_names() -> set[str]:
    found: set[str] = set()
    pending: list[type[ScrError]] = [ScrError]
    while pending:
        cls = pending.pop()
        found.add(cls.__name__)
        pending.extend(cls.__subclasses__())
    return found


def _first_line(error: SerializableErrorInfo) -> str:
    message, cause = error.message.strip(), error.cause
    while cause is not None and "dagster" in message.lower()[:80]:
        message, cause = cause.message.strip(), cause.cause
    return message.splitlines()[0] if message else "unknown error"
