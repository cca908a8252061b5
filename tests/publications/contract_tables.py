"""Empty reporting and audit tables made from the dbt contracts, for warehouses built from SQL.

A test that needs a warehouse without running the pipeline creates every published table with
the columns and types its contract declares (and the codebook seeds publications read their
labels from, loaded as dbt loads them), then inserts only the rows it cares about.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import yaml

DBT_PROJECT = Path(__file__).resolve().parents[2] / "dbt_project"
MODELS = DBT_PROJECT / "models"
SCHEMAS = ("reporting", "audit")
LABEL_SEEDS = ("codebook_values",)


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
    """Create every contracted table, empty, and the label seeds on `con`; return the tables'
    columns."""
    tables = contract_columns()
    for schema in SCHEMAS:
        con.execute(f"create schema if not exists {schema}")
    for table, columns in tables.items():
        spec = ", ".join(f'"{name}" {data_type}' for name, data_type in columns)
        con.execute(f"create table {table} ({spec})")
    con.execute("create schema if not exists codebook")
    for seed in LABEL_SEEDS:
        path = DBT_PROJECT / "seeds" / f"{seed}.csv"
        con.execute(f"create table codebook.{seed} as select * from read_csv(?, header = true)",
                    [str(path)])  # fmt: skip
    return tables


def insert(con: duckdb.DuckDBPyConnection, table: str, values: dict[str, object]) -> None:
    names = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join("?" * len(values))
    con.execute(f"insert into {table} ({names}) values ({marks})", list(values.values()))
