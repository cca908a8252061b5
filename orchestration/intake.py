"""The first step of a run: start a build and bring it up to date with the inbox.

Plain Python (no Dagster): the raw-tables asset calls `take_in_inbox` and attaches what it returns.
New or changed reports are extracted and loaded into raw.*, vanished ones removed (within the
allowed share), unchanged ones marked seen, duplicates and manual codes recorded, and the run
logged in raw.runs as `building`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from ingestion.codebook import load_codebook
from ingestion.errors import RemovalsRefused
from ingestion.manual_codes import combine_manual_codes, read_manual_code_files
from ingestion.records import EXTRACTOR_VERSION
from orchestration.extraction import extract_files
from orchestration.inbox import (
    InboxDiff,
    InboxFile,
    diff_inbox,
    documents_gone,
    hash_file,
    list_inbox,
    removal_refusal,
)
from orchestration.run_summary import IntakeSummary
from orchestration.settings import Settings
from warehouse.build import start_build
from warehouse.load import (
    document_paths,
    known_documents,
    load_document_frames,
    mark_seen,
    quarantined_documents,
    remove_documents,
    replace_run_warnings,
    replace_table,
)
from warehouse.run_log import RunLogEntry, log_run_started, raw_counts

Log = Callable[[str], None]
# (path, relative path, document id) of a file to extract
ExtractionJob = tuple[str, str, str]
# Documents loaded per transaction: large enough to amortise DuckDB's per-statement cost,
# small enough that memory does not grow with the corpus.
_LOAD_BATCH = 25


def utc_now() -> datetime:
    """Naive UTC, as raw.* stores timestamps."""
    return datetime.now(UTC).replace(tzinfo=None)


def take_in_inbox(settings: Settings, run_id: str, log: Log) -> IntakeSummary:
    """Start the run's build from the published file and load the inbox's changes into it.

    Raises `RemovalsRefused` (nothing loaded) when the inbox lost more of the published documents
    than the settings allow.
    """
    started = utc_now()
    build = start_build(settings.paths)
    files = list_inbox(settings.inbox)
    log(f"inbox {settings.inbox}: {len(files)} files")
    hashed = [(f, hash_file(f.path)) for f in files]
    with duckdb.connect(str(build)) as con:
        known = known_documents(con)
        diff = diff_inbox(hashed, known, EXTRACTOR_VERSION)
        _refuse_large_removals(con, diff, len(known), files, settings)
        removed = remove_documents(con, diff.to_remove)
        jobs = extraction_jobs(diff)
        log(
            f"{len(jobs)} to extract, {len(diff.unchanged)} unchanged, {removed} removed, "
            f"{len(diff.duplicates)} duplicates"
        )
        _extract_and_load(con, jobs, settings, started, log)
        mark_seen(con, {d: f.relative_path for d, f in diff.unchanged.items()}, started)
        record_duplicates(con, diff.duplicates, {f.relative_path: d for f, d in hashed})
        manual = load_manual_codes(con, settings.manual_codes_dir)
        counts = raw_counts(con)
        entry = RunLogEntry(
            run_id=run_id,
            started_at=started,
            documents_seen=len(files),
            documents_new=len(jobs),
            documents_quarantined=counts.documents_quarantined,
            documents_removed=removed,
            recommendations=counts.recommendations,
        )
        log_run_started(con, entry)
        quarantined = quarantined_documents(con)
    return IntakeSummary(
        documents_seen=len(files),
        documents_new=len(jobs),
        documents_unchanged=len(diff.unchanged),
        documents_removed=removed,
        documents_quarantined=counts.documents_quarantined,
        duplicates=len(diff.duplicates),
        recommendations=counts.recommendations,
        manual_codes=manual,
        quarantined=tuple(quarantined),
    )


def extraction_jobs(diff: InboxDiff) -> list[ExtractionJob]:
    """The files to extract, in a deterministic order (by relative path)."""
    return sorted(
        ((str(f.path), f.relative_path, doc_id) for doc_id, f in diff.to_extract.items()),
        key=lambda job: job[1],
    )


def _refuse_large_removals(
    con: duckdb.DuckDBPyConnection,
    diff: InboxDiff,
    known: int,
    files: list[InboxFile],
    settings: Settings,
) -> None:
    gone = documents_gone(diff.to_remove, document_paths(con), files)
    refusal = removal_refusal(gone, known, len(files), settings.max_removal_share, settings.inbox)
    if refusal and not settings.allow_removals:
        raise RemovalsRefused(refusal)


def _extract_and_load(
    con: duckdb.DuckDBPyConnection,
    jobs: list[ExtractionJob],
    settings: Settings,
    seen_at: datetime,
    log: Log,
) -> None:
    batch: list[dict[str, pl.DataFrame]] = []
    batch_size = max(1, min(_LOAD_BATCH, len(jobs) // 5))  # at least five progress lines
    extracted = extract_files(jobs, settings.workers, settings.max_file_bytes)
    for done, frames in enumerate(extracted, start=1):
        batch.append(frames)
        if len(batch) >= batch_size or done == len(jobs):
            load_document_frames(con, _concat(batch), seen_at)
            batch = []
            log(f"extracted {done}/{len(jobs)} documents")


def _concat(batch: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    return {table: pl.concat([frames[table] for frames in batch]) for table in batch[0]}


def record_duplicates(
    con: duckdb.DuckDBPyConnection, duplicates: dict[str, str], ids: dict[str, str]
) -> None:
    """Same bytes under two names: load one, and say so."""
    warnings = [
        (ids[path], path, f"same bytes as {kept}; loaded once, under {kept}. Remove one copy.")
        for path, kept in sorted(duplicates.items())
    ]
    replace_run_warnings(con, "inbox", warnings)


def load_manual_codes(con: duckdb.DuckDBPyConnection, folder: Path) -> int:
    """Replace raw.manual_codes with the CSVs of the manual-codes folder; say what was left out.

    Returns how many codes were loaded.
    """
    manual = combine_manual_codes(read_manual_code_files(folder), load_codebook())
    replace_table(con, "manual_codes", manual.codes)
    replace_run_warnings(
        con, "coding", [(None, name, message) for name, message in manual.problems]
    )
    return manual.codes.height
