"""The allowed codes, read from the codebook seeds (the one source of truth for codes)."""

from __future__ import annotations

import csv
from pathlib import Path

from expectations.suites import AllowedCodes


def _column(path: Path, column: str) -> frozenset[str]:
    with path.open(newline="", encoding="utf-8") as handle:
        return frozenset(row[column] for row in csv.DictReader(handle))


def allowed_codes(seeds_dir: Path) -> AllowedCodes:
    """Codes of each type from the seed CSVs in `seeds_dir`."""
    return AllowedCodes(
        agencies=_column(seeds_dir / "codebook_agencies.csv", "agency_code"),
        themes=_column(seeds_dir / "codebook_themes.csv", "theme_code"),
        layers=_column(seeds_dir / "codebook_layers.csv", "layer_code"),
        case_themes=_column(seeds_dir / "codebook_case_themes.csv", "case_theme_code"),
    )
