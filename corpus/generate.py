"""Generate a corpus: report files under `out_dir/reports/` and one truth line per review in
`out_dir/truth.jsonl`.

Deterministic: each review depends only on (seed, index, total), so the same arguments give
byte-identical files whatever the number of worker processes. Memory does not grow with the
number of reviews: documents are written as soon as they are rendered and the truth is streamed.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from corpus.calibration import SAMPLE_SEED, plan_for
from corpus.compose import compose
from corpus.model import Document

DEFAULT_SEED = SAMPLE_SEED
SAMPLE_DIR = Path(__file__).resolve().parent / "sample"


def render(doc: Document, fmt: str, variant: int) -> bytes:
    """The bytes of one document in its format."""
    if fmt == "pdf":
        from corpus.render_pdf import render_pdf

        return render_pdf(doc, variant)
    if fmt == "docx":
        from corpus.render_docx import render_docx

        return render_docx(doc)
    if fmt == "html":
        from corpus.render_html import render_html

        return render_html(doc)
    from corpus.render_text import render_markdown, render_text

    return render_markdown(doc) if fmt == "md" else render_text(doc)


def build_review(index: int, total: int, seed: int) -> tuple[dict[str, object], bytes]:
    """Truth and file bytes of review `index` of a corpus of `total`."""
    plan = plan_for(index, total, seed)
    doc, truth = compose(plan)
    data = render(doc, plan.fmt, plan.seed % 6)
    return truth, data


def _work(args: tuple[int, int, int, str]) -> tuple[str, int, dict[str, object]]:
    index, total, seed, out = args
    truth, data = build_review(index, total, seed)
    path = Path(out) / "reports" / str(truth["file"])
    path.write_bytes(data)
    return str(truth["file"]), len(data), truth


def _results(
    reviews: int, seed: int, out_dir: Path, workers: int
) -> Iterator[tuple[str, int, dict[str, object]]]:
    jobs = ((i, reviews, seed, str(out_dir)) for i in range(reviews))
    if workers <= 1:
        yield from map(_work, jobs)
        return
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    with ctx.Pool(workers) as pool:
        yield from pool.imap(_work, jobs, chunksize=4)


def generate_corpus(
    reviews: int,
    seed: int,
    out_dir: Path,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Write `reviews` reports and their truth under `out_dir`; return a short summary.

    With reviews=33 the corpus reproduces DFE-RR157's figures exactly (see calibration.py).
    `workers` defaults to 1 for small corpora and to the CPU count for large ones.
    """
    if reviews < 1:
        raise ValueError("reviews must be at least 1")
    out_dir = Path(out_dir)
    reports = out_dir / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    for old in reports.iterdir():  # a regenerated corpus must not keep stale files
        if old.is_file():
            old.unlink()
    if workers is None:
        workers = 1 if reviews < 16 else max(1, os.cpu_count() or 1)
    formats: Counter[str] = Counter()
    total_bytes = 0
    recommendations = 0
    with (out_dir / "truth.jsonl").open("w", encoding="utf-8", newline="\n") as fh:
        for n, (name, size, truth) in enumerate(_results(reviews, seed, out_dir, workers), 1):
            fh.write(json.dumps(truth, sort_keys=True, ensure_ascii=False) + "\n")
            formats[name.rsplit(".", 1)[-1]] += 1
            total_bytes += size
            recommendations += len(truth["recommendations"])  # type: ignore[arg-type]
            if progress:
                progress(n, reviews)
    return {
        "reviews": reviews,
        "seed": seed,
        "out_dir": str(out_dir),
        "formats": dict(sorted(formats.items())),
        "bytes": total_bytes,
        "recommendations": recommendations,
    }


def regenerate_sample() -> dict:
    """Rebuild the committed default corpus (33 reviews, fixed seed)."""
    return generate_corpus(33, DEFAULT_SEED, SAMPLE_DIR)
