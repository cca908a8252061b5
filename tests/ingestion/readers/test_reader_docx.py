"""DOCX reader on documents made here with python-docx: Word numbering, tables, page breaks, bombs."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from ingestion.normalise import normalise
from ingestion.readers import UnreadableDocument, detect_media_type, read_document
from ingestion.segmentation import find_recommendations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# A three-level Word list: "1.", "1.1", "(a)" - the way recommendation lists are usually built.
ABSTRACT = f"""
<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
"""
NUM = f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _numbered(document: docx.document.Document, text: str, level: int, num_id: int = 90) -> None:
    p = document.add_paragraph(text)
    ppr = p._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _bytes(document: docx.document.Document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _with_list() -> docx.document.Document:
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    numbering.append(parse_xml(NUM))
    return d


def test_word_numbering_is_rebuilt_into_labels():
    d = _with_list()
    d.add_heading("Recommendations", level=1)
    d.add_paragraph("Children's Social Care")
    _numbered(d, "Training", 0)
    _numbered(d, "Social workers should complete neglect training within six months.", 1)
    _numbered(d, "Managers should audit the use of the neglect toolkit.", 1)
    _numbered(d, "The LSCB should monitor attendance at multi-agency training:", 0)
    _numbered(d, "by agency;", 2)
    _numbered(d, "by role.", 2)
    doc = read_document(_bytes(d), "scr.docx")
    assert doc.media_type == DOCX
    lines = doc.pages[0].splitlines()
    assert lines[:3] == ["Recommendations", "Children's Social Care", "1. Training"]
    assert "1.1 Social workers should complete neglect training within six months." in lines
    assert "1.2 Managers should audit the use of the neglect toolkit." in lines
    assert "2. The LSCB should monitor attendance at multi-agency training:" in lines
    assert lines[-2:] == ["(a) by agency;", "(b) by role."]
    recs = find_recommendations(normalise(doc))
    assert [r.label for r in recs] == ["1.1", "1.2", "2"]
    assert recs[0].heading == "Children's Social Care"
    assert recs[2].text.endswith("(a) by agency; (b) by role.")


def test_list_number_style_numbering():
    d = docx.Document()
    d.add_paragraph("Recommendations")
    d.add_paragraph("Police should attend every strategy discussion.", style="List Number")
    d.add_paragraph("Health visitors should record the names of all adults.", style="List Number")
    d.add_paragraph("GPs should flag non-attendance at immunisation clinics.", style="List Bullet")
    lines = read_document(_bytes(d), "x.docx").pages[0].splitlines()
    assert lines[1] == "1. Police should attend every strategy discussion."
    assert lines[2] == "2. Health visitors should record the names of all adults."
    assert lines[3] == "• GPs should flag non-attendance at immunisation clinics."


def test_body_order_and_table_rows():
    d = docx.Document()
    d.add_paragraph("Before the table.")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("No.", "Recommendation", "Agency"),
                             ("1", "Review the neglect strategy", "LSCB"),
                             ("2", "Share notifications | daily", "Police")]):  # fmt: skip
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    d.add_paragraph("After the table.")
    lines = read_document(_bytes(d), "t.docx").pages[0].splitlines()
    assert lines == [
        "Before the table.",
        "No. | Recommendation | Agency",
        "1 | Review the neglect strategy | LSCB",
        "2 | Share notifications / daily | Police",
        "After the table.",
    ]


def test_merged_cells():
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "Action plan for Children's Social Care"
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "1", "Audit cases", "Head of Service"
    t.cell(1, 0).merge(t.cell(2, 0))
    t.cell(2, 1).text, t.cell(2, 2).text = "Train staff", "Principal SW"
    lines = read_document(_bytes(d), "m.docx").pages[0].splitlines()
    assert lines[0] == "Action plan for Children's Social Care"  # one filled cell: a plain line
    assert lines[1] == "1 | Audit cases | Head of Service"
    assert lines[2] == "1 | Train staff | Principal SW"  # vertical merge repeats the cell above


def test_page_breaks_split_pages():
    d = docx.Document()
    d.add_paragraph("Page one.")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("Page two.")
    doc = read_document(_bytes(d), "p.docx")
    assert [p.strip() for p in doc.pages] == ["Page one.", "Page two."]


def test_zip_bomb_is_refused_before_parsing():
    d = docx.Document()
    d.add_paragraph("harmless")
    src = zipfile.ZipFile(io.BytesIO(_bytes(d)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, src.read(info.filename))
        z.writestr("word/media/padding.bin", b"\0" * 6_000_000)
    with pytest.raises(UnreadableDocument) as err:
        read_document(out.getvalue(), "bomb.docx")
    assert "zip bomb" in err.value.reason


def test_damaged_docx():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<not xml")
    data = out.getvalue()
    assert detect_media_type(data, "bad.docx") == DOCX
    with pytest.raises(UnreadableDocument) as err:
        read_document(data, "bad.docx")
    assert "Word" in err.value.reason


def test_zip_that_is_not_docx():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnreadableDocument) as err:
        detect_media_type(out.getvalue(), "sheet.xlsx")
    assert "not a Word .docx" in err.value.reason
