"""A researcher's codes, read from CSV files: they override automatic codes in the warehouse.

Format (one header row; extra columns are ignored): recommendation_id, code_type, code, coder.
A row naming an unknown code type or a code outside the codebook is left out with a message
naming the file and line, so one typo never holds back the rest of the coding or the run. A row
with an empty `code` is not coded yet (as in a `scr coding sample` file) and is skipped quietly;
several codes of one type may share a cell, separated by `;`.

Parsing is pure (`parse_manual_codes`, `combine_manual_codes`); `read_manual_code_files` is the one
edge that touches the file system, walking the folder of manual codes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ingestion.codebook import Codebook

MANUAL_CODES_SCHEMA = {
    "recommendation_id": pl.String,
    "code_type": pl.String,
    "code": pl.String,
    "coder": pl.String,
    "source_file": pl.String,
}
REQUIRED = ("recommendation_id", "code_type", "code")


@dataclass(frozen=True)
class ManualCodeFile:
    """One CSV of the folder: its name and text, or why it could not be read."""

    name: str
    text: str | None
    error: str | None = None


@dataclass(frozen=True)
class ManualCodes:
    """Every usable manual code of a folder, and (file name, message) for what was left out."""

    codes: pl.DataFrame
    problems: list[tuple[str, str]]


def read_manual_code_files(folder: Path) -> list[ManualCodeFile]:
    """Every `*.csv` of `folder`, sorted by name (none when the folder does not exist)."""
    files = []
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        try:
            files.append(ManualCodeFile(path.name, path.read_text(encoding="utf-8-sig")))
        except (OSError, UnicodeDecodeError) as exc:
            files.append(ManualCodeFile(path.name, None, str(exc)))
    return files


def combine_manual_codes(files: Iterable[ManualCodeFile], codebook: Codebook) -> ManualCodes:
    """Parse every file; an unreadable one is left out with a message, the rest are used."""
    frames, problems = [], []
    for file in files:
        if file.text is None:
            problems.append(
                (file.name, f"{file.name}: cannot be read ({file.error}); file ignored")
            )
            continue
        frame, found = parse_manual_codes(file.text, file.name, codebook)
        frames.append(frame)
        problems.extend((file.name, message) for message in found)
    codes = pl.concat(frames) if frames else _frame([])
    return ManualCodes(codes, problems)


def parse_manual_codes(
    text: str, source: str, codebook: Codebook
) -> tuple[pl.DataFrame, list[str]]:
    """Valid rows as a frame, and a message for each row or file that could not be used."""
    allowed = {
        "agency": codebook.agency_codes,
        "theme": codebook.theme_codes,
        "layer": codebook.layer_codes,
    }
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        return _frame([]), [f"{source}: missing column(s) {', '.join(missing)}; file ignored"]
    reader.fieldnames = header
    rows, problems = [], []
    for line, row in enumerate(reader, start=2):
        rec_id = (row.get("recommendation_id") or "").strip()
        code_type = (row.get("code_type") or "").strip().lower()
        cell = (row.get("code") or "").strip().lower()
        if not cell:
            continue  # not coded yet
        for code in (c.strip() for c in cell.split(";") if c.strip()):
            problem = _problem(source, line, rec_id, code_type, code, allowed)
            if problem:
                problems.append(problem)
                continue
            coder = (row.get("coder") or "").strip() or None
            rows.append(
                {
                    "recommendation_id": rec_id,
                    "code_type": code_type,
                    "code": code,
                    "coder": coder,
                    "source_file": source,
                }
            )
    return _frame(rows), problems


def _problem(
    source: str, line: int, rec_id: str, code_type: str, code: str, allowed: dict
) -> str | None:
    if not rec_id:
        return f"{source} line {line}: no recommendation_id; row ignored"
    if code_type not in allowed:
        return (
            f"{source} line {line}: code_type {code_type!r} is not agency, theme or layer; "
            "row ignored"
        )
    if code not in allowed[code_type]:
        return (
            f"{source} line {line}: {code!r} is not a {code_type} code of the codebook "
            "(dbt_project/seeds); row ignored"
        )
    return None


def _frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=MANUAL_CODES_SCHEMA)
