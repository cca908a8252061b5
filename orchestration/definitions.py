"""The Dagster definitions: what `make serve` (webserver and daemon) and `scr run` load."""

import dagster as dg

from orchestration.dbt_project import DBT_PROJECT_DIR, dbt_executable, prepare_manifest
from orchestration.dbt_resource import ScrDbtCliResource

prepare_manifest()  # the dbt assets below read it when this module loads

from orchestration.assets import (  # noqa: E402
    briefing_html,
    dbt_models,
    published_warehouse,
    raw_tables,
)
from orchestration.checks import raw_quality_checks  # noqa: E402
from orchestration.jobs import scr_pipeline  # noqa: E402
from orchestration.resources import WarehouseResource, WriterLockResource  # noqa: E402
from orchestration.schedules import daily_refresh  # noqa: E402
from orchestration.sensors import inbox_sensor  # noqa: E402


def build_definitions(warehouse: WarehouseResource | None = None) -> dg.Definitions:
    """Definitions bound to one warehouse (default: from SCR_* variables at run time)."""
    warehouse = warehouse or WarehouseResource()
    return dg.Definitions(
        assets=[raw_tables, dbt_models, published_warehouse, briefing_html],
        asset_checks=[raw_quality_checks],
        jobs=[scr_pipeline],
        schedules=[daily_refresh],
        sensors=[inbox_sensor],
        resources={
            "warehouse": warehouse,
            "writer": WriterLockResource(warehouse=warehouse),
            "dbt": ScrDbtCliResource(
                project_dir=str(DBT_PROJECT_DIR),
                profiles_dir=str(DBT_PROJECT_DIR),
                dbt_executable=str(dbt_executable()),
            ),
        },
        executor=dg.in_process_executor,
    )


defs = build_definitions()
