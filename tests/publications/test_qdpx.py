"""`scr export --format qdpx`: the REFI-QDA project validates against the standard's schema
(vendored, offline) and reads back with the same codes and spans as the warehouse."""

from __future__ import annotations

import shutil
import zipfile

import duckdb
import pytest
from lxml import etree

from orchestration.cli import main
from publications.codebook import value_labels
from publications.qdpx import AUTOMATIC_CODER, SCHEMA_PATH, read_qdpx, warehouse_codings


@pytest.fixture(scope="module")
def exported(sample_run, tmp_path_factory):
    """The sample warehouse with one manual code added, exported through the command line."""
    _, inbox, paths, _ = sample_run
    root = tmp_path_factory.mktemp("qdpx")
    wh = root / "wh"
    wh.mkdir()
    shutil.copyfile(paths.published, wh / "scr.duckdb")
    with duckdb.connect(str(wh / "scr.duckdb")) as con:
        rec = con.execute(
            "select recommendation_id from reporting.recommendations order by 1 limit 1"
        ).fetchone()[0]
        con.execute(
            "insert into reporting.recommendation_themes (recommendation_id, review_id, "
            "theme_code, method, confidence, evidence) select recommendation_id, review_id, "
            "'hidden_men', 'manual', 1.0, 'coded by A. Researcher' from reporting.recommendations "
            "where recommendation_id = ?",
            [rec],
        )
    out = root / "out"
    assert main(["export", "--format", "qdpx", "--out", str(out), "--warehouse", str(wh),
                 "--inbox", str(inbox)]) == 0  # fmt: skip
    return wh / "scr.duckdb", out / "scr-warehouse.qdpx", rec


def test_project_validates_against_the_refi_qda_schema(exported):
    _, qdpx, _ = exported
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))
    with zipfile.ZipFile(qdpx) as z:
        names = z.namelist()
        project = etree.fromstring(z.read("project.qde"))
    assert "project.qde" in names and any(n.startswith("Sources/") for n in names)
    assert schema.validate(project), schema.error_log
    # and the schema is the real one: a project missing a required attribute fails it
    code = project.find(".//{urn:QDA-XML:project:1.0}Code")
    del code.attrib["isCodable"]
    assert not schema.validate(project)


def test_round_trip_gives_the_warehouses_codes_and_spans(exported):
    published, qdpx, manual_rec = exported
    with duckdb.connect(str(published), read_only=True) as con:
        project = read_qdpx(qdpx, value_labels(con, "code_type"))
        expected = warehouse_codings(con)
        recs = con.execute(
            "select review_id, char_start, char_end, text from reporting.recommendations"
        ).fetchall()
        codebook = {
            ("theme", c) for (c,) in con.execute("select theme_code from codebook.codebook_themes").fetchall()
        } | {
            ("agency", c) for (c,) in con.execute("select agency_code from codebook.codebook_agencies").fetchall()
        } | {
            ("layer", c) for (c,) in con.execute("select layer_code from codebook.codebook_layers").fetchall()
        }  # fmt: skip
    assert sorted(project.codings, key=repr) == sorted(expected, key=repr)
    assert len(expected) > 3 * len(recs) - 1  # agency, layer and at least one theme each, about
    # every code of the codebook is a code of the project, and nothing else is codable
    names = {name for name, _ in project.codes.values()}
    assert {f"[{code}]" for _, code in codebook} <= {n[n.rfind("[") :] for n in names if "[" in n}
    # the spans index the review's text: each selection is its recommendation's text
    for review_id, start, end, text in recs:
        assert (
            " ".join(project.sources[review_id][start:end].split())[:60]
            == " ".join(text.split())[:60]
        )
    # the manual code is marked with its coder; the rest with the automatic coder
    manual = [c for c in project.codings if c.coder != AUTOMATIC_CODER]
    assert [(c.code_type, c.code, c.coder) for c in manual] == [
        ("theme", "hidden_men", "A. Researcher")
    ]


def test_the_export_is_the_same_bytes_every_time(exported, sample_run, tmp_path):
    published, qdpx, _ = exported
    _, inbox, _, _ = sample_run
    assert main(["export", "--format", "qdpx", "--out", str(tmp_path), "--warehouse",
                 str(published.parent), "--inbox", str(inbox)]) == 0  # fmt: skip
    assert (tmp_path / "scr-warehouse.qdpx").read_bytes() == qdpx.read_bytes()


def test_a_missing_report_is_one_line(exported, tmp_path, capsys):
    published, _, _ = exported
    empty = tmp_path / "inbox"
    empty.mkdir()
    code = main(["export", "--format", "qdpx", "--out", str(tmp_path / "o"), "--warehouse",
                 str(published.parent), "--inbox", str(empty)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "no longer in the inbox" in err
