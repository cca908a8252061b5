"""The dbt project, built once, and its manifest kept fresh for Dagster to read.

The build file dbt writes is passed on dbt's command line (`--vars`, read by profiles.yml), never
through this process's environment.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

from dagster_dbt import DbtProject

from orchestration.settings import PROJECT_ROOT

DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
# How dbt is told which file to build: a var on its command line (profiles.yml reads it first)...
DBT_DB_PATH_VAR = "scr_db_path"
# ...or, for dbt run by hand or by tests, this environment variable.
DBT_DB_PATH_ENV = "SCR_DBT_DB_PATH"
# One target folder for pipeline runs, so dbt's partial parsing carries over from run to run.
DBT_TARGET_PATH = DBT_PROJECT_DIR / "target" / "pipeline"


def dbt_executable() -> Path:
    """The venv's dbt, found beside this interpreter (works without an activated venv)."""
    return Path(sys.executable).parent / "dbt"


@cache
def dbt_project() -> DbtProject:
    """The project, its manifest prepared: dagster-dbt reads it when the dbt assets are defined.

    Cached, so the manifest is checked (and `dbt parse` run if stale) once per process, when the
    project is first asked for, never merely by importing the definitions.
    """
    project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
    _parse_if_stale(project.manifest_path)
    return project


def db_path_vars(database: Path) -> list[str]:
    """dbt arguments that point its profile at `database` (see profiles.yml)."""
    return ["--vars", json.dumps({DBT_DB_PATH_VAR: str(database)})]


def _sources_newest_mtime() -> float:
    files = [DBT_PROJECT_DIR / "dbt_project.yml", DBT_PROJECT_DIR / "profiles.yml"]
    for folder in ("models", "seeds", "macros", "tests"):
        files.extend(p for p in (DBT_PROJECT_DIR / folder).rglob("*") if p.is_file())
    return max(p.stat().st_mtime for p in files)


def prepare_manifest() -> Path:
    """The project's manifest, parsed first when missing or older than the project's files."""
    return dbt_project().manifest_path


def _parse_if_stale(manifest: Path) -> None:
    """Run `dbt parse` when the manifest is missing or older than the project's files.

    dagster-dbt reads the manifest when the definitions load; outside `dagster dev` nothing else
    writes it (see docs/stack-notes.md).
    """
    if manifest.exists() and manifest.stat().st_mtime >= _sources_newest_mtime():
        return
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    completed = subprocess.run(
        [str(dbt_executable()), "parse", "--quiet", "--profiles-dir", str(DBT_PROJECT_DIR)],
        cwd=DBT_PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"`dbt parse` failed in {DBT_PROJECT_DIR}:\n{completed.stdout}\n{completed.stderr}"
        )


def project_fingerprint() -> str:
    """SHA-256 over everything that decides what dbt's views and seeds are: the project's files,
    the raw schema they read, and the versions of dbt and its adapter."""
    digest = hashlib.sha256()
    files = [DBT_PROJECT_DIR / "dbt_project.yml", DBT_PROJECT_DIR / "profiles.yml"]
    for folder in ("models", "seeds", "macros", "tests"):
        files.extend(p for p in (DBT_PROJECT_DIR / folder).rglob("*") if p.is_file())
    for path in sorted(files):
        digest.update(str(path.relative_to(DBT_PROJECT_DIR)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    from warehouse.schema import raw_schema_ddl

    digest.update(raw_schema_ddl().encode())
    for package in ("dbt-core", "dbt-duckdb", "duckdb"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    return digest.hexdigest()
