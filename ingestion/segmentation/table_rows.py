"""How a table row appears in page text, whatever the source format.

Convention (shared by every reader, the segmenter and the action-plan parser):

* one table row is ONE line: its cells in column order joined by `CELL_SEP` (" | ");
* whitespace inside a cell (line breaks, tabs) is collapsed to single spaces, and a "|" inside a
  cell becomes "/" so that the separator stays unambiguous;
* empty cells are kept as empty strings ("1 |  | Police"), so columns line up with the header;
* a row whose cells are all empty is dropped; a row with a single non-empty cell is written as a
  plain line (a full-width title row reads as a heading, not as a table);
* a *layout* table (at most two columns holding long, structured prose, such as a coroner's
  form) is not a data table: its cells are written as plain lines, cell after cell, keeping their
  inner line breaks, so that numbered lists inside them stay visible to the segmenter.

DOCX, HTML and Markdown tables always follow the convention. In a PDF, reading cells costs time,
so only the tables that matter are rebuilt as rows: those whose first row names recommendation
or action-plan columns (or a recommendations column), and their continuation on the next page;
other ruled tables (glossary, chronology, panel membership) keep pdfium's own text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

CELL_SEP = " | "
_WS = re.compile(r"\s+")
LAYOUT_CELL_CHARS = 300


def clean_cell(text: str | None) -> str:
    """One cell as it goes into a row line: single spaces, no separator character."""
    if not text:
        return ""
    return _WS.sub(" ", text.replace("|", "/")).strip()


def is_layout_table(rows: Sequence[Sequence[str | None]]) -> bool:
    """True for a two-column (or narrower) table whose cells hold long prose or lists."""
    width = max((len(r) for r in rows), default=0)
    if width > 2:
        return False
    for row in rows:
        for cell in row:
            if cell and (len(cell) > LAYOUT_CELL_CHARS or cell.count("\n") >= 4):
                return True
    return False


def table_lines(rows: Sequence[Sequence[str | None]]) -> list[str]:
    """Lines for a table under the convention above (raw cell texts in, lines out)."""
    if is_layout_table(rows):
        out: list[str] = []
        for row in rows:
            for cell in row:
                if cell and cell.strip():
                    out.extend(line for line in cell.splitlines() if line.strip())
        return out
    lines: list[str] = []
    for row in rows:
        cells = [clean_cell(c) for c in row]
        filled = [c for c in cells if c]
        if not filled:
            continue
        if len(filled) == 1:
            lines.append(filled[0])
        else:
            lines.append(CELL_SEP.join(cells))
    return lines


def is_row(line: str) -> bool:
    """Does this line follow the table-row convention?"""
    return CELL_SEP in line


def split_row(line: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Cells of a row line as (text, start, end), start/end indexing the line (+ offset).

    Splits on every "|" (cells never hold one, see `clean_cell`), so a row whose first cell is
    empty still lines up after the line was stripped ("|  | Deliver training").
    """
    cells: list[tuple[str, int, int]] = []
    pos = 0
    n = len(line)
    while True:
        nxt = line.find("|", pos)
        end = n if nxt < 0 else nxt
        s, e = pos, end
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        cells.append((line[s:e], offset + s, offset + e))
        if nxt < 0:
            break
        pos = nxt + 1
    return cells
