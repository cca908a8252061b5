"""A real inbox on a real day: an empty inbox never wipes the warehouse, one bad document never
blocks the rest, and every CLI run is in the Dagster instance's history."""

import shutil

import dagster as dg
import duckdb
import pytest

from orchestration.cli import main
from warehouse.paths import WarehousePaths

pytestmark = pytest.mark.slow


def copy_of(published, tmp_path) -> WarehousePaths:
    paths = WarehousePaths(tmp_path / "wh")
    paths.root.mkdir()
    shutil.copyfile(published, paths.published)
    return paths


def test_an_empty_inbox_is_refused_and_the_warehouse_kept_until_a_person_confirms(
    sample_run, tmp_path, capsys
):
    _, inbox, shared, _ = sample_run
    paths = copy_of(shared.published, tmp_path)
    before = paths.published.read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    run = ["run", "--warehouse", str(paths.root), "--quiet"]
    assert main([*run, "--inbox", str(empty)]) == 1
    out = capsys.readouterr().out
    assert "is empty" in out and "--allow-removals" in out and "NOT published" in out
    assert "Traceback" not in out
    assert paths.published.read_bytes() == before

    most_gone = tmp_path / "most-gone"
    most_gone.mkdir()
    for path in sorted(inbox.iterdir())[:10]:  # 23 of 33 published documents would go
        shutil.copyfile(path, most_gone / path.name)
    assert main([*run, "--inbox", str(most_gone)]) == 1
    assert "23 of the 33 published documents" in capsys.readouterr().out
    assert paths.published.read_bytes() == before

    assert main([*run, "--inbox", str(empty), "--allow-removals"]) == 0
    assert "33 removed" in capsys.readouterr().out
    with duckdb.connect(str(paths.published), read_only=True) as con:
        assert con.execute("select count(*) from reporting.reviews").fetchone() == (0,)


def test_a_document_failing_a_row_level_check_is_quarantined_and_the_rest_published(
    sample_run, tmp_path, capsys, monkeypatch
):
    _, inbox, shared, first = sample_run
    home = tmp_path / "dagster-home"
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    paths = copy_of(shared.published, tmp_path)
    with duckdb.connect(str(paths.published)) as con:
        document_id, path = con.execute(
            "select document_id, path from raw.documents where status = 'ok' order by path limit 1"
        ).fetchone()
        con.execute(  # the real case: one extracted item of 20,041 characters
            "update raw.recommendations set text = repeat('x', 20041) "
            "where recommendation_id = (select min(recommendation_id) from raw.recommendations "
            "where document_id = ?)",
            [document_id],
        )
    status = main(["run", "--inbox", str(inbox), "--warehouse", str(paths.root), "--quiet"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert f"quarantined: {path}: its extracted records failed a blocking data check" in out
    assert "raw_recommendations" in out and "1 quarantined" in out
    with duckdb.connect(str(paths.published), read_only=True) as con:
        assert con.execute(
            "select status from raw.documents where document_id = ?", [document_id]
        ).fetchone() == ("quarantined",)
        assert con.execute(
            "select stage, severity from raw.extraction_issues where document_id = ?",
            [document_id],
        ).fetchall() == [("checks", "error")]
        reviews = con.execute("select count(*) from reporting.reviews").fetchone()[0]
    assert reviews == first.intake.documents_seen - 1

    # The run is in the persistent instance `make serve` shows, with its check results.
    instance = dg.DagsterInstance.from_config(str(home))
    (record,) = instance.get_run_records()
    assert record.dagster_run.tags.get("scr/trigger") == "cli"
    checks = instance.get_records_for_run(
        record.dagster_run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
    ).records
    assert len(checks) >= 7
    instance.dispose()
