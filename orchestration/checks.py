"""Great Expectations suites on raw.*, as blocking Dagster asset checks.

One check per raw table. A failed blocking expectation fails the check with ERROR severity, which
stops dbt and the publish step; a failed non-blocking one is a WARN. Every result is also written
to raw.data_quality_results (and so audit.data_quality_results) with the run id.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict

import dagster as dg
import duckdb
import polars as pl

from expectations.codes import allowed_codes
from expectations.runner import ExpectationResult, validate_suites
from expectations.suites import build_suites
from orchestration.progress import report
from orchestration.resources import WarehouseResource, WriterLockResource
from orchestration.settings import SEEDS_DIR

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
    build = warehouse.settings().paths.build
    with duckdb.connect(str(build)) as con:
        results = validate_suites(con, build_suites(allowed_codes(SEEDS_DIR)))
        _store(con, context.run.run_id, results)
    by_table: dict[str, list[ExpectationResult]] = defaultdict(list)
    for result in results:
        by_table[result.table_name].append(result)
    for table in CHECKED_TABLES:
        yield _check_result(table, by_table[table])
    failed = [r for r in results if not r.is_success]
    report(context, f"Great Expectations: {len(results) - len(failed)}/{len(results)} passed")


def _check_result(table: str, results: list[ExpectationResult]) -> dg.AssetCheckResult:
    failed = [r for r in results if not r.is_success]
    blocking = [r for r in failed if r.is_blocking]
    return dg.AssetCheckResult(
        asset_key=dg.AssetKey(["raw", table]),
        check_name=CHECK_NAME,
        passed=not failed,
        severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
        description="; ".join(describe_failure(r) for r in failed) or None,
        metadata={
            "expectations": len(results),
            "failed": len(failed),
            "failed_blocking": len(blocking),
        },
    )


def describe_failure(result: ExpectationResult) -> str:
    """One line a person can act on: which expectation, on what, how many rows, examples."""
    where = (
        f"raw.{result.table_name}.{result.column_name}" if result.column_name else result.table_name
    )
    count = (
        f"{result.unexpected_count} of {result.element_count} rows" if result.element_count else ""
    )
    sample = f", e.g. {result.details}" if result.details else ""
    return f"{result.suite}: {result.expectation} on {where} failed ({count}{sample})"


def _store(con: duckdb.DuckDBPyConnection, run_id: str, results: list[ExpectationResult]) -> None:
    if not results:
        return
    frame = pl.DataFrame([{"run_id": run_id, **asdict(r)} for r in results])
    con.register("_results", frame.to_arrow())
    try:
        con.execute("DELETE FROM raw.data_quality_results WHERE run_id = ?", [run_id])
        con.execute("INSERT INTO raw.data_quality_results BY NAME SELECT * FROM _results")
    finally:
        con.unregister("_results")
