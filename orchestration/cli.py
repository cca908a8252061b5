"""`scr`: the command line of scr-warehouse.

Exit status of `scr run`: 0 the build was checked and published (quarantined files, if any, are
listed); 1 nothing was published (a blocking check failed, another run holds the warehouse, or an
internal error); 2 usage error.
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

    corpus = commands.add_parser(
        "corpus",
        help="generate a synthetic corpus of review reports with ground truth",
        description="Pass-through to the corpus generator: `scr corpus generate --help`.",
        add_help=False,
    )
    corpus.add_argument("args", nargs=argparse.REMAINDER)
    corpus.set_defaults(handler=_corpus)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.handler(args)


def _corpus(args: argparse.Namespace) -> int:
    from corpus.cli import main as corpus_main

    return corpus_main(list(args.args))


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
    return EXIT_PUBLISHED if outcome.published else EXIT_NOT_PUBLISHED


def _configure_terminal_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[scr %(asctime)s] %(message)s", "%H:%M:%S"))
    logger = logging.getLogger("scr")
    logger.handlers = [handler]
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    logger.propagate = False


if __name__ == "__main__":
    sys.exit(main())
