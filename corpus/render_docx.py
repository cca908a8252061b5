"""DOCX rendering with python-docx: real Word list numbering (numbering.xml / numPr), real tables,
running header and footer with a PAGE field. Output is byte-identical for the same document:
core properties are fixed and the zip is rewritten with fixed timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.sax.saxutils import escape

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from corpus.model import (
    Block,
    Bullets,
    Contents,
    Document,
    Heading,
    PageBreak,
    Para,
    RecList,
    RunPara,
    Table,
    TitlePage,
)
from corpus.render_text import run_text

FIXED_TIME = dt.datetime(2011, 1, 1, 0, 0, 0, tzinfo=dt.UTC)

# abstract numbering definitions: style -> [(numFmt, lvlText)] per level
_ABSTRACT = {
    "num": [("decimal", "%1.")],
    "R": [("decimal", "R%1")],
    "recn": [("decimal", "Recommendation %1:")],
    "alpha": [("lowerLetter", "(%1)")],
    "roman": [("lowerRoman", "%1.")],
    "bullets": [("bullet", "\u2022")],
    "nested": [("decimal", "%1."), ("decimal", "%1.%2")],
    "sub": [("bullet", "\u2013"), ("bullet", "\u2022")],
}


class _Numbering:
    """Adds abstract numbering definitions and one w:num per list (so each list starts where
    its labels say)."""

    def __init__(self, document: docx.document.Document) -> None:
        self.el = document.part.numbering_part.element
        self.abstract_ids: dict[str, int] = {}
        self.next_abs = 100
        self.next_num = 100

    def _abstract(self, style: str, recn_colon: bool = True) -> int:
        key = style if style != "recn" else f"recn{int(recn_colon)}"
        if key in self.abstract_ids:
            return self.abstract_ids[key]
        aid = self.next_abs
        self.next_abs += 1
        ab = OxmlElement("w:abstractNum")
        ab.set(qn("w:abstractNumId"), str(aid))
        mlt = OxmlElement("w:multiLevelType")
        mlt.set(qn("w:val"), "multilevel" if len(_ABSTRACT[style]) > 1 else "singleLevel")
        ab.append(mlt)
        for ilvl, (fmt, text) in enumerate(_ABSTRACT[style]):
            if style == "recn" and not recn_colon:
                text = text.rstrip(":")
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(ilvl))
            for tag, val in (
                ("w:start", "1"),
                ("w:numFmt", fmt),
                ("w:lvlText", text),
                ("w:lvlJc", "left"),
            ):
                e = OxmlElement(tag)
                e.set(qn("w:val"), val)
                lvl.append(e)
            ppr = OxmlElement("w:pPr")
            ind = OxmlElement("w:ind")
            left = 720 * (ilvl + 1) + (1440 if style == "recn" else 0)
            ind.set(qn("w:left"), str(left))
            ind.set(qn("w:hanging"), str(360 + (1440 if style == "recn" else 0) + 200 * ilvl))
            ppr.append(ind)
            lvl.append(ppr)
            ab.append(lvl)
        first_num = self.el.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(ab)
        else:
            self.el.append(ab)
        self.abstract_ids[key] = aid
        return aid

    def new_list(self, style: str, start: int = 1, recn_colon: bool = True) -> int:
        aid = self._abstract(style, recn_colon)
        nid = self.next_num
        self.next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(nid))
        a = OxmlElement("w:abstractNumId")
        a.set(qn("w:val"), str(aid))
        num.append(a)
        ov = OxmlElement("w:lvlOverride")
        ov.set(qn("w:ilvl"), "0")
        so = OxmlElement("w:startOverride")
        so.set(qn("w:val"), str(start))
        ov.append(so)
        num.append(ov)
        self.el.append(num)
        return nid


def _page_field(paragraph: Paragraph) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    """Escaped for XML, without the control characters XML 1.0 forbids."""
    return escape(_XML_BAD.sub("", text), {'"': "&quot;"})


def _run(text: str, bold: bool = False, italic: bool = False, size: float | None = None) -> str:
    props = ""
    if bold or italic or size:
        props = "<w:rPr>" + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        props += f'<w:sz w:val="{int(size * 2)}"/>' if size else ""
        props += "</w:rPr>"
    return f'<w:r>{props}<w:t xml:space="preserve">{_x(text)}</w:t></w:r>'


def _tab_run() -> str:
    return "<w:r><w:tab/></w:r>"


def _p(
    runs: str,
    style: str | None = None,
    num: tuple[int, int] | None = None,
    ind: tuple[int, int] | None = None,
) -> str:
    ppr = ""
    if style or num or ind:
        ppr = "<w:pPr>"
        ppr += f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr += (
            f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
            if num
            else ""
        )
        ppr += f'<w:ind w:left="{ind[0]}" w:hanging="{ind[1]}"/>' if ind else ""
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{runs}</w:p>"


def _table_xml(b: Table) -> str:
    total = 9000
    grid = "".join(f'<w:gridCol w:w="{int(w * total)}"/>' for w in b.widths)
    size = 8.5 if b.kind in ("actionplan", "chronology") else None
    out = [
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/></w:tblPr>',
        f"<w:tblGrid>{grid}</w:tblGrid>",
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>",
    ]
    for h, w in zip(b.header, b.widths, strict=True):
        out.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{int(w * total)}" w:type="dxa"/></w:tcPr>{_p(_run(h, bold=True, size=size))}</w:tc>'
        )
    out.append("</w:tr>")
    for row in b.rows:
        out.append("<w:tr>")
        for c, w in zip(row, b.widths, strict=True):
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{int(w * total)}" w:type="dxa"/></w:tcPr>{_p(_run(c, size=size))}</w:tc>'
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def render_docx(doc: Document) -> bytes:
    """The document as a .docx whose bytes depend only on the document (fixed timestamps)."""
    d = _new_package(doc)
    writer = _BodyWriter(_Numbering(d))
    for b in doc.blocks:
        writer.add_block(b)
    _replace_body(d, writer.parts)
    return _save(d)


def _new_package(doc: Document) -> docx.document.Document:
    """An empty package with the document's styles, fixed core properties, header and footer."""
    d = docx.Document()
    styles = d.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(11)
    cp = d.core_properties
    cp.title = _XML_BAD.sub("", doc.title)[:250]
    cp.author = _XML_BAD.sub("", doc.author)[:250]
    cp.last_modified_by = cp.author
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.revision = 1
    cp.comments = ""
    sec = d.sections[0]
    sec.header.paragraphs[0].text = _XML_BAD.sub("", doc.header)
    fp = sec.footer.paragraphs[0]
    fp.text = _XML_BAD.sub("", doc.footer) + "    Page "
    _page_field(fp)
    return d


