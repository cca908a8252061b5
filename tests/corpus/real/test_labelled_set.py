"""The real-language labelled set: every label points at real words, two blind codings and a
settled label per item, codes from the codebook, no source sentence in the repository."""

import csv
import shutil
from pathlib import Path

import pytest

from corpus.real.agreement import cohen_kappa, set_scores
from corpus.real.annotations import (
    ANNOTATIONS_DIR,
    LABELS_PATH,
    annotator_pairs,
    read_codings,
    read_labels,
)
from corpus.real.items import ITEMS_DIR, read_items
from corpus.real.settle import settle
from corpus.real.training_set import LabelledSpanError, real_texts
from ingestion.codebook import load_codebook
from tests.shared_files import shared_dir

REALDOCS = shared_dir() / "realdocs"


@pytest.fixture(scope="module")
def texts():
    return real_texts(REALDOCS)


def test_every_label_points_at_the_words_it_was_made_on(texts):
    assert len(texts) == len(read_items()) >= 800
    assert all(t.text for t in texts)


def test_a_label_that_points_at_a_missing_document_or_a_moved_span_fails(tmp_path):
    items = tmp_path / "items"
    items.mkdir()
    rows = list(csv.DictReader((ITEMS_DIR / "p3.csv").open(encoding="utf-8")))
    fields = list(rows[0])
    moved = dict(rows[0], char_start=str(int(rows[0]["char_start"]) + 7))
    with (items / "moved.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerow(moved)
    labels = tmp_path / "labels.csv"
    item_id = f"{moved['document_sha256'][:12]}-{int(moved['ordinal']):03d}"
    labels.write_text(
        f"item_id,agency_code,theme_codes,layer_code,source\n{item_id},police,,child,agreed\n"
    )
    with pytest.raises(LabelledSpanError, match="no longer holds"):
        real_texts(REALDOCS, items, labels)
    (items / "moved.csv").write_text(
        (ITEMS_DIR / "p3.csv").read_text(encoding="utf-8").splitlines()[0]
        + "\n"
        + ",".join(dict(rows[0], file_name="not-there.pdf").values())
        + "\n"
    )
    with pytest.raises(LabelledSpanError, match="not-there.pdf"):
        real_texts(REALDOCS, items, labels)
    shutil.copyfile(ITEMS_DIR / "p3.csv", items / "moved.csv")
    labels.write_text(labels.read_text() + "ffffffffffff-001,police,,child,agreed\n")
    with pytest.raises(LabelledSpanError):
        real_texts(REALDOCS, items, labels)


def test_each_item_was_coded_twice_blind_and_settled():
    pairs = annotator_pairs()
    first = {i: c for _, a, _ in pairs for i, c in a.items()}
    second = {i: c for _, _, b in pairs for i, c in b.items()}
    assert set(first) == set(second) == {item.item_id for item in read_items()}
    settled = settle()
    for item_id, (coding, source) in settled.items():
        agreed = first[item_id] == second[item_id]
        assert source == ("agreed" if agreed else "adjudicated")
        if agreed:
            assert coding == first[item_id]
    assert read_labels(LABELS_PATH) == {i: c for i, (c, _) in settled.items()}


def test_every_code_is_a_codebook_code():
    codebook = load_codebook()
    for path in [*ANNOTATIONS_DIR.glob("*.csv"), LABELS_PATH]:
        for coding in read_codings(path).values():
            assert coding.agency in codebook.agency_codes, (path.name, coding)
            assert coding.layer in codebook.layer_codes, (path.name, coding)
            assert coding.themes <= codebook.theme_codes, (path.name, coding)


def test_annotators_agree_well_enough_to_be_a_ceiling():
    first, second = {}, {}
    for _, a, b in annotator_pairs():
        first.update(a)
        second.update(b)
    ids = sorted(first)
    themes = set_scores([first[i].themes for i in ids], [second[i].themes for i in ids])
    assert themes["f1"] >= 0.75
    assert cohen_kappa([first[i].agency for i in ids], [second[i].agency for i in ids]) > 0.6


def test_no_sentence_of_a_source_document_is_in_the_repository(texts):
    repo = Path(__file__).resolve().parents[3]
    ours = "\n".join(
        p.read_text(encoding="utf-8", errors="ignore")
        for folder in ("corpus/real", "dbt_project/seeds", "tests", "ingestion")
        for p in (repo / folder).rglob("*")
        if p.is_file() and p.suffix in {".csv", ".md", ".py", ".json", ".yml"}
    )
    copied = [t.text[:60] for t in texts if len(t.text) >= 60 and t.text[:60] in ours]
    assert copied == []
