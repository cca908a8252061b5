"""The build-then-publish protocol.

The pipeline never writes the published file. It copies it to a build file, writes there, runs
every check there, and only then swaps the build onto the published path with `os.replace`, an
atomic rename: a reader sees the old file or the new one, never a half-built or failed build, and
since readers only ever open the published file they never hold the writer's lock.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

import duckdb

from ingestion.errors import ScrError
from warehouse.paths import WarehousePaths
from warehouse.run_log import CheckRecord, log_run_published, replace_check_results
from warehouse.schema import create_raw_schema


class BuildLockedError(ScrError):
    """Another run is writing this warehouse."""


def _take_lock(handle: IO[str], paths: WarehousePaths) -> None:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        raise BuildLockedError(
            f"another scr run is writing {paths.root} (lock {paths.lock} is held); "
            "wait for it to finish, then run again"
        ) from exc


@contextmanager
def build_lock(paths: WarehousePaths) -> Iterator[None]:
    """Hold the one-writer lock for the whole run; fail at once if another run holds it."""
    paths.root.mkdir(parents=True, exist_ok=True)
    with open(paths.lock, "a+") as handle:
        _take_lock(handle, paths)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_unlocked(paths: WarehousePaths) -> None:
    """Fail at once, before any work, when another run holds the writer's lock.

    The run itself still takes the lock (this check only spares a person the start-up cost and
    lets the refusal come before anything is created); a lock file is never created here.
    """
    if not paths.lock.exists():
        return
    with open(paths.lock, "a+") as handle:
        _take_lock(handle, paths)
        fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_build_files(paths: WarehousePaths) -> None:
    for stale in (paths.build, Path(f"{paths.build}.wal")):
        stale.unlink(missing_ok=True)


def start_build(paths: WarehousePaths) -> Path:
    """Start a build from the published warehouse (or from nothing) and return its path.

    A build left by a crashed run is discarded first.
    """
    paths.build.parent.mkdir(parents=True, exist_ok=True)
    _remove_build_files(paths)
    if paths.published.exists():
        shutil.copyfile(paths.published, paths.build)
    with duckdb.connect(str(paths.build)) as con:
        create_raw_schema(con)
    return paths.build


def publish_build(paths: WarehousePaths) -> Path:
    """Checkpoint the build and atomically swap it onto the published path."""
    with duckdb.connect(str(paths.build)) as con:
        con.execute("CHECKPOINT")
    os.replace(paths.build, paths.published)
    Path(f"{paths.build}.wal").unlink(missing_ok=True)
    return paths.published


def discard_build(paths: WarehousePaths) -> None:
    """Drop a build that must not be published."""
    _remove_build_files(paths)


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A reader's connection: it never takes the write lock, so it never blocks the pipeline."""
    return duckdb.connect(str(path), read_only=True)


@dataclass(frozen=True)
class PublishedRun:
    """Where a run's checked build went, and how many of its checks passed and failed."""

    path: Path
    checks_passed: int
    checks_failed: int


def publish_run(
    paths: WarehousePaths, run_id: str, finished_at: datetime, checks: Sequence[CheckRecord]
) -> PublishedRun:
    """Close the run's log entry in the build, store the checks it counted, and publish it.

    The checks are stored beside the run so audit.runs, the briefing's data-quality banner and
    the run's summary count the same ones.
    """
    with duckdb.connect(str(paths.build)) as con:
        log_run_published(con, run_id, finished_at)
        passed, failed = replace_check_results(con, run_id, checks)
    return PublishedRun(publish_build(paths), passed, failed)
