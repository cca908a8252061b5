"""Settle the labels: where the two blind annotators agree, their codes; where they differ, the
third reading's. Writes `labels.csv` deterministically: `python -m corpus.real.settle`."""

from __future__ import annotations

import csv
from pathlib import Path

from corpus.real.annotations import (
    ANNOTATIONS_DIR,
    LABELS_PATH,
    Coding,
    annotator_pairs,
    read_codings,
)

ADJUDICATIONS_DIR = Path(__file__).resolve().parent / "adjudications"


def settle(
    annotations_dir: Path = ANNOTATIONS_DIR, adjudications_dir: Path = ADJUDICATIONS_DIR
) -> dict[str, tuple[Coding, str]]:
    """item id -> (settled coding, 'agreed' or 'adjudicated')."""
    third: dict[str, Coding] = {}
    for path in sorted(adjudications_dir.glob("*.csv")):
        third.update(read_codings(path))
    settled: dict[str, tuple[Coding, str]] = {}
    for batch, first, second in annotator_pairs(annotations_dir):
        for item_id, coding in first.items():
            if coding == second[item_id]:
                settled[item_id] = (coding, "agreed")
            elif item_id in third:
                settled[item_id] = (third[item_id], "adjudicated")
            else:
                raise ValueError(f"{batch}: {item_id} has two codings and no third reading")
    return settled


def write_labels(settled: dict[str, tuple[Coding, str]], path: Path = LABELS_PATH) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["item_id", "agency_code", "theme_codes", "layer_code", "source"])
        for item_id in sorted(settled):
            coding, source = settled[item_id]
            themes = ";".join(sorted(coding.themes))
            writer.writerow([item_id, coding.agency, themes, coding.layer, source])


def main() -> int:
    settled = settle()
    write_labels(settled)
    agreed = sum(source == "agreed" for _, source in settled.values())
    print(f"{LABELS_PATH}: {len(settled)} items ({agreed} agreed, {len(settled) - agreed} settled)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
