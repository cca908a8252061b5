"""Which reader a file needs: by its magic bytes first, by its name second."""

from __future__ import annotations

import io
import zipfile

from ingestion.readers.errors import UnreadableDocument

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
MARKDOWN = "text/markdown"
TEXT = "text/plain"

_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<title")
_MD_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_FOREIGN = (
    (b"\xd0\xcf\x11\xe0", "an old binary Office file (.doc/.xls): save it as .docx or PDF"),
    (b"{\\rtf", "an RTF file: save it as .docx or PDF"),
    (b"\x89PNG", "a PNG image: scan it to a PDF with OCR, or find the text version"),
    (b"\xff\xd8\xff", "a JPEG image: scan it to a PDF with OCR, or find the text version"),
    (b"GIF8", "a GIF image: find the PDF or text version of the report"),
    (b"II*\x00", "a TIFF image: run OCR (e.g. ocrmypdf) and use the resulting PDF"),
    (b"MM\x00*", "a TIFF image: run OCR (e.g. ocrmypdf) and use the resulting PDF"),
    (b"\x1f\x8b", "a gzip archive: unpack it and put the report itself in the inbox"),
    (b"7z\xbc\xaf", "a 7-Zip archive: unpack it and put the report itself in the inbox"),
    (b"Rar!", "a RAR archive: unpack it and put the report itself in the inbox"),
)


def _suffix(filename: str) -> str:
    name = filename.lower().rsplit("/", 1)[-1]
    return name[name.rfind(".") :] if "." in name else ""


def _zip_kind(data: bytes) -> str | None:
    """'docx' for a Word package, else None (other zip containers are not reports we read)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return None
    return "docx" if "word/document.xml" in names else None


def looks_like_text(data: bytes) -> bool:
    """Decodable bytes with few control characters (UTF-16 needs its byte-order mark)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:65536]
    if b"\x00" in sample:
        return False
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if bad > max(2, len(sample) // 100):
        return False
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the sample boundary is still UTF-8.
        if exc.start >= len(sample) - 4 and len(sample) == 65536:
            return True
    # cp1252/latin-1 text: mostly printable ASCII.
    printable = sum(1 for b in sample if 32 <= b < 127 or b in (9, 10, 13))
    return printable >= 0.85 * len(sample)


def detect_media_type(data: bytes, filename: str) -> str:
    """The media type of a report; raises UnreadableDocument for anything we cannot read."""
    if not data:
        raise UnreadableDocument(
            f"{filename or 'the file'} is empty (0 bytes): copy or download it again."
        )
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        if _zip_kind(data) == "docx":
            return DOCX
        raise UnreadableDocument(
            f"{filename} is a zip file but not a Word .docx document (no word/document.xml): "
            "unpack it or save the report as .docx or PDF."
        )
    for magic, what in _FOREIGN:
        if data.startswith(magic):
            raise UnreadableDocument(f"{filename} is {what}.")
    suffix = _suffix(filename)
    if looks_like_text(data):
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if stripped.startswith((b"<!doctype html", b"<html", b"<?xml")) and (
            b"<html" in data[:4096].lower()
        ):
            return HTML
        if suffix in _HTML_SUFFIXES or any(m in head.lower() for m in _HTML_MARKERS[:2]):
            return HTML
        if suffix in _MD_SUFFIXES:
            return MARKDOWN
        return TEXT
    if suffix == ".pdf":
        raise UnreadableDocument(
            f"{filename} is named .pdf but is not a PDF (no %PDF header): download it again."
        )
    if suffix == ".docx":
        raise UnreadableDocument(
            f"{filename} is named .docx but is not a Word package: open and re-save it in Word."
        )
    raise UnreadableDocument(
        f"{filename} is not a PDF, Word .docx, HTML or text file (unknown binary content): "
        "convert the report to one of those formats."
    )
