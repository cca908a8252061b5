"""What a run's `dbt build` does, decided before dbt starts and recorded after it succeeds.

A build starts as a copy of the published file. When the dbt project that made that file's views
and seeds is the one about to run (its fingerprint, warehouse/dbt_state.py), only the tables and
the data tests need building; otherwise everything is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from orchestration.dbt_project import db_path_vars, project_fingerprint
from warehouse.dbt_state import read_fingerprint, write_fingerprint

# dbt's unit tests check the models' logic on fixed rows, which no run's data changes: they run in
# `make test` (tests/dbt/test_unit_tests.py), not in every pipeline run. Data tests and contracts
# still run on every build.
DBT_BUILD_ARGS = ["build", "--exclude-resource-type", "unit_test"]
# dbt_project/selectors.yml: what a run rebuilds when the project is the one that built the views
# and seeds of the published file (warehouse/dbt_state.py): the tables and every data test.
DBT_TABLES_SELECTOR = "tables_and_tests"
_FAILURE_MARKS = (" FAIL ", " ERROR ", "Error in ", "Failure in ")


@dataclass(frozen=True)
class DbtBuildPlan:
    """The dbt arguments of one build, and the project fingerprint to record once it succeeds."""

    args: list[str]
    fingerprint: str
    tables_only: bool  # the build's views and seeds were made by this very project

    @property
    def description(self) -> str:
        if self.tables_only:
            return "dbt build: reporting and audit tables and every data test"
        return "dbt build: seeds, staging, intermediate, reporting and their tests"


def plan_dbt_build(build: Path) -> DbtBuildPlan:
    """Decide what to build in `build`, and forget its fingerprint until the build succeeds."""
    fingerprint = project_fingerprint()
    with duckdb.connect(str(build)) as con:
        tables_only = read_fingerprint(con) == fingerprint
        write_fingerprint(con, None)  # until this build succeeds, it vouches for nothing
    selection = ["--selector", DBT_TABLES_SELECTOR] if tables_only else []
    return DbtBuildPlan(
        [*DBT_BUILD_ARGS, *selection, *db_path_vars(build)], fingerprint, tables_only
    )


def record_dbt_build(build: Path, plan: DbtBuildPlan) -> None:
    """The build succeeded: its views and seeds are now the planned project's."""
    with duckdb.connect(str(build)) as con:
        write_fingerprint(con, plan.fingerprint)


def kept_nodes(manifest: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The seeds and view models of a manifest, upstream first (then by unique id): what the tables
    selector (DBT_TABLES_SELECTOR) leaves as the published file has them."""
    kept = {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "seed"
        or (node["resource_type"] == "model" and node["config"].get("materialized") == "view")
    }
    depth: dict[str, int] = {}

    def depth_of(uid: str) -> int:
        if uid not in depth:
            parents = [p for p in kept[uid].get("depends_on", {}).get("nodes", []) if p in kept]
            depth[uid] = 1 + max((depth_of(p) for p in parents), default=0)
        return depth[uid]

    return [kept[uid] for uid in sorted(kept, key=lambda uid: (depth_of(uid), uid))]


def dbt_failures(log: str, limit: int = 20) -> list[str]:
    """The lines of dbt's log that name a failed test or an error, at most `limit` of them."""
    return [line.strip() for line in log.splitlines() if any(m in line for m in _FAILURE_MARKS)][
        :limit
    ]
