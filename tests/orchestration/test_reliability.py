"""The pipeline's promises under a hostile inbox, a changing inbox, crashes and concurrency."""

import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import duckdb
import pytest

from ingestion.extract import extract_document
from orchestration.run import run_pipeline
from orchestration.settings import PROJECT_ROOT
from tests.orchestration.hostile_files import REVIEW, hostile_inbox
from warehouse.load import remove_documents
from warehouse.paths import WarehousePaths

SIZE_LIMIT = 2_000_000


def _query(paths, sql, params=()):
    with duckdb.connect(str(paths.published), read_only=True) as con:
        return con.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    inbox = root / "inbox"
    inbox.mkdir()
    expected = hostile_inbox(inbox, SIZE_LIMIT)
    paths = WarehousePaths(root / "wh")
    outcome = run_pipeline(
        inbox=str(inbox), warehouse_dir=str(paths.root), workers=2, max_file_bytes=SIZE_LIMIT
    )
    return inbox, paths, outcome, expected


def test_hostile_inbox_still_publishes(hostile_run):
    _, _, outcome, _ = hostile_run
    assert outcome.published, outcome.render()


def test_every_bad_file_is_quarantined_with_a_reason(hostile_run):
    _, paths, _, expected = hostile_run
    issues = dict(
        _query(
            paths,
            "select path, message from audit.extraction_issues where severity = 'error'",
        )
    )
    bad = {name for name, good in expected.items() if not good}
    assert set(issues) == bad
    assert "password" in issues["encrypted.pdf"].lower()
    assert "ocr" in issues["scanned.pdf"].lower()
    assert "limit" in issues["too-big.txt"].lower()
    assert "not read as a child safeguarding case review" in issues["not-a-review.txt"]
    for name, message in issues.items():
        assert len(message) > 30, (name, message)
    statuses = dict(_query(paths, "select path, status from raw.documents"))
    assert {p for p, s in statuses.items() if s == "quarantined"} == bad


def test_bad_files_are_listed_in_the_run_summary(hostile_run):
    _, _, outcome, expected = hostile_run
    bad = sum(1 for good in expected.values() if not good)
    assert outcome.documents_quarantined == bad
    assert f"{bad} quarantined" in outcome.render()


def test_good_files_in_the_same_inbox_load_completely(hostile_run):
    inbox, paths, _, _ = hostile_run
    alone = extract_document((inbox / "good-review.txt").read_bytes(), "good-review.txt")
    expected = sorted(alone["recommendations"]["text"].to_list())
    assert len(expected) == 3
    loaded = _query(
        paths,
        "select r.text from reporting.recommendations r join reporting.reviews v using (review_id) "
        "where v.path = 'good-review.txt' order by r.text",
    )
    assert [row[0] for row in loaded] == expected
    titles = {row[0] for row in _query(paths, "select path from reporting.reviews")}
    assert {
        "good-review.txt",
        "empty-password.pdf",
        "word-document.pdf",
        "windows-1252.txt",
        "utf-16.txt",
        "no-recommendations.txt",
    } <= titles


def test_duplicate_and_missing_recommendations_are_warnings(hostile_run):
    _, paths, _, _ = hostile_run
    warnings = dict(
        _query(
            paths,
            "select path, message from audit.extraction_issues where severity = 'warning' "
            "and stage in ('inbox', 'segment')",
        )
    )
    assert "good-review.txt" in warnings["saved-again-good-review.txt"]
    assert "no recommendations" in warnings["no-recommendations.txt"]
    count = _query(
        paths,
        "select recommendation_count from reporting.reviews where path = ?",
        ["no-recommendations.txt"],
    )
    assert count == [(0,)]


