"""The raw-tables step as a plain function, on a small inbox (two sample reports)."""

import shutil

import duckdb
import pytest

from ingestion.errors import RemovalsRefused
from orchestration.intake import take_in_inbox
from orchestration.settings import PROJECT_ROOT, resolve_settings
from warehouse.build import publish_build

SAMPLE = PROJECT_ROOT / "corpus" / "sample" / "reports"
REPORTS = ["0002_SCR_Rosie_Lormouth.md", "0015_Brackfield_SCR_Baby_F_overview_report.txt"]


@pytest.fixture
def setup(tmp_path):
    inbox, codes = tmp_path / "inbox", tmp_path / "manual_codes"
    inbox.mkdir()
    codes.mkdir()
    for name in REPORTS:
        shutil.copyfile(SAMPLE / name, inbox / name)
    settings = resolve_settings(
        str(inbox), str(tmp_path / "warehouse"), workers=1, manual_codes_dir=str(codes)
    )
    return settings, inbox, codes


def _query(path, sql):
    with duckdb.connect(str(path)) as con:
        return con.execute(sql).fetchall()


def test_a_first_intake_extracts_everything_and_logs_the_run_as_building(setup):
    settings, _, _ = setup
    lines: list[str] = []
    summary = take_in_inbox(settings, "run-1", lines.append)
    assert (summary.documents_seen, summary.documents_new, summary.documents_unchanged) == (2, 2, 0)
    assert summary.recommendations > 0
    build = settings.paths.build
    assert _query(
        build, "select run_id, documents_seen, recommendations, outcome from raw.runs"
    ) == [("run-1", 2, summary.recommendations, "building")]
    assert lines[0].startswith("inbox ") and lines[-1] == "extracted 2/2 documents"


def test_an_unchanged_report_is_not_extracted_again(setup):
    settings, _, _ = setup
    take_in_inbox(settings, "run-1", lambda _: None)
    publish_build(settings.paths)
    summary = take_in_inbox(settings, "run-2", lambda _: None)
    assert (summary.documents_new, summary.documents_unchanged) == (0, 2)


def test_duplicates_and_unusable_manual_codes_are_warnings_of_the_run(setup):
    settings, inbox, codes = setup
    shutil.copyfile(inbox / REPORTS[0], inbox / "copy.md")
    (codes / "jb.csv").write_text("recommendation_id,code_type,code\nx-0001,theme,nonsense\n")
    summary = take_in_inbox(settings, "run-1", lambda _: None)
    assert (summary.duplicates, summary.manual_codes) == (1, 0)
    issues = _query(
        settings.paths.build, "select stage, path from raw.extraction_issues order by stage"
    )
    assert issues == [("coding", "jb.csv"), ("inbox", "copy.md")]


def test_an_inbox_emptied_by_mistake_is_refused_before_anything_is_removed(setup):
    settings, inbox, _ = setup
    take_in_inbox(settings, "run-1", lambda _: None)
    publish_build(settings.paths)
    for path in inbox.iterdir():
        path.unlink()
    with pytest.raises(RemovalsRefused):
        take_in_inbox(settings, "run-2", lambda _: None)
