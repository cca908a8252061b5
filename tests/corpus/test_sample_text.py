"""The truth's texts occur in the documents: recommendations, action-plan actions, case facts.

Compared after collapsing whitespace; list-bullet glyphs that readers may print before
sub-actions are list markers, not text, and are dropped before comparing.
"""

from __future__ import annotations

import functools
import io
import json
import re
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from bs4 import BeautifulSoup

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "sample"
_BULLETS = re.compile(r"(?:(?<=\s)|^)[\u2022\u25e6\u25aa\u2023\u25cf](?=\s)")


def norm(text: str) -> str:
    text = _BULLETS.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


@functools.lru_cache(maxsize=64)
def library_text(path: Path) -> str:
    """The text the reference libraries give (pypdfium2, python-docx, BeautifulSoup)."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        pdf = pdfium.PdfDocument(data)
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    if path.suffix == ".docx":
        d = docx.Document(io.BytesIO(data))
        parts = [p.text for p in d.paragraphs]
        parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
        return "\n".join(parts)
    if path.suffix == ".html":
        return BeautifulSoup(data, "html.parser").get_text()
    return data.decode("utf-8")


def project_text(path: Path) -> str | None:
    """The text the project's own reader gives, when it exists."""
    try:
        from ingestion.readers import read_document
    except ImportError:
        return None
    return "\n".join(read_document(path.read_bytes(), path.name).pages)


TRUTH = [json.loads(x) for x in (SAMPLE / "truth.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("review", TRUTH, ids=[t["review_id"] for t in TRUTH])
def test_truth_texts_occur_in_document(review: dict) -> None:
    path = SAMPLE / "reports" / review["file"]
    texts = [library_text(path)]
    own = project_text(path)
    if own is not None:
        texts.append(own)
    for text in texts:
        doc = norm(text)
        for r in review["recommendations"]:
            assert norm(r["text"]) in doc, (review["file"], r["label"], r["text"])
        for a in review["action_plan_items"]:
            assert norm(a["action"]) in doc, (review["file"], a["action"])
            assert norm(a["lead"]) in doc and norm(a["timescale"]) in doc
        assert norm(review["title"]) in doc
        assert norm(review["area"]) in doc


def test_case_facts_are_readable() -> None:
    """Outcome, age and sex are stated in words a reader can find."""
    for review in TRUTH:
        doc = norm(library_text(SAMPLE / "reports" / review["file"]))
        if review["outcome"] == "death":
            assert re.search(r"\b(died|death|dead|killed)\b", doc)
        else:
            assert re.search(r"\bsurvived\b|not breathing|serious harm", doc)
        pron = r"\b(she|her)\b" if review["child_sex"] == "female" else r"\b(he|his|him)\b"
        assert re.search(pron, doc)


def test_recommendation_labels_are_printed() -> None:
    """Typed labels appear before their text; auto-numbered ones live in the list definition."""
    for review in TRUTH:
        path = SAMPLE / "reports" / review["file"]
        if path.suffix not in (".pdf", ".md", ".txt"):
            continue
        doc = norm(library_text(path))
        for r in review["recommendations"]:
            if not r["label"]:
                continue
            i = doc.find(norm(r["text"]))
            before = doc[max(0, i - 40) : i]
            assert r["label"].strip("()") in before, (review["file"], r["label"], before)
