"""Which failed checks quarantine documents and which block the publication."""

from expectations.runner import ExpectationResult
from expectations.triage import triage_failures


def result(suite="raw_recommendations", ok=False, blocking=True, documents=()):
    return ExpectationResult(
        suite=suite,
        table_name="recommendations",
        expectation="expect_column_values_to_be_between",
        column_name="text_length",
        is_success=ok,
        is_blocking=blocking,
        element_count=100,
        unexpected_count=len(documents),
        details="[20041]",
        document_ids=tuple(documents),
    )


def test_row_level_failures_quarantine_their_documents():
    triage = triage_failures([result(documents=["d1"]), result(ok=True)], 40, 0.25)
    assert triage.blocking == []
    assert list(triage.quarantine) == ["d1"]
    assert "raw_recommendations" in triage.quarantine["d1"][0]


def test_a_failure_with_no_rows_to_blame_blocks_and_quarantines_nothing():
    triage = triage_failures([result(documents=["d1"]), result(suite="raw_docs")], 40, 0.25)
    assert triage.quarantine == {}
    assert len(triage.blocking) == 1 and "raw_docs" in triage.blocking[0]


def test_failures_on_too_many_documents_block_as_a_systematic_fault():
    triage = triage_failures([result(documents=[f"d{i}" for i in range(11)])], 40, 0.25)
    assert triage.quarantine == {}
    assert "11 of 40 documents" in triage.blocking[0]


def test_warnings_and_passes_do_nothing():
    triage = triage_failures([result(blocking=False, documents=["d1"]), result(ok=True)], 4, 0.25)
    assert triage.quarantine == {} and triage.blocking == []
