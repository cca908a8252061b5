"""The commands that make publications from the published warehouse: `scr briefing` (also
`scr report`, its former name, kept for existing scripts), `scr export` and `scr release`.

The publication code lives in `publications/` and knows nothing of the extractor or of settings;
what it needs from them (the warehouse's path, a document's normalised text, the extractor's and
the coder's versions) is looked up here.
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
    from publications.qdpx import export_qdpx as write

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
    from publications.release import sha256_file

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


WAREHOUSE_HELP = "warehouse folder (default: $SCR_WAREHOUSE_DIR, else warehouse/data)"


def add_commands(commands: argparse._SubParsersAction) -> None:
    """`scr briefing` (and its unlisted alias `scr report`), `scr export` and `scr release`."""
    _add_briefing(commands, "briefing", listed=True)
    _add_briefing(commands, "report", listed=False)
    _add_export(commands)
    _add_release(commands)


def _add_briefing(commands: argparse._SubParsersAction, name: str, listed: bool) -> None:
    """The briefing's command; unlisted (no help line) for the alias, so --help shows one."""
    summary = "write the study's tables and charts as one self-contained HTML page"
    listing = {"help": summary} if listed else {}  # a parser without help is not listed
    briefing = commands.add_parser(
        name,
        **listing,  # type: ignore[arg-type]  # typeshed types each keyword, not a dict of them
        description=(
            "Render the published warehouse as one HTML file, the briefing (inline CSS and SVG, "
            "no network): sample characteristics, Table 1, Table 2, Table 3, recommendation "
            "counts by outcome, and charts. Opens the warehouse read-only."
            + ("" if listed else " `scr report` is the former name of `scr briefing`.")
        ),
    )
    briefing.add_argument("--warehouse", help=WAREHOUSE_HELP)
    briefing.add_argument("--out", help="the HTML file (default: WAREHOUSE/briefing.html)")
    briefing.add_argument(
        "--suppress-below",
        type=int,
        metavar="K",
        help="show counts under K as '<K' (small-cell suppression for publication)",
    )
    briefing.set_defaults(handler=_briefing)


def _add_export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export",
        help="write every reporting table as CSV, Parquet or Excel, or the coding as REFI-QDA",
        description=(
            "Export every reporting table: csv and parquet write one file per table; xlsx one "
            "workbook with a first sheet describing every column, then a sheet per table. qdpx "
            "writes scr-warehouse.qdpx, a REFI-QDA project (NVivo, MAXQDA, ATLAS.ti, QualCoder): "
            "the codebook as codes, each review's text as a source, each recommendation coded "
            "with its agency, themes and layer (its texts are read from the inbox)."
        ),
    )
    export.add_argument("--format", choices=["csv", "parquet", "xlsx", "qdpx"], required=True)
    export.add_argument("--out", required=True, help="folder to write into (created if missing)")
    export.add_argument("--warehouse", help=WAREHOUSE_HELP)
    export.add_argument(
        "--inbox",
        help="for qdpx: the inbox the warehouse was built from (default: $SCR_INBOX, else "
        "corpus/sample/reports)",
    )
    export.set_defaults(handler=_export)


def _briefing(args: argparse.Namespace) -> int:
    from orchestration.cli import _published, _writable_target
    from publications.briefing import BRIEFING_NAME, write_briefing

    published = _published(args.warehouse)
    out = Path(args.out) if args.out else published.parent / BRIEFING_NAME
    _writable_target(out.parent, "briefing")
    try:
        written = write_briefing(published, out, args.suppress_below)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    print(f"written: {written}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from orchestration.cli import _published, _writable_target
    from publications.export import export_reporting

    published = _published(args.warehouse)
    _writable_target(Path(args.out), "export")
    if args.format == "qdpx":
        written_file = export_qdpx(published, Path(args.out), args.inbox)
        print(f"written: {written_file}")
        return 0
    try:
        written = export_reporting(published, Path(args.out), args.format)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    print(f"written: {len(written)} files in {args.out}")
    return 0


def _add_release(commands: argparse._SubParsersAction) -> None:
    release = commands.add_parser(
        "release",
        help="write an immutable, citable release of the published warehouse, or verify one",
        description=(
            "Write RELEASES/scr-warehouse-VERSION/: the DuckDB file, Parquet of every reporting "
            "table, the HTML briefing, the codebook and a manifest (version, date, inbox document "
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
    release.add_argument("--warehouse", help=WAREHOUSE_HELP)
    release.set_defaults(handler=_release)


def _release(args: argparse.Namespace) -> int:
    from publications.release import make_release, verify_release

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
