"""Run settings in one place: CLI flags win over environment variables, which win over defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from warehouse.paths import WarehousePaths

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INBOX = PROJECT_ROOT / "corpus" / "sample" / "reports"
DEFAULT_WAREHOUSE_DIR = PROJECT_ROOT / "warehouse" / "data"
SEEDS_DIR = PROJECT_ROOT / "dbt_project" / "seeds"
DEFAULT_CODING_DIR = PROJECT_ROOT / "coding"

INBOX_ENV = "SCR_INBOX"
WAREHOUSE_ENV = "SCR_WAREHOUSE_DIR"
WORKERS_ENV = "SCR_WORKERS"
MAX_FILE_BYTES_ENV = "SCR_MAX_FILE_BYTES"
CODING_ENV = "SCR_CODING_DIR"
DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    inbox: Path
    warehouse_dir: Path
    workers: int
    max_file_bytes: int
    coding_dir: Path

    @property
    def paths(self) -> WarehousePaths:
        return WarehousePaths(self.warehouse_dir)


def resolve_settings(
    inbox: str | None = None,
    warehouse_dir: str | None = None,
    workers: int | None = None,
    max_file_bytes: int | None = None,
    coding_dir: str | None = None,
) -> Settings:
    """Settings from explicit values, else `SCR_*` environment variables, else defaults."""
    inbox_path = inbox or os.environ.get(INBOX_ENV) or DEFAULT_INBOX
    warehouse_path = warehouse_dir or os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE_DIR
    worker_count = workers or int(os.environ.get(WORKERS_ENV) or 0) or (os.cpu_count() or 1)
    size_limit = max_file_bytes or int(os.environ.get(MAX_FILE_BYTES_ENV) or DEFAULT_MAX_FILE_BYTES)
    return Settings(
        inbox=Path(inbox_path).resolve(),
        warehouse_dir=Path(warehouse_path).resolve(),
        workers=max(1, worker_count),
        max_file_bytes=size_limit,
        coding_dir=Path(coding_dir or os.environ.get(CODING_ENV) or DEFAULT_CODING_DIR).resolve(),
    )
