"""`scr release`: an immutable, self-describing bundle that verifies, and fails verification
when one byte changes."""

from __future__ import annotations

import json
import stat

import duckdb
import pytest

from ingestion.coding.model import load_coder
from ingestion.records import EXTRACTOR_VERSION
from orchestration.cli import main
from publications.release import MANIFEST, sha256_file, verify_release


@pytest.fixture(scope="module")
def released(sample_run, tmp_path_factory):
    _, _, paths, _ = sample_run
    out = tmp_path_factory.mktemp("releases")
    assert main(["release", "--version", "1.0", "--out", str(out), "--warehouse",
                 str(paths.root)]) == 0  # fmt: skip
    return paths, out, out / "scr-warehouse-1.0"


def test_release_holds_everything_and_describes_itself(released):
    paths, _, folder = released
    manifest = json.loads((folder / MANIFEST).read_text())
    assert manifest["version"] == "1.0" and manifest["date"]
    assert manifest["software"]["extractor_version"] == EXTRACTOR_VERSION
    assert manifest["software"]["coder"]["training_data_sha256"] == (
        load_coder().training_data_sha256
    )
    assert (folder / "scr.duckdb").read_bytes() == paths.published.read_bytes()
    with duckdb.connect(str(paths.published), read_only=True) as con:
        docs = con.execute("select document_id, path from raw.documents").fetchall()
        tables = {t for (t,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'reporting' "
            "and table_catalog = current_database()").fetchall()}  # fmt: skip
        cv = con.execute("select count(*) from reporting.coder_performance").fetchone()[0]
    assert {(d["sha256"], d["path"]) for d in manifest["documents"]} == set(docs)
    assert len(manifest["coder_performance"]) == cv > 0
    assert {f"tables/{t}.parquet" for t in tables} <= set(manifest["files"])
    assert {"scr.duckdb", "briefing.html", "codebook/codebook_themes.csv"} <= set(manifest["files"])
    for name, entry in manifest["files"].items():
        assert sha256_file(folder / name) == entry["sha256"]
        assert not (folder / name).stat().st_mode & stat.S_IWUSR  # read-only


def test_release_verifies(released, capsys):
    _, _, folder = released
    assert verify_release(folder) == []
    assert main(["release", "--verify", str(folder)]) == 0
    assert "verified" in capsys.readouterr().out


def test_a_release_is_never_overwritten(released, capsys):
    paths, out, folder = released
    before = (folder / MANIFEST).read_bytes()
    code = main(["release", "--version", "1.0", "--out", str(out), "--warehouse",
                 str(paths.root)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "never overwritten" in err
    assert (folder / MANIFEST).read_bytes() == before


def test_a_bad_version_is_a_usage_error(released, capsys):
    paths, out, _ = released
    assert main(["release", "--version", "../x", "--out", str(out), "--warehouse",
                 str(paths.root)]) == 2  # fmt: skip
    assert "bad release version" in capsys.readouterr().err


@pytest.mark.parametrize(
    "name", ["briefing.html", "tables/reviews.parquet", MANIFEST, "scr.duckdb"]
)
def test_a_changed_byte_fails_verification(released, tmp_path, capsys, name):
    import shutil

    _, _, folder = released
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    target = copy / name
    target.chmod(0o644)
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    problems = verify_release(copy)
    assert problems and any(name in p for p in problems), problems
    code = main(["release", "--verify", str(copy)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "fails verification" in err


def test_an_added_or_removed_file_fails_verification(released, tmp_path):
    import shutil

    _, _, folder = released
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    (copy / "extra.txt").write_text("x")
    assert any("extra.txt" in p for p in verify_release(copy))
    (copy / "extra.txt").unlink()
    (copy / "briefing.html").chmod(0o644)
    (copy / "briefing.html").unlink()
    assert any("briefing.html is missing" in p for p in verify_release(copy))
