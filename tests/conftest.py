"""Shared test helpers: small, real-looking raw frames built from the record schemas."""

from __future__ import annotations

import hashlib

import polars as pl
import pytest

from ingestion.records import EXTRACTOR_VERSION, RAW_SCHEMAS


def document_frames(name: str, recommendation_count: int = 2) -> dict[str, pl.DataFrame]:
    """Frames for one loaded review with `recommendation_count` recommendations."""
    document_id = hashlib.sha256(name.encode()).hexdigest()
    review_id = document_id[:16]
    v = EXTRACTOR_VERSION
    frames = {t: pl.DataFrame(schema=s) for t, s in RAW_SCHEMAS.items()}
    frames["documents"] = pl.DataFrame(
        [
            {
                "document_id": document_id,
                "path": f"{name}.pdf",
                "media_type": "application/pdf",
                "bytes": 1000,
                "pages": 3,
                "status": "ok",
                "error_message": None,
                "extractor_version": v,
            }
        ],
        schema=RAW_SCHEMAS["documents"],
    )
    frames["reviews"] = pl.DataFrame(
        [
            {
                "review_id": review_id,
                "document_id": document_id,
                "title": f"Serious Case Review: {name}",
                "area": "Northshire LSCB",
                "year": 2010,
                "outcome": "death",
                "child_sex": "female",
                "child_age_years": 0.25,
                "age_band": "under_1",
                "children_count": 1,
                "has_agency_recommendations": True,
                "has_action_plan": False,
                "extractor_version": v,
            }
        ],
        schema=RAW_SCHEMAS["reviews"],
    )
    recs, codes = [], []
    for i in range(1, recommendation_count + 1):
        rec_id = f"{review_id}-{i:04d}"
        recs.append(
            {
                "recommendation_id": rec_id,
                "review_id": review_id,
                "document_id": document_id,
                "ordinal": i,
                "label": str(i),
                "text": "Health visitors must record every home visit and share concerns.",
                "section": "agency",
                "agency_as_printed": "Health Visiting",
                "page": 2,
                "char_start": 100 * i,
                "char_end": 100 * i + 60,
                "extractor_version": v,
            }
        )
        for code_type, code in (
            ("agency", "community_health"),
            ("theme", "recording"),
            ("layer", "case_management"),
        ):
            codes.append(
                {
                    "recommendation_id": rec_id,
                    "document_id": document_id,
                    "code_type": code_type,
                    "code": code,
                    "is_primary": True,
                    "method": "rule",
                    "confidence": 0.9,
                    "evidence": "record",
                    "extractor_version": v,
                }
            )
    frames["recommendations"] = pl.DataFrame(recs, schema=RAW_SCHEMAS["recommendations"])
    frames["recommendation_codes"] = pl.DataFrame(codes, schema=RAW_SCHEMAS["recommendation_codes"])
    return frames


# Fixtures that run the whole pipeline or the extractor over every real document: a test that
# uses one is slow, and `make test-fast` (pytest -m "not slow") leaves it out.
PIPELINE_FIXTURES = {
    "sample_run",
    "first_run",
    "published",
    "shared",
    "summary",
    "texts",
    "hostile_run",
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if PIPELINE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def pytest_configure(config: pytest.Config) -> None:
    """Runs started by tests go to a Dagster instance of their own, not the developer's."""
    import os
    import tempfile

    os.environ["DAGSTER_HOME"] = tempfile.mkdtemp(prefix="scr-tests-dagster-home-")


@pytest.fixture
def make_frames():
    return document_frames


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory):
    """One full pipeline run on a copy of the embedded sample corpus, shared by every test module.

    Tests that change the warehouse copy its published file first; none writes to this one.
    """
    import shutil

    from orchestration.run import run_pipeline
    from orchestration.settings import DEFAULT_INBOX
    from warehouse.paths import WarehousePaths

    root = tmp_path_factory.mktemp("sample-run")
    inbox = root / "inbox"
    shutil.copytree(DEFAULT_INBOX, inbox)
    paths = WarehousePaths(root / "wh")
    outcome = run_pipeline(inbox=str(inbox), warehouse_dir=str(paths.root), workers=2)
    return root, inbox, paths, outcome
