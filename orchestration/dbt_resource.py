"""dagster-dbt's dbt resource, without the work a pipeline run does not need.

On every invocation `DbtCliResource` starts `dbt --version` (a second dbt process, about 2 s of
CPU) to learn a version the installed package already states, and builds a dbt adapter inside this
process (importing dbt's adapter stack) that it only uses to fetch column metadata, which this
project does not ask for. Both are skipped here; the dbt command itself runs as before.
"""

from __future__ import annotations

from functools import cached_property
from importlib import metadata
from typing import Any

from dagster_dbt import DbtCliResource
from packaging import version


class ScrDbtCliResource(DbtCliResource):
    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args: Any) -> Any:  # noqa: ANN401 - dagster's own
        return None  # no column metadata is fetched, so no adapter is needed
