"""Write annotation batches (item id + text) to a scratch folder, for blind annotators.

`python -m corpus.real.batches --realdocs ../shared/realdocs --out /tmp/annot --size 260`
writes `batch_NN.jsonl` (items in a seeded random order, so no batch reads as one document) and
`CODEBOOK.md` (the codebook plus the seeds' descriptions, without the coder's patterns). The
scratch folder holds third-party text and is never committed.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

from corpus.real.items import read_items
from corpus.real.text import canonical_text, item_text, text_hash

SEEDS = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds"


def real_document_paths(realdocs: Path) -> dict[str, Path]:
    """file name -> path, for every PDF under the shared real-documents folder."""
    return {p.name: p for p in sorted(realdocs.rglob("*.pdf"))}


def annotator_codebook(codebook_md: Path) -> str:
    """The codebook as annotators see it: the fixed codes plus each code's description."""
    parts = [codebook_md.read_text(encoding="utf-8"), "\n## Descriptions from the seeds\n"]
    for seed, key in (
        ("codebook_agencies.csv", "agency_code"),
        ("codebook_themes.csv", "theme_code"),
    ):
        parts.append(f"\n### {key}\n")
        with (SEEDS / seed).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                parts.append(f"- `{row[key]}`: {row['description']}")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realdocs", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--size", type=int, default=260)
    parser.add_argument("--files", nargs="*", help="only items of these file names")
    parser.add_argument("--prefix", default="batch")
    args = parser.parse_args(argv)
    paths = real_document_paths(args.realdocs)
    items = [r for r in read_items() if not args.files or r.file_name in args.files]
    texts: dict[str, str] = {}
    records = []
    for row in items:
        if row.file_name not in texts:
            texts[row.file_name] = canonical_text(paths[row.file_name])
        words = item_text(texts[row.file_name], row.char_start, row.char_end)
        if text_hash(words) != row.text_hash:
            raise SystemExit(f"{row.item_id} ({row.file_name}): span does not match its hash")
        records.append({"item_id": row.item_id, "text": words})
    random.Random(157).shuffle(records)
    args.out.mkdir(parents=True, exist_ok=True)
    for number, start in enumerate(range(0, len(records), args.size), start=1):
        target = args.out / f"{args.prefix}_{number:02d}.jsonl"
        with target.open("w", encoding="utf-8") as handle:
            for record in records[start : start + args.size]:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{target}: {len(records[start : start + args.size])} items")
    codebook = args.realdocs.parent / "reference" / "codebook.md"
    (args.out / "CODEBOOK.md").write_text(annotator_codebook(codebook), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
