"""Where the warehouse files live, so that every part names them the same way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PUBLISHED_NAME = "scr.duckdb"
BUILD_DIR = "build"
LOCK_NAME = "build.lock"


@dataclass(frozen=True)
class WarehousePaths:
    """The published file readers use, the build file the pipeline writes, and the writer's lock."""

    root: Path

    @property
    def published(self) -> Path:
        return self.root / PUBLISHED_NAME

    @property
    def build(self) -> Path:
        """Same file name as the published file, in its own folder: DuckDB names a database
        after its file, and dbt's views refer to that name, so the views keep working once the
        build is renamed onto the published path."""
        return self.root / BUILD_DIR / PUBLISHED_NAME

    @property
    def lock(self) -> Path:
        return self.root / LOCK_NAME
