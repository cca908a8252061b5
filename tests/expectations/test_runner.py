from datetime import datetime

import duckdb
import pytest

from expectations.runner import validate_suites
from expectations.suites import build_suites
from ingestion.codebook import load_codebook
from orchestration.settings import SEEDS_DIR
from warehouse.load import load_document_frames
from warehouse.schema import create_raw_schema


@pytest.fixture
def con(make_frames):
    connection = duckdb.connect()
    create_raw_schema(connection)
    load_document_frames(connection, make_frames("a"), datetime(2026, 1, 1))
    yield connection
    connection.close()


def _failures(con):
    results = validate_suites(con, build_suites(load_codebook(SEEDS_DIR)))
    return results, [r for r in results if not r.is_success]


def test_clean_records_pass_every_expectation(con):
    results, failures = _failures(con)
    assert len(results) > 25
    assert failures == []


def test_code_outside_the_codebook_fails_a_blocking_expectation(con):
    con.execute(
        "update raw.recommendation_codes set code = 'social_work' where code_type = 'agency'"
    )
    _, failures = _failures(con)
    assert [(f.suite, f.column_name, f.is_blocking) for f in failures] == [
        ("raw_agency_codes", "code", True)
    ]
    assert failures[0].unexpected_count == 2
    assert "social_work" in failures[0].details


def test_confidence_outside_zero_one_is_blocking(con):
    con.execute("update raw.recommendation_codes set confidence = 1.5 where code_type = 'theme'")
    _, failures = _failures(con)
    assert {(f.suite, f.column_name, f.is_blocking) for f in failures} == {
        ("raw_recommendation_codes", "confidence", True)
    }


def test_missing_outcome_is_only_a_warning(con):
    con.execute("update raw.reviews set outcome = null")
    _, failures = _failures(con)
    assert [(f.suite, f.column_name, f.is_blocking) for f in failures] == [
        ("raw_reviews", "outcome", False)
    ]


def test_empty_span_is_caught(con):
    con.execute("update raw.recommendations set char_end = char_start where ordinal = 1")
    _, failures = _failures(con)
    assert [(f.suite, f.expectation) for f in failures] == [
        ("raw_recommendations", "expect_column_pair_values_a_to_be_greater_than_b")
    ]


def test_failing_rows_name_their_documents(con, make_frames):
    load_document_frames(con, make_frames("b"), datetime(2026, 1, 1))
    con.execute(
        "update raw.recommendations set text = repeat('x', 20041) "
        "where document_id = (select max(document_id) from raw.documents)"
    )
    _, failures = _failures(con)
    (failure,) = failures
    bad = con.execute("select max(document_id) from raw.documents").fetchone()[0]
    assert failure.suite == "raw_recommendations" and failure.document_ids == (bad,)
