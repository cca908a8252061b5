from datetime import datetime

import duckdb
import pytest

from warehouse.build import (
    BuildLockedError,
    build_lock,
    connect_read_only,
    discard_build,
    publish_build,
    publish_run,
    start_build,
)
from warehouse.load import load_document_frames
from warehouse.paths import WarehousePaths
from warehouse.run_log import CheckRecord, RunLogEntry, log_run_started

SEEN = datetime(2026, 1, 1)


def _build_with(paths, make_frames, name):
    build = start_build(paths)
    with duckdb.connect(str(build)) as con:
        load_document_frames(con, make_frames(name), SEEN)
    return build


def test_first_build_starts_empty_and_publishes_atomically(tmp_path, make_frames):
    paths = WarehousePaths(tmp_path)
    _build_with(paths, make_frames, "a")
    assert not paths.published.exists()
    publish_build(paths)
    assert paths.published.exists() and not paths.build.exists()
    with connect_read_only(paths.published) as con:
        assert con.execute("select count(*) from raw.recommendations").fetchone() == (2,)


def test_next_build_starts_from_the_published_file(tmp_path, make_frames):
    paths = WarehousePaths(tmp_path)
    _build_with(paths, make_frames, "a")
    publish_build(paths)
    build = start_build(paths)
    with duckdb.connect(str(build)) as con:
        assert con.execute("select count(*) from raw.documents").fetchone() == (1,)


def test_discarded_build_leaves_published_file_byte_for_byte(tmp_path, make_frames):
    paths = WarehousePaths(tmp_path)
    _build_with(paths, make_frames, "a")
    publish_build(paths)
    before = paths.published.read_bytes()
    _build_with(paths, make_frames, "b")
    discard_build(paths)
    assert paths.published.read_bytes() == before
    assert not paths.build.exists()


def test_stale_build_from_a_crash_is_replaced(tmp_path, make_frames):
    paths = WarehousePaths(tmp_path)
    paths.build.parent.mkdir(parents=True)
    paths.build.write_bytes(b"half-written garbage")
    build = start_build(paths)
    with duckdb.connect(str(build)) as con:
        assert con.execute("select count(*) from raw.documents").fetchone() == (0,)


def test_second_writer_is_refused_at_once(tmp_path):
    paths = WarehousePaths(tmp_path)
    with (
        build_lock(paths),
        pytest.raises(BuildLockedError, match="another scr run"),
        build_lock(paths),
    ):
        pass
    with build_lock(paths):  # released after the first run
        pass


def test_reader_keeps_reading_while_a_build_is_written_and_published(tmp_path, make_frames):
    paths = WarehousePaths(tmp_path)
    _build_with(paths, make_frames, "a")
    publish_build(paths)
    reader = connect_read_only(paths.published)
    _build_with(paths, make_frames, "b")
    assert reader.execute("select count(*) from raw.documents").fetchone() == (1,)
    publish_build(paths)
    assert reader.execute("select count(*) from raw.documents").fetchone() == (1,)
    reader.close()
    with connect_read_only(paths.published) as fresh:
        assert fresh.execute("select count(*) from raw.documents").fetchone() == (2,)


def test_publish_run_logs_the_run_and_its_checks_in_the_file_it_publishes(tmp_path, make_frames):
    paths = WarehousePaths(tmp_path)
    build = _build_with(paths, make_frames, "a")
    with duckdb.connect(str(build)) as con:
        log_run_started(con, RunLogEntry("r1", SEEN, 1, 1, 0, 0, 2))
    checks = [
        CheckRecord("raw/documents", "great_expectations", True, "ERROR", None),
        CheckRecord("reporting/reviews", "unique_review_id", False, "WARN", "1 duplicate"),
    ]
    published = publish_run(paths, "r1", datetime(2026, 1, 2), checks)
    assert (published.path, published.checks_passed, published.checks_failed) == (
        paths.published,
        1,
        1,
    )
    assert not build.exists()
    with connect_read_only(paths.published) as con:
        assert con.execute("select outcome from raw.runs").fetchall() == [("published",)]
        assert con.execute("select count(*) from raw.check_results").fetchone() == (2,)
