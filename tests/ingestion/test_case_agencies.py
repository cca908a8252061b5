from ingestion.case_agencies import find_case_agencies
from ingestion.codebook import load_codebook

CODEBOOK = load_codebook()

NARRATIVE = """\
The health visitor saw the baby at six weeks. Later the health visitor noted bruising but did not
refer. The police were called to the home twice after reports of shouting; police officers did not
ask about the children. The school nurse had no contact. The Board commissioned this review, and
the Board thanks the family.
"""


def test_agencies_named_twice_in_the_narrative_are_involved():
    found = {a.code: a for a in find_case_agencies(NARRATIVE, CODEBOOK)}
    assert set(found) == {"community_health", "police"}
    assert found["police"].mentions >= 2
    assert (
        NARRATIVE[found["police"].char_start : found["police"].char_end]
        .lower()
        .startswith("police")
    )


def test_the_board_and_single_mentions_are_not_involved_agencies():
    found = {a.code for a in find_case_agencies(NARRATIVE, CODEBOOK)}
    assert "lscb_all_agencies" not in found
    assert find_case_agencies("", CODEBOOK) == []
