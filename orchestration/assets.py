"""The assets, from the inbox to the published file.

raw.* (extract and load) -> [Great Expectations checks, blocking] -> dbt build (staging,
intermediate, reporting, with dbt tests as checks) -> warehouse/published (the atomic swap).
Every step works on the build file; only the last one touches the published file.
"""

import contextlib
import ctypes
import gc
import io
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
from dagster_dbt import DbtCliResource, dbt_assets

from ingestion.codebook import load_codebook
from ingestion.errors import RemovalsRefused
from ingestion.manual_codes import MANUAL_CODES_SCHEMA, parse_manual_codes
from ingestion.records import EXTRACTION_ISSUES_SCHEMA, EXTRACTOR_VERSION, RAW_SCHEMAS
from orchestration.check_log import record_check_results
from orchestration.checks import QUARANTINED_METADATA
from orchestration.dbt_project import (
    DBT_DB_PATH_ENV,
    DBT_TARGET_PATH,
    dbt_project,
    project_fingerprint,
)
from orchestration.extraction import extract_files
from orchestration.inbox import (
    diff_inbox,
    documents_gone,
    hash_file,
    list_inbox,
    removal_refusal,
)
from orchestration.progress import report
from orchestration.resources import WarehouseResource, WriterLockResource
from orchestration.translator import ScrDbtTranslator
from publications.briefing import BRIEFING_NAME, write_briefing
from warehouse.build import publish_build, start_build
from warehouse.dbt_state import read_fingerprint, write_fingerprint
from warehouse.load import (
    document_paths,
    known_documents,
    load_document_frames,
    mark_seen,
    quarantined_documents,
    remove_documents,
    replace_run_issues,
    replace_table,
)
from warehouse.schema import PIPELINE_TABLES

RAW_TABLES = [*RAW_SCHEMAS, *PIPELINE_TABLES]
# dbt's unit tests check the models' logic on fixed rows, which no run's data changes: they run in
# `make test` (tests/dbt/test_unit_tests.py), not in every pipeline run. Data tests and contracts
# still run on every build.
DBT_BUILD_ARGS = ["build", "--exclude-resource-type", "unit_test"]
# dbt_project/selectors.yml: what a run rebuilds when the project is the one that built the views
# and seeds of the published file (warehouse/dbt_state.py): the tables and every data test.
DBT_TABLES_SELECTOR = "tables_and_tests"
# Documents loaded per transaction: large enough to amortise DuckDB's per-statement cost,
# small enough that memory does not grow with the corpus.
_LOAD_BATCH = 25


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", table], group_name="raw", description=f"raw.{table} in the build")
        for table in RAW_TABLES
    ],
    can_subset=False,
)
def raw_tables(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, writer: WriterLockResource
) -> Iterator[dg.MaterializeResult]:
    """Start a build, extract new or changed reports from the inbox and load them into raw.*."""
    settings = warehouse.settings()
    started = _utc_now()
    build = start_build(settings.paths)
    files = list_inbox(settings.inbox)
    report(context, f"inbox {settings.inbox}: {len(files)} files")
    hashed = [(f, hash_file(f.path)) for f in files]
    with duckdb.connect(str(build)) as con:
        known = known_documents(con)
        diff = diff_inbox(hashed, known, EXTRACTOR_VERSION)
        gone = documents_gone(diff.to_remove, document_paths(con), files)
        refusal = removal_refusal(
            gone, len(known), len(files), settings.max_removal_share, settings.inbox
        )
        if refusal and not settings.allow_removals:
            raise RemovalsRefused(refusal)
        removed = remove_documents(con, diff.to_remove)
        jobs = sorted(
            ((str(f.path), f.relative_path, doc_id) for doc_id, f in diff.to_extract.items()),
            key=lambda job: job[1],
        )
        report(
            context,
            f"{len(jobs)} to extract, {len(diff.unchanged)} unchanged, {removed} removed, "
            f"{len(diff.duplicates)} duplicates",
        )
        _extract_and_load(context, con, jobs, settings.workers, settings.max_file_bytes, started)
        mark_seen(con, {d: f.relative_path for d, f in diff.unchanged.items()}, started)
        _record_duplicates(con, diff.duplicates, {f.relative_path: d for f, d in hashed})
        manual = _load_manual_codes(con, settings.coding_dir)
        counts = con.execute(
            "SELECT count(*) FILTER (WHERE status = 'quarantined'), "
            "(SELECT count(*) FROM raw.recommendations) FROM raw.documents"
        ).fetchone()
        quarantined = quarantined_documents(con)
        con.execute(
            "INSERT INTO raw.runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'building')",
            [
                context.run.run_id,
                started,
                started,
                len(files),
                len(jobs),
                counts[0],
                removed,
                counts[1],
            ],
        )
    summary = {
        "documents_seen": len(files),
        "documents_new": len(jobs),
        "documents_unchanged": len(diff.unchanged),
        "documents_removed": removed,
        "documents_quarantined": counts[0],
        "duplicates": len(diff.duplicates),
        "recommendations": counts[1],
        "manual_codes": manual,
    }
    for table in RAW_TABLES:
        metadata: dict[str, object] = {}
        if table == "documents":
            metadata = dict(summary)
            metadata[QUARANTINED_METADATA] = dg.MetadataValue.json(
                [{"path": path, "reason": reason} for path, reason in quarantined]
            )
        yield dg.MaterializeResult(asset_key=["raw", table], metadata=metadata)


