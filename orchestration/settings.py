"""Run settings in one place: CLI flags win over environment variables, which win over defaults.

Every value is checked here, before anything is created: a bad one is a `UsageError` naming the
setting, the value and what would be right.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ingestion.errors import UsageError
from warehouse.paths import WarehousePaths

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INBOX = PROJECT_ROOT / "corpus" / "sample" / "reports"
DEFAULT_WAREHOUSE_DIR = PROJECT_ROOT / "warehouse" / "data"
SEEDS_DIR = PROJECT_ROOT / "dbt_project" / "seeds"
DEFAULT_MANUAL_CODES_DIR = PROJECT_ROOT / "manual_codes"
DEFAULT_DAGSTER_HOME = PROJECT_ROOT / "warehouse" / "dagster_home"

INBOX_ENV = "SCR_INBOX"
WAREHOUSE_ENV = "SCR_WAREHOUSE_DIR"
WORKERS_ENV = "SCR_WORKERS"
MAX_FILE_BYTES_ENV = "SCR_MAX_FILE_BYTES"
MANUAL_CODES_ENV = "SCR_MANUAL_CODES_DIR"
# The variable's name before the folder was renamed: still read, after the new one.
DEPRECATED_MANUAL_CODES_ENV = "SCR_CODING_DIR"
MAX_REMOVAL_SHARE_ENV = "SCR_MAX_REMOVAL_SHARE"
ALLOW_REMOVALS_ENV = "SCR_ALLOW_REMOVALS"
MAX_QUARANTINE_SHARE_ENV = "SCR_MAX_QUARANTINE_SHARE"
DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024
# A run may remove at most this share of the published documents unless told it may.
DEFAULT_MAX_REMOVAL_SHARE = 0.5
# Failed row-level checks quarantine their documents, up to this share of the run's documents;
# past it the failure is taken for a systematic fault and blocks publication.
DEFAULT_MAX_QUARANTINE_SHARE = 0.25
_Number = TypeVar("_Number", int, float)


@dataclass(frozen=True)
class Settings:
    inbox: Path
    warehouse_dir: Path
    workers: int
    max_file_bytes: int
    manual_codes_dir: Path
    max_removal_share: float = DEFAULT_MAX_REMOVAL_SHARE
    allow_removals: bool = False
    max_quarantine_share: float = DEFAULT_MAX_QUARANTINE_SHARE

    @property
    def paths(self) -> WarehousePaths:
        return WarehousePaths(self.warehouse_dir)


def resolve_settings(
    inbox: str | None = None,
    warehouse_dir: str | None = None,
    workers: int | None = None,
    max_file_bytes: int | None = None,
    manual_codes_dir: str | None = None,
    max_removal_share: float | None = None,
    allow_removals: bool | None = None,
    max_quarantine_share: float | None = None,
) -> Settings:
    """Settings from explicit values, else `SCR_*` environment variables, else defaults."""
    inbox_path = inbox or os.environ.get(INBOX_ENV) or DEFAULT_INBOX
    warehouse_path = warehouse_dir or os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE_DIR
    if workers is None:
        workers = _env_int(WORKERS_ENV)
        workers = os.cpu_count() or 1 if workers is None else workers
    if max_file_bytes is None:
        max_file_bytes = _env_int(MAX_FILE_BYTES_ENV)
        max_file_bytes = DEFAULT_MAX_FILE_BYTES if max_file_bytes is None else max_file_bytes
    if max_removal_share is None:
        max_removal_share = _env_float(MAX_REMOVAL_SHARE_ENV)
    if max_quarantine_share is None:
        max_quarantine_share = _env_float(MAX_QUARANTINE_SHARE_ENV)
    if allow_removals is None:
        allow_removals = os.environ.get(ALLOW_REMOVALS_ENV, "").lower() in {"1", "true", "yes"}
    _require(workers >= 1, f"workers must be 1 or more, not {workers}")
    _require(
        max_file_bytes >= 1, f"the file size limit must be 1 byte or more, not {max_file_bytes}"
    )
    removal = DEFAULT_MAX_REMOVAL_SHARE if max_removal_share is None else max_removal_share
    quarantine = (
        DEFAULT_MAX_QUARANTINE_SHARE if max_quarantine_share is None else max_quarantine_share
    )
    for name, share in (("removal share", removal), ("quarantine share", quarantine)):
        _require(0 <= share <= 1, f"the {name} must be between 0 and 1, not {share}")
    return Settings(
        inbox=Path(inbox_path).resolve(),
        warehouse_dir=Path(warehouse_path).resolve(),
        workers=workers,
        max_file_bytes=max_file_bytes,
        manual_codes_dir=_manual_codes_dir(manual_codes_dir).resolve(),
        max_removal_share=removal,
        allow_removals=allow_removals,
        max_quarantine_share=quarantine,
    )


def check_inbox(settings: Settings) -> None:
    """The inbox must be an existing folder: a typo must not look like an empty inbox."""
    if not settings.inbox.exists():
        raise UsageError(f"inbox {settings.inbox} does not exist: give an existing folder")
    if not settings.inbox.is_dir():
        raise UsageError(f"inbox {settings.inbox} is not a folder: give the folder of reports")


def check_warehouse_writable(settings: Settings) -> None:
    """The warehouse folder must be (or be creatable as) a folder this process can write."""
    root = settings.warehouse_dir
    if root.exists() and not root.is_dir():
        raise UsageError(f"warehouse {root} is a file, not a folder: give a folder")
    existing = root
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(
            f"warehouse {root} cannot be written ({existing} is not a writable folder): "
            "give a folder you can write, with --warehouse or SCR_WAREHOUSE_DIR"
        )


def _manual_codes_dir(given: str | None) -> Path:
    """The folder given, else $SCR_MANUAL_CODES_DIR, else the deprecated $SCR_CODING_DIR."""
    return Path(
        given
        or os.environ.get(MANUAL_CODES_ENV)
        or os.environ.get(DEPRECATED_MANUAL_CODES_ENV)
        or DEFAULT_MANUAL_CODES_DIR
    )


def _env_int(name: str) -> int | None:
    return _env_number(name, int, "a whole number")


def _env_float(name: str) -> float | None:
    return _env_number(name, float, "a number")


def _env_number(name: str, kind: Callable[[str], _Number], what: str) -> _Number | None:
    """The variable as a number, None when unset or empty; a `UsageError` when not a number."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return None
    try:
        return kind(raw)
    except ValueError:
        raise UsageError(f"{name}={raw!r} is not {what}: set it to {what} or unset it") from None


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise UsageError(message)
