"""The issue's targets applied to one benchmark's results: the rows of the table."""

from __future__ import annotations

from benchmarks.report import FULL_RUN_REPORTS, GIB, Row, at_least, at_most

FLOOR_SHARE = 0.5  # our extraction >= 50% of raw pypdfium2 pages/s
PDFPLUMBER_TIMES = 10.0  # our extraction >= 10x pdfplumber
FULL_RUN_S = 150.0  # a full run of 2,000 reports <= 2.5 minutes (issue 12)
FULL_RUN_FLOOR_TIMES = 6.0  # ... and <= 6x the raw pypdfium2 floor on every PDF of the corpus
PEAK_RSS_GIB = 1.5
ONE_REPORT_S = 10.0  # one added or changed report, end to end, published (issue 12)
QUERY_MS = 50.0  # reporting queries, median


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def extraction_rows(x: dict) -> list[Row]:
    """Rows for the three extractions and the two ratios the issue sets targets on."""
    raw, plumber = x["raw_pdfium"], x["pdfplumber_sample"]
    ours_sample = x["ours_pdfplumber_sample"]
    one_pdf, two_pdf = x["ours"]["1"]["pdf"], x["ours"]["2"]["pdf"]
    one_all, two_all = x["ours"]["1"]["all"], x["ours"]["2"]["all"]
    sample_note = f"sample: {plumber['pages']} pages of {plumber['documents']} PDFs"
    ours_note = ""
    if x["ours_documents"] < x["corpus_documents"]:
        ours_note = f"first {x['ours_documents']} of {x['corpus_documents']} documents"
    raw_all = x["raw_pdfium_all_pdfs"]
    rows = [
        Row(
            "extract",
            f"raw pypdfium2 text, all {raw_all['pages']} PDF pages",
            raw_all["pages_per_s"],
            "pages/s",
        ),
        Row(
            "extract",
            f"raw pypdfium2 text, the {raw['pages']} PDF pages ours ran on",
            raw["pages_per_s"],
            "pages/s",
        ),
        Row(
            "extract",
            "pdfplumber extract_text",
            plumber["pages_per_s"],
            "pages/s",
            note=sample_note,
        ),
        Row("extract", "ours, PDFs, 1 worker", one_pdf["pages_per_s"], "pages/s", note=ours_note),
        Row("extract", "ours, PDFs, 2 workers", two_pdf["pages_per_s"], "pages/s", note=ours_note),
        Row(
            "extract",
            "ours, all formats, 1 worker",
            one_all["documents_per_s"],
            "docs/s",
            note=ours_note,
        ),
        Row(
            "extract",
            "ours, all formats, 2 workers",
            two_all["documents_per_s"],
            "docs/s",
            note=ours_note,
        ),
        Row(
            "extract",
            "ours, all formats, 1 worker",
            one_all["pages_per_s"],
            "pages/s",
            note=ours_note,
        ),
        Row(
            "extract",
            "ours, all formats, 2 workers",
            two_all["pages_per_s"],
            "pages/s",
            note=ours_note,
        ),
        at_least(
            "extract",
            "ours / raw pypdfium2, PDFs, 1 worker each",
            ratio(one_pdf["pages_per_s"], raw["pages_per_s"]),
            "x",
            FLOOR_SHARE,
        ),
        Row(
            "extract",
            "ours / raw pypdfium2, CPU time, 1 worker each",
            ratio(one_pdf["pages_per_cpu_s"] or 0, raw["pages_per_cpu_s"] or 0),
            "x",
            note="less sensitive to load",
        ),
        Row(
            "extract",
            "ours 2 workers / raw pypdfium2 1 process",
            ratio(two_pdf["pages_per_s"], raw["pages_per_s"]),
            "x",
        ),
        at_least(
            "extract",
            "ours / pdfplumber, same sample, 1 worker each",
            ratio(ours_sample["pages_per_s"], plumber["pages_per_s"]),
            "x",
            PDFPLUMBER_TIMES,
        ),
    ]
    return rows


def _run_note(run: dict) -> str:
    if run.get("timed_out"):
        return f"STOPPED after {run.get('timeout_s', 0):g} s, not published"
    if not run.get("published", True):
        return "FAILED, not published"
    return ""


