"""The same report in every format gives the same recommendations (the row convention at work)."""

from __future__ import annotations

import io

import docx
import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from ingestion.action_plans import find_action_plan
from ingestion.normalise import normalise
from ingestion.readers import read_document
from ingestion.segmentation import find_recommendations

INTRO = "The panel makes the following recommendations."
RECS = [
    "The LSCB should ensure that all agencies have a neglect strategy.",
    "Children's social care should audit pre-birth assessments.",
]
PLAN_HEAD = ["Rec no.", "Action", "Lead", "Timescale"]
PLAN_ROWS = [["1", "Publish the neglect strategy", "LSCB Manager", "March 2012"],
             ["2", "Audit twenty cases", "Head of Service", "June 2012"]]  # fmt: skip


def _pdf() -> bytes:
    ss = getSampleStyleSheet()
    story = [Paragraph("Recommendations", ss["Heading1"]), Paragraph(INTRO, ss["BodyText"])]
    story += [Paragraph(f"{k}. {t}", ss["BodyText"]) for k, t in enumerate(RECS, 1)]
    story.append(Paragraph("Appendix 1: Action plan", ss["Heading1"]))
    table = Table([PLAN_HEAD, *PLAN_ROWS])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story.append(table)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def _docx() -> bytes:
    d = docx.Document()
    d.add_heading("Recommendations", 1)
    d.add_paragraph(INTRO)
    for t in RECS:
        d.add_paragraph(t, style="List Number")  # numbers come from Word's numbering
    d.add_heading("Appendix 1: Action plan", 1)
    table = d.add_table(rows=3, cols=4)
    for r, row in enumerate([PLAN_HEAD, *PLAN_ROWS]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _html() -> bytes:
    items = "".join(f"<li>{t}</li>" for t in RECS)
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in PLAN_ROWS)
    head = "".join(f"<th>{c}</th>" for c in PLAN_HEAD)
    return (
        f"<html><body><h2>Recommendations</h2><p>{INTRO}</p><ol>{items}</ol>"
        f"<h2>Appendix 1: Action plan</h2><table><tr>{head}</tr>{rows}</table></body></html>"
    ).encode()


def _markdown() -> bytes:
    items = "\n".join(f"{k}. {t}" for k, t in enumerate(RECS, 1))
    table = "\n".join(
        ["| " + " | ".join(PLAN_HEAD) + " |", "|---|---|---|---|"]
        + ["| " + " | ".join(r) + " |" for r in PLAN_ROWS]
    )
    return f"## Recommendations\n\n{INTRO}\n\n{items}\n\n## Appendix 1: Action plan\n\n{table}\n".encode()


def _text() -> bytes:
    items = "\n".join(f"{k}. {t}" for k, t in enumerate(RECS, 1))
    rows = "\n".join(" | ".join(r) for r in [PLAN_HEAD, *PLAN_ROWS])
    return f"Recommendations\n{INTRO}\n{items}\nAppendix 1: Action plan\n{rows}\n".encode()


@pytest.mark.parametrize(
    ("make", "name"),
    [(_pdf, "r.pdf"), (_docx, "r.docx"), (_html, "r.html"), (_markdown, "r.md"), (_text, "r.txt")],
)
def test_same_recommendations_and_plan_in_every_format(make, name):
    norm = normalise(read_document(make(), name))
    recs = find_recommendations(norm)
    assert [(r.label, r.text, r.section) for r in recs] == [
        ("1", RECS[0], "lscb"),
        ("2", RECS[1], "lscb"),
    ]
    plan = find_action_plan(norm)
    assert [(p.recommendation_label, p.action, p.lead, p.timescale) for p in plan] == [
        tuple(r) for r in PLAN_ROWS
    ]
