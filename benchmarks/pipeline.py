"""Full and incremental pipeline runs, each in a fresh child process, measured from outside.

Wall time is the child's whole life (interpreter start, imports, the run), as a person typing
`scr run` waits for it; the child reports its own stage split. CPU is exact: this process adopts
the run's orphaned pool (see proctree.become_subreaper), so RUSAGE_CHILDREN holds every process of
the run. Peak memory is the largest sum of resident memory over the run's process tree, sampled.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.proctree import TreeSampler, become_subreaper, direct_children, reap_adopted
from warehouse.paths import WarehousePaths

PROJECT_ROOT = Path(__file__).resolve().parents[1]
APPENDED_LINE = "\nA line appended by the benchmark, so that this report changes.\n"


class RunFailed(RuntimeError):
    """The pipeline run did not publish (or was stopped); `figures` holds what was measured."""

    def __init__(self, message: str, figures: dict[str, object]) -> None:
        super().__init__(message)
        self.figures = figures


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def _stop_group(child: subprocess.Popen) -> None:
    """Stop a run that took too long: its whole process group (it was started in its own)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(child.pid, sig)
        except ProcessLookupError:
            return
        try:
            child.wait(timeout=20)
            return
        except subprocess.TimeoutExpired:
            continue


def timed_run(
    inbox: Path, warehouse: Path, workers: int, log: Path, timeout_s: float | None = None
) -> dict[str, object]:
    """Run the pipeline once in a child process; its figures, stage split included.

    A run still going after `timeout_s` is stopped (its process group) and reported with what
    the sampler saw: wall time, CPU, peak memory and when dbt started.
    """
    become_subreaper()
    known = direct_children()
    out = log.with_suffix(".json")
    out.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [
        sys.executable,
        "-m",
        "benchmarks.pipeline_run",
        f"--inbox={inbox}",
        f"--warehouse={warehouse}",
        f"--workers={workers}",
        f"--out={out}",
    ]
    timed_out = False
    started_epoch = time.time()
    start = time.perf_counter()
    with log.open("w") as handle:
        child = subprocess.Popen(
            command, cwd=PROJECT_ROOT, stdout=handle, stderr=handle, start_new_session=True
        )
        sampler = TreeSampler(child.pid).start()
        try:
            returncode = child.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            timed_out = True
            _stop_group(child)
            returncode = child.returncode
    wall = time.perf_counter() - start
    sampler.stop()
    reaped = reap_adopted(known)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures: dict[str, object] = {"published": False, "stages_s": {}, "counts": {}}
    if out.is_file():
        figures.update(json.loads(out.read_text()))
    first = figures.get("first_extract_epoch")
    figures.update(
        {
            "process_wall_s": wall,
            "to_first_document_s": first - started_epoch if isinstance(first, float) else None,
            "timed_out": timed_out,
            "timeout_s": timeout_s,
            "returncode": returncode,
            "cpu_s": _cpu(after) - _cpu(before),
            "cpu_sampled_s": sampler.cpu_seconds,
            "peak_tree_rss_bytes": sampler.peak_rss_bytes,
            "peak_processes": sampler.peak_processes,
            "peak_rss_bytes_by_role": sampler.peak_rss_by_role,
            "first_seen_s_by_role": sampler.first_seen_s,
            "max_process_rss_kib": max(sampler.peak_rss_by_role.values(), default=0) // 1024,
            "adopted_reaped": reaped,
            "rss_samples": sampler.samples,
        }
    )
    if not figures["published"]:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
        why = f"stopped after {timeout_s:g} s" if timed_out else f"exit {returncode}"
        raise RunFailed(f"pipeline run did not publish ({why}); log {log}:\n{tail}", figures)
    return figures


def changeable_text_report(inbox: Path) -> Path:
    """The first plain-text (else Markdown) report of the inbox: the one the benchmark edits."""
    for suffix in (".txt", ".md"):
        found = sorted(inbox.glob(f"*{suffix}"))
        if found:
            return found[0]
    raise FileNotFoundError(f"no .txt or .md report in {inbox} to change")


def full_run(
    reports: list[Path], work: Path, workers: int, timeout_s: float | None = None
) -> dict[str, object]:
    """A full run from an empty warehouse over a fresh copy of `reports` in work/inbox."""
    inbox = work / "inbox"
    warehouse = work / "warehouse"
    for folder in (inbox, warehouse):
        if folder.exists():
            shutil.rmtree(folder)
    inbox.mkdir(parents=True)
    for report in reports:
        shutil.copy2(report, inbox / report.name)
    return timed_run(inbox, warehouse, workers, work / "run-full.log", timeout_s)


def published_path(work: Path) -> Path:
    """The published warehouse of the benchmark's runs."""
    return WarehousePaths(work / "warehouse").published


def incremental_runs(
    work: Path, extra_report: Path, workers: int, timeout_s: float | None = None
) -> dict[str, object]:
    """After the full run: add one report, run; append a line to a text report, run."""
    inbox = work / "inbox"
    warehouse = work / "warehouse"
    added_name = f"zz_added_{extra_report.name}"
    shutil.copy2(extra_report, inbox / added_name)
    try:
        added = timed_run(inbox, warehouse, workers, work / "run-added.log", timeout_s)
    except RunFailed as exc:
        raise RunFailed(str(exc), {"added": {**exc.figures, "file": added_name}}) from exc
    added["file"] = added_name
    changed_path = changeable_text_report(inbox)
    with changed_path.open("a", encoding="utf-8") as handle:
        handle.write(APPENDED_LINE)
    try:
        changed = timed_run(inbox, warehouse, workers, work / "run-changed.log", timeout_s)
    except RunFailed as exc:
        figures = {**exc.figures, "file": changed_path.name}
        raise RunFailed(str(exc), {"added": added, "changed": figures}) from exc
    changed["file"] = changed_path.name
    return {"added": added, "changed": changed}
