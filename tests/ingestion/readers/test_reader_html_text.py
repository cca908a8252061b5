"""HTML, Markdown and plain-text readers, and media-type detection."""

from __future__ import annotations

import pytest

from ingestion.readers import UnreadableDocument, detect_media_type, read_document
from ingestion.readers.text_reader import decode_text

HTML = b"""<!DOCTYPE html><html><head><title>SCR Child C</title><style>p{}</style>
<script>var x = "Recommendations";</script></head><body>
<nav>Home | Reports</nav>
<h2>Recommendations</h2>
<p>The panel makes the following <b>recommendations</b>.</p>
<ol start="3"><li>The LSCB should review its neglect strategy.</li>
<li>Schools should <a href="#">record</a> every concern.<ol type="a"><li>in the pupil file;</li>
<li>on the MASH referral.</li></ol></li></ol>
<ul><li>Police should share notifications.</li></ul>
<table><tr><th>No.</th><th>Recommendation</th><th>Agency</th></tr>
<tr><td>5</td><td>Audit <br>cases</td><td>CSC</td></tr></table>
<div style="page-break-before: always">Second page</div>
</body></html>"""


def test_html_block_structure_lists_and_tables():
    doc = read_document(HTML, "child-c.html")
    assert doc.media_type == "text/html"
    assert len(doc.pages) == 2
    lines = doc.pages[0].splitlines()
    assert lines == [
        "Recommendations",
        "The panel makes the following recommendations.",
        "3. The LSCB should review its neglect strategy.",
        "4. Schools should record every concern.",
        "a. in the pupil file;",
        "b. on the MASH referral.",
        "• Police should share notifications.",
        "No. | Recommendation | Agency",
        "5 | Audit cases | CSC",
    ]
    assert doc.pages[1] == "Second page"


def test_deeply_nested_html_does_not_crash():
    data = (
        b"<html><body>"
        + b"<div>" * 5000
        + b"Recommendations"
        + b"</div>" * 5000
        + b"</body></html>"
    )
    doc = read_document(data, "deep.html")
    assert "Recommendations" in doc.pages[0]


def test_markdown():
    md = (
        b"# Serious Case Review\n\n## Recommendations\n\n1. The **LSCB** should act.\n"
        b"- [Police](http://x) should share.\n\n| No. | Recommendation |\n|---|---|\n| 2 | Audit |\n"
    )
    doc = read_document(md, "review.md")
    assert doc.media_type == "text/markdown"
    assert doc.pages[0].splitlines() == [
        "Serious Case Review",
        "",
        "Recommendations",
        "",
        "1. The LSCB should act.",
        "• Police should share.",
        "",
        "No. | Recommendation",
        "2 | Audit",
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Children’s social care".encode(), "Children’s social care"),
        (b"\xef\xbb\xbf" + "Children’s".encode(), "Children’s"),
        ("Children’s".encode("utf-16"), "Children’s"),
        ("Children’s £5".encode("cp1252"), "Children’s £5"),
        (b"caf\xe9 \x81", "café \x81"),  # a byte cp1252 leaves undefined: latin-1, nothing lost
    ],
)
def test_text_encodings(data, expected):
    assert decode_text(data) == expected


def test_plain_text_pages_split_on_form_feed():
    doc = read_document(b"Page one\r\nline two\fPage two", "r.txt")
    assert doc.media_type == "text/plain"
    assert doc.pages == ("Page one\nline two", "Page two")


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "empty.pdf", "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.doc", ".docx or PDF"),
        (bytes(range(256)) * 40, "junk.bin", "not a PDF, Word .docx, HTML or text"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "scan.png", "OCR"),
        (b"\0\1\2\3" * 100, "report.pdf", "no %PDF header"),
    ],
)
def test_unreadable_inputs_have_actionable_reasons(data, name, reason):
    with pytest.raises(UnreadableDocument) as err:
        read_document(data, name)
    assert reason in err.value.reason


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.4\n...", "x.txt", "application/pdf"),
        (b"<!doctype html><html><body>x</body></html>", "x.txt", "text/html"),
        (b"<p>fragment</p>", "page.htm", "text/html"),
        (b"# Title\n", "notes.md", "text/markdown"),
        (b"Just text.\n", "notes", "text/plain"),
    ],
)
def test_detect_media_type(data, name, expected):
    assert detect_media_type(data, name) == expected


def test_list_number_stays_with_paragraph_inside_list_item():
    data = b"<ol><li><p>The LSCB should act.</p><p>More detail.</p></li><li>Second.</li></ol>"
    assert read_document(data, "x.html").pages[0].splitlines() == [
        "1. The LSCB should act.",
        "More detail.",
        "2. Second.",
    ]
