"""A hostile inbox, made on the spot: every kind of bad file people really drop in a folder."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

REVIEW = """\
Eastvale Safeguarding Children Partnership
Serious Case Review: Baby M

Introduction
Baby M, a boy aged ten weeks, died in hospital in January 2011 from injuries consistent with
shaking. His mother was 17 and lived with a partner who was not known to children's social care.

Recommendations
1. The LSCB should ensure that all agencies ask who lives in the household at every contact.
2. The hospital trust must review how the emergency department shares concerns with health visitors.
3. Children's social care should audit the quality of assessments of young parents within six months.
"""

NO_RECOMMENDATIONS = """\
Westmoor LSCB
Serious Case Review: Child K
Child K, a girl aged 4, was seriously injured at home in 2012. Her mother's mental health had
deteriorated and professionals did not share what they knew. The review is continuing and its
findings and learning for safeguarding partners will be published later.
"""

NOT_A_REVIEW = """\
INVOICE 2291
Supplier: Acme Office Furniture Ltd
3 x swivel chairs at 120.00 GBP
Total due within 30 days: 360.00 GBP
"""


def _pdf(text: str, encrypt: StandardEncryption | None = None, text_layer: bool = True) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt, invariant=1)
    if text_layer:
        y = 800
        for line in text.splitlines():
            pdf.drawString(50, y, line)
            y -= 14
    else:  # a scan: pictures only, no text to select
        for i in range(20):
            pdf.rect(50, 780 - i * 30, 400, 20, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A DOCX whose document.xml expands to 300 MB from well under 1 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    return buffer.getvalue()


# file name -> (bytes, is it good?)
def hostile_inbox(folder: Path, size_limit: int) -> dict[str, bool]:
    """Write the hostile inbox into `folder`; return {file name: should it load}."""
    files: dict[str, tuple[bytes, bool]] = {
        "good-review.txt": (REVIEW.encode(), True),
        "saved-again-good-review.txt": (REVIEW.encode(), True),  # duplicate: loaded once
        "corrupt.pdf": (b"%PDF-1.7\n1 0 obj <<\n" + bytes(range(256)) * 40, False),
        "encrypted.pdf": (_pdf(REVIEW, StandardEncryption("secret", canPrint=0)), False),
        "empty-password.pdf": (_pdf(REVIEW, StandardEncryption("", "owner")), True),
        "zero-bytes.pdf": (b"", False),
        "scanned.pdf": (_pdf(REVIEW, text_layer=False), False),
        "word-document.pdf": (_docx(REVIEW.replace("Baby M", "Baby W")), True),
        "junk.txt": (bytes((i * 7919) % 256 for i in range(20_000)), False),
        "windows-1252.txt": (REVIEW.replace("Baby M", "Baby Zoë").encode("cp1252"), True),
        "utf-16.txt": (REVIEW.replace("Baby M", "Baby Q").encode("utf-16"), True),
        "one-line.txt": (b"lorem ipsum dolor sit amet " * 40_000, False),
        "too-big.txt": (b"x" * (size_limit + 1), False),
        "zip-bomb.docx": (_zip_bomb(), False),
        "no-recommendations.txt": (NO_RECOMMENDATIONS.encode(), True),
        "not-a-review.txt": (NOT_A_REVIEW.encode(), False),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: good for name, (_, good) in files.items()}
