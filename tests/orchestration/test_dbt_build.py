import json

import duckdb

from orchestration.dbt_build import (
    DBT_TABLES_SELECTOR,
    dbt_failures,
    kept_nodes,
    plan_dbt_build,
    record_dbt_build,
)
from orchestration.dbt_project import DBT_DB_PATH_VAR
from warehouse.dbt_state import read_fingerprint
from warehouse.schema import create_raw_schema


def _vars(args: list[str]) -> dict:
    return json.loads(args[args.index("--vars") + 1])


def test_a_build_dbt_did_not_make_is_built_whole_and_told_its_path_on_the_command_line(tmp_path):
    build = tmp_path / "scr.duckdb"
    with duckdb.connect(str(build)) as con:
        create_raw_schema(con)
    plan = plan_dbt_build(build)
    assert not plan.tables_only
    assert "--selector" not in plan.args
    assert _vars(plan.args) == {DBT_DB_PATH_VAR: str(build)}


def test_after_a_recorded_build_the_same_project_rebuilds_only_the_tables(tmp_path):
    build = tmp_path / "scr.duckdb"
    record_dbt_build(build, plan_dbt_build(build))
    plan = plan_dbt_build(build)
    assert plan.tables_only
    assert plan.args[plan.args.index("--selector") + 1] == DBT_TABLES_SELECTOR
    with duckdb.connect(str(build)) as con:  # forgotten until this build succeeds
        assert read_fingerprint(con) is None


def test_kept_nodes_are_seeds_and_views_upstream_first():
    def node(kind: str, materialized: str, *parents: str) -> dict:
        return {
            "resource_type": kind,
            "config": {"materialized": materialized},
            "depends_on": {"nodes": list(parents)},
        }

    manifest = {
        "nodes": {
            "model.p.b_view": node("model", "view", "model.p.a_view", "seed.p.codes"),
            "model.p.a_view": node("model", "view", "seed.p.codes"),
            "model.p.table": node("model", "table", "model.p.b_view"),
            "seed.p.codes": node("seed", "seed"),
        }
    }
    order = [
        manifest["nodes"].get(uid) for uid in ("seed.p.codes", "model.p.a_view", "model.p.b_view")
    ]
    assert kept_nodes(manifest) == order


def test_dbt_failures_keep_the_lines_that_name_a_failure():
    log = "\n".join(
        [
            "12:00:01  1 of 3 PASS not_null_reviews_review_id",
            "12:00:02  2 of 3 FAIL 3 unique_reviews_review_id",
            "12:00:03  Failure in test unique_reviews_review_id",
        ]
    )
    assert dbt_failures(log) == [
        "12:00:02  2 of 3 FAIL 3 unique_reviews_review_id",
        "12:00:03  Failure in test unique_reviews_review_id",
    ]
    assert len(dbt_failures("x FAIL y\n" * 30)) == 20
