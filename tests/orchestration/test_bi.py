"""A BI tool's connection: SQLAlchemy + duckdb-engine, read-only, as Superset connects.

Superset (and Metabase, Rill...) keep reading the published file while the scheduler runs the
pipeline. This test reads every reporting table in a loop, with a new connection each round,
while `scr run` works on a larger inbox in another process: no read may fail or see a half-built
warehouse, and once the run has published a new connection sees the new data.
"""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, inspect, text

from orchestration.settings import PROJECT_ROOT
from tests.warehouse.review_texts import REVIEWS, shared_warehouse, write_inbox
from warehouse.paths import WarehousePaths

pytestmark = pytest.mark.slow

VARIANTS = [
    ("Child A", "Child D", "Northshire", "Westdale"),
    ("Child B", "Child E", "Southvale", "Kingsmere"),
    ("Child C", "Child F", "Eastmoor", "Ashford Vale"),
    ("Child A", "Child G", "Northshire", "Brookfield"),
    ("Child B", "Child H", "Southvale", "Highcross"),
    ("Child C", "Child J", "Eastmoor", "Riverside"),
]


def larger_inbox() -> dict[str, str]:
    """The three sample reviews and six more made from them (new children, new boards)."""
    reviews = dict(REVIEWS)
    sources = {"Child A": REVIEWS["review_a.txt"], "Child B": REVIEWS["review_b.txt"]}
    sources["Child C"] = REVIEWS["review_c.txt"]
    for old_child, new_child, old_area, new_area in VARIANTS:
        body = sources[old_child].replace(old_child, new_child).replace(old_area, new_area)
        reviews[f"review_{new_child[-1].lower()}.txt"] = body
    return reviews


def engine_for(path):
    """How Superset connects to a DuckDB file: duckdb-engine, read-only."""
    return create_engine(f"duckdb:///{path}", connect_args={"read_only": True})


def read_everything(path) -> tuple[int, int]:
    """One BI round on a new connection: list the tables, read each; (reviews, recommendations)."""
    engine = engine_for(path)
    try:
        tables = inspect(engine).get_table_names(schema="reporting")
        views = inspect(engine).get_view_names(schema="reporting")
        assert "reviews" in tables and "agency_recommendation_counts" in tables
        with engine.connect() as connection:
            for table in sorted(set(tables) | set(views)):
                connection.execute(text(f'select * from reporting."{table}"')).fetchall()
            reviews = connection.execute(text("select count(*) from reporting.reviews")).scalar()
            recs = connection.execute(
                text("select count(*) from reporting.recommendations")
            ).scalar()
        return int(reviews), int(recs)
    finally:
        engine.dispose()


def _reset_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, [])


def test_bi_reads_every_table_while_scr_run_writes(tmp_path_factory, tmp_path):
    shared = shared_warehouse(tmp_path_factory)
    paths = WarehousePaths(tmp_path / "wh")
    paths.root.mkdir()
    shutil.copyfile(shared, paths.published)
    before = read_everything(paths.published)
    assert before[0] == len(REVIEWS)

    inbox = write_inbox(tmp_path / "inbox", larger_inbox())
    command = [sys.executable, "-m", "orchestration.cli", "run", "--inbox", str(inbox)]
    command += ["--warehouse", str(paths.root), "--workers", "1", "--quiet"]
    seen: list[tuple[int, int]] = []
    with open(tmp_path / "run.log", "w+") as log:
        run = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_reset_signals,
            env={k: v for k, v in os.environ.items() if not k.startswith("SCR_")},
        )
        try:
            deadline = time.monotonic() + 480
            while run.poll() is None:
                assert time.monotonic() < deadline, "scr run did not finish in 8 minutes"
                seen.append(read_everything(paths.published))
                time.sleep(0.2)  # leave the writer some of the machine's two cores
            run.wait(timeout=5)
        finally:
            if run.poll() is None:
                os.killpg(run.pid, signal.SIGKILL)
                run.wait()
            log.seek(0)
            output = log.read()
    assert run.returncode == 0, output
    assert "published" in output

    after = read_everything(paths.published)
    assert after[0] == len(larger_inbox()) > before[0]
    assert after[1] > before[1]
    # the readers were busy the whole run, and only ever saw a whole warehouse, old or new
    assert len(seen) >= 3, f"only {len(seen)} read rounds while scr run worked"
    assert set(seen) <= {before, after}, seen
