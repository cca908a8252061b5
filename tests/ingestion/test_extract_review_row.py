"""The review row is built once: the pipeline's raw.reviews frame and `scr extract --json` agree."""

from pathlib import Path

import pytest

from ingestion.as_json import extraction_as_dict
from ingestion.extract import analyse_document, review_frames

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "sample" / "reports"


@pytest.mark.parametrize(
    "name",
    ["0002_SCR_Rosie_Lormouth.md", "0003_Narbridge_SCR_Child_C_overview_report.md"],
)
def test_json_review_matches_the_reviews_frame(name: str) -> None:
    data = (SAMPLE / name).read_bytes()
    extraction = analyse_document(data, name)
    frame_row = review_frames(extraction, name, len(data))["reviews"].row(0, named=True)
    json_review = extraction_as_dict(extraction, name)["review"]

    assert json_review.pop("recommendation_count") == len(extraction.recommendations)
    frame_row.pop("extractor_version")
    assert json_review == frame_row
    assert isinstance(json_review["has_agency_recommendations"], bool)
