"""A BI tool's connection: SQLAlchemy + duckdb-engine, read-only, as Superset connects.

Superset (and Metabase, Rill...) keep reading the published file while the scheduler runs the
pipeline. This test reads every reporting table in a loop, with a new connection each round,
while `scr run` works on a larger inbox in another process: no read may fail or see a half-built
warehouse, and once the run has published a new connection sees the new data.

On connect such a tool introspects every table (SQLAlchemy's Inspector, `Table(autoload_with=)`):
every reporting and audit column must come back with a type SQLAlchemy knows, and a description.
An analyst at the DuckDB command line gets what the README shows.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import warnings

import pytest
from sqlalchemy import MetaData, Table, create_engine, inspect, text
from sqlalchemy.types import NullType

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


BI_SCHEMAS = ("reporting", "audit")


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    return shared_warehouse(tmp_path_factory)


def test_sqlalchemy_introspects_every_reporting_and_audit_column(shared):
    """What Superset does on connect: list, describe and reflect every table; no unknown type."""
    engine = engine_for(shared)
    try:
        inspector = inspect(engine)
        seen: dict[str, list[str]] = {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # duckdb-engine: "no reflection on indices" only
            for schema in BI_SCHEMAS:
                names = set(inspector.get_table_names(schema=schema))
                names |= set(inspector.get_view_names(schema=schema))
                assert names, schema
                for name in sorted(names):
                    columns = inspector.get_columns(name, schema=schema)
                    assert columns, f"{schema}.{name}"
                    unknown = [c["name"] for c in columns if isinstance(c["type"], NullType)]
                    assert unknown == [], f"{schema}.{name}: SQLAlchemy cannot type {unknown}"
                    comment = inspector.get_table_comment(name, schema=schema)["text"]
                    assert (comment or "").strip(), f"{schema}.{name} has no description"
                    seen[f"{schema}.{name}"] = [c["name"] for c in columns]
            reflected = Table(
                "case_theme_reflection", MetaData(), schema="reporting", autoload_with=engine
            )
            runs = Table("runs", MetaData(), schema="audit", autoload_with=engine)
    finally:
        engine.dispose()
    assert {"reporting.reviews", "reporting.case_theme_reflecting_recommendations"} <= set(seen)
    assert {"audit.runs", "audit.check_results", "audit.extraction_issues"} <= set(seen)
    assert not {"reporting.runs", "reporting.extraction_issues"} & set(seen)
    # the list of reflecting ids, flat for BI tools, and the same facts in long form
    assert not isinstance(reflected.c.reflecting_recommendation_ids.type, NullType)
    assert reflected.c.reflecting_recommendation_ids.type.python_type is str
    assert "has_agency_recommendations" in reflected.c
    assert {"checks_passed", "checks_failed"} <= set(runs.c.keys())
    # labels beside the codes
    assert {"agency_label", "layer_label"} <= set(seen["reporting.recommendations"])
    assert "theme_layer_label" in seen["reporting.recommendation_themes"]
    assert {"review_label", "title", "area", "year"} <= set(
        seen["reporting.table1_agency_by_review"]
    )


def test_flat_reflecting_ids_are_the_long_tables_rows(shared):
    engine = engine_for(shared)
    try:
        with engine.connect() as connection:
            flat = connection.execute(
                text(
                    "select review_id, case_theme_code, reflecting_recommendation_ids "
                    "from reporting.case_theme_reflection"
                )
            ).fetchall()
            long = connection.execute(
                text(
                    "select review_id, case_theme_code, recommendation_id "
                    "from reporting.case_theme_reflecting_recommendations order by all"
                )
            ).fetchall()
            labels = connection.execute(
                text("select review_label from reporting.table1_agency_by_review")
            ).fetchall()
    finally:
        engine.dispose()
    grouped: dict[tuple[str, str], list[str]] = {}
    for review_id, case_theme, recommendation_id in long:
        grouped.setdefault((review_id, case_theme), []).append(recommendation_id)
    assert long, "no case theme of the sample reviews is reflected"
    for review_id, case_theme, ids in flat:
        assert (ids.split(", ") if ids else []) == grouped.get((review_id, case_theme), [])
    assert len({label for (label,) in labels}) == len(labels)  # Table 1's rows told apart


def sql_blocks(markdown: str) -> list[str]:
    return re.findall(r"```sql\n(.*?)```", markdown, flags=re.DOTALL)


def test_readme_duckdb_examples_run_with_the_venv_command_line(shared, tmp_path):
    """Every ```sql block of the README runs in `.venv/bin/duckdb -readonly` on a warehouse."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    cli = PROJECT_ROOT / ".venv" / "bin" / "duckdb"
    assert cli.exists(), "duckdb-cli is not installed in .venv (make install)"
    assert ".venv/bin/duckdb -readonly warehouse/data/scr.duckdb" in readme
    assert "source .venv/bin/activate" in readme and ".venv/bin/scr run" in readme
    for line in re.findall(r"^\s*(?:\S+/)?duckdb .*$", readme, flags=re.MULTILINE):
        assert "-readonly" in line, line
    blocks = sql_blocks(readme)
    assert len(blocks) >= 2
    copy = tmp_path / "scr.duckdb"  # the views name their database: keep the file name
    shutil.copyfile(shared, copy)
    for block in blocks:
        done = subprocess.run(
            [str(cli), "-readonly", "-bail", str(copy)],
            input=block,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0 and not done.stderr.strip(), (block, done.stderr)
        assert done.stdout.strip(), block


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
