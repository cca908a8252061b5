"""Word .docx: body in document order, list numbers rebuilt from numbering.xml, tables as rows.

python-docx does not put list numbers ("1.", "4.2", "(b)") into paragraph text, but for a
recommendation list they are the labels we need, so this module replays Word's numbering: each
abstract list keeps one counter per level, a level restarts when a higher level moves on, and
`lvlText` ("%1.%2.") is filled in with each level's number format. Numbering can come from the
paragraph itself or from its style (and the style's `basedOn` chain).

The body is walked in document order like python-docx's `iter_inner_content()` (paragraphs and
tables as they come), but on the XML itself, so that content inside content controls (`w:sdt`)
and tracked insertions is not skipped. The package's declared sizes are checked before any XML
is parsed (zip bombs).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ingestion.readers.errors import UnreadableDocument
from ingestion.readers.html_reader import _alpha, _roman
from ingestion.records import RawDocument
from ingestion.segmentation.table_rows import table_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# An lxml element of the document's XML (python-docx hands them out; lxml ships no type hints).
XmlElement = Any
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # the whole package, as declared in the zip directory
MAX_MEMBER = 100 * 1024 * 1024  # any one part
MAX_RATIO = 150  # compression ratio above which a large part is treated as a zip bomb
MAX_MEMBERS = 5000


def check_zip_limits(data: bytes, filename: str = "the file") -> None:
    """Refuse a package whose declared uncompressed sizes would blow up memory (zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise UnreadableDocument(
            f"{filename} is a damaged Word file (the zip package cannot be opened: {exc}): "
            "open it in Word and save it again."
        ) from exc
    if len(infos) > MAX_MEMBERS:
        raise UnreadableDocument(
            f"{filename} holds {len(infos)} parts (limit {MAX_MEMBERS}): this is not a normal "
            "Word document; re-save it from Word or export it to PDF."
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > MAX_MEMBER or (info.file_size > 5_000_000 and ratio > MAX_RATIO):
            raise UnreadableDocument(
                f"{filename}: part {info.filename} would expand to {info.file_size:,} bytes "
                f"(ratio {ratio:.0f}:1), a likely zip bomb; it was not opened. Re-save the "
                "document from Word or export it to PDF."
            )
    if total > MAX_UNCOMPRESSED:
        raise UnreadableDocument(
            f"{filename} would expand to {total:,} bytes (limit {MAX_UNCOMPRESSED:,}): not "
            "opened. Re-save it without embedded media or export it to PDF."
        )


# --- numbering ----------------------------------------------------------------------------------
@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 = never


@dataclass
class _Numbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> lvl -> start
    level_override: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    used_override: set[tuple[str, int]] = field(default_factory=set)


def _val(el: XmlElement, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(W + tag)
    if child is None:
        return None
    return child.get(W + "val")


def _parse_level(lvl: XmlElement) -> _Level:
    level = _Level()
    start = _val(lvl, "start")
    if start is not None and start.lstrip("-").isdigit():
        level.start = int(start)
    level.fmt = _val(lvl, "numFmt") or "decimal"
    text = _val(lvl, "lvlText")
    level.text = text if text is not None else ""
    restart = _val(lvl, "lvlRestart")
    if restart is not None and restart.isdigit():
        level.restart = int(restart)
    return level


def _load_numbering(document: object) -> _Numbering:
    numbering = _Numbering()
    try:
        root = document.part.numbering_part.element  # type: ignore[attr-defined]
    except (KeyError, NotImplementedError, AttributeError):
        return numbering
    for absn in root.findall(W + "abstractNum"):
        aid = absn.get(W + "abstractNumId")
        levels = {}
        for lvl in absn.findall(W + "lvl"):
            ilvl = lvl.get(W + "ilvl")
            if ilvl is not None and ilvl.isdigit():
                levels[int(ilvl)] = _parse_level(lvl)
        numbering.abstract[aid] = levels
    for num in root.findall(W + "num"):
        nid = num.get(W + "numId")
        numbering.num_to_abstract[nid] = _val(num, "abstractNumId") or ""
        for ov in num.findall(W + "lvlOverride"):
            ilvl = ov.get(W + "ilvl")
            if ilvl is None or not ilvl.isdigit():
                continue
            start = _val(ov, "startOverride")
            if start is not None and start.lstrip("-").isdigit():
                numbering.overrides.setdefault(nid, {})[int(ilvl)] = int(start)
            lvl = ov.find(W + "lvl")
            if lvl is not None:
                numbering.level_override.setdefault(nid, {})[int(ilvl)] = _parse_level(lvl)
    return numbering


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _alpha(n, False)
    if fmt in ("upperLetter",):
        return _alpha(n, True)
    if fmt == "lowerRoman":
        return _roman(n, False)
    if fmt == "upperRoman":
        return _roman(n, True)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _next_label(numbering: _Numbering, num_id: str, ilvl: int) -> str | None:
    """Advance the counters for one numbered paragraph and return its printed label."""
    aid = numbering.num_to_abstract.get(num_id)
    if aid is None or aid not in numbering.abstract:
        return None
    levels = dict(numbering.abstract[aid])
    levels.update(numbering.level_override.get(num_id, {}))
    ilvl = max(0, min(ilvl, 8))
    level = levels.get(ilvl, _Level())
    if level.fmt == "bullet":
        return "•"
    counters = numbering.counters.setdefault(aid, [None] * 9)
    override = numbering.overrides.get(num_id, {})
    if ilvl in override and (num_id, ilvl) not in numbering.used_override:
        numbering.used_override.add((num_id, ilvl))
        counters[ilvl] = override[ilvl]
    elif counters[ilvl] is None:
        counters[ilvl] = level.start
    else:
        counters[ilvl] = (counters[ilvl] or 0) + 1
    for deeper in range(ilvl + 1, 9):
        restart = levels.get(deeper, _Level()).restart
        if restart is None or (restart != 0 and restart <= ilvl + 1):
            counters[deeper] = None
    text = level.text
    for k in range(9):
        token = f"%{k + 1}"
        if token in text:
            lv = levels.get(k, _Level())
            counted = counters[k]
            value = counted if counted is not None else lv.start
            text = text.replace(token, _format_number(value, lv.fmt))
    if level.fmt == "none" and not text.strip():
        return None
    return text.strip() or None


def _num_pr(ppr: XmlElement) -> tuple[str, int] | None:
    if ppr is None:
        return None
    numpr = ppr.find(W + "numPr")
    if numpr is None:
        return None
    nid = _val(numpr, "numId")
    ilvl = _val(numpr, "ilvl")
    if nid is None:
        return None
    return nid, int(ilvl) if ilvl and ilvl.isdigit() else 0


class _StyleNumbering:
    """numPr inherited through paragraph styles (List Number, Heading 1 with outline numbering)."""

    def __init__(self, document: object) -> None:
        self.by_id: dict[str, XmlElement] = {}
        self.cache: dict[str, tuple[str, int] | None] = {}
        try:
            styles = document.styles.element  # type: ignore[attr-defined]
        except AttributeError:
            return
        for st in styles.findall(W + "style"):
            sid = st.get(W + "styleId")
            if sid:
                self.by_id[sid] = st

    def lookup(self, style_id: str | None) -> tuple[str, int] | None:
        if not style_id:
            return None
        if style_id in self.cache:
            return self.cache[style_id]
        seen = set()
        sid: str | None = style_id
        found = None
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            st = self.by_id[sid]
            found = _num_pr(st.find(W + "pPr"))
            if found:
                break
            sid = _val(st, "basedOn")
        self.cache[style_id] = found
        return found


# --- body ---------------------------------------------------------------------------------------
def _paragraph_text(p: XmlElement) -> str:
    """Text of a w:p: runs, hyperlinks, tabs and line breaks (fields' display text included)."""
    parts: list[str] = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen"):
        tag = el.tag
        if tag == W + "t":
            parts.append(el.text or "")
        elif tag == W + "tab":
            parts.append("\t")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif el.get(W + "type") != "page":
            parts.append("\n")
    return "".join(parts)


class _Renderer:
    def __init__(self, document: object) -> None:
        self.numbering = _load_numbering(document)
        self.styles = _StyleNumbering(document)
        self.pages: list[list[str]] = [[]]

    def label(self, p: XmlElement) -> str | None:
        ppr = p.find(W + "pPr")
        numpr = _num_pr(ppr)
        if numpr is None and ppr is not None:
            numpr = self.styles.lookup(_val(ppr, "pStyle"))
        if numpr is None:
            return None
        nid, ilvl = numpr
        if nid == "0":
            return None
        return _next_label(self.numbering, nid, ilvl)

    def paragraph_line(self, p: XmlElement) -> str:
        text = _paragraph_text(p)
        label = self.label(p)
        if label and text.strip():
            return f"{label} {text.lstrip()}"
        return text

    def cell_text(self, tc: XmlElement) -> str:
        lines = []
        for child in self._blocks(tc):
            if child.tag == W + "p":
                lines.append(self.paragraph_line(child))
            elif child.tag == W + "tbl":
                for row in self.table_rows(child):
                    lines.append(" ".join(c for c in row if c))
        return "\n".join(line for line in lines if line.strip())

    def table_rows(self, tbl: XmlElement) -> list[list[str]]:
        rows: list[list[str]] = []
        above: dict[int, str] = {}
        for tr in tbl.findall(W + "tr"):
            row: list[str] = []
            col = 0
            for tc in tr.findall(W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = _val(tcpr, "gridSpan")
                span_n = int(span) if span and span.isdigit() else 1
                vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
                if vmerge is not None and vmerge.get(W + "val") in (None, "continue"):
                    text = above.get(col, "")  # vertically merged: repeat the cell above
                else:
                    text = self.cell_text(tc)
                above[col] = text
                row.append(text)
                col += span_n
            rows.append(row)
        return rows

    def _blocks(self, container: XmlElement) -> list[XmlElement]:
        out = []
        for child in container:
            if child.tag in (W + "p", W + "tbl"):
                out.append(child)
            elif child.tag in (W + "sdt", W + "customXml", W + "ins", W + "smartTag"):
                content = child.find(W + "sdtContent")
                out.extend(self._blocks(content if content is not None else child))
        return out

    def new_page(self) -> None:
        if self.pages[-1]:
            self.pages.append([])

    def render_body(self, body: XmlElement) -> list[str]:
        for child in self._blocks(body):
            if child.tag == W + "tbl":
                self.pages[-1].extend(table_lines(self.table_rows(child)))
                continue
            ppr = child.find(W + "pPr")
            if ppr is not None and ppr.find(W + "pageBreakBefore") is not None:
                self.new_page()
            breaks = [b for b in child.iter(W + "br") if b.get(W + "type") == "page"]
            line = self.paragraph_line(child)
            if breaks and not line.strip():
                self.new_page()
                continue
            if breaks and _paragraph_text_before_break(child).strip() == "":
                self.new_page()
                self.pages[-1].append(line)
                continue
            self.pages[-1].append(line)
            if breaks:
                self.new_page()
        return ["\n".join(p) for p in self.pages if any(s.strip() for s in p)] or [""]


def _paragraph_text_before_break(p: XmlElement) -> str:
    parts = []
    for el in p.iter(W + "t", W + "br"):
        if el.tag == W + "br" and el.get(W + "type") == "page":
            break
        if el.tag == W + "t":
            parts.append(el.text or "")
    return "".join(parts)


def read_docx(data: bytes, filename: str = "the file") -> RawDocument:
    """A Word report: one page, or one per explicit page break."""
    check_zip_limits(data, filename)
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except UnreadableDocument:
        raise
    except Exception as exc:
        raise UnreadableDocument(
            f"{filename} could not be opened as a Word document ({type(exc).__name__}: {exc}): "
            "open it in Word and save it again as .docx, or export it to PDF."
        ) from exc
    pages = _Renderer(document).render_body(body)
    return RawDocument(
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        pages=tuple(pages),
    )
