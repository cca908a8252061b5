"""`scr export --format qdpx`: the coding as a REFI-QDA project, for NVivo, MAXQDA, ATLAS.ti and
QualCoder (the open exchange standard QDA-XML 1.0, schema in `publications/refi_qda/Project.xsd`).

The `.qdpx` file is a zip holding `project.qde` (the XML) and `Sources/<guid>.txt`, one plain
text per review: the report's normalised text, the same string the warehouse's character offsets
index, so each recommendation is a `PlainTextSelection` from `char_start` to `char_end`. The
codebook is the code tree: Agency (Table 1's categories), Theme (Table 2 and chapter 3, under
their Figure 2 layer) and Layer (Figure 2), with the seeds' descriptions. Each recommendation's
selection carries one `Coding` per code it has: its agency, its themes and its layer. Who coded
it is the coding's `creatingUser`: the automatic coder (scr-warehouse) or, for a manual code,
the researcher named in the coding folder. GUIDs are derived from the codes' and records' ids,
so the same warehouse exports the same project.

The warehouse does not keep documents' text; the caller passes `text_of(document_id, path)`,
which the command line answers from the inbox (checking the file is the one extracted).
`read_qdpx` reads a project back (codes, sources, coded spans), for the round-trip test and for
anyone checking an export.
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import duckdb

from publications.codebook import ValueLabel, value_labels
from publications.files import write_atomically
from publications.rows import fetch
from publications.source import open_published

NS = "urn:QDA-XML:project:1.0"
SCHEMA_PATH = Path(__file__).resolve().parent / "refi_qda" / "Project.xsd"
_ROOT = uuid.UUID("6f1c5a8e-3d1b-5b7e-9a52-5c2f0e7d4b10")  # the namespace of this project's GUIDs
AUTOMATIC_CODER = "scr-warehouse (automatic coder)"
COLOURS = {"agency": "#2F5D8A", "theme": "#D9822B", "layer": "#5E8C31"}


def guid(*parts: object) -> str:
    """A stable GUID for a thing named by `parts`."""
    return str(uuid.uuid5(_ROOT, "\x1f".join(str(p) for p in parts)))


@dataclass(frozen=True)
class CodedSpan:
    """One code on one span of a source, as the reader finds it (and the warehouse holds it)."""

    source: str  # the source's name: the review id
    start: int
    end: int
    code_type: str  # agency, theme or layer
    code: str
    coder: str


def _q(el: str) -> str:
    return f"{{{NS}}}{el}"


@dataclass(frozen=True)
class CodebookCode:
    """A code of the project's code tree, under its parent group (a theme's layer) if any."""

    code: str
    label: str
    description: str
    parent: str | None


def _codebook(con: duckdb.DuckDBPyConnection) -> dict[str, list[CodebookCode]]:
    """code type -> its codes, in the study's order, from the codebook seeds."""
    return {
        "agency": fetch(
            con,
            CodebookCode,
            "select agency_code as code, label, coalesce(description, '') as description, "
            "null as parent from codebook.codebook_agencies order by table1_order",
        ),
        "theme": fetch(
            con,
            CodebookCode,
            "select t.theme_code as code, t.label, coalesce(t.description, '') as description, "
            "l.label as parent from codebook.codebook_themes t left join codebook.codebook_layers "
            "l on t.layer_code = l.layer_code order by l.figure2_order, t.theme_code",
        ),
        "layer": fetch(
            con,
            CodebookCode,
            "select layer_code as code, label, coalesce(description, '') as description, "
            "null as parent from codebook.codebook_layers order by figure2_order",
        ),
    }


def _coder(method: str | None, evidence: str | None) -> str:
    if method == "manual":
        who = (evidence or "").removeprefix("coded by ").strip()
        return who or "a researcher"
    return AUTOMATIC_CODER


