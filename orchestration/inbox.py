"""What is in the inbox, and what changed since the warehouse last saw it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ingestion.errors import UsageError

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
        raise UsageError(
            f"inbox {inbox} does not exist or is not a folder: give the folder of reports"
        )
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


def documents_gone(
    to_remove: frozenset[str], paths_by_document: dict[str, str], inbox_files: list[InboxFile]
) -> int:
    """How many documents to remove have left the inbox, as against being replaced in place by a
    changed file under the same path (that is an update, not a loss)."""
    present = {f.relative_path for f in inbox_files}
    return sum(paths_by_document.get(d) not in present for d in to_remove)


def removal_refusal(
    gone: int, published: int, inbox_files: int, max_share: float, inbox: Path
) -> str | None:
    """Why publishing these removals must wait for a person's word, or None when it need not.

    `gone` counts the published documents whose files left the inbox. An empty inbox always needs
    the word (a share that is briefly unmounted looks empty); otherwise a run may remove up to
    `max_share` of the published documents on its own.
    """
    if gone == 0:
        return None
    if inbox_files == 0:
        why = f"the inbox {inbox} is empty, so publishing would remove all {gone} documents"
    elif gone > max_share * published:
        why = (
            f"{gone} of the {published} published documents are no longer in the inbox "
            f"{inbox}, more than the {max_share:.0%} a run may remove on its own"
        )
    else:
        return None
    return (
        f"{why}; nothing was changed. If the files were removed on purpose, run again with "
        "--allow-removals (or SCR_ALLOW_REMOVALS=1); if not, check that the inbox is mounted."
    )
