import json

import dagster as dg

from orchestration.inbox import hash_file
from orchestration.resources import WarehouseResource
from orchestration.sensors import inbox_sensor, pending_run_key
from warehouse.build import publish_build, start_build
from warehouse.paths import WarehousePaths


def _evaluate(inbox, warehouse_dir, cursor=None):
    context = dg.build_sensor_context(
        cursor=cursor,
        resources={
            "warehouse": WarehouseResource(inbox=str(inbox), warehouse_dir=str(warehouse_dir))
        },
    )
    return inbox_sensor(context), context.cursor


def test_new_file_requests_a_run_keyed_by_its_hash(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("a new report")
    result, cursor = _evaluate(inbox, tmp_path / "wh")
    assert isinstance(result, dg.RunRequest)
    assert result.run_key
    again, _ = _evaluate(inbox, tmp_path / "wh", cursor)
    assert again.run_key == result.run_key  # same pending change: Dagster will not start it twice
    assert json.loads(cursor)["a.txt"][2] == hash_file(inbox / "a.txt")


def test_no_run_when_every_file_is_already_published(tmp_path, make_frames):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    report = inbox / "a.txt"
    report.write_text("a published report")
    paths = WarehousePaths(tmp_path / "wh")
    build = start_build(paths)
    import duckdb

    with duckdb.connect(str(build)) as con:
        con.execute(
            "insert into raw.documents (document_id, path, status, extractor_version) "
            "values (?, 'a.txt', 'ok', ?)",
            [hash_file(report), __import__("ingestion.records").records.EXTRACTOR_VERSION],
        )
    publish_build(paths)
    result, _ = _evaluate(inbox, paths.root)
    assert isinstance(result, dg.SkipReason)
    (inbox / "b.txt").write_text("another report")
    result, _ = _evaluate(inbox, paths.root)
    assert isinstance(result, dg.RunRequest)


def test_run_key_names_additions_and_removals(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    from orchestration.inbox import list_inbox

    hashed = [(f, hash_file(f.path)) for f in list_inbox(tmp_path)]
    version = __import__("ingestion.records").records.EXTRACTOR_VERSION
    assert pending_run_key(hashed, {hashed[0][1]: version}) is None
    assert pending_run_key(hashed, {}) != pending_run_key(hashed, {"x" * 64: version})


def _published_with(paths, documents):
    import duckdb

    from ingestion.records import EXTRACTOR_VERSION

    build = start_build(paths)
    with duckdb.connect(str(build)) as con:
        for document_id, path in documents:
            con.execute(
                "insert into raw.documents (document_id, path, status, extractor_version) "
                "values (?, ?, 'ok', ?)",
                [document_id, path, EXTRACTOR_VERSION],
            )
    publish_build(paths)


def test_an_empty_inbox_starts_no_run_that_would_wipe_the_warehouse(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()  # a network share whose mount point is briefly empty
    paths = WarehousePaths(tmp_path / "wh")
    _published_with(paths, [("a" * 64, "a.txt"), ("b" * 64, "b.txt")])
    result, _ = _evaluate(inbox, paths.root)
    assert isinstance(result, dg.SkipReason)
    assert "empty" in result.skip_message and "--allow-removals" in result.skip_message


def test_removing_more_than_half_of_the_published_documents_waits_for_a_person(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("the one report left")
    paths = WarehousePaths(tmp_path / "wh")
    _published_with(paths, [(hash_file(inbox / "a.txt"), "a.txt"), ("b" * 64, "b.txt")])
    assert isinstance(_evaluate(inbox, paths.root)[0], dg.RunRequest)  # 1 of 2 is allowed
    _published_with(
        paths,
        [(hash_file(inbox / "a.txt"), "a.txt"), ("b" * 64, "b.txt"), ("c" * 64, "c.txt")],
    )
    result, _ = _evaluate(inbox, paths.root)  # 2 of 3 is not
    assert isinstance(result, dg.SkipReason) and "2 of the 3" in result.skip_message
    context = dg.build_sensor_context(
        resources={
            "warehouse": WarehouseResource(
                inbox=str(inbox), warehouse_dir=str(paths.root), allow_removals=True
            )
        },
    )
    assert isinstance(inbox_sensor(context), dg.RunRequest)
