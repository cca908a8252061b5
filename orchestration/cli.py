"""`scr`: the command line of scr-warehouse.

Exit status of `scr run`: 0 the build was checked and published (quarantined files, if any, are
listed); 1 nothing was published (a blocking check failed, another run holds the warehouse, the
run would remove too much of the warehouse, or an internal error), or a step after publishing (the
HTML briefing) failed; 2 usage error (a bad setting: nothing was started or created).

Every expected failure is one line on stderr saying what to do; a full trace, when there is one,
goes to a log file under WAREHOUSE/logs/, named in that line.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from ingestion.errors import NoPublishedWarehouse, ScrError, UsageError
from orchestration.coding_commands import add_commands as add_coding_commands
from orchestration.inspect_commands import add_commands as add_inspect_commands
from orchestration.publication_commands import add_commands as add_publication_commands
from orchestration.settings import ALLOW_REMOVALS_ENV, MANUAL_CODES_ENV, MAX_REMOVAL_SHARE_ENV
from orchestration.trace_log import write_trace

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
        type=_positive(int),
        help="extraction processes, 1 or more (default: $SCR_WORKERS, else one per core)",
    )
    run.add_argument(
        "--max-file-bytes",
        type=_positive(int),
        help="files larger than this are quarantined unread (default: $SCR_MAX_FILE_BYTES, else 200 MB)",
    )
    run.add_argument(
        "--manual-codes",
        metavar="DIR",
        help="folder of manual-code CSVs that override automatic codes "
        f"(default: ${MANUAL_CODES_ENV}, else manual_codes/)",
    )
    # the option's name before the folder was renamed: still accepted, no longer listed
    run.add_argument("--coding", dest="manual_codes", help=argparse.SUPPRESS)
    run.add_argument(
        "--allow-removals",
        action="store_true",
        default=None,
        help="publish even when the run removes more than the allowed share of the published "
        f"documents, or all of them (an empty inbox); also ${ALLOW_REMOVALS_ENV}=1",
    )
    run.add_argument(
        "--max-removal-share",
        type=float,
        metavar="SHARE",
        help="the share of published documents (0-1) a run may remove without --allow-removals "
        f"(default: ${MAX_REMOVAL_SHARE_ENV}, else 0.5)",
    )
    run.add_argument("--quiet", action="store_true", help="print the summary only")
    run.set_defaults(handler=_run)

    add_inspect_commands(commands)
    add_coding_commands(commands)

    add_publication_commands(commands)

    commands.add_parser(  # listed in --help; main() hands `scr corpus ...` to corpus.cli
        "corpus",
        help="generate a synthetic corpus of review reports with ground truth",
        description="Pass-through to the corpus generator: `scr corpus generate --help`.",
        add_help=False,
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and not argv[0].startswith("-") else "scr"
    try:
        return _dispatch(argv)
    except ScrError as exc:
        print(f"scr {command}: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # `scr extract FILE | head`: the reader has all it wanted
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        print(f"scr {command}: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        if exc.filename is None:
            return _internal_error(command)
        print(f"scr {command}: cannot use {exc.filename}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    except Exception:
        return _internal_error(command)


def _dispatch(argv: list[str]) -> int:
    if argv[:1] == ["corpus"]:  # the generator has its own command line, --help included
        from corpus.cli import main as corpus_main

        return corpus_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.handler(args)


def _internal_error(command: str) -> int:
    log = write_trace(command, traceback.format_exc())
    error = sys.exc_info()[1]  # called from an `except` block: there is one
    print(
        f"scr {command}: internal error ({type(error).__name__}: {error}); the full trace is in "
        f"{log}. "
        "Please report it with that file.",
        file=sys.stderr,
    )
    return EXIT_NOT_PUBLISHED


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _positive(kind: Callable[[str], int]) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
        return value

    return parse


def _writable_target(path: Path, what: str) -> None:
    """The folder a file will go into must exist or be creatable, and be writable."""
    existing = path
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write the {what} to {path}: {existing} is not a writable folder")


def _published(warehouse: str | None) -> Path:
    from orchestration.settings import resolve_settings

    published = resolve_settings(warehouse_dir=warehouse).paths.published
    if not published.exists():
        raise NoPublishedWarehouse(
            f"no published warehouse at {published}: run `scr run` first (or give --warehouse)"
        )
    return published


def _run(args: argparse.Namespace) -> int:
    from orchestration.settings import check_inbox, check_warehouse_writable, resolve_settings
    from warehouse.build import ensure_unlocked

    # Every setting is checked before anything is created: a bad one is a usage error.
    settings = resolve_settings(
        args.inbox,
        args.warehouse,
        args.workers,
        args.max_file_bytes,
        args.manual_codes,
        args.max_removal_share,
        args.allow_removals,
    )
    check_inbox(settings)
    check_warehouse_writable(settings)
    ensure_unlocked(settings.paths)
    _configure_terminal_logging(quiet=args.quiet)
    from orchestration.run import run_with_settings

    outcome = run_with_settings(settings)
    print(outcome.render())
    if outcome.traces:
        log = write_trace("run", "\n\n".join(outcome.traces), str(settings.warehouse_dir))
        print(f"full traces: {log}")
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
