"""PDF reader on tiny PDFs made here with reportlab: text, ruled tables, furniture, bad files."""

from __future__ import annotations

import io

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from ingestion.normalise import normalise
from ingestion.readers import UnreadableDocument, detect_media_type, read_document
from ingestion.segmentation import find_recommendations

STYLES = getSampleStyleSheet()


def _pdf(story: list, footer: str | None = None) -> bytes:
    buf = io.BytesIO()

    def on_page(c: canvas.Canvas, doc: SimpleDocTemplate) -> None:
        if footer:
            c.setFont("Helvetica", 8)
            c.drawString(72, 30, footer)
            c.drawString(500, 30, str(doc.page))

    doc = SimpleDocTemplate(buf, pagesize=A4)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()


def _p(text: str, style: str = "BodyText") -> Paragraph:
    return Paragraph(text, STYLES[style])


def test_text_and_pages():
    data = _pdf([_p("Serious Case Review: Child A", "Title"), PageBreak(), _p("Second page text.")])
    doc = read_document(data, "child-a.pdf")
    assert doc.media_type == "application/pdf"
    assert len(doc.pages) == 2
    assert "Serious Case Review: Child A" in doc.pages[0]
    assert "Second page text." in doc.pages[1]
    assert "\r" not in doc.pages[0]


def test_ruled_table_becomes_row_lines():
    ss = STYLES["BodyText"]
    rows = [
        ["No.", "Recommendation", "Agency"],
        [
            "1",
            Paragraph(
                "The LSCB should ensure that all agencies review their training on neglect.", ss
            ),
            "LSCB",
        ],
        [
            "2",
            Paragraph("Police should share domestic abuse notifications with health visitors.", ss),
            "Police",
        ],
    ]
    table = Table(rows, colWidths=[40, 300, 100])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    data = _pdf([_p("Recommendations", "Heading1"), table, _p("Text after the table.")])
    page = read_document(data, "t.pdf").pages[0]
    lines = page.splitlines()
    assert "No. | Recommendation | Agency" in lines
    assert (
        "1 | The LSCB should ensure that all agencies review their training on neglect. | LSCB"
        in lines
    )
    assert lines.index("Recommendations") < lines.index("No. | Recommendation | Agency")
    assert lines[-1] == "Text after the table."
    recs = find_recommendations(normalise(read_document(data, "t.pdf")))
    assert [(r.label, r.heading) for r in recs] == [("1", "LSCB"), ("2", "Police")]
    assert recs[1].text.startswith("Police should share domestic abuse")


def test_merged_cell_in_ruled_table_is_read_once():
    ss = STYLES["BodyText"]
    rows = [
        ["Rec", "Action", "Lead", "Timescale"],
        ["1", Paragraph("Review the neglect strategy", ss), "LSCB", "March 2012"],
        ["", Paragraph("Deliver neglect training", ss), "LSCB", "June 2012"],
    ]
    table = Table(rows, colWidths=[40, 200, 100, 100])
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (0, 1), (0, 2))])
    )
    page = read_document(_pdf([_p("Action plan", "Heading1"), table]), "ap.pdf").pages[0]
    assert "1 | Review the neglect strategy | LSCB | March 2012" in page.splitlines()
    assert " | Deliver neglect training | LSCB | June 2012" in page


def test_running_footer_and_page_numbers_removed_after_normalising():
    story = []
    for k in range(4):
        story += [_p(f"Paragraph on page {k + 1} about the case."), PageBreak()]
    data = _pdf(story[:-1], footer="Northshire LSCB - Serious Case Review Child B - Final")
    norm = normalise(read_document(data, "b.pdf"))
    assert "Final" not in norm.text
    assert norm.text.splitlines() == [
        f"Paragraph on page {k + 1} about the case." for k in range(4)
    ]
    assert len(norm.page_starts) == 4
    assert norm.page_of(norm.text.index("page 3")) == 3


def test_encrypted_pdf_with_user_password_is_unreadable():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="secret")
    c.drawString(100, 700, "hidden")
    c.save()
    with pytest.raises(UnreadableDocument) as err:
        read_document(buf.getvalue(), "locked.pdf")
    assert "password" in err.value.reason


def test_owner_password_only_pdf_opens_with_empty_password():
    from reportlab.lib import pdfencrypt

    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=0)
    c = canvas.Canvas(buf, encrypt=enc)
    c.drawString(100, 700, "The LSCB should review its procedures on neglect cases.")
    c.save()
    doc = read_document(buf.getvalue(), "owner.pdf")
    assert "review its procedures" in doc.pages[0]


def test_image_only_pdf_needs_ocr():
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(100, 100, 300, 400, fill=1)  # a "scan": drawing, no text layer
    c.showPage()
    c.rect(100, 100, 300, 400, fill=1)
    c.save()
    with pytest.raises(UnreadableDocument) as err:
        read_document(buf.getvalue(), "scan.pdf")
    assert "OCR" in err.value.reason


def test_truncated_pdf_is_unreadable():
    data = _pdf([_p("Some text in a report.")])
    with pytest.raises(UnreadableDocument) as err:
        read_document(data[:200], "cut.pdf")
    assert "damaged" in err.value.reason or "no usable text" in err.value.reason


def test_pdf_detected_by_magic_not_name():
    data = _pdf([_p("Some text in a report.")])
    assert detect_media_type(data, "report.docx") == "application/pdf"


def test_pdfplumber_fallback_reads_the_same_cells():
    from ingestion.readers.pdf_reader import _plumber_page

    rows = [["Rec", "Action", "Lead"], ["1", "Audit cases", "Head of Service"]]
    table = Table(rows, colWidths=[40, 200, 150])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    text = _plumber_page(_pdf([_p("Action plan", "Heading1"), table]), 0)
    assert text is not None
    assert text.splitlines()[-2:] == ["Rec | Action | Lead", "1 | Audit cases | Head of Service"]


def test_only_recommendation_and_plan_tables_are_read_cell_by_cell():
    glossary = Table([["Term", "Meaning"], ["CAF", "Common Assessment Framework"]])
    plan = Table([["Rec", "Action", "Lead"], ["1", "Audit cases", "Head of Service"]])
    for t in (glossary, plan):
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    page = read_document(_pdf([glossary, _p("Action plan", "Heading1"), plan]), "g.pdf").pages[0]
    lines = page.splitlines()
    assert "Term | Meaning" not in lines  # pdfium's own text: nothing to gain from cells here
    assert "CAF Common Assessment Framework" in lines or "CAF" in lines
    assert "1 | Audit cases | Head of Service" in lines
