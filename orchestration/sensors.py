"""The inbox sensor: a run when a report lands in (or leaves) the inbox, none otherwise."""

import hashlib
import json

import dagster as dg

from ingestion.records import EXTRACTOR_VERSION
from orchestration.inbox import (
    InboxFile,
    diff_inbox,
    documents_gone,
    hash_file,
    list_inbox,
    removal_refusal,
)
from orchestration.jobs import scr_pipeline
from orchestration.resources import WarehouseResource
from warehouse.build import connect_read_only
from warehouse.load import document_paths, known_documents

SENSOR_INTERVAL_SECONDS = 15


def hashes_with_cache(
    files: list[InboxFile], cache: dict[str, list]
) -> tuple[list[tuple[InboxFile, str]], dict[str, list]]:
    """Hash files, reusing the hash of a file whose size and mtime are unchanged since last tick."""
    hashed, new_cache = [], {}
    for file in files:
        cached = cache.get(file.relative_path)
        if cached and cached[0] == file.size and cached[1] == file.mtime_ns:
            digest = cached[2]
        else:
            digest = hash_file(file.path)
        hashed.append((file, digest))
        new_cache[file.relative_path] = [file.size, file.mtime_ns, digest]
    return hashed, new_cache


def published_documents(warehouse: WarehouseResource) -> tuple[dict[str, str], dict[str, str]]:
    """The published warehouse's documents, through the loader's own queries: document_id ->
    extractor_version, and document_id -> path (both empty before the first run)."""
    published = warehouse.settings().paths.published
    if not published.exists():
        return {}, {}
    with connect_read_only(published) as con:
        return known_documents(con), document_paths(con)


def pending_run_key(hashed: list[tuple[InboxFile, str]], known: dict[str, str]) -> str | None:
    """A run key naming the documents to add or remove, or None when the warehouse is current.

    The key is a hash of those document ids, so the same pending change never starts two runs.
    """
    diff = diff_inbox(hashed, known, EXTRACTOR_VERSION)
    changed = sorted(diff.to_extract) + [f"-{d}" for d in sorted(diff.to_remove)]
    if not changed:
        return None
    return hashlib.sha256("\n".join(changed).encode()).hexdigest()[:32]


@dg.sensor(
    job=scr_pipeline,
    minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Requests a pipeline run when a new or changed report is in the inbox.",
)
def inbox_sensor(
    context: dg.SensorEvaluationContext, warehouse: WarehouseResource
) -> dg.RunRequest | dg.SkipReason:
    settings = warehouse.settings()
    cache = json.loads(context.cursor) if context.cursor else {}
    files = list_inbox(settings.inbox)
    hashed, cache = hashes_with_cache(files, cache)
    context.update_cursor(json.dumps(cache, sort_keys=True))
    known, paths = published_documents(warehouse)
    run_key = pending_run_key(hashed, known)
    if run_key is None:
        return dg.SkipReason(f"{len(files)} files in the inbox, all already published")
    gone = documents_gone(diff_inbox(hashed, known, EXTRACTOR_VERSION).to_remove, paths, files)
    refusal = removal_refusal(
        gone, len(known), len(files), settings.max_removal_share, settings.inbox
    )
    if refusal and not settings.allow_removals:  # unattended: wait for a person, start no run
        context.log.warning(refusal)
        return dg.SkipReason(refusal)
    return dg.RunRequest(run_key=run_key, tags={"scr/trigger": "inbox"})
