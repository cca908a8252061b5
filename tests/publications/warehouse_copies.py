"""Helpers for tests that read the shared warehouse, or a copy of it with rows put in."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb


def read_only(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fixture's body: the warehouse at `path` open read-only for the fixture's scope (held
    open, so a publication that opened the file read-write would fail)."""
    with duckdb.connect(str(path), read_only=True) as connection:
        yield connection


def copy_of(warehouse: Path, folder: Path) -> Path:
    """A copy of a published file to edit, under the same name (the views name their database)."""
    copy = folder / "scr.duckdb"
    shutil.copyfile(warehouse, copy)
    return copy


def some_reviews(con: duckdb.DuckDBPyConnection, count: int) -> list[str]:
    """`count` review ids of the warehouse, to put made-up rows in about."""
    rows = con.execute("select review_id from reporting.reviews limit ?", [count]).fetchall()
    return [review_id for (review_id,) in rows]
