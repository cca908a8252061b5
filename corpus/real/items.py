"""The hand-marked recommendation items of real documents (`items/*.csv`), read and checked.

Each row names a document by SHA-256 and an item by character span into its canonical text
(`corpus.real.text`), with a hash of the item's folded text so that a span which no longer
points at the same words is caught.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ITEMS_DIR = Path(__file__).resolve().parent / "items"


@dataclass(frozen=True)
class ItemRow:
    document_sha256: str
    file_name: str
    ordinal: int
    char_start: int
    char_end: int
    label: str
    list_heading: str
    addressee: str
    text_hash: str

    @property
    def item_id(self) -> str:
        """Stable id of the item: the document's hash prefix and the item's ordinal."""
        return f"{self.document_sha256[:12]}-{self.ordinal:03d}"


def read_items(items_dir: Path = ITEMS_DIR) -> list[ItemRow]:
    """Every marked item (rows with ordinal 0 say a document has no list and are skipped)."""
    rows: list[ItemRow] = []
    for path in sorted(items_dir.glob("*.csv")):
        rows.extend(_read(path))
    return sorted(rows, key=lambda r: (r.file_name, r.ordinal))


def _read(path: Path) -> Iterator[ItemRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                ordinal = int(row["ordinal"])
                if ordinal == 0:
                    continue
                yield ItemRow(
                    document_sha256=row["document_sha256"],
                    file_name=row["file_name"],
                    ordinal=ordinal,
                    char_start=int(row["char_start"]),
                    char_end=int(row["char_end"]),
                    label=row["label"],
                    list_heading=row["list_heading"],
                    addressee=row["addressee"],
                    text_hash=row["text_hash"],
                )
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path.name} line {line}: {exc}") from exc


def documents_without_list(items_dir: Path = ITEMS_DIR) -> list[str]:
    """File names marked as having no recommendation list at all (ordinal 0)."""
    names: list[str] = []
    for path in sorted(items_dir.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            names.extend(r["file_name"] for r in csv.DictReader(handle) if r["ordinal"] == "0")
    return sorted(names)