def _stage_rows(label: str, run: dict) -> list[Row]:
    """Start-up and the stages from the run's events; when a run was stopped, what the
    process sampler saw instead (when dbt started)."""
    stages = run.get("stages_s", {})
    rows = []
    if "job_wall_s" in run:
        rows.append(
            Row(label, "  of which the job itself", run["job_wall_s"], "s"),
        )
        rows.append(
            Row(
                label,
                "start-up: interpreter, imports, definitions",
                run["process_wall_s"] - run["job_wall_s"],
                "s",
            )
        )
    if run.get("to_first_document_s") is not None:
        rows.append(
            Row(
                label,
                "from the command to the first document read",
                run["to_first_document_s"],
                "s",
            )
        )
    inner = run.get("inner_s", {})
    if "start_build" in inner:
        rows.append(Row(label, "  of which starting the build file", inner["start_build"], "s"))
    if "hash_inbox" in inner:
        rows.append(Row(label, "  of which hashing the inbox", inner["hash_inbox"], "s"))
    for stage, name in (
        ("extract_load", "extract + load (raw_tables step)"),
        ("checks", "Great Expectations checks"),
        ("dbt", "dbt build"),
        ("publish", "publish"),
        ("briefing_html", "HTML briefing"),
    ):
        if stage in stages:
            rows.append(Row(label, name, stages[stage], "s"))
    if "load_duckdb" in inner:
        rows.append(Row(label, "  of which loading into DuckDB", inner["load_duckdb"], "s"))
    seen = run.get("first_seen_s_by_role", {})
    if "dbt" not in stages and "dbt" in seen:
        rows.append(Row(label, "start until dbt started (process sampler)", seen["dbt"], "s"))
        rows.append(
            Row(label, "dbt, from its start to the end", run["process_wall_s"] - seen["dbt"], "s")
        )
    return rows


def pipeline_rows(p: dict, reports: int, floor_s: float | None = None) -> list[Row]:
    """`floor_s`: seconds of raw pypdfium2 text over every PDF of the corpus, from this run."""
    full = p["full"]
    full_wall = full["process_wall_s"]
    figure = f"wall, {reports} reports, end to end"
    if reports >= FULL_RUN_REPORTS:
        wall_row = at_most("full run", figure, full_wall, "s", FULL_RUN_S, _run_note(full))
    else:
        note = _run_note(full) or "target not applicable to this size"
        target = f"<= {FULL_RUN_S:g} s for {FULL_RUN_REPORTS}"
        wall_row = Row("full run", figure, full_wall, "s", target, None, note)
    rows = [wall_row]
    if floor_s:
        rows.append(
            at_most(
                "full run",
                "wall / raw pypdfium2 floor of every PDF (same benchmark)",
                ratio(full_wall, floor_s),
                "x",
                FULL_RUN_FLOOR_TIMES,
                note=f"floor {floor_s:.1f} s",
            )
        )
    rows += _stage_rows("full run", full)
    extract_s = full.get("stages_s", {}).get("extract_load")
    if extract_s:
        rows.append(
            Row(
                "full run",
                f"extract + load, every document, {full['workers']} workers",
                full["counts"].get("documents_new", 0) / extract_s,
                "docs/s",
            )
        )
    rows += [
        Row("full run", "CPU, all processes of the run", full["cpu_s"], "s"),
        Row(
            "full run",
            "CPU / wall (cores kept busy)",
            full["cpu_s"] / full_wall if full_wall else 0.0,
            "x",
        ),
        at_most(
            "full run",
            "peak RSS, sum over the process tree",
            full["peak_tree_rss_bytes"] / GIB,
            "GiB",
            PEAK_RSS_GIB,
            note="sampled every 0.1 s",
        ),
    ]
    for role, peak in sorted(full.get("peak_rss_bytes_by_role", {}).items()):
        rows.append(Row("full run", f"peak RSS of one '{role}' process", peak / GIB, "GiB"))
    for key, label in (("added", "one report added"), ("changed", "one text report changed")):
        run = p.get(key)
        if run is None:
            continue
        rows.append(
            at_most(
                label, "wall, end to end", run["process_wall_s"], "s", ONE_REPORT_S, _run_note(run)
            )
        )
        rows += _stage_rows(label, run)
    return rows


def query_rows(q: dict) -> list[Row]:
    rows = []
    for group, label in (("analyst", "analyst query"), ("select_star", "select *")):
        for name, figures in q[group].items():
            rows.append(
                at_most(
                    "queries",
                    f"{label}: {name} ({figures['rows']} rows)",
                    figures["median_ms"],
                    "ms",
                    QUERY_MS,
                    note=f"median of {figures['repeats']}",
                )
            )
    return rows


def corpus_rows(c: dict) -> list[Row]:
    formats = ", ".join(f"{k} {v['reports']}" for k, v in c["by_format"].items())
    return [
        Row("corpus", f"reports ({formats})", c["reports"], "reports"),
        Row("corpus", "PDF pages", c["pdf_pages"], "pages"),
        Row("corpus", "size", c["bytes"] / 1e6, "MB"),
    ]


def all_rows(results: dict) -> list[Row]:
    """The table's rows for whatever sections the results hold."""
    rows = corpus_rows(results["corpus"])
    if "extraction" in results:
        rows += extraction_rows(results["extraction"])
    if "full" in results.get("pipeline", {}):
        floor = results.get("extraction", {}).get("raw_pdfium_all_pdfs", {}).get("wall_s")
        rows += pipeline_rows(results["pipeline"], results["corpus"]["reports"], floor)
    if "queries" in results:
        rows += query_rows(results["queries"])
    return rows
