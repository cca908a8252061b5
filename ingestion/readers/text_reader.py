"""Plain text and Markdown: decode robustly, keep lines, rewrite Markdown tables to the convention."""

from __future__ import annotations

import re

from ingestion.records import RawDocument
from ingestion.segmentation.table_rows import table_lines

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_BULLET = re.compile(r"^(\s*)[*+-]\s+(?=\S)")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 (latin-1 for its holes)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _pages(text: str) -> tuple[str, ...]:
    """Form feeds are explicit page breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return tuple(text.split("\f")) if "\f" in text else (text,)


def read_text(data: bytes) -> RawDocument:
    """A plain-text report: decoded, one page per form feed."""
    return RawDocument(media_type="text/plain", pages=_pages(decode_text(data)))


def _md_table(block: list[str]) -> list[str]:
    rows = []
    for line in block:
        if _MD_TABLE_SEP.match(line):
            continue
        s = line.strip()
        if s.startswith("|"):
            s = s[1:]
        if s.endswith("|") and not s.endswith("\\|"):
            s = s[:-1]
        rows.append([c.strip() for c in s.split("|")])
    return table_lines(rows)


def markdown_to_lines(text: str) -> str:
    """Markdown to plain lines: headings without '#', bullets as '•', links as their text."""
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if "|" in line and i + 1 < len(lines) and _MD_TABLE_SEP.match(lines[i + 1]):
            block = [line]
            i += 1
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                block.append(lines[i])
                i += 1
            out.extend(_md_table(block))
            continue
        m = _MD_HEADING.match(line)
        if m:
            line = m.group(1)
        elif _MD_RULE.match(line):
            line = ""
        else:
            line = _MD_BULLET.sub(r"\1• ", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPH.sub(r"\2", line)
        out.append(line)
        i += 1
    return "\n".join(out)


def read_markdown(data: bytes) -> RawDocument:
    """A Markdown report: markup stripped to the lines a reader would see."""
    pages = _pages(decode_text(data))
    return RawDocument(media_type="text/markdown", pages=tuple(markdown_to_lines(p) for p in pages))
