"""The researcher in the loop: sample what the coder is least sure of, code it, and the codes
come back as manual codes (and as training texts)."""

import csv
import shutil

import duckdb
import pytest

from ingestion.codebook import load_codebook
from ingestion.manual_codes import parse_manual_codes
from orchestration.cli import main
from orchestration.coder_training import manual_code_texts
from orchestration.coding_sample import Uncertain, stratified
from tests.warehouse.review_texts import shared_warehouse


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return shared_warehouse(tmp_path_factory)


def test_stratified_takes_the_least_sure_of_each_theme_in_turn():
    candidates = [
        Uncertain("a1", "", 0.01, "audit"),
        Uncertain("a2", "", 0.02, "audit"),
        Uncertain("a3", "", 0.03, "audit"),
        Uncertain("t1", "", 0.05, "training"),
        Uncertain("r1", "", 0.20, "recording"),
    ]
    picked = [c.recommendation_id for c in stratified(candidates, 4)]
    assert picked == ["a1", "t1", "r1", "a2"]
    assert stratified(candidates, 4) == stratified(list(reversed(candidates)), 4)


def test_sample_writes_rows_to_code_and_filled_rows_become_manual_codes(
    published, tmp_path, capsys
):
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    shutil.copyfile(published, warehouse / "scr.duckdb")
    out = tmp_path / "coding" / "sample.csv"
    args = ["coding", "sample", "--n", "4", "--warehouse", str(warehouse), "--out", str(out)]
    assert main(args) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 12 and {r["code_type"] for r in rows} == {"agency", "theme", "layer"}
    assert all(r["code"] == "" and r["machine_code"] is not None and r["text"] for r in rows)
    codebook = load_codebook()
    frame, problems = parse_manual_codes(out.read_text(encoding="utf-8"), "sample.csv", codebook)
    assert frame.is_empty() and problems == []  # nothing coded yet, nothing to complain about
    rows[0]["code"], rows[0]["coder"] = "police", "JB"
    theme_row = next(r for r in rows if r["code_type"] == "theme")
    theme_row["code"], theme_row["coder"] = "training;audit", "JB"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    frame, problems = parse_manual_codes(out.read_text(encoding="utf-8"), "sample.csv", codebook)
    assert problems == []
    assert sorted(zip(frame["code_type"], frame["code"], strict=True)) == [
        ("agency", "police"),
        ("theme", "audit"),
        ("theme", "training"),
    ]
    assert main(args) == 2  # never overwrites a file a researcher may be coding
    assert "exists" in capsys.readouterr().err


def test_manual_codes_in_the_warehouse_become_training_texts(published, tmp_path):
    copy = tmp_path / "scr.duckdb"
    shutil.copyfile(published, copy)
    with duckdb.connect(str(copy)) as con:
        rec_id = con.execute("select min(recommendation_id) from raw.recommendations").fetchone()[0]
        con.execute(
            "insert into raw.manual_codes values (?, 'theme', 'audit', 'JB', 'x.csv'), "
            "(?, 'agency', 'police', 'JB', 'x.csv')",
            [rec_id, rec_id],
        )
    (text,) = manual_code_texts(copy)
    assert text.themes == frozenset({"audit"}) and text.agency == "police" and text.layer is None
    assert text.source == "manual" and text.text