def warehouse_codings(con: duckdb.DuckDBPyConnection) -> list[CodedSpan]:
    """Every (recommendation span, code) the export writes, with who coded it."""
    rows = con.execute(
        """
        with x as (
            select recommendation_id, 'agency' as code_type, agency_code as code,
                null::varchar as method, null::varchar as evidence
            from reporting.recommendations
            union all
            select recommendation_id, 'layer', layer_code, null, null
            from reporting.recommendations
            union all
            select recommendation_id, 'theme', theme_code, method, evidence
            from reporting.recommendation_themes
        )
        select r.review_id, r.char_start, r.char_end, x.code_type, x.code,
            coalesce(x.method, c.method), coalesce(x.evidence, c.evidence)
        from x
        join reporting.recommendations r on r.recommendation_id = x.recommendation_id
        left join intermediate.int_recommendation_codes c on c.recommendation_id =
            x.recommendation_id and c.code_type = x.code_type and c.code = x.code
        order by r.review_id, r.char_start, x.code_type, x.code
        """
    ).fetchall()
    return [
        CodedSpan(review, int(start), int(end), code_type, code, _coder(method, evidence))
        for review, start, end, code_type, code, method, evidence in rows
    ]


def build_project(
    con: duckdb.DuckDBPyConnection, text_of: Callable[[str, str], str]
) -> tuple[bytes, dict[str, str]]:
    """The project XML and {source file name: text} for the open warehouse."""
    ET.register_namespace("", NS)
    codebook = _codebook(con)
    code_types = value_labels(con, "code_type")
    codings = warehouse_codings(con)
    reviews = con.execute(
        "select review_id, document_id, path, title from reporting.reviews order by review_id"
    ).fetchall()
    recommendations = con.execute(
        "select recommendation_id, review_id, label, char_start, char_end "
        "from reporting.recommendations order by review_id, char_start, recommendation_id"
    ).fetchall()
    coders = sorted({c.coder for c in codings} | {AUTOMATIC_CODER})
    project = ET.Element(
        _q("Project"),
        {
            "name": "scr-warehouse: recommendations of child safeguarding case reviews",
            "origin": "scr-warehouse",
            "creatingUserGUID": guid("user", AUTOMATIC_CODER),
        },
    )
    users = ET.SubElement(project, _q("Users"))
    for coder in coders:
        ET.SubElement(users, _q("User"), {"guid": guid("user", coder), "name": coder})
    codes_el = ET.SubElement(ET.SubElement(project, _q("CodeBook")), _q("Codes"))
    for kind in code_types:
        code_type, entries = kind.code, codebook[kind.code]
        top = ET.SubElement(
            codes_el,
            _q("Code"),
            {"guid": guid("group", code_type), "name": kind.label, "isCodable": "false"},
        )
        groups: dict[str, ET.Element] = {}
        for entry in entries:
            holder = top
            if entry.parent:
                if entry.parent not in groups:
                    groups[entry.parent] = ET.SubElement(
                        top,
                        _q("Code"),
                        {"guid": guid("group", code_type, entry.parent), "name": entry.parent,
                         "isCodable": "false"},
                    )  # fmt: skip
                holder = groups[entry.parent]
            el = ET.SubElement(
                holder,
                _q("Code"),
                {"guid": guid("code", code_type, entry.code),
                 "name": f"{entry.label} [{entry.code}]", "isCodable": "true",
                 "color": COLOURS[code_type]},
            )  # fmt: skip
            if entry.description:
                ET.SubElement(el, _q("Description")).text = entry.description
    by_span: dict[tuple[str, int, int], list[CodedSpan]] = {}
    for c in codings:
        by_span.setdefault((c.source, c.start, c.end), []).append(c)
    sources_el = ET.SubElement(project, _q("Sources"))
    texts: dict[str, str] = {}
    for review_id, document_id, path, title in reviews:
        source_guid = guid("source", document_id)
        file_name = f"{source_guid}.txt"
        texts[file_name] = text_of(document_id, path)
        source = ET.SubElement(
            sources_el,
            _q("TextSource"),
            {"guid": source_guid, "name": review_id, "plainTextPath": f"internal://{file_name}"},
        )
        ET.SubElement(source, _q("Description")).text = f"{title or path} ({path})"
        for rec_id, rec_review, label, start, end in recommendations:
            if rec_review != review_id:
                continue
            selection = ET.SubElement(
                source,
                _q("PlainTextSelection"),
                {"guid": guid("selection", rec_id), "name": f"Recommendation {label or rec_id}",
                 "startPosition": str(start), "endPosition": str(end)},
            )  # fmt: skip
            ET.SubElement(selection, _q("Description")).text = rec_id
            for c in by_span.get((review_id, int(start), int(end)), []):
                coding = ET.SubElement(
                    selection,
                    _q("Coding"),
                    {"guid": guid("coding", rec_id, c.code_type, c.code),
                     "creatingUser": guid("user", c.coder)},
                )  # fmt: skip
                ET.SubElement(
                    coding, _q("CodeRef"), {"targetGUID": guid("code", c.code_type, c.code)}
                )
    ET.indent(project)
    xml = ET.tostring(project, encoding="utf-8", xml_declaration=True)
    return xml, texts


