"""The texts the learned coder is trained on, with their labels and weights.

Real labelled items (weight 1) are read from `../shared/realdocs` through their spans; the
seeds' quoted examples and the sample generator's phrasings join at a low weight, so the model
learns the field's language from real text and keeps the generator's conventions only as a hint.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from corpus.real.annotations import LABELS_PATH, read_labels
from corpus.real.items import ITEMS_DIR, read_items
from corpus.real.text import canonical_text, item_text, sha256_of, text_hash

SEEDS = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds"
SEED_WEIGHT = 0.5
GENERATOR_WEIGHT = 0.1
GENERATOR_SEED = 11  # not the sample corpus's seed: the sample stays a test, not training data
GENERATOR_REVIEWS = 60


@dataclass(frozen=True)
class LabelledText:
    text: str
    themes: frozenset[str] | None
    agency: str | None
    layer: str | None
    group: str
    weight: float
    source: str


class LabelledSpanError(ValueError):
    """A label points at a document or span that is not there (or no longer holds its words)."""


def real_texts(
    realdocs: Path, items_dir: Path = ITEMS_DIR, labels_path: Path = LABELS_PATH
) -> list[LabelledText]:
    """Every settled label with its item's words, read from the real document."""
    labels = read_labels(labels_path)
    paths = {p.name: p for p in realdocs.rglob("*.pdf")}
    texts: dict[str, str] = {}
    found = []
    for item in read_items(items_dir):
        if item.item_id not in labels:
            raise LabelledSpanError(f"{item.item_id} ({item.file_name}) has no settled label")
        path = paths.get(item.file_name)
        if path is None:
            raise LabelledSpanError(f"{item.item_id}: {item.file_name} is not in {realdocs}")
        if item.file_name not in texts:
            if sha256_of(path) != item.document_sha256:
                raise LabelledSpanError(
                    f"{item.item_id}: {path} is not the document the label was made on"
                )
            texts[item.file_name] = canonical_text(path)
        words = item_text(texts[item.file_name], item.char_start, item.char_end)
        if text_hash(words) != item.text_hash:
            raise LabelledSpanError(
                f"{item.item_id}: span {item.char_start}-{item.char_end} of {item.file_name} "
                "no longer holds the marked words"
            )
        label = labels[item.item_id]
        found.append(
            LabelledText(
                words, label.themes, label.agency, label.layer, item.document_sha256, 1.0, "real"
            )
        )
    unknown = sorted(set(labels) - {item.item_id for item in read_items(items_dir)})
    if unknown:
        raise LabelledSpanError(f"labels for items that are not marked: {', '.join(unknown[:5])}")
    return found


def seed_texts() -> list[LabelledText]:
    """The seeds' quoted example phrasings of each theme (themes only)."""
    found = []
    with (SEEDS / "codebook_themes.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for example in (e.strip() for e in row["examples"].split("|")):
                if example:
                    found.append(
                        LabelledText(
                            example,
                            frozenset({row["theme_code"]}),
                            None,
                            None,
                            f"seed:{row['theme_code']}",
                            SEED_WEIGHT,
                            "seed",
                        )
                    )
    return found


def generator_texts(reviews: int = GENERATOR_REVIEWS) -> list[LabelledText]:
    """Recommendations of a generated corpus (not the sample) with the generator's codes."""
    from corpus.calibration import plan_for
    from corpus.compose import compose

    found = []
    for index in range(reviews):
        _, truth = compose(plan_for(index, reviews, GENERATOR_SEED))
        recommendations = truth["recommendations"]
        assert isinstance(recommendations, list)  # the truth rows of the composer's _record
        for rec in recommendations:
            found.append(
                LabelledText(
                    rec["text"],
                    frozenset(rec["theme_codes"]),
                    rec["agency_code"],
                    rec["layer_code"],
                    f"generator:{index}",
                    GENERATOR_WEIGHT,
                    "generator",
                )
            )
    return found


def training_texts(realdocs: Path) -> list[LabelledText]:
    return real_texts(realdocs) + seed_texts() + generator_texts()
