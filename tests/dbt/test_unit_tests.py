"""The dbt unit tests (`unit_tests:` in the models' YAML), run here rather than in every pipeline run.

A pipeline run builds with `--exclude-resource-type unit_test`: unit tests check the models' logic
on fixed rows, which does not change from run to run, so they belong with the other tests of the
code. Here dbt builds, empty (`--empty`) on a fresh raw schema, every model that has unit tests
and what it is built from, and runs the unit tests (their fixtures stand in for the data).
"""

from __future__ import annotations

import json
import os
import subprocess

import duckdb

from orchestration.dbt_project import (
    DBT_DB_PATH_ENV,
    DBT_PROJECT_DIR,
    dbt_executable,
    prepare_manifest,
)
from warehouse.schema import create_raw_schema


def _models_with_unit_tests() -> list[str]:
    manifest = json.loads(prepare_manifest().read_text())
    return sorted({test["model"] for test in manifest.get("unit_tests", {}).values()})


def test_dbt_unit_tests_pass(tmp_path):
    models = _models_with_unit_tests()
    assert models, "the project declares unit tests"
    database = tmp_path / "scr.duckdb"
    with duckdb.connect(str(database)) as con:
        create_raw_schema(con)
    env = {
        **os.environ,
        DBT_DB_PATH_ENV: str(database),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    completed = subprocess.run(
        [
            str(dbt_executable()),
            "build",
            "--empty",
            "--select",
            *(f"+{model}" for model in models),
            "--exclude-resource-type",
            "test",  # data tests are run by every pipeline run, on data
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
        ],
        cwd=DBT_PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-2000:]
    assert "unit_test" in completed.stdout, completed.stdout[-2000:]
