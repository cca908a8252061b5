"""The one job: the whole graph, in one process (one warehouse writer, no per-step start-up)."""

from __future__ import annotations

import dagster as dg

scr_pipeline = dg.define_asset_job(
    "scr_pipeline",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Inbox -> raw.* -> Great Expectations -> dbt build -> publish.",
)
