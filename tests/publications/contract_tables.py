"""Empty reporting and audit tables made from the dbt contracts, for warehouses built from SQL.

A test that needs a warehouse without running the pipeline creates every published table with
the columns and types its contract declares, then inserts only the rows it cares about.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import yaml

MODELS = Path(__file__).resolve().parents[2] / "dbt_project" / "models"
SCHEMAS = ("reporting", "audit")


def contract_columns() -> dict[str, list[tuple[str, str]]]:
    """`schema.table` -> [(column, type)] for every contracted model of the published schemas."""
    tables: dict[str, list[tuple[str, str]]] = {}
    for schema in SCHEMAS:
        for path in sorted((MODELS / schema).rglob("*.yml")):
            for model in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models", []):
                columns = [(c["name"], c["data_type"]) for c in model.get("columns", [])]
                if columns and all(t for _, t in columns):
                    tables[f"{schema}.{model['name']}"] = columns
    return tables


def create_contract_tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    """Create every contracted table, empty, on `con`; return their columns."""
    tables = contract_columns()
    for schema in SCHEMAS:
        con.execute(f"create schema if not exists {schema}")
    for table, columns in tables.items():
        spec = ", ".join(f'"{name}" {data_type}' for name, data_type in columns)
        con.execute(f"create table {table} ({spec})")
    return tables


def insert(con: duckdb.DuckDBPyConnection, table: str, values: dict[str, object]) -> None:
    names = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join("?" * len(values))
    con.execute(f"insert into {table} ({names}) values ({marks})", list(values.values()))
