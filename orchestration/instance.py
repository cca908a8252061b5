"""The one persistent Dagster instance: `scr run`, `make run` and `make serve` share it, so every
run, materialisation and check result shows in the UI's history whichever way it was started."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg

from orchestration.settings import DEFAULT_DAGSTER_HOME

INSTANCE_CONFIG = Path(__file__).resolve().parent / "dagster.yaml"


def dagster_home() -> Path:
    """$DAGSTER_HOME when set (as `make serve` sets it), else warehouse/dagster_home."""
    return Path(os.environ.get("DAGSTER_HOME") or DEFAULT_DAGSTER_HOME).resolve()


def persistent_instance() -> dg.DagsterInstance:
    """The instance at `dagster_home()`, created with the project's dagster.yaml if new."""
    home = dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        shutil.copyfile(INSTANCE_CONFIG, config)
    return dg.DagsterInstance.from_config(str(home))
