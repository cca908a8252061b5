import os

import pytest

from ingestion.errors import UsageError
from orchestration.inbox import diff_inbox, hash_file, list_inbox

V = "1.0"


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_list_inbox_is_sorted_relative_and_skips_hidden_and_partial_files(tmp_path):
    _write(tmp_path, "b.pdf", "b")
    _write(tmp_path, "sub/a.txt", "a")
    _write(tmp_path, ".DS_Store", "x")
    _write(tmp_path, "~$draft.docx", "x")
    _write(tmp_path, "c.pdf.part", "x")
    assert [f.relative_path for f in list_inbox(tmp_path)] == ["b.pdf", "sub/a.txt"]


def test_list_inbox_names_a_missing_folder(tmp_path):
    with pytest.raises(UsageError, match="nope"):
        list_inbox(tmp_path / "nope")


def test_symlinks_are_not_followed(tmp_path):
    outside = _write(tmp_path / "outside", "secret.txt", "s")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.symlink(outside, inbox / "link.txt")
    assert list_inbox(inbox) == []


def _hashed(folder):
    return [(f, hash_file(f.path)) for f in list_inbox(folder)]


def test_diff_new_unchanged_changed_version_and_removed(tmp_path):
    _write(tmp_path, "a.txt", "report a")
    _write(tmp_path, "b.txt", "report b")
    hashed = _hashed(tmp_path)
    ids = {f.relative_path: h for f, h in hashed}
    known = {ids["a.txt"]: V, ids["b.txt"]: "0.9", "gone" * 16: V}
    diff = diff_inbox(hashed, known, V)
    assert set(diff.unchanged) == {ids["a.txt"]}
    assert set(diff.to_extract) == {ids["b.txt"]}  # extracted by an older extractor
    assert diff.to_remove == {"gone" * 16}
    assert diff.duplicates == {}


def test_same_bytes_under_two_names_is_loaded_once(tmp_path):
    _write(tmp_path, "a.txt", "same")
    _write(tmp_path, "copy of a.txt", "same")
    diff = diff_inbox(_hashed(tmp_path), {}, V)
    assert [f.relative_path for f in diff.to_extract.values()] == ["a.txt"]
    assert diff.duplicates == {"copy of a.txt": "a.txt"}


def test_changed_file_is_a_new_document_and_the_old_one_goes(tmp_path):
    path = _write(tmp_path, "a.txt", "first version")
    old_id = hash_file(path)
    _write(tmp_path, "a.txt", "second version")
    diff = diff_inbox(_hashed(tmp_path), {old_id: V}, V)
    assert diff.to_remove == {old_id}
    assert len(diff.to_extract) == 1


def test_removal_refusal_guards_an_empty_inbox_and_large_removals(tmp_path):
    from orchestration.inbox import removal_refusal

    assert removal_refusal(0, 10, 0, 0.5, tmp_path) is None
    assert "is empty" in removal_refusal(3, 3, 0, 0.5, tmp_path)
    assert "is empty" in removal_refusal(1, 10, 0, 1.0, tmp_path)  # empty: always refused
    assert removal_refusal(5, 10, 5, 0.5, tmp_path) is None  # exactly the share: allowed
    refusal = removal_refusal(6, 10, 4, 0.5, tmp_path)
    assert "6 of the 10" in refusal and "--allow-removals" in refusal


def test_a_file_changed_in_place_is_an_update_not_a_loss(tmp_path):
    from orchestration.inbox import documents_gone

    _write(tmp_path, "a.txt", "new version")
    files = list_inbox(tmp_path)
    paths = {"old-a": "a.txt", "old-b": "b.txt"}
    assert documents_gone(frozenset({"old-a"}), paths, files) == 0  # a.txt is still there
    assert documents_gone(frozenset({"old-a", "old-b"}), paths, files) == 1
