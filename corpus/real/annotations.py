"""The blind annotators' raw codings (`annotations/<batch>__<annotator>.csv`) and the settled
labels (`labels.csv`), read and checked against the codebook."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANNOTATIONS_DIR = HERE / "annotations"
LABELS_PATH = HERE / "labels.csv"


@dataclass(frozen=True)
class Coding:
    """One reader's codes for one item."""

    item_id: str
    agency: str
    themes: frozenset[str]
    layer: str


def parse_themes(cell: str) -> frozenset[str]:
    return frozenset(code.strip() for code in cell.split(";") if code.strip())


def read_codings(path: Path) -> dict[str, Coding]:
    """item id -> coding, from one annotator's (or the settled labels') CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["item_id"]: Coding(
                row["item_id"],
                row["agency_code"].strip(),
                parse_themes(row["theme_codes"]),
                row["layer_code"].strip(),
            )
            for row in csv.DictReader(handle)
        }


def annotator_pairs(directory: Path = ANNOTATIONS_DIR) -> list[tuple[str, dict, dict]]:
    """(batch, first annotator's codings, second's) for every batch coded twice."""
    by_batch: dict[str, list[Path]] = {}
    for path in sorted(directory.glob("*__*.csv")):
        by_batch.setdefault(path.stem.split("__")[0], []).append(path)
    return [
        (batch, read_codings(paths[0]), read_codings(paths[1]))
        for batch, paths in sorted(by_batch.items())
        if len(paths) >= 2
    ]


def read_labels(path: Path = LABELS_PATH) -> dict[str, Coding]:
    """The settled labels: agreed codes, and the third reading where the two differed."""
    return read_codings(path)
