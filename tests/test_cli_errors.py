"""Every expected failure is one line a person can act on, with the documented exit status,
and no stack trace; nothing is created before the settings are checked."""

import io
import os
import subprocess
import sys

import pytest

from orchestration.cli import main
from orchestration.settings import PROJECT_ROOT
from warehouse.build import build_lock
from warehouse.paths import WarehousePaths

SAMPLE_PDF = next((PROJECT_ROOT / "corpus" / "sample" / "reports").glob("*.pdf"))
NOT_A_FOLDER = "/etc/passwd/below-a-file"  # unwritable even for root: its parent is a file


def run_cli(args, capsys):
    status = main(args)
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert "Traceback" not in stream, stream
    return status, captured.err.strip()


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("a report")
    return folder


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--inbox", "{tmp}/missing"], {}, "does not exist"),
        (["--inbox", "{tmp}/inbox/a.txt"], {}, "is not a folder"),
        (["--warehouse", NOT_A_FOLDER], {}, "cannot be written"),
        (["--warehouse", "{tmp}/inbox/a.txt"], {}, "is a file, not a folder"),
        ([], {"SCR_WORKERS": "abc"}, "SCR_WORKERS='abc' is not a whole number"),
        ([], {"SCR_MAX_FILE_BYTES": "abc"}, "SCR_MAX_FILE_BYTES='abc'"),
        ([], {"SCR_WORKERS": "0"}, "workers must be 1 or more"),
        (["--max-removal-share", "2"], {}, "between 0 and 1"),
    ],
)
def test_bad_run_settings_are_usage_errors_and_create_nothing(
    args, env, expected, inbox, tmp_path, capsys, monkeypatch
):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    warehouse = tmp_path / "wh"
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--inbox" not in args:
        args += ["--inbox", str(inbox)]
    if "--warehouse" not in args:
        args += ["--warehouse", str(warehouse)]
    status, err = run_cli(["run", *args], capsys)
    assert status == 2
    assert err.startswith("scr run: ") and expected in err and len(err.splitlines()) == 1
    assert not warehouse.exists()


@pytest.mark.parametrize("workers", ["0", "-3"])
def test_workers_below_one_is_a_usage_error(workers, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["run", "--workers", workers])
    assert exit_info.value.code == 2
    assert "must be 1 or more" in capsys.readouterr().err


def test_a_second_concurrent_run_is_refused_in_one_line(inbox, tmp_path, capsys):
    paths = WarehousePaths(tmp_path / "wh")
    with build_lock(paths):
        status, err = run_cli(
            ["run", "--inbox", str(inbox), "--warehouse", str(paths.root)], capsys
        )
    assert status == 1
    assert err.startswith("scr run: another scr run is writing") and len(err.splitlines()) == 1


def test_report_export_and_corpus_to_an_unwritable_path_say_so(tmp_path, capsys):
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    (warehouse / "scr.duckdb").write_bytes(b"")  # only its existence is checked first
    status, err = run_cli(
        ["report", "--warehouse", str(warehouse), "--out", f"{NOT_A_FOLDER}/r.html"], capsys
    )
    assert status == 2 and "cannot write the briefing" in err
    status, err = run_cli(
        ["export", "--format", "csv", "--out", NOT_A_FOLDER, "--warehouse", str(warehouse)],
        capsys,
    )
    assert status == 2 and "cannot write the export" in err
    status, err = run_cli(["corpus", "generate", "--reviews", "1", "--out", NOT_A_FOLDER], capsys)
    assert status == 2 and "/etc/passwd" in err and len(err.splitlines()) == 1


def test_evaluate_names_a_missing_folder_a_bad_truth_file_and_an_empty_one(tmp_path, capsys):
    truth = tmp_path / "truth.jsonl"
    truth.write_text('{"file": "a.pdf"}\nnot json\n')
    status, err = run_cli(
        ["evaluate", "--docs", str(tmp_path / "nope"), "--truth", str(truth)], capsys
    )
    assert status == 2 and "does not exist" in err
    status, err = run_cli(["evaluate", "--docs", str(tmp_path), "--truth", str(truth)], capsys)
    assert status == 2 and "line 2: not JSON" in err
    truth.write_text('{"file": "a.pdf"}\n')
    status, err = run_cli(["evaluate", "--docs", str(tmp_path), "--truth", str(truth)], capsys)
    assert status == 2 and "none of the 1 files" in err  # no perfect score for nothing
    truth.write_text("\n")
    status, err = run_cli(["evaluate", "--docs", str(tmp_path), "--truth", str(truth)], capsys)
    assert status == 2 and "nothing to evaluate" in err


def test_evaluate_help_shows_the_default_output(capsys):
    with pytest.raises(SystemExit):
        main(["evaluate", "--help"])
    assert "benchmarks/results/evaluation.json" in capsys.readouterr().out


def test_classify_speaks_of_lines_and_fields(monkeypatch, capsys):
    lines = ['{"id": 1}', '{"id": 2, "text": "  "}', "[1, 2]", '{"id": 3, "text": 7}']
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    status, err = run_cli(["classify"], capsys)
    assert status == 2
    assert err.splitlines() == [
        "scr classify: line 1: missing field 'text'",
        "scr classify: line 2: field 'text' is empty: give the recommendation's wording",
        'scr classify: line 3: not a JSON object: give {"id": ..., "text": ...}',
        "scr classify: line 4: field 'text' must be a string, not int",
    ]


def test_extract_into_a_closed_pipe_ends_quietly():
    scr = [sys.executable, "-c", "from orchestration.cli import main; raise SystemExit(main())"]
    done = subprocess.run(
        f"{' '.join(scr[:2])} '{scr[2]}' extract --json {SAMPLE_PDF} | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        timeout=120,
    )
    assert done.stdout == '{\n  "path"'[:10]
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


def test_extract_prints_ages_in_years_and_months():
    from orchestration.inspect_commands import years_and_months

    assert years_and_months(0.3066) == "4 months"
    assert years_and_months(2.5) == "2 years 6 months"
    assert years_and_months(1.0) == "1 year"
    assert years_and_months(None) == "-"


def test_an_unexpected_error_goes_to_a_log_file_not_the_terminal(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("SCR_WAREHOUSE_DIR", str(tmp_path))

    def broken(args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("orchestration.publication_commands._export", broken)
    monkeypatch.setattr("orchestration.cli.build_parser", _parser_with(broken))
    status, err = run_cli(["export", "--format", "csv", "--out", str(tmp_path)], capsys)
    assert status == 1 and "internal error (ZeroDivisionError: a bug)" in err
    (log,) = (tmp_path / "logs").glob("scr-export-*.log")
    assert str(log) in err and "Traceback" in log.read_text()


def _parser_with(handler):
    from orchestration import cli

    original = cli.build_parser

    def build():
        parser = original()
        parser.set_defaults(handler=handler)
        return parser

    return build
