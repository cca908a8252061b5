"""An incremental run gives the tables a full rebuild gives, from the same inbox.

The warehouse is first built from the sample inbox with three reports missing and one text
report changed; then the inbox is put back as the sample is (three added, one changed back) and
the pipeline runs again on that warehouse: it extracts only those four, and since the dbt project
is the one that built the published file, rebuilds only dbt's tables (views and seeds kept). Its
tables must equal those of the shared full run of the whole sample inbox.
"""

import shutil

import duckdb
import pytest

from ingestion.records import RAW_SCHEMAS
from orchestration.dbt_project import project_fingerprint
from orchestration.run import run_pipeline
from tests.orchestration.test_definitions import REPORTING_TABLES
from warehouse.dbt_state import read_fingerprint
from warehouse.paths import WarehousePaths

pytestmark = pytest.mark.slow

# When a document was seen is about the run, not about the inbox.
RUN_COLUMNS = {"first_seen_at", "last_seen_at"}


def tables(paths: WarehousePaths) -> dict[str, list[tuple]]:
    """Every reporting table and every raw table of extraction, rows sorted."""
    out: dict[str, list[tuple]] = {}
    with duckdb.connect(str(paths.published), read_only=True) as con:
        for name in [f"reporting.{t}" for t in sorted(REPORTING_TABLES)] + [
            f"raw.{t}" for t in sorted(RAW_SCHEMAS)
        ]:
            schema, table = name.split(".")
            columns = [
                c
                for (c,) in con.execute(
                    "select column_name from duckdb_columns() where schema_name = ? "
                    "and table_name = ? and database_name = current_database() "
                    "order by column_index",
                    [schema, table],
                ).fetchall()
                if c not in RUN_COLUMNS
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            out[name] = sorted(con.execute(f"select {select} from {name}").fetchall(), key=repr)
    return out


def test_incremental_run_equals_a_full_rebuild_of_the_same_inbox(sample_run, tmp_path):
    _, full_inbox, full_paths, full_outcome = sample_run
    assert full_outcome.published
    inbox = tmp_path / "inbox"
    shutil.copytree(full_inbox, inbox)
    held_back = sorted(inbox.iterdir())[-3:]
    for path in held_back:
        path.rename(tmp_path / path.name)
    changed = next(p for p in sorted(inbox.iterdir()) if p.suffix in (".txt", ".md"))
    original = changed.read_bytes()
    changed.write_bytes(original + b"\nA line that the next run will not see.\n")
    paths = WarehousePaths(tmp_path / "wh")

    first = run_pipeline(inbox=str(inbox), warehouse_dir=str(paths.root), workers=1)
    assert first.published, first.render()
    with duckdb.connect(str(paths.published), read_only=True) as con:
        assert read_fingerprint(con) == project_fingerprint()

    for path in held_back:
        (tmp_path / path.name).rename(inbox / path.name)
    changed.write_bytes(original)
    second = run_pipeline(inbox=str(inbox), warehouse_dir=str(paths.root), workers=1)
    assert second.published, second.render()
    assert second.intake.documents_new == 4, second.render()
    assert second.checks_failed == [] or all("(WARN)" in c for c in second.checks_failed)

    incremental, full = tables(paths), tables(full_paths)
    assert incremental.keys() == full.keys()
    for name in full:
        assert incremental[name] == full[name], name
