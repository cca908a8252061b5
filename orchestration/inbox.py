"""What is in the inbox, and what changed since the warehouse last saw it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

# Files that are never reports: editor droppings, OS metadata, partial downloads.
_IGNORED_PREFIXES = (".", "~$")
_IGNORED_SUFFIXES = (".part", ".crdownload", ".tmp")


@dataclass(frozen=True)
class InboxFile:
    """A file in the inbox; `relative_path` is what the warehouse stores (never an absolute path)."""

    path: Path
    relative_path: str
    size: int
    mtime_ns: int


def list_inbox(inbox: Path) -> list[InboxFile]:
    """Every candidate report under `inbox`, sorted by relative path (deterministic order)."""
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox {inbox} does not exist or is not a folder")
    files = []
    for path in inbox.rglob("*"):
        name = path.name
        if not path.is_file() or path.is_symlink():
            continue
        if name.startswith(_IGNORED_PREFIXES) or name.endswith(_IGNORED_SUFFIXES):
            continue
        stat = path.stat()
        files.append(
            InboxFile(path, path.relative_to(inbox).as_posix(), stat.st_size, stat.st_mtime_ns)
        )
    return sorted(files, key=lambda f: f.relative_path)


def hash_file(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks (memory does not grow with the file)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class InboxDiff:
    """What a run must do: extract `to_extract`, drop `to_remove`, note `unchanged` as seen."""

    to_extract: dict[str, InboxFile]  # document_id -> file
    unchanged: dict[str, InboxFile]
    to_remove: frozenset[str]
    duplicates: dict[str, str]  # relative path -> relative path of the copy kept


def diff_inbox(
    hashed: list[tuple[InboxFile, str]], known: dict[str, str], extractor_version: str
) -> InboxDiff:
    """Compare the inbox (files with their hashes) with the documents the warehouse holds.

    A document is extracted again only when it is new or its extractor version changed; a
    document whose file left the inbox is removed; of two files with the same bytes the first
    by path is kept and the other reported as a duplicate.
    """
    to_extract: dict[str, InboxFile] = {}
    unchanged: dict[str, InboxFile] = {}
    duplicates: dict[str, str] = {}
    for file, document_id in hashed:
        kept = to_extract.get(document_id) or unchanged.get(document_id)
        if kept is not None:
            duplicates[file.relative_path] = kept.relative_path
        elif known.get(document_id) == extractor_version:
            unchanged[document_id] = file
        else:
            to_extract[document_id] = file
    present = set(to_extract) | set(unchanged)
    return InboxDiff(to_extract, unchanged, frozenset(set(known) - present), duplicates)
