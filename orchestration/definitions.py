"""The Dagster definitions: what `make serve` (webserver and daemon) and `scr run` load.

The dbt assets need the project's manifest; `orchestration.dbt_project.dbt_project()` prepares it
the first time the project is asked for.
"""

import dagster as dg

from orchestration.assets import briefing_html, dbt_models, published_warehouse, raw_tables
from orchestration.checks import raw_quality_checks
from orchestration.dbt_project import DBT_PROJECT_DIR, dbt_executable
from orchestration.dbt_resource import ScrDbtCliResource
from orchestration.jobs import scr_pipeline
from orchestration.resources import WarehouseResource, WriterLockResource
from orchestration.schedules import daily_refresh
from orchestration.sensors import inbox_sensor


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
