"""Plain text and Markdown renderings, as reports are found after conversion or on web pages."""

from __future__ import annotations

import textwrap

from corpus.model import (
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


def run_text(block: RunPara) -> str:
    """'Intro (a) x; (b) y; and (c) z.' — each item keeps its label."""
    parts = []
    n = len(block.items)
    for i, it in enumerate(block.items):
        sep = "." if i == n - 1 else ("; and" if i == n - 2 else ";")
        parts.append(f"{it.printed} {it.text}{sep}")
    return f"{block.intro} " + " ".join(parts)


def render_markdown(doc: Document) -> bytes:
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, TitlePage):
            for style, text in b.lines:
                out.append(
                    f"# {text}"
                    if style == "title"
                    else f"**{text}**"
                    if style == "subtitle"
                    else text
                )
                out.append("")
        elif isinstance(b, Contents):
            out.append("## Contents")
            out.append("")
            out.extend(f"- {t}" for _, t in b.entries)
            out.append("")
        elif isinstance(b, Heading):
            hashes = "#" * (b.level + 1)
            num = f"{b.number}. " if b.number else ""
            out.append(f"{hashes} {num}{b.text}")
            out.append("")
        elif isinstance(b, Para):
            text = f"*{b.text}*" if b.style == "quote" else b.text
            out.append(f"{b.number} {text}" if b.number else text)
            out.append("")
        elif isinstance(b, Bullets):
            out.extend(f"{i}. {t}" if b.ordered else f"- {t}" for i, t in enumerate(b.items, 1))
            out.append("")
        elif isinstance(b, RecList):
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
        elif isinstance(b, RunPara):
            out.append(run_text(b))
            out.append("")
        elif isinstance(b, Table):
            if b.caption:
                out.append(f"*{b.caption}*")
                out.append("")
            out.append("| " + " | ".join(b.header) + " |")
            out.append("|" + "|".join("---" for _ in b.header) + "|")
            for row in b.rows:
                out.append("| " + " | ".join(c.replace("|", "/") for c in row) + " |")
            out.append("")
        elif isinstance(b, PageBreak):
            out.append("")
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")


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
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, TitlePage):
            out.extend(["", ""])
            for _, text in b.lines:
                out.append(text.center(78).rstrip())
                out.append("")
        elif isinstance(b, Contents):
            out.append("CONTENTS")
            out.append("")
            out.extend(f"  {t}" for _, t in b.entries)
            out.append("")
        elif isinstance(b, Heading):
            num = f"{b.number}. " if b.number else ""
            text = f"{num}{b.text}"
            out.append(text.upper() if b.level == 1 else text)
            if b.level <= 2:
                out.append(("=" if b.level == 1 else "-") * len(text))
            out.append("")
        elif isinstance(b, Para):
            if b.number:
                out.extend(_wrap(b.text, " " * (len(b.number) + 1), b.number + " "))
            else:
                out.extend(_wrap(b.text, "    " if b.style == "quote" else ""))
            out.append("")
        elif isinstance(b, Bullets):
            for i, t in enumerate(b.items, 1):
                out.extend(_wrap(t, "   ", f"{i}. " if b.ordered else " * "))
            out.append("")
        elif isinstance(b, RecList):
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
        elif isinstance(b, RunPara):
            out.extend(_wrap(run_text(b)))
            out.append("")
        elif isinstance(b, Table):
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
        elif isinstance(b, PageBreak):
            out.append("")
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")
