"""Typed rows from the published warehouse: one helper that every publication's queries use.

A query's columns are named once, by the fields of the dataclass its rows become; `select`
writes the column list from those fields, so a table's column and the row's field cannot drift
apart unnoticed (a missing column is a DuckDB error, not a silent None).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Row = TypeVar("Row")
Record = TypeVar("Record", bound="DataclassInstance")


def fetch(
    con: duckdb.DuckDBPyConnection,
    row: Callable[..., Row],
    sql: str,
    params: Sequence[object] = (),
) -> list[Row]:
    """The rows of `sql`, each built from its columns by name."""
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [row(**dict(zip(names, values, strict=True))) for values in cursor.fetchall()]


def select(
    con: duckdb.DuckDBPyConnection,
    row: type[Record],
    relation: str,
    *,
    order_by: str = "",
    limit: int | None = None,
    computed: Mapping[str, str] | None = None,
) -> list[Record]:
    """Every row of `relation` as a `row`: one column per field, by name; a field named in
    `computed` is that SQL expression over the relation's columns instead."""
    expressions = computed or {}
    columns = ", ".join(
        f"{expressions[f.name]} as {f.name}" if f.name in expressions else f.name
        for f in dataclasses.fields(row)
    )
    sql = f"select {columns} from {relation}"
    if order_by:
        sql += f" order by {order_by}"
    if limit is not None:
        sql += f" limit {int(limit)}"
    return fetch(con, row, sql)


def one(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] = ()) -> tuple[Any, ...]:
    """The one row of an aggregate query."""
    found = con.execute(sql, list(params)).fetchone()
    assert found is not None, "an aggregate query returns one row"
    return found