def _replace_body(d: docx.document.Document, parts: list[str]) -> None:
    """Swap the package's body for the written WordprocessingML, keeping its section settings."""
    body = d.element.body
    sect = body.sectPr
    for p in list(body.iterchildren()):
        if p is not sect:
            body.remove(p)
    frag = parse_xml(f"<w:body {nsdecls('w')}>{''.join(parts)}</w:body>")
    for el in list(frag):
        sect.addprevious(el)


class _BodyWriter:
    """Writes blocks as WordprocessingML paragraphs; one numbering definition is shared by every
    list's sub-items, so it is kept across blocks."""

    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.parts: list[str] = []
        self.sub_id: int | None = None

    def add_block(self, b: Block) -> None:
        add = self.parts.append
        if isinstance(b, TitlePage):
            for style, text in b.lines:
                add(_p(_run(text), {"title": "Title", "subtitle": "Subtitle"}.get(style)))
        elif isinstance(b, Contents):
            add(_p(_run("Contents"), "Heading1"))
            for _, text in b.entries:
                add(_p(_run(text)))
        elif isinstance(b, Heading):
            num = (
                f"{b.number}. "
                if b.number and b.level == 3
                else (f"{b.number} " if b.number else "")
            )
            add(_p(_run(num + b.text), f"Heading{b.level}"))
        elif isinstance(b, Para):
            add(_para_xml(b))
        elif isinstance(b, Bullets):
            style = "ListNumber" if b.ordered else "ListBullet"
            for text in b.items:
                add(_p(_run(text), style))
        elif isinstance(b, RecList):
            self.add_rec_list(b)
        elif isinstance(b, RunPara):
            add(_p(_run(run_text(b))))
        elif isinstance(b, Table):
            if b.caption:
                add(_p(_run(b.caption, italic=True)))
            add(_table_xml(b))
            add(_p(""))
        elif isinstance(b, PageBreak):
            add('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def add_rec_list(self, b: RecList) -> None:
        """Word's own numbering when the list is automatic, else the printed labels and a tab."""
        add = self.parts.append
        nid = 0
        if b.auto:
            start = b.items[0].ordinal if b.items else 1
            colon = bool(b.items) and b.items[0].printed.endswith(":")
            nid = self.numbering.new_list(b.style, start, colon)
        for it in b.items:
            if b.auto:
                add(_p(_run(it.text), num=(nid, it.level if b.style == "nested" else 0)))
            elif b.style == "recn":
                add(_p(_run(it.printed, bold=True)))
                add(_p(_run(it.text)))
            else:
                left = 720 + 480 * it.level
                add(
                    _p(
                        _run(it.printed, bold=b.style in ("R", "hier"))
                        + _tab_run()
                        + _run(it.text),
                        ind=(left, 720),
                    )
                )
            if it.sub_items:
                add(_p(_run(it.sub_intro), ind=(720, 0)))
                if self.sub_id is None:
                    self.sub_id = self.numbering.new_list("sub")
                for s_ in it.sub_items:
                    add(_p(_run(s_), num=(self.sub_id, 1)))


def _para_xml(b: Para) -> str:
    if b.number:
        return _p(_run(b.number) + _tab_run() + _run(b.text), ind=(720, 720))
    if b.style == "quote":
        return _p(_run(b.text), "Quote")
    return _p(_run(b.text))


class _FixedZip:
    """python-docx's physical writer, but every member gets the same fixed timestamp."""

    def __init__(self, buf: io.BytesIO) -> None:
        self._zip = zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: object, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=(2011, 1, 1, 0, 0, 0))  # type: ignore[attr-defined]
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        self._zip.writestr(info, blob)

    def close(self) -> None:
        self._zip.close()


def _save(d: docx.document.Document) -> bytes:
    """Save the package deterministically (what OpcPackage.save does, with a fixed-time zip)."""
    from docx.opc.pkgwriter import PackageWriter

    pkg = d.part.package
    parts = list(pkg.parts)
    for part in parts:
        part.before_marshal()
    buf = io.BytesIO()
    writer = _FixedZip(buf)
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, pkg.rels)
    PackageWriter._write_parts(writer, parts)  # type: ignore[arg-type]  # duck-typed PhysPkgWriter
    writer.close()
    return buf.getvalue()
