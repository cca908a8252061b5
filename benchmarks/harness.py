"""`python -m benchmarks`: generate (or reuse) a corpus, measure every stage, print and save.

Sections, in order: a full pipeline run from an empty warehouse, query latency on the published
file, two incremental runs (one report added, one changed), then the extraction (pypdfium2 floor,
pdfplumber baseline, ours with 1 and 2 workers). The load average is noted around each
section, because other work on the machine slows every figure down.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path

from benchmarks import corpus_cache, pipeline, queries, speed
from benchmarks.report import git_commit, load_average, machine, now_utc, render_table, write_json
from benchmarks.targets import all_rows

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = PROJECT_ROOT / "benchmarks" / "results" / "latest.json"
QUICK_REVIEWS = 50
QUICK_PLUMBER_PAGES = 30
SECTIONS = ("full_run", "queries", "incremental", "extraction")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure extraction, pipeline and query speed on a generated corpus.",
    )
    p.add_argument(
        "--reviews", type=int, default=None, help="corpus size (default 2000; 50 with --quick)"
    )
    p.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    p.add_argument("--quick", action="store_true", help="a small corpus: a minute or two")
    p.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"JSON results (default {DEFAULT_OUT})"
    )
    p.add_argument("--workers", type=int, default=2, help="pipeline extraction workers (default 2)")
    p.add_argument(
        "--plumber-pages",
        type=int,
        default=None,
        help="pages in pdfplumber's fixed sample (default 200; 30 with --quick)",
    )
    p.add_argument(
        "--extract-docs",
        type=int,
        default=None,
        help="documents our extraction is timed on, 1 and 2 workers (default 400, all with "
        "--quick; 0 = all); the full run extracts every one anyway",
    )
    p.add_argument("--query-repeats", type=int, default=20, help="runs per query (default 20)")
    p.add_argument(
        "--run-timeout",
        type=float,
        default=1800.0,
        help="stop a pipeline run after this many seconds and report what was measured "
        "(default 1800)",
    )
    p.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run (default all: {','.join(SECTIONS)}); queries "
        "and incremental need full_run",
    )
    p.add_argument(
        "--render", type=Path, default=None, help="only print the table of a results JSON"
    )
    p.add_argument(
        "--cache", type=Path, default=corpus_cache.CACHE_ROOT, help="corpus cache folder"
    )
    p.add_argument(
        "--work",
        type=Path,
        default=None,
        help="inbox and warehouse folder (default: a temporary one)",
    )
    return p


def _say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def extraction_section(
    files: list[Path], page_counts: dict[Path, int], plumber_pages: int, ours_docs: int
) -> dict:
    """Floor, baseline and ours, on this corpus, in this process (ours also with 2 workers).

    Ours runs on the first `ours_docs` documents by name (all when 0); the generator deals
    formats out by index, so the sample keeps the corpus's mix. The floor is measured on the
    same PDFs as ours for the ratio, and on every PDF of the corpus as a figure of its own.
    """
    ours_files = files[:ours_docs] if 0 < ours_docs < len(files) else files
    all_pdfs = [p for p in files if p.suffix.lower() == ".pdf"]
    pdfs = [p for p in ours_files if p.suffix.lower() == ".pdf"]
    others = [p for p in ours_files if p.suffix.lower() != ".pdf"]
    if not pdfs:
        raise SystemExit("the corpus has no PDF: nothing to compare with pypdfium2")
    data = {p: p.read_bytes() for p in all_pdfs}
    speed.warm_up(data[pdfs[0]], pdfs[0].name)
    _say(f"raw pypdfium2 over {len(all_pdfs)} PDFs")
    raw_all = speed.raw_pdfium([data[p] for p in all_pdfs])
    raw = raw_all if pdfs == all_pdfs else speed.raw_pdfium([data[p] for p in pdfs])
    sample = speed.pdf_sample(pdfs, page_counts, plumber_pages)
    _say(f"pdfplumber over a sample of {len(sample)} PDFs")
    plumber = speed.pdfplumber_text([data[p] for p in sample])
    ours_sample = speed.ours_in_memory([(p.name, data[p]) for p in sample])
    del data
    ours: dict[str, dict] = {}
    totals: dict[str, dict] = {}
    for workers in (1, 2):
        _say(f"our extraction, {workers} worker(s): {len(pdfs)} PDFs, then {len(others)} others")
        pdf_run, pdf_totals = speed.ours(pdfs, workers)
        other_run, other_totals = speed.ours(others, workers)
        both = speed.Throughput(
            pdf_run.documents + other_run.documents,
            pdf_run.pages + other_run.pages,
            pdf_run.wall_s + other_run.wall_s,
            None if pdf_run.cpu_s is None else pdf_run.cpu_s + (other_run.cpu_s or 0.0),
        )
        ours[str(workers)] = {
            "pdf": pdf_run.as_dict(),
            "other": other_run.as_dict(),
            "all": both.as_dict(),
        }
        totals[str(workers)] = {"pdf": vars(pdf_totals), "other": vars(other_totals)}
    return {
        "raw_pdfium_all_pdfs": raw_all.as_dict(),
        "raw_pdfium": raw.as_dict(),
        "pdfplumber_sample": plumber.as_dict(),
        "pdfplumber_sample_files": [p.name for p in sample],
        "ours_pdfplumber_sample": ours_sample.as_dict(),
        "ours_documents": len(ours_files),
        "corpus_documents": len(files),
        "ours": ours,
        "ours_totals": totals,
        "method": {
            "raw_pdfium": "pdf.get_page(i).get_textpage().get_text_range() on every page, "
            "bytes in memory, one process; 'raw_pdfium' on the PDFs ours ran on, "
            "'raw_pdfium_all_pdfs' on every PDF of the corpus",
            "pdfplumber": "page.extract_text() on every page of a fixed sample (first PDFs by "
            "name), bytes in memory, one process",
            "ours": "orchestration.extraction.extract_files (extract_document per file, files "
            "read from disk) on the first 'ours_documents' documents by name; 1 worker = in "
            "this process, 2 = forkserver ProcessPoolExecutor (pool start-up included); PDFs "
            "and other formats timed separately, 'all' = both",
        },
    }


def run(args: argparse.Namespace) -> dict:
    """Every section; returns the results document (without the table rows).

    Results are saved to `args.out` after each section (marked incomplete), and a section that
    fails is recorded under "errors" while the others still run: on a shared machine in a tree
    others are editing, one broken section must not cost the figures of the rest.
    """
    reviews = args.reviews or (QUICK_REVIEWS if args.quick else 2000)
    plumber_pages = args.plumber_pages or (QUICK_PLUMBER_PAGES if args.quick else 200)
    ours_docs = args.extract_docs if args.extract_docs is not None else (0 if args.quick else 400)
    wanted = {name.strip() for name in args.sections.split(",") if name.strip()}
    unknown = wanted - set(SECTIONS)
    if unknown:
        raise SystemExit(f"unknown section(s): {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    load: dict[str, list[float]] = {"start": load_average()}
    results: dict = {
        "complete": False,
        "date": now_utc(),
        "git": git_commit(PROJECT_ROOT),
        "machine": machine(),
        "load_average": load,
        "settings": {
            "quick": args.quick,
            "reviews": reviews,
            "seed": args.seed,
            "pipeline_workers": args.workers,
            "pdfplumber_sample_pages": plumber_pages,
            "extract_docs": ours_docs,
            "query_repeats": args.query_repeats,
            "run_timeout_s": args.run_timeout,
            "sections": [name for name in SECTIONS if name in wanted],
        },
        "errors": {},
    }

    folder = corpus_cache.ensure_corpus(reviews, args.seed, args.cache)
    extra = corpus_cache.ensure_extra_report(args.seed, args.cache)
    files = corpus_cache.report_files(folder / "reports")
    page_counts = {p: corpus_cache.pdf_page_count(p) for p in files if p.suffix.lower() == ".pdf"}
    results["corpus"] = corpus_cache.describe_corpus(
        folder / "reports", reviews, args.seed
    ).as_dict()
    _say(f"corpus {folder}: {len(files)} reports, {results['corpus']['pdf_pages']} PDF pages")

    def section(
        name: str,
        measure: Callable[[], Mapping[str, object]],
        store: Callable[[Mapping[str, object]], None],
    ) -> bool:
        try:
            store(measure())
        except pipeline.RunFailed as exc:  # what was measured of a failed run still counts
            store(exc.figures)
            results["errors"][name] = str(exc)
            _say(f"{name} FAILED: {exc}")
            return False
        except Exception:  # noqa: BLE001 - recorded, and the exit status says so
            results["errors"][name] = traceback.format_exc()
            _say(f"{name} FAILED:\n{traceback.format_exc()}")
            return False
        finally:
            load[f"after_{name}"] = load_average()
            write_json(args.out, results, [])
        return True

    runs: dict[str, object] = {}
    if "full_run" in wanted:
        results["pipeline"] = runs
        work = args.work or Path(tempfile.mkdtemp(prefix="scr-bench-"))
        work.mkdir(parents=True, exist_ok=True)
        try:
            _say(f"full pipeline run, {len(files)} reports, {args.workers} workers (in {work})")
            if section(
                "full_run",
                lambda: pipeline.full_run(files, work, args.workers, args.run_timeout),
                lambda v: runs.__setitem__("full", v),
            ):
                if "queries" in wanted:
                    _say("query latency on the published warehouse")
                    section(
                        "queries",
                        lambda: queries.query_benchmark(
                            pipeline.published_path(work), args.query_repeats
                        ),
                        lambda v: results.__setitem__("queries", v),
                    )
                if "incremental" in wanted:
                    _say("incremental runs: one report added, then one changed")
                    section(
                        "incremental",
                        lambda: pipeline.incremental_runs(
                            work, extra, args.workers, args.run_timeout
                        ),
                        runs.update,
                    )
        finally:
            if args.work is None:
                shutil.rmtree(work, ignore_errors=True)
    if "extraction" in wanted:
        section(
            "extraction",
            lambda: extraction_section(files, page_counts, plumber_pages, ours_docs),
            lambda v: results.__setitem__("extraction", v),
        )
    results["benchmark_wall_s"] = time.perf_counter() - started
    results["complete"] = not results["errors"]
    return results


def show(results: dict, out: Path | None) -> int:
    """Print the table for `results` and, when `out` is given, save results and rows there."""
    rows = all_rows(results)
    print(render_table(rows))
    m, load = results["machine"], results["load_average"]
    print(
        f"\nmachine: {m['nproc']} CPUs, {m['memory_gib']} GiB; load average (1 min) "
        + ", ".join(f"{k} {v[0]}" for k, v in load.items())
        + f"; commit {results['git']['commit']}{' (dirty)' if results['git']['dirty'] else ''}"
    )
    if out is not None:
        write_json(out, results, rows)
        print(f"results: {out}")
    missed = [r for r in rows if r.met is False]
    if missed:
        print(f"{len(missed)} target(s) missed")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.render is not None:
        return show(json.loads(args.render.read_text()), None)
    results = run(args)
    status = show(results, args.out)
    if results["errors"]:
        print(f"sections that failed: {', '.join(results['errors'])} (see 'errors' in {args.out})")
        return 1
    return status
