"""A failed row-level check quarantines its documents; the rest stays and passes."""

from datetime import datetime

import duckdb
import pytest

from expectations.suites import build_suites
from ingestion.codebook import load_codebook
from orchestration.checks import validate_build
from orchestration.settings import SEEDS_DIR
from warehouse.load import load_document_frames
from warehouse.schema import create_raw_schema


@pytest.fixture
def con(make_frames):
    connection = duckdb.connect()
    create_raw_schema(connection)
    for name in "abcde":
        load_document_frames(connection, make_frames(name), datetime(2026, 1, 1))
    yield connection
    connection.close()


def _break(con, name: str) -> str:
    document_id = con.execute(
        "select document_id from raw.documents where path = ?", [f"{name}.pdf"]
    ).fetchone()[0]
    con.execute(
        "update raw.recommendations set text = repeat('x', 20041) where document_id = ?",
        [document_id],
    )
    return document_id


def test_one_bad_document_is_quarantined_and_the_others_pass(con):
    bad = _break(con, "c")
    outcome = validate_build(con, build_suites(load_codebook(SEEDS_DIR)), 0.25)
    assert outcome.blocking == []
    assert [path for path, _ in outcome.quarantined] == ["c.pdf"]
    assert "raw_recommendations" in outcome.quarantined[0][1]
    assert all(r.is_success for r in outcome.results if r.is_blocking)
    status, error = con.execute(
        "select status, error_message from raw.documents where document_id = ?", [bad]
    ).fetchone()
    assert status == "quarantined" and "blocking data check" in error
    assert con.execute(
        "select count(*) from raw.recommendations where document_id = ?", [bad]
    ).fetchone() == (0,)
    assert con.execute(
        "select stage, severity from raw.extraction_issues where document_id = ?", [bad]
    ).fetchall() == [("checks", "error")]
    assert con.execute("select count(*) from raw.reviews").fetchone() == (4,)


def test_too_many_bad_documents_block_and_nothing_is_quarantined(con):
    for name in "ab":
        _break(con, name)
    outcome = validate_build(con, build_suites(load_codebook(SEEDS_DIR)), 0.25)
    assert outcome.quarantined == [] and "2 of 5 documents" in outcome.blocking[0]
    assert con.execute(
        "select count(*) from raw.documents where status = 'quarantined'"
    ).fetchone() == (0,)
