"""`scr`: the command line of scr-warehouse.

Exit status of `scr run`: 0 the build was checked and published (quarantined files, if any, are
listed); 1 nothing was published (a blocking check failed, another run holds the warehouse, or an
internal error), or a step after publishing (the HTML report) failed; 2 usage error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from orchestration.inspect_commands import add_commands as add_inspect_commands

EXIT_PUBLISHED = 0
EXIT_NOT_PUBLISHED = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scr",
        description=(
            "scr-warehouse: turn serious case review reports (PDF, DOCX, HTML, text) into a "
            "checked DuckDB warehouse of their recommendations, after DFE-RR157."
        ),
        epilog="Run `scr COMMAND --help` for the options of a command.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = commands.add_parser(
        "run",
        help="run the whole pipeline on the inbox and publish the warehouse",
        description=(
            "Extract new or changed reports from the inbox into raw.*, check them with Great "
            "Expectations, build the dbt models and tests, and publish the build atomically to "
            "WAREHOUSE/scr.duckdb only if every blocking check passed. Unchanged reports are not "
            "extracted again. Exit status: 0 published, 1 not published, 2 usage error."
        ),
    )
    run.add_argument(
        "--inbox", help="folder of reports (default: $SCR_INBOX, else corpus/sample/reports)"
    )
    run.add_argument(
        "--warehouse",
        help="folder of the warehouse files (default: $SCR_WAREHOUSE_DIR, else warehouse/data)",
    )
    run.add_argument(
        "--workers",
        type=int,
        help="extraction processes (default: $SCR_WORKERS, else one per core)",
    )
    run.add_argument(
        "--max-file-bytes",
        type=int,
        help="files larger than this are quarantined unread (default: $SCR_MAX_FILE_BYTES, else 200 MB)",
    )
    run.add_argument(
        "--coding",
        help="folder of manual-code CSVs that override automatic codes "
        "(default: $SCR_CODING_DIR, else coding/)",
    )
    run.add_argument("--quiet", action="store_true", help="print the summary only")
    run.set_defaults(handler=_run)

    add_inspect_commands(commands)

    report = commands.add_parser(
        "report",
        help="write the study's tables and charts as one self-contained HTML page",
        description=(
            "Render the published warehouse as one HTML file (inline CSS and SVG, no network): "
            "sample characteristics, Table 1, Table 2, Table 3, recommendation counts by outcome, "
            "and charts. Opens the warehouse read-only."
        ),
    )
    report.add_argument(
        "--warehouse", help="warehouse folder (default: $SCR_WAREHOUSE_DIR, else warehouse/data)"
    )
    report.add_argument("--out", help="the HTML file (default: WAREHOUSE/report.html)")
    report.add_argument(
        "--suppress-below",
        type=int,
        metavar="K",
        help="show counts under K as '<K' (small-cell suppression for publication)",
    )
    report.set_defaults(handler=_report)

    export = commands.add_parser(
        "export",
        help="write every reporting table as CSV, Parquet or Excel",
        description=(
            "Export every reporting table: csv and parquet write one file per table; xlsx one "
            "workbook with a first sheet describing every column, then a sheet per table."
        ),
    )
    export.add_argument("--format", choices=["csv", "parquet", "xlsx"], required=True)
    export.add_argument("--out", required=True, help="folder to write into (created if missing)")
    export.add_argument(
        "--warehouse", help="warehouse folder (default: $SCR_WAREHOUSE_DIR, else warehouse/data)"
    )
    export.set_defaults(handler=_export)

    commands.add_parser(  # listed in --help; main() hands `scr corpus ...` to corpus.cli
        "corpus",
        help="generate a synthetic corpus of review reports with ground truth",
        description="Pass-through to the corpus generator: `scr corpus generate --help`.",
        add_help=False,
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["corpus"]:  # the generator has its own command line, --help included
        from corpus.cli import main as corpus_main

        return corpus_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.handler(args)


def _report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from orchestration.settings import resolve_settings
    from warehouse.html_report import write_report

    paths = resolve_settings(warehouse_dir=args.warehouse).paths
    out = Path(args.out) if args.out else paths.root / "report.html"
    try:
        written = write_report(paths.published, out, args.suppress_below)
    except ValueError as exc:
        print(f"scr report: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"written: {written}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from orchestration.settings import resolve_settings
    from warehouse.export import export_reporting

    paths = resolve_settings(warehouse_dir=args.warehouse).paths
    try:
        written = export_reporting(paths.published, Path(args.out), args.format)
    except ValueError as exc:
        print(f"scr export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"written: {len(written)} files in {args.out}")
    return 0


def _run(args: argparse.Namespace) -> int:
    _configure_terminal_logging(quiet=args.quiet)
    from orchestration.run import run_pipeline

    outcome = run_pipeline(
        inbox=args.inbox,
        warehouse_dir=args.warehouse,
        workers=args.workers,
        max_file_bytes=args.max_file_bytes,
        coding_dir=args.coding,
    )
    print(outcome.render())
    return EXIT_PUBLISHED if outcome.published and outcome.succeeded else EXIT_NOT_PUBLISHED


def _configure_terminal_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[scr %(asctime)s] %(message)s", "%H:%M:%S"))
    logger = logging.getLogger("scr")
    logger.handlers = [handler]
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    logger.propagate = False


if __name__ == "__main__":
    sys.exit(main())
