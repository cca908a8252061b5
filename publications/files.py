"""Writing an output file so that a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Let `write` create a temporary file beside `target`, then rename it onto `target`.

    The temporary name does not exist when `write` is called (DuckDB's COPY, openpyxl and
    zipfile want to create the file themselves); on any failure it is removed.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    tmp = Path(name)
    try:
        tmp.unlink()
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def write_text_atomically(target: Path, text: str) -> Path:
    """A UTF-8 text file with Unix line ends, written atomically."""

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)

    return write_atomically(target, write)
