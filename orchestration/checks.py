"""Great Expectations suites on raw.*, as blocking Dagster asset checks.

One check per raw table. A failed blocking expectation fails the check with ERROR severity, which
stops dbt and the publish step; a failed non-blocking one is a WARN. Every result is also written
to raw.data_quality_results (and so audit.data_quality_results) with the run id.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass

import dagster as dg
import duckdb
import polars as pl

from expectations.runner import ExpectationResult, validate_suites
from expectations.suites import Suite, build_suites
from expectations.triage import describe_failure, triage_failures
from ingestion.codebook import load_codebook
from orchestration.progress import report
from orchestration.resources import WarehouseResource, WriterLockResource
from orchestration.settings import SEEDS_DIR
from warehouse.load import quarantine_documents

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
# Check metadata naming the documents a failed row-level check quarantined (read by the summary).
QUARANTINED_METADATA = "quarantined_documents"


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
    documents = con.execute("SELECT count(*) FROM raw.documents WHERE status = 'ok'").fetchone()[0]
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
    with duckdb.connect(str(settings.paths.build)) as con:
        suites = build_suites(load_codebook(SEEDS_DIR))
        outcome = validate_build(con, suites, settings.max_quarantine_share)
        _store(con, context.run.run_id, outcome.results)
    for path, reason in outcome.quarantined:
        report(context, f"quarantined {path}: {reason}")
    by_table: dict[str, list[ExpectationResult]] = defaultdict(list)
    for result in outcome.results:
        by_table[result.table_name].append(result)
    for line in outcome.blocking:
        report(context, f"not published: {line}")
    systematic = [line for line in outcome.blocking if "documents failed row-level" in line]
    for table in CHECKED_TABLES:
        quarantined = outcome.quarantined if table == "documents" else []
        yield _check_result(table, by_table[table], quarantined, systematic)
    failed = [r for r in outcome.results if not r.is_success]
    report(
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
    metadata: dict[str, object] = {
        "expectations": len(results),
        "failed": len(failed),
        "failed_blocking": len(blocking),
    }
    if quarantined:
        metadata[QUARANTINED_METADATA] = dg.MetadataValue.json(
            [{"path": path, "reason": reason} for path, reason in quarantined]
        )
    return dg.AssetCheckResult(
        asset_key=dg.AssetKey(["raw", table]),
        check_name=CHECK_NAME,
        passed=not failed,
        severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
        description="; ".join([*(describe_failure(r) for r in failed), *notes]) or None,
        metadata=metadata,
    )


def _store(con: duckdb.DuckDBPyConnection, run_id: str, results: list[ExpectationResult]) -> None:
    if not results:
        return
    rows = [{"run_id": run_id, **asdict(r)} for r in results]
    frame = pl.DataFrame(rows).drop("document_ids")
    con.register("_results", frame.to_arrow())
    try:
        con.execute("DELETE FROM raw.data_quality_results WHERE run_id = ?", [run_id])
        con.execute("INSERT INTO raw.data_quality_results BY NAME SELECT * FROM _results")
    finally:
        con.unregister("_results")
