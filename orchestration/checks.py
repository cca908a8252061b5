"""Great Expectations suites on raw.*, as blocking Dagster asset checks.

One check per raw table. A failed blocking expectation fails the check with ERROR severity, which
stops dbt and the publish step; a failed non-blocking one is a WARN. Every result is also written
to raw.data_quality_results (and so audit.data_quality_results) with the run id.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl

from expectations.runner import ExpectationResult, validate_suites
from expectations.suites import Suite, build_suites
from expectations.triage import describe_failure, triage_failures
from ingestion.codebook import load_codebook
from orchestration.progress import log_progress
from orchestration.resources import WarehouseResource, WriterLockResource
from orchestration.run_summary import quarantine_metadata
from orchestration.settings import SEEDS_DIR
from warehouse.load import loaded_document_count, quarantine_documents
from warehouse.run_log import replace_quality_results

CHECKED_TABLES = [
    "documents",
    "reviews",
    "recommendations",
    "recommendation_codes",
    "case_themes",
    "case_agencies",
    "action_plan_items",
]
CHECK_NAME = "great_expectations"


@dataclass(frozen=True)
class QualityOutcome:
    """The final results on the build, and the documents quarantined to reach them."""

    results: list[ExpectationResult]
    quarantined: list[tuple[str, str]]  # (path, reason)
    blocking: list[str]


def validate_build(
    con: duckdb.DuckDBPyConnection, suites: list[Suite], max_quarantine_share: float
) -> QualityOutcome:
    """Validate raw.*; quarantine the documents whose rows failed, then validate what is left.

    Failures that no document can be blamed for, or that hit too many documents, are returned
    as `blocking` and nothing is quarantined.
    """
    results = validate_suites(con, suites)
    documents = loaded_document_count(con)
    triage = triage_failures(results, documents, max_quarantine_share)
    if triage.blocking or not triage.quarantine:
        return QualityOutcome(results, [], triage.blocking)
    reasons = {
        document_id: (
            f"its extracted records failed a blocking data check ({'; '.join(checks)}), so it was "
            "quarantined and the other documents were published; report the file to the "
            "maintainers, it will be extracted again after a fix of the extractor"
        )
        for document_id, checks in triage.quarantine.items()
    }
    quarantined = quarantine_documents(con, reasons, stage="checks")
    results = validate_suites(con, suites)
    remaining = triage_failures(results, documents, max_quarantine_share)
    blocking = remaining.blocking + [
        f"still failing after quarantine: {len(remaining.quarantine)} documents"
    ] * bool(remaining.quarantine)
    return QualityOutcome(results, quarantined, blocking)


def check_build(build: Path, run_id: str, max_quarantine_share: float) -> QualityOutcome:
    """Validate the build's raw tables with the codebook's suites and store every result."""
    with duckdb.connect(str(build)) as con:
        suites = build_suites(load_codebook(SEEDS_DIR))
        outcome = validate_build(con, suites, max_quarantine_share)
        replace_quality_results(con, run_id, _results_frame(outcome.results))
    return outcome


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(CHECK_NAME, asset=["raw", table], blocking=True)
        for table in CHECKED_TABLES
    ],
)
def raw_quality_checks(
    context: dg.AssetCheckExecutionContext,
    warehouse: WarehouseResource,
    writer: WriterLockResource,
) -> Iterator[dg.AssetCheckResult]:
    settings = warehouse.settings()
    outcome = check_build(settings.paths.build, context.run.run_id, settings.max_quarantine_share)
    for path, reason in outcome.quarantined:
        log_progress(context, f"quarantined {path}: {reason}")
    by_table: dict[str, list[ExpectationResult]] = defaultdict(list)
    for result in outcome.results:
        by_table[result.table_name].append(result)
    for line in outcome.blocking:
        log_progress(context, f"not published: {line}")
    systematic = [line for line in outcome.blocking if "documents failed row-level" in line]
    for table in CHECKED_TABLES:
        quarantined = outcome.quarantined if table == "documents" else []
        yield _check_result(table, by_table[table], quarantined, systematic)
    failed = [r for r in outcome.results if not r.is_success]
    log_progress(
        context,
        f"Great Expectations: {len(outcome.results) - len(failed)}/{len(outcome.results)} passed",
    )


def _check_result(
    table: str,
    results: list[ExpectationResult],
    quarantined: list[tuple[str, str]],
    systematic: list[str],
) -> dg.AssetCheckResult:
    failed = [r for r in results if not r.is_success]
    blocking = [r for r in failed if r.is_blocking]
    notes = systematic if blocking else []
    metadata: dict[str, dg.MetadataValue] = {
        "expectations": dg.MetadataValue.int(len(results)),
        "failed": dg.MetadataValue.int(len(failed)),
        "failed_blocking": dg.MetadataValue.int(len(blocking)),
        **quarantine_metadata(quarantined),
    }
    return dg.AssetCheckResult(
        asset_key=dg.AssetKey(["raw", table]),
        check_name=CHECK_NAME,
        passed=not failed,
        severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
        description="; ".join([*(describe_failure(r) for r in failed), *notes]) or None,
        metadata=metadata,
    )


def _results_frame(results: list[ExpectationResult]) -> pl.DataFrame:
    """The results as raw.data_quality_results rows (without the run id)."""
    if not results:
        return pl.DataFrame()
    return pl.DataFrame([asdict(r) for r in results]).drop("document_ids")
