from datetime import datetime

import duckdb
import pytest

from warehouse.load import known_documents, load_document_frames, mark_seen, remove_documents
from warehouse.schema import create_raw_schema

FIRST, LATER = datetime(2026, 1, 1), datetime(2026, 2, 1)


@pytest.fixture
def con():
    connection = duckdb.connect()
    create_raw_schema(connection)
    yield connection
    connection.close()


def _counts(con):
    return {
        t: con.execute(f"select count(*) from raw.{t}").fetchone()[0]
        for t in ("documents", "reviews", "recommendations", "recommendation_codes")
    }


def test_loading_the_same_document_twice_is_idempotent(con, make_frames):
    load_document_frames(con, make_frames("a", 3), FIRST)
    once = _counts(con)
    load_document_frames(con, make_frames("a", 3), FIRST)
    assert (
        _counts(con)
        == once
        == {
            "documents": 1,
            "reviews": 1,
            "recommendations": 3,
            "recommendation_codes": 9,
        }
    )


def test_reloading_a_document_replaces_its_old_records(con, make_frames):
    load_document_frames(con, make_frames("a", 3), FIRST)
    load_document_frames(con, make_frames("a", 1), FIRST)
    assert _counts(con)["recommendations"] == 1


def test_remove_documents_deletes_every_record_of_them(con, make_frames):
    load_document_frames(con, make_frames("a"), FIRST)
    load_document_frames(con, make_frames("b"), FIRST)
    a_id = make_frames("a")["documents"]["document_id"][0]
    assert remove_documents(con, [a_id]) == 1
    assert set(known_documents(con)) == {make_frames("b")["documents"]["document_id"][0]}
    assert _counts(con)["recommendations"] == 2


def test_a_failed_load_leaves_nothing_half_loaded(con, make_frames):
    frames = make_frames("a")
    frames["reviews"] = frames["reviews"].rename({"outcome": "not_a_column"})
    with pytest.raises(duckdb.Error):
        load_document_frames(con, frames, FIRST)
    assert _counts(con) == {
        "documents": 0,
        "reviews": 0,
        "recommendations": 0,
        "recommendation_codes": 0,
    }


def test_mark_seen_updates_last_seen_and_path_only(con, make_frames):
    frames = make_frames("a")
    load_document_frames(con, frames, FIRST)
    document_id = frames["documents"]["document_id"][0]
    mark_seen(con, {document_id: "renamed.pdf"}, LATER)
    row = con.execute("select path, first_seen_at, last_seen_at from raw.documents").fetchone()
    assert row == ("renamed.pdf", FIRST, LATER)
