"""Extraction speed: the pypdfium2 floor, a pdfplumber baseline, and our extraction.

Every figure is measured in this process run, on the same files, so the ratios compare like with
like. Wall time is what a person waits for; CPU time (this process only) is also kept because it
moves much less when other work shares the machine.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import polars as pl


@dataclass(frozen=True)
class Throughput:
    """Work done over the time it took."""

    documents: int
    pages: int
    wall_s: float
    cpu_s: float | None = None  # this process's CPU (None when the work ran in other processes)

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.wall_s if self.wall_s > 0 else 0.0

    @property
    def documents_per_s(self) -> float:
        return self.documents / self.wall_s if self.wall_s > 0 else 0.0

    @property
    def pages_per_cpu_s(self) -> float | None:
        return self.pages / self.cpu_s if self.cpu_s else None

    def as_dict(self) -> dict[str, object]:
        return {
            **asdict(self),
            "pages_per_s": self.pages_per_s,
            "documents_per_s": self.documents_per_s,
            "pages_per_cpu_s": self.pages_per_cpu_s,
        }


def _measure(work: Callable[[], tuple[int, int]]) -> Throughput:
    """Run `work` (returning documents, pages) once and time it."""
    wall, cpu = time.perf_counter(), time.process_time()
    documents, pages = work()
    return Throughput(documents, pages, time.perf_counter() - wall, time.process_time() - cpu)


def raw_pdfium(pdfs: list[bytes]) -> Throughput:
    """Bare pypdfium2 text of every page: the floor no pipeline built on it can beat."""
    import pypdfium2 as pdfium

    def work() -> tuple[int, int]:
        pages = 0
        for data in pdfs:
            pdf = pdfium.PdfDocument(data)
            try:
                for i in range(len(pdf)):
                    page = pdf.get_page(i)
                    textpage = page.get_textpage()
                    textpage.get_text_range()
                    textpage.close()
                    page.close()
                    pages += 1
            finally:
                pdf.close()
        return len(pdfs), pages

    return _measure(work)


def pdfplumber_text(pdfs: list[bytes]) -> Throughput:
    """What a typical Python project would write: pdfplumber's extract_text on every page."""
    import pdfplumber

    def work() -> tuple[int, int]:
        pages = 0
        for data in pdfs:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    pages += 1
        return len(pdfs), pages

    return _measure(work)


def pdf_sample(paths: list[Path], page_counts: dict[Path, int], pages: int) -> list[Path]:
    """The first PDFs (in name order) that together hold at least `pages` pages: a fixed sample."""
    chosen, total = [], 0
    for path in paths:
        if total >= pages:
            break
        chosen.append(path)
        total += page_counts[path]
    return chosen


def _pages_of(frames: dict[str, pl.DataFrame]) -> int:
    pages = frames["documents"]["pages"].drop_nulls()
    return int(pages.sum()) if len(pages) else 0


@dataclass(frozen=True)
class ExtractionTotals:
    """What our extraction produced (to check that the timed work was real work)."""

    documents: int
    pages: int
    quarantined: int
    recommendations: int


def ours(paths: Iterable[Path], workers: int) -> tuple[Throughput, ExtractionTotals]:
    """Our extraction of `paths` as the pipeline runs it (orchestration.extraction.extract_files).

    workers=1 runs in this process; more start a forkserver ProcessPoolExecutor, whose start-up
    (fresh interpreters importing the extractor) is part of the time, as it is in a run.
    """
    from orchestration.extraction import extract_files

    jobs = [(str(p), p.name, f"bench-{i}") for i, p in enumerate(paths)]
    totals = {"pages": 0, "quarantined": 0, "recommendations": 0}

    def work() -> tuple[int, int]:
        for frames in extract_files(jobs, workers, max_bytes=1 << 40):
            totals["pages"] += _pages_of(frames)
            totals["quarantined"] += int((frames["documents"]["status"] == "quarantined").sum())
            totals["recommendations"] += frames["recommendations"].height
        return len(jobs), totals["pages"]

    measured = _measure(work)
    if workers > 1:
        measured = Throughput(measured.documents, measured.pages, measured.wall_s, None)
    return measured, ExtractionTotals(len(jobs), **totals)


def ours_in_memory(pdfs: list[tuple[str, bytes]]) -> Throughput:
    """extract_document on bytes already in memory, in this process (the like of the baselines)."""
    from ingestion.extract import extract_document

    def work() -> tuple[int, int]:
        pages = 0
        for name, data in pdfs:
            pages += _pages_of(extract_document(data, name))
        return len(pdfs), pages

    return _measure(work)


def warm_up(sample_pdf: bytes | None, sample_name: str = "warm-up.pdf") -> None:
    """Import the libraries and load the codebook before any clock starts."""
    import pdfplumber  # noqa: F401
    import pypdfium2  # noqa: F401

    from ingestion.codebook import load_codebook
    from ingestion.extract import extract_document

    load_codebook()
    if sample_pdf is not None:
        extract_document(sample_pdf, sample_name)
