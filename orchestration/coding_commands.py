"""`scr coding train` and `scr coding sample`: the researcher's side of the learned coder."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ingestion.errors import NoPublishedWarehouse, UsageError
from orchestration.settings import DEFAULT_MANUAL_CODES_DIR, PROJECT_ROOT, resolve_settings


def realdocs_dir() -> Path:
    """The shared real documents: beside the checkout (as CI lays it out), else /work/shared."""
    for candidate in (PROJECT_ROOT.parent / "shared", Path("/work/shared")):
        if (candidate / "realdocs").is_dir():
            return candidate / "realdocs"
    raise UsageError(
        "the real documents are not beside the checkout (../shared/realdocs): give --realdocs"
    )


def add_commands(commands: argparse._SubParsersAction) -> None:
    coding = commands.add_parser(
        "coding",
        help="train the learned coder, or sample recommendations to code by hand",
        description="The learned coder: rebuild it from the labelled set, or pick what to code.",
    )
    actions = coding.add_subparsers(dest="coding_command", metavar="ACTION", required=True)
    train = actions.add_parser(
        "train",
        help="rebuild the coder's artifact from the real labelled set",
        description=(
            "Train the learned coder on the settled real labels (corpus/real/labels.csv, text read "
            "from the real documents), the seeds' examples and the generator's phrasings, with "
            "per-theme thresholds from grouped cross-validation, and write the committed artifact "
            "ingestion/coding/artifacts/coder.json.gz. Same inputs, same bytes. A normal run never "
            "trains."
        ),
    )
    train.add_argument("--realdocs", type=Path, help="folder of the real documents")
    train.add_argument(
        "--with-manual-codes",
        action="store_true",
        help="also learn from the manual codes in the published warehouse",
    )
    train.add_argument("--warehouse", help="warehouse folder (for --with-manual-codes)")
    train.add_argument("--out", type=Path, help="write the artifact here instead")
    train.set_defaults(handler=_train)

    sample = actions.add_parser(
        "sample",
        help="write the recommendations the model is least sure of, ready to code",
        description=(
            "Pick, from the published warehouse, the N recommendations the learned coder is least "
            "sure of (stratified over themes) and write a CSV with an empty code cell per code "
            "type beside the machine's codes. Fill `code` and `coder`: the next run reads it as "
            "manual codes."
        ),
    )
    sample.add_argument("--n", type=int, default=50, help="how many recommendations (default 50)")
    sample.add_argument("--warehouse", help="warehouse folder (default: $SCR_WAREHOUSE_DIR)")
    sample.add_argument(
        "--out", type=Path, help="the CSV (default: manual_codes/sample-YYYY-MM-DD.csv)"
    )
    sample.set_defaults(handler=_sample)


def _published(warehouse: str | None) -> Path:
    published = resolve_settings(warehouse_dir=warehouse).paths.published
    if not published.exists():
        raise NoPublishedWarehouse(f"no published warehouse at {published}: run `scr run` first")
    return published


def _train(args: argparse.Namespace) -> int:
    from ingestion.coding.model import ARTIFACT
    from orchestration.coder_training import train_coder

    manual = _published(args.warehouse) if args.with_manual_codes else None
    train_coder(args.realdocs or realdocs_dir(), args.out or ARTIFACT, manual)
    return 0


def _sample(args: argparse.Namespace) -> int:
    from orchestration.coding_sample import write_sample

    if args.n < 1:
        raise UsageError(f"--n must be 1 or more, not {args.n}")
    out = args.out or DEFAULT_MANUAL_CODES_DIR / f"sample-{date.today().isoformat()}.csv"
    if out.exists():
        raise UsageError(f"{out} exists: code it, move it, or give --out")
    count = write_sample(_published(args.warehouse), out, args.n)
    print(f"written: {out} ({count} recommendations, 3 rows each: fill `code` and `coder`)")
    return 0
