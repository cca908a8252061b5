"""`scr briefing` writes the briefing; `scr report`, its former name, still does, unlisted."""

from __future__ import annotations

import pytest

from orchestration.cli import build_parser, main
from tests.publications.contract_tables import create_contract_tables


def test_help_lists_briefing_and_not_its_former_name():
    listed = build_parser().format_help()
    assert "briefing" in listed
    assert "report" not in listed.split("positional arguments:")[1].split("options:")[0].split()


@pytest.mark.parametrize("command", ["briefing", "report"])
def test_briefing_and_its_alias_write_briefing_html(command, tmp_path, capsys):
    import duckdb

    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    with duckdb.connect(str(warehouse / "scr.duckdb")) as con:
        create_contract_tables(con)
    assert main([command, "--warehouse", str(warehouse)]) == 0
    written = warehouse / "briefing.html"
    assert f"written: {written}" in capsys.readouterr().out
    assert 'id="table-1"' in written.read_text(encoding="utf-8")
