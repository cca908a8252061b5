"""The benchmark harness: its pure parts, and `python -m benchmarks --quick` end to end.

The end-to-end test asserts that every section is there with real (positive, consistent)
figures. It asserts nothing about time: speed depends on the machine and on what else runs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.proctree import process_tree
from benchmarks.report import Row, at_least, at_most, render_table
from benchmarks.speed import Throughput, pdf_sample

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_throughput_rates():
    t = Throughput(documents=4, pages=100, wall_s=2.0, cpu_s=4.0)
    assert t.pages_per_s == 50.0
    assert t.documents_per_s == 2.0
    assert t.pages_per_cpu_s == 25.0
    assert Throughput(1, 1, 0.0).pages_per_s == 0.0
    assert Throughput(1, 1, 1.0, None).as_dict()["pages_per_cpu_s"] is None


def test_pdf_sample_is_the_first_pdfs_reaching_the_page_count():
    paths = [Path(f"{i}.pdf") for i in range(5)]
    counts = dict(zip(paths, [30, 40, 50, 60, 70], strict=True))
    assert pdf_sample(paths, counts, 60) == paths[:2]
    assert pdf_sample(paths, counts, 70) == paths[:2]
    assert pdf_sample(paths, counts, 71) == paths[:3]
    assert pdf_sample(paths, counts, 10_000) == paths


def test_targets_say_met_or_missed():
    assert at_least("s", "f", 0.6, "x", 0.5).met is True
    assert at_least("s", "f", 0.4, "x", 0.5).met is False
    assert at_most("s", "f", 20.0, "s", 20).met is True
    assert at_most("s", "f", 21.0, "s", 20).target == "<= 20 s"


def test_table_has_one_line_per_row_and_marks_misses():
    rows = [
        Row("extract", "raw", 640.123, "pages/s"),
        at_most("queries", "q", 75.0, "ms", 50),
        at_least("extract", "ratio", 0.06, "x", 0.5),
    ]
    lines = render_table(rows).splitlines()
    assert len(lines) == 2 + len(rows)
    assert lines[0].split() == ["stage", "figure", "value", "unit", "target", "met?"]
    assert lines[2].split()[-3:] == ["pages/s", "-", "-"]
    assert "640" in lines[2]
    assert lines[3].endswith("NO") and lines[4].endswith("NO")


def test_process_tree_sees_this_process():
    tree = process_tree(os.getpid())
    cpu, rss = tree[os.getpid()]
    assert rss > 1_000_000 and cpu >= 0.0


@pytest.mark.slow
@pytest.mark.timeout(2400)  # three pipeline runs (dbt each time) on a shared 2-core machine
def test_quick_benchmark_writes_every_section(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", f"--out={out}", f"--work={tmp_path / 'w'}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "stage" in done.stdout and "met?" in done.stdout
    r = json.loads(out.read_text())
    assert r["complete"] is True and r["errors"] == {}

    assert re.fullmatch(r"[0-9a-f]{40}", r["git"]["commit"])
    assert r["date"].startswith("20")
    assert r["machine"]["nproc"] >= 1 and r["machine"]["memory_bytes"] > 0
    assert all(len(v) == 3 for v in r["load_average"].values())

    c = r["corpus"]
    assert c["reports"] == r["settings"]["reviews"] == 50
    assert c["bytes"] > 0 and c["pdf_pages"] > 0
    assert sum(f["reports"] for f in c["by_format"].values()) == c["reports"]
    assert c["by_format"]["pdf"]["pages"] == c["pdf_pages"]

    x = r["extraction"]
    for key in ("raw_pdfium", "raw_pdfium_all_pdfs", "pdfplumber_sample", "ours_pdfplumber_sample"):
        assert x[key]["pages"] > 0 and x[key]["pages_per_s"] > 0, key
    assert x["raw_pdfium"]["pages"] == c["pdf_pages"]  # --quick times ours on every document
    for workers in ("1", "2"):
        for part in ("pdf", "all"):
            run = x["ours"][workers][part]
            assert run["pages_per_s"] > 0 and run["documents_per_s"] > 0, (workers, part)
        assert x["ours"][workers]["all"]["documents"] == c["reports"]
        assert x["ours"][workers]["pdf"]["pages"] == c["pdf_pages"]
    # 1 and 2 workers did the same work: same documents, same recommendations
    assert x["ours_totals"]["1"] == x["ours_totals"]["2"]
    assert x["ours_totals"]["1"]["pdf"]["recommendations"] > 0

    p = r["pipeline"]
    full, added, changed = p["full"], p["added"], p["changed"]
    for run in (full, added, changed):
        assert run["published"] and not run["errors"]
        assert run["process_wall_s"] >= run["job_wall_s"] > 0
        assert {"extract_load", "checks", "dbt", "publish"} <= set(run["stages_s"])
        assert all(v > 0 for v in run["stages_s"].values())
        assert run["cpu_s"] > 0 and run["peak_tree_rss_bytes"] > 0
    assert full["counts"]["documents_new"] == c["reports"]
    assert full["counts"]["recommendations"] > 0
    assert added["counts"]["documents_new"] == 1
    assert added["counts"]["documents_unchanged"] == c["reports"]
    assert changed["counts"]["documents_new"] == 1 and changed["counts"]["documents_removed"] == 1

    q = r["queries"]
    assert {"reviews", "recommendations", "theme_frequencies"} <= set(q["select_star"])
    assert set(q["analyst"]) == {
        "table1_totals_by_agency",
        "table2_reviews_by_theme",
        "table3_case_themes_reflected",
    }
    for group in q.values():
        for figures in group.values():
            assert figures["median_ms"] > 0 and figures["repeats"] == 20
    assert all(q["analyst"][name]["rows"] > 0 for name in q["analyst"])

    figures = r["figures"]
    assert figures and all(f["unit"] for f in figures)
    judged = [f for f in figures if f["target"]]
    assert len(judged) >= 6
    assert all(isinstance(f["met"], bool) for f in judged if "for 2000" not in f["target"])
