"""Run the suites on a warehouse and return the results as plain data.

Great Expectations 1.x cannot validate DuckDB through its SQL datasource (see
docs/stack-notes.md), so each suite's frame is read with DuckDB and validated as a pandas frame in
one ephemeral context.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import duckdb
import great_expectations as gx
import pandas as pd
from great_expectations.core.expectation_validation_result import ExpectationValidationResult
from great_expectations.data_context import AbstractDataContext
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.datasource.fluent import PandasDatasource
from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

from expectations.suites import Suite

DOCUMENT_COLUMN = "document_id"


@dataclass(frozen=True)
class ExpectationResult:
    """One expectation's outcome on one build; the row of `raw.data_quality_results`."""

    suite: str
    table_name: str
    expectation: str
    column_name: str | None
    is_success: bool
    is_blocking: bool
    element_count: int | None
    unexpected_count: int | None
    details: str | None
    # The documents whose rows failed (empty when the failure is not row-level, e.g. a table's
    # row count): what lets one bad document be quarantined instead of blocking every other.
    document_ids: tuple[str, ...] = ()


def validate_suites(con: duckdb.DuckDBPyConnection, suites: list[Suite]) -> list[ExpectationResult]:
    """Validate every suite against the warehouse behind `con`."""
    context = gx.get_context(mode="ephemeral")
    # Progress bars would interleave with the pipeline's own progress output.
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = context.data_sources.add_pandas("scr_raw")
    results: list[ExpectationResult] = []
    for suite in suites:
        frame = con.sql(suite.query).df()
        results.extend(_validate(context, source, suite, frame))
    return results


def _validate(
    context: AbstractDataContext,
    source: PandasDatasource,
    suite: Suite,
    frame: pd.DataFrame,
) -> list[ExpectationResult]:
    asset = source.add_dataframe_asset(suite.name)
    batch = asset.add_batch_definition_whole_dataframe(suite.name).get_batch(
        batch_parameters={"dataframe": frame}
    )
    gx_suite = context.suites.add(gx.ExpectationSuite(name=suite.name))
    blocking_by_id: dict[str, bool] = {}
    for checked in suite.expectations:
        # A copy: the suites are plain data and may be validated more than once per process.
        added = gx_suite.add_expectation(checked.expectation.copy(update={"id": None}))
        blocking_by_id[str(added.id)] = checked.is_blocking
    result_format: dict[str, object] = {"result_format": "SUMMARY"}
    if DOCUMENT_COLUMN in frame.columns:
        result_format = {
            "result_format": "COMPLETE",
            "unexpected_index_column_names": [DOCUMENT_COLUMN],
        }
    validation = batch.validate(gx_suite, result_format=result_format)
    return [
        _to_result(suite, outcome, blocking_by_id[str(_config(outcome).id)])
        for outcome in validation.results
    ]


def _config(outcome: ExpectationValidationResult) -> ExpectationConfiguration:
    # Every result of a suite's validation carries the expectation it is the result of.
    config = outcome.expectation_config
    assert config is not None, "a suite's result without its expectation"
    return config


def _to_result(
    suite: Suite, outcome: ExpectationValidationResult, is_blocking: bool
) -> ExpectationResult:
    config = _config(outcome)
    kwargs = config.kwargs
    detail = outcome.result or {}
    column = kwargs.get("column") or (
        f"{kwargs['column_A']},{kwargs['column_B']}" if "column_A" in kwargs else None
    )
    sample = detail.get("partial_unexpected_list") or []
    if outcome.exception_info and outcome.exception_info.get("raised_exception"):
        sample = [outcome.exception_info.get("exception_message")]
    return ExpectationResult(
        suite=suite.name,
        table_name=suite.table_name,
        expectation=config.type,
        column_name=column,
        is_success=bool(outcome.success),
        is_blocking=is_blocking,
        element_count=detail.get("element_count"),
        unexpected_count=detail.get("unexpected_count"),
        details=json.dumps(sample[:10], default=str) if sample else None,
        document_ids=_failing_documents(detail),
    )


def _failing_documents(detail: dict) -> tuple[str, ...]:
    rows = detail.get("unexpected_index_list") or []
    ids = {row.get(DOCUMENT_COLUMN) for row in rows if isinstance(row, dict)}
    return tuple(sorted(i for i in ids if isinstance(i, str)))