def _extract_and_load(
    context: dg.AssetExecutionContext,
    con: duckdb.DuckDBPyConnection,
    jobs: list[tuple[str, str, str]],
    workers: int,
    max_bytes: int,
    seen_at: datetime,
) -> None:
    batch: list[dict[str, pl.DataFrame]] = []
    batch_size = max(1, min(_LOAD_BATCH, len(jobs) // 5))  # at least five progress lines
    for done, frames in enumerate(extract_files(jobs, workers, max_bytes), start=1):
        batch.append(frames)
        if len(batch) >= batch_size or done == len(jobs):
            load_document_frames(con, _concat(batch), seen_at)
            batch = []
            report(context, f"extracted {done}/{len(jobs)} documents")


def _concat(batch: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    return {table: pl.concat([frames[table] for frames in batch]) for table in batch[0]}


def _record_duplicates(
    con: duckdb.DuckDBPyConnection, duplicates: dict[str, str], ids: dict[str, str]
) -> None:
    """Same bytes under two names: load one, and say so."""
    issues = [
        (ids[path], path, f"same bytes as {kept}; loaded once, under {kept}. Remove one copy.")
        for path, kept in sorted(duplicates.items())
    ]
    replace_run_issues(con, "inbox", _issues_frame("inbox", issues))


def _load_manual_codes(con: duckdb.DuckDBPyConnection, coding_dir: Path) -> int:
    """Replace raw.manual_codes with the CSVs of the coding folder; say what was left out."""
    codebook = load_codebook()
    frames, problems = [], []
    for path in sorted(coding_dir.glob("*.csv")) if coding_dir.is_dir() else []:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append((path.name, f"{path.name}: cannot be read ({exc}); file ignored"))
            continue
        frame, found = parse_manual_codes(text, path.name, codebook)
        frames.append(frame)
        problems.extend((path.name, message) for message in found)
    codes = pl.concat(frames) if frames else pl.DataFrame(schema=MANUAL_CODES_SCHEMA)
    replace_table(con, "manual_codes", codes)
    replace_run_issues(con, "coding", _issues_frame("coding", [(None, p, m) for p, m in problems]))
    return codes.height


def _issues_frame(stage: str, issues: list[tuple[str | None, str, str]]) -> pl.DataFrame:
    """Warnings (document id, path, message) of one stage, as raw.extraction_issues rows."""
    return pl.DataFrame(
        [
            {
                "document_id": document_id,
                "path": path,
                "stage": stage,
                "severity": "warning",
                "message": message,
                "extractor_version": EXTRACTOR_VERSION,
            }
            for document_id, path, message in issues
        ],
        schema=EXTRACTION_ISSUES_SCHEMA,
    )


@dbt_assets(
    manifest=dbt_project().manifest_path,
    project=dbt_project(),
    dagster_dbt_translator=ScrDbtTranslator(),
)
def dbt_models(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: WarehouseResource,
    writer: WriterLockResource,
) -> Iterator[object]:
    """`dbt build` (seeds, models, data tests and contracts) on the build file."""
    build = warehouse.settings().paths.build
    _release_memory()  # dbt's process and this one are alive together: give back what is free
    fingerprint = project_fingerprint()
    with duckdb.connect(str(build)) as con:
        unchanged = read_fingerprint(con) == fingerprint
        write_fingerprint(con, None)  # until this build succeeds, it vouches for nothing
    args = [*DBT_BUILD_ARGS, "--selector", DBT_TABLES_SELECTOR] if unchanged else DBT_BUILD_ARGS
    previous = os.environ.get(DBT_DB_PATH_ENV)
    os.environ[DBT_DB_PATH_ENV] = str(build)  # the dbt subprocess inherits it; see profiles.yml
    if unchanged:
        report(context, "dbt build: reporting and audit tables and every data test")
    else:
        report(context, "dbt build: seeds, staging, intermediate, reporting and their tests")
    dbt_log = io.StringIO()  # dagster-dbt echoes dbt's log to stdout; keep the terminal for people
    if unchanged:
        # The views and seeds kept from the published file are this build's too: say so first
        # (upstream before downstream), so that the tables after them and the steps after dbt,
        # which wait on every dbt asset, run.
        selected = set(context.op_execution_context.selected_output_names)
        for name in _kept_outputs():
            if name in selected:
                yield dg.Output(None, output_name=name, metadata={"kept": "unchanged project"})
    try:
        with contextlib.redirect_stdout(dbt_log):
            yield from dbt.cli(args, target_path=DBT_TARGET_PATH, context=context).stream()
    except Exception:
        failures = [line for line in dbt_log.getvalue().splitlines() if _is_dbt_failure(line)]
        for line in failures[:20]:
            report(context, f"dbt: {line.strip()}")
        raise
    finally:
        if previous is None:
            os.environ.pop(DBT_DB_PATH_ENV, None)
        else:
            os.environ[DBT_DB_PATH_ENV] = previous
    with duckdb.connect(str(build)) as con:
        write_fingerprint(con, fingerprint)


def _release_memory() -> None:
    """Return freed memory (the extraction's frames, the checks' pandas frames) to the system."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _kept_outputs() -> list[str]:
    """Output names of the seeds and view models, upstream first: what the tables selector
    (DBT_TABLES_SELECTOR) leaves as the published file has them."""
    nodes = json.loads(dbt_project().manifest_path.read_text())["nodes"]
    kept = {
        uid: node
        for uid, node in nodes.items()
        if node["resource_type"] == "seed"
        or (node["resource_type"] == "model" and node["config"].get("materialized") == "view")
    }
    depth: dict[str, int] = {}

    def depth_of(uid: str) -> int:
        if uid not in depth:
            parents = [p for p in kept[uid].get("depends_on", {}).get("nodes", []) if p in kept]
            depth[uid] = 1 + max((depth_of(p) for p in parents), default=0)
        return depth[uid]

    translator = ScrDbtTranslator()
    names = {key: name for name, key in dbt_models.keys_by_output_name.items()}
    keys = [translator.get_asset_key(kept[u]) for u in sorted(kept, key=lambda u: (depth_of(u), u))]
    return [names[key] for key in keys if key in names]


def _is_dbt_failure(line: str) -> bool:
    return any(word in line for word in (" FAIL ", " ERROR ", "Error in ", "Failure in "))


@dg.asset(
    key=["warehouse", "published"],
    deps=list(dbt_models.keys),
    group_name="publish",
    description="The checked build, swapped atomically onto warehouse/data/scr.duckdb.",
)
def published_warehouse(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, writer: WriterLockResource
) -> dg.MaterializeResult:
    paths = warehouse.settings().paths
    with duckdb.connect(str(paths.build)) as con:
        con.execute(
            "UPDATE raw.runs SET finished_at = ?, outcome = 'published' WHERE run_id = ?",
            [_utc_now(), context.run.run_id],
        )
        # the checks the run's summary counts, so audit.runs and the report count the same
        passed, failed = record_check_results(con, context.instance, context.run.run_id)
    published = publish_build(paths)
    report(context, f"published {published}")
    return dg.MaterializeResult(
        metadata={
            "path": str(published),
            "bytes": published.stat().st_size,
            "checks_passed": passed,
            "checks_failed": failed,
        }
    )


@dg.asset(
    key=["warehouse", "briefing_html"],
    deps=[published_warehouse],
    group_name="publish",
    description="The briefing: the study's tables and charts as one self-contained HTML page "
    "beside the warehouse.",
)
def briefing_html(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    paths = warehouse.settings().paths
    written = write_briefing(paths.published, paths.root / BRIEFING_NAME)
    report(context, f"briefing written: {written}")
    return dg.MaterializeResult(metadata={"path": str(written)})
