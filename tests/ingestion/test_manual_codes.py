from ingestion.codebook import load_codebook
from ingestion.manual_codes import parse_manual_codes

CODEBOOK = load_codebook()


def test_valid_rows_are_kept_and_normalised():
    text = (
        "Recommendation_ID,Code_Type,Code,Coder\n"
        "abc-0001, Agency ,Police,JB\n"
        "abc-0001,theme,training,\n"
    )
    frame, problems = parse_manual_codes(text, "jb.csv", CODEBOOK)
    assert problems == []
    assert frame.rows() == [
        ("abc-0001", "agency", "police", "JB", "jb.csv"),
        ("abc-0001", "theme", "training", None, "jb.csv"),
    ]


def test_unknown_codes_are_reported_with_file_and_line_and_skipped():
    text = (
        "recommendation_id,code_type,code,coder\n"
        "abc-0001,agency,social_services,JB\n"
        "abc-0002,mood,happy,JB\n"
        ",theme,training,JB\n"
        "abc-0003,layer,family,JB\n"
    )
    frame, problems = parse_manual_codes(text, "jb.csv", CODEBOOK)
    assert frame["recommendation_id"].to_list() == ["abc-0003"]
    assert [p.split(":")[0] for p in problems] == [
        "jb.csv line 2",
        "jb.csv line 3",
        "jb.csv line 4",
    ]
    assert "social_services" in problems[0]


def test_a_file_without_the_columns_is_ignored_whole():
    frame, problems = parse_manual_codes("id,agency\n1,police\n", "bad.csv", CODEBOOK)
    assert frame.is_empty()
    assert problems == [
        "bad.csv: missing column(s) recommendation_id, code_type, code; file ignored"
    ]


def test_every_csv_of_the_folder_is_read_and_an_unreadable_one_is_named(tmp_path):
    from ingestion.manual_codes import combine_manual_codes, read_manual_code_files

    (tmp_path / "b.csv").write_text("recommendation_id,code_type,code\nabc-0001,theme,training\n")
    (tmp_path / "a.csv").write_bytes(b"\xff\xfe\xfa not utf-8")
    (tmp_path / "notes.txt").write_text("not read")
    files = read_manual_code_files(tmp_path)
    assert [f.name for f in files] == ["a.csv", "b.csv"]
    manual = combine_manual_codes(files, CODEBOOK)
    assert manual.codes["code"].to_list() == ["training"]
    assert [name for name, _ in manual.problems] == ["a.csv"]
    assert "cannot be read" in manual.problems[0][1]


def test_a_missing_folder_has_no_codes(tmp_path):
    from ingestion.manual_codes import combine_manual_codes, read_manual_code_files

    manual = combine_manual_codes(read_manual_code_files(tmp_path / "none"), CODEBOOK)
    assert manual.codes.is_empty() and manual.problems == []
