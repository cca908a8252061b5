from datetime import datetime

import duckdb
import polars as pl
import pytest

from warehouse.load import load_document_frames
from warehouse.run_log import (
    CheckRecord,
    RunLogEntry,
    log_run_published,
    log_run_started,
    raw_counts,
    replace_check_results,
    replace_quality_results,
)
from warehouse.schema import create_raw_schema

STARTED = datetime(2026, 1, 1, 9)


@pytest.fixture
def con():
    with duckdb.connect() as con:
        create_raw_schema(con)
        yield con


def _entry(run_id: str = "r1") -> RunLogEntry:
    return RunLogEntry(run_id, STARTED, 3, 2, 1, 0, 7)


def test_a_run_is_logged_building_then_published_at_its_finish(con):
    log_run_started(con, _entry())
    assert con.execute("select outcome, finished_at from raw.runs").fetchall() == [
        ("building", STARTED)
    ]
    finished = datetime(2026, 1, 1, 9, 5)
    log_run_published(con, "r1", finished)
    row = con.execute(
        "select documents_seen, documents_new, documents_quarantined, documents_removed, "
        "recommendations, outcome, finished_at from raw.runs"
    ).fetchone()
    assert row == (3, 2, 1, 0, 7, "published", finished)


def test_check_results_of_a_run_are_replaced_not_added_and_counted(con):
    checks = [
        CheckRecord("raw/documents", "great_expectations", True, "ERROR", None),
        CheckRecord("reporting/reviews", "not_null_review_id", False, "WARN", "2 rows"),
    ]
    assert replace_check_results(con, "r1", checks) == (1, 1)
    assert replace_check_results(con, "r1", checks[:1]) == (1, 0)
    replace_check_results(con, "r2", checks)
    rows = con.execute("select run_id, check_name from raw.check_results order by all").fetchall()
    assert rows == [
        ("r1", "great_expectations"),
        ("r2", "great_expectations"),
        ("r2", "not_null_review_id"),
    ]


def test_quality_results_carry_the_run_id_and_replace_the_runs_earlier_ones(con):
    results = pl.DataFrame(
        {
            "suite": ["raw_documents"],
            "table_name": ["documents"],
            "expectation": ["expect_column_values_to_not_be_null"],
            "column_name": ["document_id"],
            "is_success": [True],
            "is_blocking": [True],
            "element_count": [3],
            "unexpected_count": [0],
            "details": [None],
        }
    )
    replace_quality_results(con, "r1", results)
    replace_quality_results(con, "r1", results)
    assert con.execute(
        "select run_id, count(*) from raw.data_quality_results group by 1"
    ).fetchall() == [("r1", 1)]


def test_raw_counts_count_quarantined_documents_and_recommendations(con, make_frames):
    load_document_frames(con, make_frames("a", 3), STARTED)
    con.execute("update raw.documents set status = 'quarantined'")
    load_document_frames(con, make_frames("b", 2), STARTED)
    counts = raw_counts(con)
    assert (counts.documents_quarantined, counts.recommendations) == (1, 5)