def export_qdpx(published: Path, out_dir: Path, text_of: Callable[[str, str], str]) -> Path:
    """Write `out_dir/scr-warehouse.qdpx` from the published warehouse (opened read-only)."""
    with open_published(published) as con:
        xml, texts = build_project(con, text_of)
    target = Path(out_dir) / "scr-warehouse.qdpx"

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(_entry("project.qde"), xml)
            for name, text in sorted(texts.items()):
                z.writestr(_entry(f"Sources/{name}"), text.encode("utf-8"))

    return write_atomically(target, write)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2011, 1, 1, 0, 0, 0))  # the same bytes every time
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


# --- reading a project back -----------------------------------------------------------------


@dataclass(frozen=True)
class QdpxProject:
    codes: dict[str, tuple[str, str | None]]  # guid -> (name, parent guid)
    sources: dict[str, str]  # source name -> its text
    codings: list[CodedSpan]


def _attr(el: ET.Element, name: str) -> str:
    """An attribute of a project's element ("" when it is missing)."""
    return el.get(name) or ""


def read_qdpx(path: Path, code_types: Sequence[ValueLabel]) -> QdpxProject:
    """The codes, the sources' texts and the coded spans of a `.qdpx` (ours or another tool's).

    A coding's code type is its top group's, recognised by name among `code_types` (the
    warehouse's `value_labels(con, "code_type")`, the names the export gives the groups).
    """
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("project.qde"))
        files = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("Sources/")}
    users = {_attr(u, "guid"): _attr(u, "name") for u in root.iter(_q("User"))}
    kinds = {kind.label: kind.code for kind in code_types}
    codes: dict[str, tuple[str, str | None]] = {}

    def walk(el: ET.Element, parent: str | None) -> None:
        for child in el.findall(_q("Code")):
            codes[_attr(child, "guid")] = (_attr(child, "name"), parent)
            walk(child, _attr(child, "guid"))

    codebook = root.find(f"{_q('CodeBook')}/{_q('Codes')}")
    if codebook is not None:
        walk(codebook, None)

    def code_path(code_guid: str) -> tuple[str, str]:
        """(code type, code) from the tree: the top group's name and the code's [id]."""
        name, parent = codes[code_guid]
        top = parent
        while top is not None and codes[top][1] is not None:
            top = codes[top][1]
        kind = kinds.get(codes[top][0] if top else "", "")
        code = name.rsplit("[", 1)[-1].rstrip("]") if name.endswith("]") else name
        return kind, code

    sources: dict[str, str] = {}
    codings: list[CodedSpan] = []
    for source in root.iter(_q("TextSource")):
        name = _attr(source, "name") or _attr(source, "guid")
        text_path = source.get("plainTextPath") or ""
        content = source.find(_q("PlainTextContent"))
        if content is not None:
            sources[name] = content.text or ""
        else:
            sources[name] = files.get("Sources/" + text_path.removeprefix("internal://"), "")
        for selection in source.findall(_q("PlainTextSelection")):
            start = int(_attr(selection, "startPosition"))
            end = int(_attr(selection, "endPosition"))
            for coding in selection.findall(_q("Coding")):
                ref = coding.find(_q("CodeRef"))
                if ref is None:
                    continue
                kind, code = code_path(_attr(ref, "targetGUID"))
                coder = users.get(_attr(coding, "creatingUser"), "")
                codings.append(CodedSpan(name, start, end, kind, code, coder))
    return QdpxProject(codes, sources, codings)
