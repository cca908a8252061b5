"""A researcher's codes, read from CSV files: they override automatic codes in the warehouse.

Format (one header row; extra columns are ignored): recommendation_id, code_type, code, coder.
A row naming an unknown code type or a code outside the codebook is left out with a message
naming the file and line, so one typo never holds back the rest of the coding or the run. A row
with an empty `code` is not coded yet (as in a `scr coding sample` file) and is skipped quietly;
several codes of one type may share a cell, separated by `;`.
"""

from __future__ import annotations

import csv
import io

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
