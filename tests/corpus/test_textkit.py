"""Hostile input for the text helpers and renderers: no exception may escape."""

from __future__ import annotations

import io
import random
import zipfile

import pypdfium2 as pdfium
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.model import Bullets, Document, Heading, Para, RecItem, RecList, RunPara, Table
from corpus.render_docx import render_docx
from corpus.render_html import render_html
from corpus.render_pdf import render_pdf, wrap
from corpus.render_text import render_markdown, render_text
from corpus.textkit import alpha, collapse_ws, expand, roman, third_person, tidy

text = st.text(max_size=300)


@given(text, st.integers(0, 2**32 - 1))
def test_expand_never_raises(template: str, seed: int) -> None:
    out = expand(template, random.Random(seed), {"child": "Child A"})
    assert isinstance(out, str)


@given(
    st.lists(st.sampled_from(["[", "]", "|", "a", "{child}", "{x}", " "]), max_size=60),
    st.integers(0, 99),
)
def test_expand_resolves_every_balanced_choice(parts: list[str], seed: int) -> None:
    out = expand("".join(parts), random.Random(seed), {"child": "Child A"})
    assert "{child}" not in out


@given(st.integers(0, 10_000))
def test_list_labels_for_deep_and_long_lists(n: int) -> None:
    assert alpha(n).isalpha() and alpha(n).islower()
    assert n == 0 or set(roman(n)) <= set("ivxlcdm")
    assert alpha(0) == "a" and alpha(25) == "z" and alpha(26) == "aa"
    assert roman(4) == "iv" and roman(1999) == "mcmxcix"


@given(text)
def test_small_helpers(s: str) -> None:
    assert "  " not in tidy(s.replace("\t", " ")) or "\n" in s
    assert collapse_ws(s) == " ".join(s.split())
    third_person(s)


@given(text, st.floats(20, 500))
def test_wrap_keeps_every_word(s: str, width: float) -> None:
    lines = wrap(s, "Helvetica", 10, width)
    assert [w for line in lines for w in line] == s.split()


def _doc(s: str) -> Document:
    item = RecItem("1.", "1", s or "x", sub_intro="It should:", sub_items=[s, "y."])
    return Document(
        title=s,
        header=s,
        footer=s,
        blocks=[
            Heading(1, s),
            Para(s, number="1.1"),
            Bullets([s, s]),
            RecList("num", [item], auto=True),
            RecList("nested", [RecItem("1.1", "1.1", s, level=1)], auto=True),
            RunPara(s, [RecItem("(a)", "(a)", s), RecItem("(b)", "(b)", "z")]),
            Table(["A", "B"], [[s, s * 3]], [0.3, 0.7], kind="chronology"),
        ],
    )


hostile_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_renderers_survive_hostile_text(s: str) -> None:
    pdf = render_pdf(_doc(s), 1)
    assert len(pdfium.PdfDocument(pdf)) >= 1
    with zipfile.ZipFile(io.BytesIO(render_docx(_doc(s)))) as z:
        assert "word/numbering.xml" in z.namelist()
    assert render_html(_doc(s)).startswith(b"<!DOCTYPE html>")
    render_markdown(_doc(s))
    render_text(_doc(s))
