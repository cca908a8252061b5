"""The benchmark's table (stage, figure, unit, target, met?) and its JSON, with the context
(machine, load, corpus, commit, date) without which a timing means nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

GIB = 1024**3
FULL_RUN_REPORTS = 2000  # the full-run target is stated for this corpus size


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure, its unit and, when the issue sets one, its target."""

    stage: str
    figure: str
    value: float | int | None
    unit: str
    target: str = ""
    met: bool | None = None  # None: no target for this figure, or it does not apply here
    note: str = ""


def at_least(stage: str, figure: str, value: float, unit: str, floor: float, note: str = "") -> Row:
    return Row(stage, figure, value, unit, f">= {floor:g} {unit}", value >= floor, note)


def at_most(
    stage: str, figure: str, value: float, unit: str, ceiling: float, note: str = ""
) -> Row:
    return Row(stage, figure, value, unit, f"<= {ceiling:g} {unit}", value <= ceiling, note)


def machine() -> dict[str, object]:
    """Processors, memory and software of this machine."""
    memory = cpu_model = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_bytes": memory,
        "memory_gib": round(memory / GIB, 2) if memory else None,
        "cpu_model": cpu_model,
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages (`uptime`): other work sharing the machine."""
    return [round(x, 2) for x in os.getloadavg()]


def git_commit(root: Path) -> dict[str, object]:
    """The commit measured, and whether the work tree had changes on top of it."""

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", *args], cwd=root, capture_output=True, text=True, check=True, timeout=30
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip()

    status = git("status", "--porcelain", "--untracked-files=no")
    return {
        "commit": git("rev-parse", "HEAD"),
        "dirty": bool(status) if status is not None else None,
    }


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _format_value(value: float | int | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}" if abs(value) >= 0.1 else f"{value:.3f}"


def render_table(rows: list[Row]) -> str:
    """A fixed-width table a person can read in a terminal."""
    header = ("stage", "figure", "value", "unit", "target", "met?")
    cells = [
        (
            r.stage,
            r.figure + (f" ({r.note})" if r.note else ""),
            _format_value(r.value),
            r.unit,
            r.target or "-",
            {True: "yes", False: "NO", None: "-"}[r.met],
        )
        for r in rows
    ]
    widths = [max(len(str(c[i])) for c in [header, *cells]) for i in range(len(header))]
    widths[1] = min(widths[1], 72)

    def line(cell: tuple[str, ...]) -> str:
        parts = []
        for i, text in enumerate(cell):
            text = str(text)
            if i == 1 and len(text) > widths[1]:
                text = text[: widths[1] - 1] + "~"
            parts.append(text.rjust(widths[i]) if i == 2 else text.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(c) for c in cells)])


def write_json(path: Path, document: dict[str, object], rows: list[Row]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {**document, "figures": [asdict(r) for r in rows]}
    path.write_text(json.dumps(payload, indent=2, sort_keys=False, default=str) + "\n")
