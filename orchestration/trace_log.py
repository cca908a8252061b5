"""Full error traces go to a log file under the warehouse folder, never to the terminal."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from orchestration.settings import DEFAULT_WAREHOUSE_DIR, WAREHOUSE_ENV


def log_dir(warehouse_dir: str | None = None) -> Path:
    """WAREHOUSE/logs, or a folder in the temporary directory when that cannot be written."""
    root = Path(warehouse_dir or os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE_DIR)
    for candidate in (root / "logs", Path(tempfile.gettempdir()) / "scr-logs"):
        try:
            candidate.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(candidate, os.W_OK):
            return candidate
    return Path(tempfile.gettempdir())


def write_trace(command: str, text: str, warehouse_dir: str | None = None) -> Path:
    """Write one command's traces to a new log file and return its path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = log_dir(warehouse_dir) / f"scr-{command}-{stamp}.log"
    path.write_text(text, encoding="utf-8")
    return path
