"""dbt nodes as Dagster assets keyed by schema: ["reporting", "reviews"], ["raw", "documents"]."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator


class ScrDbtTranslator(DagsterDbtTranslator):
    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([dbt_resource_props["source_name"], dbt_resource_props["name"]])
        schema = dbt_resource_props.get("config", {}).get("schema") or "main"
        return dg.AssetKey([schema, dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return dbt_resource_props.get("config", {}).get("schema") or "dbt"

    def get_description(self, dbt_resource_props: Mapping[str, Any]) -> str:
        """The model's (or seed's, source's) description as written in its YAML, no SQL block.

        dagster-dbt appends the raw SQL by default; the UI's asset page then reads as code. The
        SQL stays one click away in the dbt docs (`make docs`).
        """
        description = (dbt_resource_props.get("description") or "").strip()
        if description:
            return description
        return f"dbt {dbt_resource_props['resource_type']} {dbt_resource_props['name']}"
