"""Readers: bytes of a report in, `RawDocument` (media type + one text per page) out.

Every reader writes table rows the same way (cells joined by " | " on one line, see
`ingestion.segmentation.table_rows`), so segmentation and action-plan parsing read tables whatever the format.
A DOCX or HTML document is one page unless it has explicit page breaks; text splits on form feeds.
Anything that cannot be read raises `UnreadableDocument` with a reason a person can act on.
"""

from __future__ import annotations

from ingestion.readers.detect import DOCX, HTML, MARKDOWN, PDF, TEXT, detect_media_type
from ingestion.readers.errors import UnreadableDocument
from ingestion.records import RawDocument

__all__ = ["UnreadableDocument", "detect_media_type", "read_document"]


def read_document(data: bytes, filename: str) -> RawDocument:
    """Detect the format and read the document; only UnreadableDocument escapes."""
    media_type = detect_media_type(data, filename)
    try:
        if media_type == PDF:
            from ingestion.readers.pdf_reader import read_pdf

            return read_pdf(data, filename)
        if media_type == DOCX:
            from ingestion.readers.docx_reader import read_docx

            return read_docx(data, filename)
        if media_type == HTML:
            from ingestion.readers.html_reader import read_html

            return read_html(data)
        if media_type == MARKDOWN:
            from ingestion.readers.text_reader import read_markdown

            return read_markdown(data)
        if media_type == TEXT:
            from ingestion.readers.text_reader import read_text

            return read_text(data)
    except UnreadableDocument:
        raise
    except RecursionError as exc:
        raise UnreadableDocument(
            f"{filename} is nested too deeply to read ({media_type}): re-save or export it to PDF."
        ) from exc
    except Exception as exc:  # a reader bug or a hostile file: quarantine with the cause
        raise UnreadableDocument(
            f"{filename} could not be read as {media_type} ({type(exc).__name__}: {exc}): "
            "re-save or re-export the document and try again."
        ) from exc
    raise UnreadableDocument(f"{filename}: no reader for {media_type}.")
