import pytest

from orchestration.cli import main


def test_help_explains_the_commands(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "run" in out and "corpus" in out


def test_run_help_documents_exit_status(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    out = capsys.readouterr().out
    assert "Exit status" in out and "--inbox" in out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["run", "--workers", "many"])
    assert exit_info.value.code == 2


def test_report_and_export_name_a_missing_warehouse(tmp_path, capsys):
    assert main(["report", "--warehouse", str(tmp_path)]) == 1
    assert str(tmp_path) in capsys.readouterr().err
    export = ["export", "--format", "csv", "--out", str(tmp_path / "x")]
    assert main([*export, "--warehouse", str(tmp_path)]) == 1
    assert str(tmp_path) in capsys.readouterr().err


def test_classify_reads_json_lines_and_reports_bad_lines(monkeypatch, capsys):
    import io
    import json

    lines = [
        '{"id": "a", "text": "The police should share domestic abuse notifications with schools."}',
        "not json",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["classify"]) == 2
    captured = capsys.readouterr()
    first = json.loads(captured.out.splitlines()[0])
    assert first["id"] == "a" and first["agency_code"] == "police"
    assert set(first) == {"id", "agency_code", "theme_codes", "layer_code", "confidence"}
    assert "line 2" in captured.err


def test_extract_json_has_the_documented_shape(tmp_path, capsys):
    import json

    from tests.orchestration.hostile_files import REVIEW

    report = tmp_path / "baby-m.txt"
    report.write_text(REVIEW)
    assert main(["extract", str(report), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert set(record) >= {"review", "case_themes", "recommendations", "issues"}
    assert record["review"]["outcome"] == "death"
    assert record["review"]["recommendation_count"] == 3
    first = record["recommendations"][0]
    assert set(first) >= {
        "label",
        "text",
        "section",
        "agency_code",
        "theme_codes",
        "layer_code",
        "page",
        "char_start",
        "char_end",
        "action_plan_items",
    }
    assert first["label"] == "1" and first["text"].startswith("The LSCB should ensure")
    assert report.read_text()[first["char_start"] : first["char_end"]].startswith("The LSCB")


def test_extract_names_an_unreadable_file(tmp_path, capsys):
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    assert main(["extract", str(bad)]) == 1
    assert "empty.pdf" in capsys.readouterr().err


def test_corpus_command_passes_through_to_the_generator(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["corpus", "generate", "--help"])
    assert exit_info.value.code == 0
    assert "--reviews" in capsys.readouterr().out


def test_manual_codes_option_is_listed_and_its_old_name_still_works(capsys, monkeypatch):
    from orchestration.cli import build_parser
    from orchestration.settings import resolve_settings

    with pytest.raises(SystemExit):
        main(["run", "--help"])
    help_text = capsys.readouterr().out
    assert "--manual-codes" in help_text and "--coding" not in help_text
    args = build_parser().parse_args(["run", "--coding", "old"])
    assert args.manual_codes == "old"
    monkeypatch.delenv("SCR_MANUAL_CODES_DIR", raising=False)
    monkeypatch.setenv("SCR_CODING_DIR", "/tmp/old-codes")
    assert str(resolve_settings().manual_codes_dir) == "/tmp/old-codes"
    monkeypatch.setenv("SCR_MANUAL_CODES_DIR", "/tmp/new-codes")
    assert str(resolve_settings().manual_codes_dir) == "/tmp/new-codes"
