"""Extraction of many files across worker processes, streamed back one document at a time."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import polars as pl

from ingestion.extract import extract_document, quarantined_frames

Frames = dict[str, pl.DataFrame]

# Below this many files, starting worker processes costs more than it saves.
_MIN_FILES_FOR_POOL = 8


def extract_file(path: str, relative_path: str, document_id: str, max_bytes: int) -> Frames:
    """Read one file and extract it; a file over the size limit is quarantined unread."""
    size = Path(path).stat().st_size
    if size > max_bytes:
        message = (
            f"the file is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.1f} MB "
            "(SCR_MAX_FILE_BYTES); it was not read. Raise the limit if it is a real report."
        )
        return quarantined_frames(document_id, relative_path, size, "read", message)
    return extract_document(Path(path).read_bytes(), relative_path)


def extract_files(
    jobs: list[tuple[str, str, str]], workers: int, max_bytes: int
) -> Iterator[Frames]:
    """Frames for each (path, relative path, document id), in the order given.

    Results stream back as workers finish them in order, so memory holds a few documents at a
    time, not the corpus.
    """
    if workers <= 1 or len(jobs) < _MIN_FILES_FOR_POOL:
        for path, relative, document_id in jobs:
            yield extract_file(path, relative, document_id, max_bytes)
        return
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        paths, relatives, ids = zip(*jobs, strict=True)
        yield from pool.map(
            extract_file, paths, relatives, ids, [max_bytes] * len(jobs), chunksize=4
        )
