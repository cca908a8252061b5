"""Recommendation extraction on real documents against the hand-marked truth set.

`python -m benchmarks.realdocs [--out FILE] [--only SUBSTRING] [--cache DIR]`

Runs the whole extractor (`ingestion.extract.analyse_document`) on every PDF of the shared folder's
`realdocs/` that the truth set (`corpus/real/items/*.csv`) covers, pairs its items with the
hand-marked ones by the words they share (`ingestion.item_matching`), and prints one row per
document (expected and extracted counts, matched, missed, extra, document kind, seconds) and the
totals: the share of documents with the exact count, item precision and recall, document kinds
right, and the slowest extraction. Writes the same as JSON (default
`benchmarks/results/realdocs.json`). No text of a real document is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from corpus.real.items import ItemRow, read_items
from corpus.real.text import canonical_text, item_text, sha256_of
from ingestion.item_matching import match_document, pair_items
from orchestration.coding_commands import realdocs_dir

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "realdocs.json"

COUNT_EXACT_SHARE = 0.90
ITEM_PRECISION = 0.95
ITEM_RECALL = 0.95
MAX_SECONDS = 5.0
ADDRESSEE_SHARE = 0.95  # inspection lists: the council's or the Board's, as the readers marked
_SECTION_OF = {"local_authority": "agency", "lscb": "lscb"}

# The kind every real document is (decided by reading it; see corpus/real/items/RULES.md).
_KINDS_BY_NAME = {
    "PFD-report-example-A.pdf": "pfd_report",
    "UK-Covid-19-Inquiry-Module-1-Recomm.pdf": "inquiry",
    "PostOfficeHorizon-Inquiry-Vol1-Recomm.pdf": "inquiry",
    # A government-commissioned review of national data with recommendations to national bodies:
    # a national review, not a child safeguarding rapid review of one case.
    "DHSC-MH-inpatient-data-rapid-review-Report.pdf": "national_review",
}


def expected_kind(file_name: str) -> str:
    return _KINDS_BY_NAME.get(file_name, "inspection" if file_name.startswith("ofsted_") else "")


def find_pdf(folder: Path, file_name: str) -> Path:
    for candidate in (folder / file_name, folder / "ofsted" / file_name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{file_name} is not in {folder}")


@dataclass
class DocumentResult:
    file_name: str
    expected: int
    extracted: int
    matched: int
    expected_kind: str
    kind: str | None
    kind_evidence: str | None
    seconds: float
    status: str
    missed: list[dict] = field(default_factory=list)  # ordinal and label only: no text
    extra: list[dict] = field(default_factory=list)  # label and char span in normalised text
    addressees_checked: int = 0  # paired items whose marked addressee is the council or Board
    addressees_right: int = 0  # ... whose extracted section says the same

    @property
    def count_exact(self) -> bool:
        return self.expected == self.extracted

    @property
    def kind_right(self) -> bool:
        return self.kind == self.expected_kind


def _truth_texts(pdf: Path, rows: list[ItemRow], cache: Path | None) -> list[str]:
    text = None
    if cache is not None:
        cached = cache / f"{rows[0].document_sha256}.txt"
        if cached.is_file():
            text = cached.read_text(encoding="utf-8")
    if text is None:
        text = canonical_text(pdf)
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            (cache / f"{rows[0].document_sha256}.txt").write_text(text, encoding="utf-8")
    return [item_text(text, r.char_start, r.char_end) for r in rows]


def evaluate_document(pdf: Path, rows: list[ItemRow], cache: Path | None = None) -> DocumentResult:
    """Run the extractor on one PDF and compare its items with the hand-marked rows."""
    from ingestion.extract import analyse_document

    data = pdf.read_bytes()
    if rows and sha256_of(pdf) != rows[0].document_sha256:
        raise ValueError(f"{pdf.name}: the file is not the one that was marked (hash differs)")
    expected_texts = _truth_texts(pdf, rows, cache)
    started = time.perf_counter()
    extraction = analyse_document(data, pdf.name)
    seconds = time.perf_counter() - started
    spans = [r.span for r in extraction.recommendations]
    errors = [i for i in extraction.issues if i.severity == "error"]
    match = match_document([s.text for s in spans], expected_texts)
    checked = right = 0
    for i, j, _ in pair_items([s.text for s in spans], expected_texts):
        want = _SECTION_OF.get(rows[j].addressee)
        if want is not None:
            checked += 1
            right += spans[i].section == want
    return DocumentResult(
        file_name=pdf.name,
        expected=len(rows),
        extracted=len(spans),
        matched=match.matched,
        expected_kind=expected_kind(pdf.name),
        kind=getattr(extraction, "document_kind", None),
        kind_evidence=getattr(extraction, "kind_evidence", None),
        seconds=round(seconds, 3),
        status="quarantined" if errors else "ok",
        missed=[{"ordinal": rows[j].ordinal, "label": rows[j].label} for j in match.missed],
        extra=[
            {
                "label": spans[i].label,
                "char_start": spans[i].char_start,
                "char_end": spans[i].char_end,
            }  # fmt: skip
            for i in match.extra
        ],
        addressees_checked=checked,
        addressees_right=right,
    )


def run(only: str | None = None, cache: Path | None = None, say=print) -> dict:  # noqa: ANN001
    """Evaluate every marked document; returns the JSON-ready results."""
    folder = realdocs_dir()
    by_doc: dict[str, list[ItemRow]] = defaultdict(list)
    for row in read_items():
        by_doc[row.file_name].append(row)
    results = []
    for name in sorted(by_doc):
        if only and only not in name:
            continue
        res = evaluate_document(find_pdf(folder, name), by_doc[name], cache)
        results.append(res)
        say(_row(res))
    return summarise(results)


def summarise(results: list[DocumentResult]) -> dict:
    expected = sum(r.expected for r in results)
    extracted = sum(r.extracted for r in results)
    matched = sum(r.matched for r in results)
    slowest = max(results, key=lambda r: r.seconds) if results else None
    return {
        "documents": len(results),
        "count_exact": sum(r.count_exact for r in results),
        "count_exact_share": round(sum(r.count_exact for r in results) / len(results), 4)
        if results
        else 0.0,
        "items_expected": expected,
        "items_extracted": extracted,
        "items_matched": matched,
        "precision": round(matched / extracted, 4) if extracted else 0.0,
        "recall": round(matched / expected, 4) if expected else 0.0,
        "kinds_right": sum(r.kind_right for r in results),
        "kinds_wrong": [
            {"file": r.file_name, "kind": r.kind, "expected": r.expected_kind}
            for r in results
            if not r.kind_right
        ],
        "addressee_share": round(
            sum(r.addressees_right for r in results)
            / max(1, sum(r.addressees_checked for r in results)),
            4,
        ),
        "max_seconds": slowest.seconds if slowest else 0.0,
        "slowest": slowest.file_name if slowest else None,
        "thresholds": {
            "count_exact_share": COUNT_EXACT_SHARE,
            "precision": ITEM_PRECISION,
            "recall": ITEM_RECALL,
            "max_seconds": MAX_SECONDS,
        },
        "per_document": [
            {
                "file": r.file_name,
                "expected": r.expected,
                "extracted": r.extracted,
                "matched": r.matched,
                "count_exact": r.count_exact,
                "kind": r.kind,
                "expected_kind": r.expected_kind,
                "kind_evidence": r.kind_evidence,
                "status": r.status,
                "seconds": r.seconds,
                "missed": r.missed,
                "extra": r.extra,
            }
            for r in results
        ],
    }


def passes(summary: dict) -> list[str]:
    """The acceptance thresholds missed (empty when all are met)."""
    failed = []
    if summary["count_exact_share"] < COUNT_EXACT_SHARE:
        failed.append(
            f"count exact on {summary['count_exact_share']:.1%} < {COUNT_EXACT_SHARE:.0%}"
        )
    if summary["precision"] < ITEM_PRECISION:
        failed.append(f"item precision {summary['precision']:.3f} < {ITEM_PRECISION}")
    if summary["recall"] < ITEM_RECALL:
        failed.append(f"item recall {summary['recall']:.3f} < {ITEM_RECALL}")
    if summary["kinds_wrong"]:
        failed.append(f"{len(summary['kinds_wrong'])} document kinds wrong")
    if summary["addressee_share"] < ADDRESSEE_SHARE:
        failed.append(f"list addressee right on {summary['addressee_share']:.1%}")
    if summary["max_seconds"] > MAX_SECONDS:
        failed.append(f"{summary['slowest']} took {summary['max_seconds']} s > {MAX_SECONDS} s")
    return failed


def _row(r: DocumentResult) -> str:
    mark = "=" if r.count_exact else "≠"
    kind = r.kind if r.kind_right else f"{r.kind}!={r.expected_kind}"
    return (
        f"{r.file_name[:52]:52} {r.expected:4} {r.extracted:4} {mark} {r.matched:4} "
        f"{len(r.missed):4} {len(r.extra):4}  {kind:18} {r.seconds:6.2f}s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realdocs", description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", help="only the documents whose file name contains this")
    parser.add_argument("--cache", type=Path, help="keep canonical texts here between runs")
    args = parser.parse_args(argv)
    print(f"{'document':52} {'want':>4} {'got':>4}   {'ok':>4} {'miss':>4} {'xtra':>4}  kind")
    summary = run(args.only, args.cache)
    print(
        f"\n{summary['documents']} documents: count exact on {summary['count_exact']} "
        f"({summary['count_exact_share']:.1%}); items {summary['items_matched']} matched of "
        f"{summary['items_expected']} marked and {summary['items_extracted']} extracted: "
        f"precision {summary['precision']:.3f}, recall {summary['recall']:.3f}; kinds right "
        f"{summary['kinds_right']}/{summary['documents']}; inspection lists addressed as marked "
        f"{summary['addressee_share']:.1%}; slowest {summary['max_seconds']:.2f} s "
        f"({summary['slowest']})"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    failed = passes(summary)
    for reason in failed:
        print(f"MISSED: {reason}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
