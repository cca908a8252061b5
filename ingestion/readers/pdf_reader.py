"""PDF: pypdfium2 text page by page; ruled tables rebuilt into row lines on the pages that have them.

pypdfium2 gives "\\r\\n" line ends and content-stream order (a footer drawn by the page template
can come first); both are left to `normalise`, which knows about running headers and footers.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium

from ingestion.readers.errors import UnreadableDocument
from ingestion.readers.pdf_tables import Table, find_tables, is_candidate
from ingestion.records import RawDocument
from ingestion.segmentation.table_rows import table_lines

MIN_CHARS_PER_PAGE = 10  # a page with fewer visible characters is an image (scan) page


def _open(data: bytes, filename: str) -> pdfium.PdfDocument:
    """Open the PDF, trying no password and then the empty user password."""
    last: Exception | None = None
    for password in (None, ""):
        try:
            return pdfium.PdfDocument(data, password=password)
        except pdfium.PdfiumError as exc:
            last = exc
            if getattr(exc, "err_code", None) != 4:  # 4 = FPDF_ERR_PASSWORD
                break
    if last is not None and getattr(last, "err_code", None) == 4:
        raise UnreadableDocument(
            f"{filename} is password-protected (encrypted PDF): ask the publisher for an "
            "unprotected copy, or remove the password and drop the file in the inbox again."
        ) from last
    raise UnreadableDocument(
        f"{filename} could not be opened as a PDF ({last}): the file is damaged or truncated; "
        "download it again or re-export it from the source document."
    ) from last


def _band(
    textpage: pdfium.PdfTextPage, left: float, bottom: float, right: float, top: float
) -> str:
    if top - bottom < 1 or right - left < 1:
        return ""
    return textpage.get_text_bounded(left=left, bottom=bottom, right=right, top=top)


def _compose(textpage: pdfium.PdfTextPage, width: float, height: float, tables: list[Table]) -> str:
    """Page text with each table replaced by its row lines, in top-to-bottom order."""
    parts: list[str] = []
    top = height + 1000  # text drawn above the media box still belongs to the page
    for t in tables:
        parts.append(_band(textpage, -1000, t.y1 + 0.5, width + 1000, top))
        parts.append("\n".join(table_lines(t.rows)))
        parts.append(_band(textpage, -1000, t.y0 + 0.5, t.x0 - 0.5, t.y1 - 0.5))
        parts.append(_band(textpage, t.x1 + 0.5, t.y0 + 0.5, width + 1000, t.y1 - 0.5))
        top = t.y0 - 0.5
    parts.append(_band(textpage, -1000, -1000, width + 1000, top))
    return "\n".join(p for p in parts if p.strip())


def _plumber_page(data: bytes, index: int) -> str | None:
    """Fallback for a page whose grid pdfium cannot see: pdfplumber on that page only."""
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data), pages=[index + 1]) as pdf:
            page = pdf.pages[0]
            found = page.find_tables()
            if not found:
                return None
            parts = []
            top = 0.0
            for tb in sorted(found, key=lambda t: t.bbox[1]):
                x0, t0, x1, b0 = tb.bbox
                if t0 > top:
                    above = page.crop((0, top, page.width, t0)).extract_text() or ""
                    parts.append(above)
                parts.append("\n".join(table_lines(tb.extract())))
                top = b0
            if top < page.height:
                parts.append(page.crop((0, top, page.width, page.height)).extract_text() or "")
            return "\n".join(p for p in parts if p.strip())
    except Exception:  # noqa: BLE001 - a fallback must never lose the page's pdfium text
        return None


def _has_form_rulings(page: pdfium.PdfPage) -> bool:
    """Does the page draw its lines inside form XObjects (invisible to the path scan)?"""
    import pypdfium2.raw as c

    n = c.FPDFPage_CountObjects(page)
    forms = 0
    for j in range(min(n, 2000)):
        if c.FPDFPageObj_GetType(c.FPDFPage_GetObject(page, j)) == c.FPDF_PAGEOBJ_FORM:
            forms += 1
    return forms > 0


def read_pdf(
    data: bytes, filename: str = "the file", use_plumber_fallback: bool = False
) -> RawDocument:
    """A PDF report as one text per page (tables as row lines, see ingestion.segmentation.table_rows)."""
    pdf = _open(data, filename)
    pages: list[str] = []
    try:
        previous_table = False
        continues: int | None = None  # columns of the wanted table that ended the last page
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_range()
                if is_candidate(text, previous_table):
                    tables = find_tables(page, textpage, text.count("\n") + 1, continues)
                    previous_table = bool(tables)
                    continues = len(tables[-1].rows[0]) if tables and tables[-1].rows else None
                    if tables:
                        width, height = page.get_size()
                        text = _compose(textpage, width, height, tables)
                    elif use_plumber_fallback and _has_form_rulings(page):
                        text = _plumber_page(data, i) or text
                else:
                    continues = None
            finally:
                textpage.close()
                page.close()
            pages.append(text.replace("\r\n", "\n").replace("\r", "\n"))
    except pdfium.PdfiumError as exc:
        raise UnreadableDocument(
            f"{filename}: a page could not be read ({exc}); the PDF is damaged: re-export it."
        ) from exc
    finally:
        pdf.close()
    if not pages:
        raise UnreadableDocument(f"{filename} has no pages: download or export it again.")
    with_text = sum(1 for p in pages if len("".join(p.split())) >= MIN_CHARS_PER_PAGE)
    if with_text == 0 or (len(pages) >= 4 and with_text < 0.2 * len(pages)):
        raise UnreadableDocument(
            f"{filename} has no usable text layer (text on {with_text} of {len(pages)} pages): it "
            "is probably scanned images and needs OCR (e.g. `ocrmypdf in.pdf out.pdf`); put the "
            "OCR'd PDF in the inbox."
        )
    return RawDocument(media_type="application/pdf", pages=tuple(pages))
