"""`scr export --format qdpx` (its source texts come from the inbox) and `scr release`.

The publication code lives in `warehouse/` (`qdpx.py`, `release.py`) and knows nothing of the
extractor; what it needs from ingestion (a document's normalised text, the extractor's and the
coder's versions) is looked up here.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable
from pathlib import Path

from ingestion.errors import ReleaseInvalid, UsageError


def inbox_texts(inbox: Path) -> Callable[[str, str], str]:
    """`text_of(document_id, path)`: the normalised text of an inbox file, the one extracted."""
    from ingestion.normalise import normalise
    from ingestion.readers import read_document

    def text_of(document_id: str, path: str) -> str:
        file = inbox / path
        if not file.is_file():
            raise UsageError(
                f"the report {path} is no longer in the inbox {inbox}; the qdpx export needs "
                "the text of every published report (give --inbox, or run `scr run` first)"
            )
        data = file.read_bytes()
        if hashlib.sha256(data).hexdigest() != document_id:
            raise UsageError(
                f"the report {path} in {inbox} has changed since it was published; run "
                "`scr run` first so the offsets match its text"
            )
        return normalise(read_document(data, file.name)).text

    return text_of


def export_qdpx(published: Path, out: Path, inbox: str | None) -> Path:
    from orchestration.settings import resolve_settings
    from warehouse.qdpx import export_qdpx as write

    folder = resolve_settings(inbox=inbox).inbox
    try:
        return write(published, out, inbox_texts(folder))
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def provenance() -> dict:
    """The software that made the warehouse: versions and the learned coder's hashes."""
    from importlib.metadata import version

    from ingestion.coding.model import ARTIFACT, load_coder
    from ingestion.records import EXTRACTOR_VERSION
    from warehouse.release import sha256_file

    return {
        "scr_warehouse": version("scr-warehouse"),
        "extractor_version": EXTRACTOR_VERSION,
        "coder": {
            "artifact": ARTIFACT.name,
            "artifact_sha256": sha256_file(ARTIFACT),
            "training_data_sha256": load_coder().training_data_sha256,
        },
        "dbt_core": version("dbt-core"),
        "duckdb": version("duckdb"),
    }


def add_command(commands: argparse._SubParsersAction) -> None:
    release = commands.add_parser(
        "release",
        help="write an immutable, citable release of the published warehouse, or verify one",
        description=(
            "Write RELEASES/scr-warehouse-VERSION/: the DuckDB file, Parquet of every reporting "
            "table, the HTML report, the codebook and a manifest (version, date, inbox document "
            "hashes, extractor and coder versions, coder accuracy, SHA-256 of every file). An "
            "existing version is never overwritten. With --verify DIR, check a release byte for "
            "byte (exit 1 if anything changed)."
        ),
    )
    what = release.add_mutually_exclusive_group(required=True)
    what.add_argument("--version", help="the release's version, e.g. 2026.1")
    what.add_argument("--verify", metavar="DIR", help="verify the release in DIR")
    release.add_argument(
        "--out", default="releases", help="folder that holds the releases (default: releases/)"
    )
    release.add_argument(
        "--warehouse", help="warehouse folder (default: $SCR_WAREHOUSE_DIR, else warehouse/data)"
    )
    release.set_defaults(handler=_release)


def _release(args: argparse.Namespace) -> int:
    from warehouse.release import make_release, verify_release

    if args.verify:
        problems = verify_release(Path(args.verify))
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise ReleaseInvalid(f"{args.verify} fails verification: {problems[0]}{more}")
        print(f"verified: {args.verify}")
        return 0
    from orchestration.cli import _published, _writable_target

    published = _published(args.warehouse)
    _writable_target(Path(args.out), "release")
    folder = make_release(published, Path(args.out), args.version, provenance())
    print(f"released: {folder}")
    return 0
