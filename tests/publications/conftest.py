"""The warehouse the publication tests read: one pipeline run on the sample reviews, shared by
the briefing and the export tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.publications.warehouse_copies import read_only
from tests.warehouse.review_texts import shared_warehouse


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_warehouse(tmp_path_factory)


@pytest.fixture(scope="module")
def con(published: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    yield from read_only(published)
