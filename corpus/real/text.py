"""The canonical text of a real document, the one every label's character span points into.

It is pypdfium2's plain page text (pinned version), with `\\r\\n` folded to `\\n` and pages joined
by a form feed. It is deliberately not the project's own reader output, so that rebuilding the
readers or the normaliser never moves a label; the labels' text hashes catch a library change.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

PAGE_BREAK = "\f"
_SPACE = re.compile(r"\s+")


def sha256_of(path: Path) -> str:
    """The document id used across the project: SHA-256 of the file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def canonical_text(path: Path) -> str:
    """Every page's text in reading order of the content stream, pages joined by form feeds."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
        return PAGE_BREAK.join(pages)
    finally:
        pdf.close()


def item_text(text: str, start: int, end: int) -> str:
    """An item's words as a classifier should see them: the span with white space folded."""
    return _SPACE.sub(" ", text[start:end]).strip()


def text_hash(item: str) -> str:
    """A short fingerprint of an item's folded text, so a label that drifts off its span fails."""
    return hashlib.sha256(item.encode("utf-8")).hexdigest()[:16]
