"""The Dagster definitions: what `make serve` (webserver and daemon) and `scr run` load."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration.dbt_project import DBT_PROJECT_DIR, dbt_executable, prepare_manifest

prepare_manifest()  # the dbt assets below read it when this module loads

from orchestration.assets import dbt_models, published_warehouse, raw_tables  # noqa: E402
from orchestration.checks import raw_quality_checks  # noqa: E402
from orchestration.jobs import scr_pipeline  # noqa: E402
from orchestration.resources import WarehouseResource  # noqa: E402
from orchestration.schedules import daily_refresh  # noqa: E402
from orchestration.sensors import inbox_sensor  # noqa: E402

defs = dg.Definitions(
    assets=[raw_tables, dbt_models, published_warehouse],
    asset_checks=[raw_quality_checks],
    jobs=[scr_pipeline],
    schedules=[daily_refresh],
    sensors=[inbox_sensor],
    resources={
        "warehouse": WarehouseResource(),
        "dbt": DbtCliResource(
            project_dir=str(DBT_PROJECT_DIR),
            profiles_dir=str(DBT_PROJECT_DIR),
            dbt_executable=str(dbt_executable()),
        ),
    },
    executor=dg.in_process_executor,
)
