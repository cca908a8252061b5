"""The assets, from the inbox to the published file.

raw.* (extract and load) -> [Great Expectations checks, blocking] -> dbt build (staging,
intermediate, reporting, with dbt tests as checks) -> warehouse/published (the atomic swap).
Every step works on the build file; only the last one touches the published file.
"""

import contextlib
import ctypes
import gc
import io
import json
from collections.abc import Iterator

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from ingestion.records import RAW_SCHEMAS
from orchestration.check_log import check_evaluations
from orchestration.dbt_build import dbt_failures, kept_nodes, plan_dbt_build, record_dbt_build
from orchestration.dbt_project import DBT_TARGET_PATH, dbt_project
from orchestration.intake import take_in_inbox, utc_now
from orchestration.progress import log_progress, progress_logger
from orchestration.resources import WarehouseResource, WriterLockResource
from orchestration.translator import ScrDbtTranslator
from publications.briefing import BRIEFING_NAME, write_briefing
from warehouse.build import publish_run
from warehouse.schema import PIPELINE_TABLES

RAW_TABLES = [*RAW_SCHEMAS, *PIPELINE_TABLES]


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", table], group_name="raw", description=f"raw.{table} in the build")
        for table in RAW_TABLES
    ],
    can_subset=False,
)
def raw_tables(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, writer: WriterLockResource
) -> Iterator[dg.MaterializeResult]:
    """Start a build, extract new or changed reports from the inbox and load them into raw.*."""
    summary = take_in_inbox(warehouse.settings(), context.run.run_id, progress_logger(context))
    for table in RAW_TABLES:
        metadata = summary.to_metadata() if table == "documents" else {}
        yield dg.MaterializeResult(asset_key=["raw", table], metadata=metadata)


@dbt_assets(
    manifest=dbt_project().manifest_path,
    project=dbt_project(),
    dagster_dbt_translator=ScrDbtTranslator(),
)
def dbt_models(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: WarehouseResource,
    writer: WriterLockResource,
) -> Iterator[object]:
    """`dbt build` (seeds, models, data tests and contracts) on the build file."""
    build = warehouse.settings().paths.build
    _release_memory()  # dbt's process and this one are alive together: give back what is free
    plan = plan_dbt_build(build)
    log_progress(context, plan.description)
    if plan.tables_only:
        # The views and seeds kept from the published file are this build's too: say so first
        # (upstream before downstream), so that the tables after them and the steps after dbt,
        # which wait on every dbt asset, run.
        selected = set(context.op_execution_context.selected_output_names)
        for name in _kept_outputs():
            if name in selected:
                yield dg.Output(None, output_name=name, metadata={"kept": "unchanged project"})
    dbt_log = io.StringIO()  # dagster-dbt echoes dbt's log to stdout; keep the terminal for people
    try:
        with contextlib.redirect_stdout(dbt_log):
            yield from dbt.cli(plan.args, target_path=DBT_TARGET_PATH, context=context).stream()
    except Exception:
        for line in dbt_failures(dbt_log.getvalue()):
            log_progress(context, f"dbt: {line}")
        raise
    record_dbt_build(build, plan)


def _release_memory() -> None:
    """Return freed memory (the extraction's frames, the checks' pandas frames) to the system."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _kept_outputs() -> list[str]:
    """Output names of the dbt assets whose nodes a tables-only build keeps, upstream first."""
    manifest = json.loads(dbt_project().manifest_path.read_text())
    translator = ScrDbtTranslator()
    names = {key: name for name, key in dbt_models.keys_by_output_name.items()}
    keys = [translator.get_asset_key(node) for node in kept_nodes(manifest)]
    return [names[key] for key in keys if key in names]


@dg.asset(
    key=["warehouse", "published"],
    deps=list(dbt_models.keys),
    group_name="publish",
    description="The checked build, swapped atomically onto warehouse/data/scr.duckdb.",
)
def published_warehouse(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, writer: WriterLockResource
) -> dg.MaterializeResult:
    """Log the run as published, with the checks it counted, and swap the build in."""
    run_id = context.run.run_id
    checks = check_evaluations(context.instance, run_id)
    published = publish_run(warehouse.settings().paths, run_id, utc_now(), checks)
    log_progress(context, f"published {published.path}")
    return dg.MaterializeResult(
        metadata={
            "path": str(published.path),
            "bytes": published.path.stat().st_size,
            "checks_passed": published.checks_passed,
            "checks_failed": published.checks_failed,
        }
    )


@dg.asset(
    key=["warehouse", "briefing_html"],
    deps=[published_warehouse],
    group_name="publish",
    description="The briefing: the study's tables and charts as one self-contained HTML page "
    "beside the warehouse.",
)
def briefing_html(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    paths = warehouse.settings().paths
    written = write_briefing(paths.published, paths.root / BRIEFING_NAME)
    log_progress(context, f"briefing written: {written}")
    return dg.MaterializeResult(metadata={"path": str(written)})