@pytest.mark.slow  # runs the pipeline three times
def test_inbox_is_the_truth_removed_files_leave_changed_files_replace(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(REVIEW)
    (inbox / "b.txt").write_text(REVIEW.replace("Baby M", "Baby B").replace("six months", "a year"))
    paths = WarehousePaths(tmp_path / "wh")
    assert run_pipeline(inbox=str(inbox), warehouse_dir=str(paths.root), workers=1).published
    (inbox / "a.txt").unlink()
    (inbox / "b.txt").write_text(
        REVIEW.replace("Baby M", "Baby B").replace("six months", "90 days")
    )
    outcome = run_pipeline(inbox=str(inbox), warehouse_dir=str(paths.root), workers=1)
    assert outcome.published
    assert outcome.intake.documents_removed == 2  # a.txt, and the old version of b.txt
    assert [r[0] for r in _query(paths, "select path from reporting.reviews")] == ["b.txt"]
    texts = " ".join(r[0] for r in _query(paths, "select text from reporting.recommendations"))
    assert "90 days" in texts and "six months" not in texts and "a year" not in texts


def _scr_run_command(inbox, warehouse, *extra):
    """`scr run` as a separate process would be started (no shell)."""
    command = [sys.executable, "-m", "orchestration.cli", "run", "--inbox", str(inbox)]
    return [*command, "--warehouse", str(warehouse), *extra]


def _scr_run(inbox, warehouse, *extra):
    return subprocess.Popen(
        _scr_run_command(inbox, warehouse, *extra),
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _read_until(process, marker, timeout=240):
    """Lines of a child's output up to the first holding `marker`."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if marker in line:
            return seen
    pytest.fail(f"never saw {marker!r}; output:\n{''.join(seen)}")


@pytest.fixture
def stale_warehouse(sample_run, tmp_path):
    """A published warehouse that knows only 3 of the sample's reports, so a run has work to do."""
    _, inbox, shared, _ = sample_run
    paths = WarehousePaths(tmp_path / "wh")
    paths.root.mkdir()
    shutil.copyfile(shared.published, paths.published)
    with duckdb.connect(str(paths.published)) as con:
        rows = con.execute("select document_id from raw.documents order by path").fetchall()
        ids = [row[0] for row in rows]
        remove_documents(con, ids[3:])
    return inbox, paths


def test_crash_safety_one_writer_and_readers_never_blocked(stale_warehouse):
    """SIGKILL in extraction, then in dbt: the published file is untouched each time. Then a
    run completes while a reader keeps querying and a second writer is turned away."""
    inbox, paths = stale_warehouse
    before = paths.published.read_bytes()
    reviews_before = _query(paths, "select count(*) from reporting.reviews")
    for marker in ("extracted ", "dbt build:"):
        run = _scr_run(inbox, paths.root, "--workers", "1")
        _read_until(run, marker)
        if marker == "dbt build:":
            time.sleep(3)  # well inside dbt
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
        assert paths.published.read_bytes() == before, f"published file changed ({marker})"
        assert _query(paths, "select count(*) from reporting.reviews") == reviews_before
        assert paths.build.exists()  # the stale build the next run must clean up

    errors, reads = [], []
    stop = threading.Event()

    def reader():
        with duckdb.connect(str(paths.published), read_only=True) as con:
            while not stop.is_set():
                try:
                    reads.append(con.execute("select count(*) from raw.documents").fetchone()[0])
                except duckdb.Error as exc:  # pragma: no cover - the failure this test looks for
                    errors.append(exc)
                time.sleep(0.05)

    thread = threading.Thread(target=reader)
    thread.start()
    first = _scr_run(inbox, paths.root, "--workers", "2")
    _read_until(first, "to extract")  # the first run holds the lock now
    second = subprocess.run(
        _scr_run_command(inbox, paths.root, "--quiet"),
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    rest, _ = first.communicate(timeout=900)
    stop.set()
    thread.join()
    assert second.returncode == 1
    assert second.stderr.startswith("scr run: another scr run is writing"), second.stderr
    assert "Traceback" not in second.stderr + second.stdout
    assert first.returncode == 0, rest
    assert errors == []
    assert reads and set(reads) == {3}  # the old snapshot throughout, never a half-built one
    assert not paths.build.exists()
    documents = len(list(inbox.iterdir()))
    assert _query(paths, "select count(*) from raw.documents") == [(documents,)]
