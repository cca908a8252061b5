"""Plain text and Markdown renderings, as reports are found after conversion or on web pages."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from corpus.model import (
    Block,
    Bullets,
    Contents,
    Document,
    Heading,
    Para,
    RecList,
    RunPara,
    Table,
    TitlePage,
)


def run_text(block: RunPara) -> str:
    """'Intro (a) x; (b) y; and (c) z.' — each item keeps its label."""
    parts = []
    n = len(block.items)
    for i, it in enumerate(block.items):
        sep = "." if i == n - 1 else ("; and" if i == n - 2 else ";")
        parts.append(f"{it.printed} {it.text}{sep}")
    return f"{block.intro} " + " ".join(parts)


def _joined(doc: Document, block_lines: Callable[[Block], list[str]]) -> bytes:
    """Every block's lines, one text ending in a single newline: the text formats differ only in
    how a block is written."""
    lines = [line for b in doc.blocks for line in block_lines(b)]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def render_markdown(doc: Document) -> bytes:
    """The document as Markdown, as a report converted for a web page reads."""
    return _joined(doc, _markdown_block)


def _markdown_block(b: Block) -> list[str]:
    """The lines of one block, with the blank line that ends it."""
    if isinstance(b, TitlePage):
        out: list[str] = []
        for style, text in b.lines:
            out.append(
                f"# {text}" if style == "title" else f"**{text}**" if style == "subtitle" else text
            )
            out.append("")
        return out
    if isinstance(b, Contents):
        return ["## Contents", "", *(f"- {t}" for _, t in b.entries), ""]
    if isinstance(b, Heading):
        hashes = "#" * (b.level + 1)
        num = f"{b.number}. " if b.number else ""
        return [f"{hashes} {num}{b.text}", ""]
    if isinstance(b, Para):
        text = f"*{b.text}*" if b.style == "quote" else b.text
        return [f"{b.number} {text}" if b.number else text, ""]
    if isinstance(b, Bullets):
        return [
            *(f"{i}. {t}" if b.ordered else f"- {t}" for i, t in enumerate(b.items, 1)),
            "",
        ]
    if isinstance(b, RecList):
        return _markdown_rec_list(b)
    if isinstance(b, RunPara):
        return [run_text(b), ""]
    if isinstance(b, Table):
        return _markdown_table(b)
    return [""]  # a page break


def _markdown_rec_list(b: RecList) -> list[str]:
    out: list[str] = []
    for it in b.items:
        if b.style in ("R", "recn"):
            out.append(f"**{it.printed}** {it.text}")
            out.append("")
        elif b.style == "bullets":
            out.append(f"- {it.text}")
        else:
            out.append(f"{it.printed} {it.text}")
            out.append("")
    out.append("")
    return out


def _markdown_table(b: Table) -> list[str]:
    out: list[str] = []
    if b.caption:
        out.append(f"*{b.caption}*")
        out.append("")
    out.append("| " + " | ".join(b.header) + " |")
    out.append("|" + "|".join("---" for _ in b.header) + "|")
    for row in b.rows:
        out.append("| " + " | ".join(c.replace("|", "/") for c in row) + " |")
    out.append("")
    return out


def _wrap(text: str, indent: str = "", first: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        78,
        initial_indent=first or indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
        break_long_words=False,
    ) or [""]


def render_text(doc: Document) -> bytes:
    """The document as plain text wrapped at 78 columns, as a PDF converted to text reads."""
    return _joined(doc, _text_block)


def _text_block(b: Block) -> list[str]:
    """The lines of one block, with the blank line that ends it."""
    if isinstance(b, TitlePage):
        out = ["", ""]
        for _, text in b.lines:
            out.append(text.center(78).rstrip())
            out.append("")
        return out
    if isinstance(b, Contents):
        return ["CONTENTS", "", *(f"  {t}" for _, t in b.entries), ""]
    if isinstance(b, Heading):
        return _text_heading(b)
    if isinstance(b, Para):
        if b.number:
            return [*_wrap(b.text, " " * (len(b.number) + 1), b.number + " "), ""]
        return [*_wrap(b.text, "    " if b.style == "quote" else ""), ""]
    if isinstance(b, Bullets):
        out = []
        for i, t in enumerate(b.items, 1):
            out.extend(_wrap(t, "   ", f"{i}. " if b.ordered else " * "))
        return [*out, ""]
    if isinstance(b, RecList):
        return _text_rec_list(b)
    if isinstance(b, RunPara):
        return [*_wrap(run_text(b)), ""]
    if isinstance(b, Table):
        return _text_table(b)
    return [""]  # a page break


def _text_heading(b: Heading) -> list[str]:
    """Chapters in capitals underlined with '=', sections underlined with '-'."""
    num = f"{b.number}. " if b.number else ""
    text = f"{num}{b.text}"
    out = [text.upper() if b.level == 1 else text]
    if b.level <= 2:
        out.append(("=" if b.level == 1 else "-") * len(text))
    out.append("")
    return out


def _text_rec_list(b: RecList) -> list[str]:
    out: list[str] = []
    for it in b.items:
        if b.style == "recn":
            out.append(it.printed)
            out.extend(_wrap(it.text))
        elif b.style == "bullets":
            out.extend(_wrap(it.text, "   ", " - "))
        else:
            pad = "    " if it.level else ""
            lab = f"{pad}{it.printed} "
            out.extend(_wrap(it.text, " " * len(lab), lab))
        out.append("")
    return out


def _text_table(b: Table) -> list[str]:
    """Each row as one bullet of 'header: cell' pairs (tables do not survive conversion)."""
    out: list[str] = []
    if b.caption:
        out.append(b.caption)
    for row in b.rows:
        out.extend(
            _wrap(
                "; ".join(f"{h}: {c}" for h, c in zip(b.header, row, strict=True)),
                "   ",
                " - ",
            )
        )
    out.append("")
    return out
