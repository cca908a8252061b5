"""The benchmark corpus: generated once per (reviews, seed), then reused from benchmarks/cache/.

Generating 2,000 reports takes minutes, so the corpus is kept between runs. A marker file written
last says the generation finished; a folder without it (an interrupted run) is generated again.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

CACHE_ROOT = Path(__file__).resolve().parent / "cache"
MARKER = "complete.json"
EXTRA_REVIEWS = 4
EXTRA_SEED_OFFSET = 1000


@dataclass(frozen=True)
class CorpusInfo:
    """What was benchmarked: where, how many reports, pages and bytes, by format."""

    reports_dir: str
    reviews: int
    seed: int
    reports: int
    bytes: int
    pdf_pages: int
    by_format: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def corpus_dir(reviews: int, seed: int, root: Path = CACHE_ROOT) -> Path:
    return root / f"{reviews}-{seed}"


def ensure_corpus(reviews: int, seed: int, root: Path = CACHE_ROOT, quiet: bool = False) -> Path:
    """The cached corpus folder (with reports/ inside), generating it when it is not complete."""
    folder = corpus_dir(reviews, seed, root)
    if (folder / MARKER).is_file() and (folder / "reports").is_dir():
        return folder
    from corpus.generate import generate_corpus  # imported late: reuse needs none of it

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    if not quiet:
        print(
            f"generating a corpus of {reviews} reports (seed {seed}) into {folder} ...", flush=True
        )
    summary = generate_corpus(reviews, seed, folder)
    (folder / MARKER).write_text(json.dumps(summary, sort_keys=True, indent=2) + "\n")
    return folder


def report_files(reports_dir: Path) -> list[Path]:
    """Every report file, sorted by name (the order every benchmark uses)."""
    return sorted(p for p in reports_dir.iterdir() if p.is_file() and not p.name.startswith("."))


def pdf_page_count(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def describe_corpus(reports_dir: Path, reviews: int, seed: int) -> CorpusInfo:
    """Counts of the corpus: reports, bytes and PDF pages, by format (file extension)."""
    counts: Counter[str] = Counter()
    sizes: Counter[str] = Counter()
    pages: Counter[str] = Counter()
    for path in report_files(reports_dir):
        fmt = path.suffix.lstrip(".").lower() or "none"
        counts[fmt] += 1
        sizes[fmt] += path.stat().st_size
        if fmt == "pdf":
            pages[fmt] += pdf_page_count(path)
    by_format = {
        fmt: {"reports": counts[fmt], "bytes": sizes[fmt], "pages": pages[fmt]}
        for fmt in sorted(counts)
    }
    return CorpusInfo(
        reports_dir=str(reports_dir),
        reviews=reviews,
        seed=seed,
        reports=sum(counts.values()),
        bytes=sum(sizes.values()),
        pdf_pages=sum(pages.values()),
        by_format=by_format,
    )


def ensure_extra_report(seed: int, root: Path = CACHE_ROOT) -> Path:
    """One more report, from a small corpus of another seed: the report an incremental run adds.

    Its bytes differ from every report of the main corpus, so the pipeline sees a new document.
    A PDF is chosen when there is one (the commonest and slowest format).
    """
    folder = ensure_corpus(EXTRA_REVIEWS, seed + EXTRA_SEED_OFFSET, root / "extra", quiet=True)
    files = report_files(folder / "reports")
    pdfs = [p for p in files if p.suffix.lower() == ".pdf"]
    return (pdfs or files)[0]
