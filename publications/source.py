"""The one way publications open the warehouse: the published file, read-only.

A reader's connection never takes the writer's lock, so a publication runs beside BI readers
and never blocks the pipeline (`warehouse.build.connect_read_only`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ingestion.errors import NoPublishedWarehouse
from warehouse.build import connect_read_only


def published_file(published: Path) -> Path:
    """The published warehouse file, or NoPublishedWarehouse naming where it was looked for."""
    published = Path(published)
    if not published.is_file():
        raise NoPublishedWarehouse(f"no published warehouse at {published}: run `scr run` first")
    return published


@contextmanager
def open_published(published: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the published warehouse, closed when the block ends."""
    con = connect_read_only(published_file(published))
    try:
        yield con
    finally:
        con.close()
