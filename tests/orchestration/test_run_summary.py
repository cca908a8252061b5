import dagster as dg

from orchestration.run_summary import (
    IntakeSummary,
    quarantine_metadata,
    quarantined_from_metadata,
)


def _summary() -> IntakeSummary:
    return IntakeSummary(
        documents_seen=5,
        documents_new=3,
        documents_unchanged=2,
        documents_removed=1,
        documents_quarantined=1,
        duplicates=0,
        recommendations=40,
        manual_codes=2,
        quarantined=(("bad.pdf", "encrypted"),),
    )


def test_the_summary_survives_the_trip_through_materialization_metadata():
    summary = _summary()
    event = dg.AssetMaterialization(asset_key="documents", metadata=summary.to_metadata())
    assert IntakeSummary.from_metadata(event.metadata) == summary


def test_every_count_shows_as_a_number_in_the_ui():
    metadata = _summary().to_metadata()
    assert metadata["documents_seen"] == dg.MetadataValue.int(5)
    assert set(metadata) >= {"recommendations", "manual_codes", "quarantined_documents"}


def test_no_quarantined_files_means_no_entry_and_an_empty_list_back():
    assert quarantine_metadata([]) == {}
    assert quarantined_from_metadata({"expectations": dg.MetadataValue.int(3)}) == {}
    metadata = quarantine_metadata([("a.txt", "junk")])
    assert quarantined_from_metadata(metadata) == {"a.txt": "junk"}
