"""Command line: `scr corpus generate --reviews N --seed S --out DIR` (also `python -m corpus`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from corpus.generate import DEFAULT_SEED, generate_corpus


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="corpus",
        description=(
            "Generate a synthetic corpus of serious case review overview reports (PDF, DOCX, "
            "HTML, Markdown, text) with their ground truth (truth.jsonl). With --reviews 33 the "
            "corpus reproduces the published figures of DFE-RR157 exactly."
        ),
    )
    sub = p.add_subparsers(dest="command", required=True)
    g = sub.add_parser(
        "generate",
        help="write reports/ and truth.jsonl into a directory",
        description="Write OUT/reports/<file> for every review and OUT/truth.jsonl (one JSON "
        "object per review). The same --seed always gives byte-identical files.",
    )
    g.add_argument(
        "--reviews", type=int, default=33, help="number of reviews (default 33: the study's sample)"
    )
    g.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"random seed (default {DEFAULT_SEED}, the committed sample)",
    )
    g.add_argument(
        "--out",
        type=Path,
        required=True,
        help="output directory (created if missing; its reports/ is replaced)",
    )
    g.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes (default: 1 for small corpora, all CPUs for large)",
    )
    g.add_argument("--quiet", action="store_true", help="no progress output")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    args = _parser().parse_args(argv)
    if args.reviews < 1:
        print("error: --reviews must be at least 1", file=sys.stderr)
        return 2
    start = time.perf_counter()
    step = max(1, args.reviews // 20)

    def progress(done: int, total: int) -> None:
        if not args.quiet and total >= 100 and (done % step == 0 or done == total):
            rate = done / max(1e-9, time.perf_counter() - start)
            print(f"  {done}/{total} reviews ({rate:.1f}/s)", file=sys.stderr, flush=True)

    summary = generate_corpus(
        args.reviews, args.seed, args.out, workers=args.workers, progress=progress
    )
    took = time.perf_counter() - start
    if not args.quiet:
        fmts = ", ".join(f"{k} {v}" for k, v in summary["formats"].items())
        print(
            f"wrote {summary['reviews']} reviews ({fmts}), {summary['recommendations']} "
            f"recommendations, {summary['bytes'] / 1e6:.1f} MB to {args.out} in {took:.1f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
