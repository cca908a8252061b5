"""Ruled tables on a PDF page, rebuilt from the page's vector lines and read cell by cell.

Why not pdfplumber everywhere: it reads about 4 pages/s on these machines, 50-100 times slower
than pypdfium2. So a page is looked at only when its text suggests a table (`is_candidate`); then
its path objects are scanned (pypdfium2, cheap) for ruling lines; the lines are merged into a grid
(horizontally and vertically merged cells included) and each cell's text is read with
`get_text_bounded`, which gives clean cells at pdfium speed. Only the tables the parsers need
are read cell by cell (`is_wanted_header`). pdfplumber is kept as an opt-in fallback
(`read_pdf(use_plumber_fallback=True)`) for pages whose ruling lines pdfium cannot see (lines
drawn inside form XObjects).
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

TOL = 2.0  # points: lines closer than this are the same line
THIN = 3.0  # points: a filled rectangle thinner than this is a ruling line
MIN_LEN = 6.0  # points: shorter segments are glyph decoration, not rulings

_HEADER_WORDS = re.compile(
    r"\b(recommendations?|actions?|lead|leads|timescales?|target|deadline|outcomes?|evidence|"
    r"status|agency|agencies|responsib\w*|success|measures?|progress|completion|owner|rag|"
    r"by when|no\.?|ref\.?)\b",
    re.I,
)


_HEADER_STEMS = ("recommendation", "action", "lead", "timescale", "target", "deadline", "outcome",
                 "evidence", "status", "agenc", "responsib", "success", "measure", "progress",
                 "completion")  # fmt: skip


def is_candidate(text: str, previous_had_table: bool) -> bool:
    """Cheap test on pypdfium2's page text: could this page hold a data table?

    Yes after a table page (tables run on), on a page of many short lines (cells), or when one
    short line holds two header words ("Recommendation Action Lead Timescale"). Plain substring
    tests first (C speed); the word regex only runs on the few lines that need it.
    """
    if previous_had_table:
        return True
    lines = text.splitlines()
    nonblank = [ln for ln in lines if ln.strip()]
    if len(nonblank) < 3:
        return False
    short = sum(1 for ln in nonblank if ln.count(" ") < 4)
    if len(nonblank) >= 8 and short >= 0.45 * len(nonblank):
        return True
    low = text.lower()
    if sum(1 for w in _HEADER_STEMS if w in low) < 2:
        return False
    for ln in nonblank:
        if ln.count(" ") > 12 or sum(1 for w in _HEADER_STEMS if w in ln.lower()) < 2:
            continue
        if len({m.group(0).lower() for m in _HEADER_WORDS.finditer(ln)}) >= 2:
            return True
    return False


@dataclass
class Table:
    """A table found on a page: its box (PDF points, origin bottom-left) and rows of cell text."""

    x0: float
    y0: float
    x1: float
    y1: float
    rows: list[list[str]]


def _segments(
    page: object,
) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) ruling segments of a page."""
    hs: list[tuple[float, float, float]] = []
    vs: list[tuple[float, float, float]] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    px, py = ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    n = pdfium_c.FPDFPage_CountObjects(page)
    for j in range(n):
        obj = pdfium_c.FPDFPage_GetObject(page, j)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        w = right.value - left.value
        h = top.value - bottom.value
        if h <= THIN and w >= MIN_LEN:
            hs.append(((bottom.value + top.value) / 2, left.value, right.value))
            continue
        if w <= THIN and h >= MIN_LEN:
            vs.append(((left.value + right.value) / 2, bottom.value, top.value))
            continue
        if w < MIN_LEN or h < MIN_LEN:
            continue
        count = pdfium_c.FPDFPath_CountSegments(obj)
        if count <= 0 or count > 4000:
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        start = prev = None
        for k in range(count):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, px, py):
                continue
            x = a * px.value + c * py.value + e
            y = b * px.value + d * py.value + f
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = prev = (x, y)
                continue
            if prev is not None and kind == pdfium_c.FPDF_SEGMENT_LINETO:
                _add_edge(prev, (x, y), hs, vs)
            prev = (x, y)
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                _add_edge(prev, start, hs, vs)
                prev = start
    return hs, vs


def _add_edge(p: tuple[float, float], q: tuple[float, float], hs: list, vs: list) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) <= 1.0 and abs(x1 - x0) >= MIN_LEN:
        hs.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) <= 1.0 and abs(y1 - y0) >= MIN_LEN:
        vs.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _merge(segs: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Join segments on the same line (within TOL) whose extents touch or overlap."""
    out: list[list[float]] = []
    for pos, a, b in sorted(segs):
        for m in reversed(out[-8:]):
            if abs(m[0] - pos) <= TOL and a <= m[2] + TOL and b >= m[1] - TOL:
                m[1], m[2] = min(m[1], a), max(m[2], b)
                break
        else:
            out.append([pos, a, b])
    return [(p, a, b) for p, a, b in out]


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= TOL:
            continue
        out.append(v)
    return out


def _groups(hs: list, vs: list) -> list[tuple[list, list]]:
    """Connected groups of crossing/touching horizontal and vertical lines (one per table)."""
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(vs)), key=lambda j: vs[j][0])
    xs = [vs[j][0] for j in order]
    for i, (y, hx0, hx1) in enumerate(hs):
        lo, hi = bisect_left(xs, hx0 - TOL), bisect_right(xs, hx1 + TOL)
        for j in order[lo:hi]:
            _, vy0, vy1 = vs[j]
            if vy0 - TOL <= y <= vy1 + TOL:
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list, list]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


class _Lines:
    """Ruling segments grouped by their (clustered) position, for quick coverage questions."""

    def __init__(self, segs: list[tuple[float, float, float]], positions: list[float]) -> None:
        self.by_pos: list[list[tuple[float, float]]] = [[] for _ in positions]
        for p, a, b in segs:
            k = min(range(len(positions)), key=lambda i: abs(positions[i] - p))
            self.by_pos[k].append((a, b))

    def covers(self, k: int, at: float) -> bool:
        """Does line number k cover coordinate `at`?"""
        return any(a - TOL <= at <= b + TOL for a, b in self.by_pos[k])

    def share(self, k: int, lo: float, hi: float) -> float:
        """Fraction of [lo, hi] that line number k covers."""
        if hi <= lo:
            return 0.0
        spans = sorted((max(a, lo), min(b, hi)) for a, b in self.by_pos[k] if b > lo and a < hi)
        total, end = 0.0, lo
        for a, b in spans:
            if b > end:
                total += b - max(a, end)
                end = b
        return total / (hi - lo)


MAX_CELLS = 1500


def is_wanted_header(cells: list[str]) -> bool:
    """Does a first row name the columns of a recommendation table or an action plan?"""
    words = {m.group(0).lower() for c in cells for m in _HEADER_WORDS.finditer(c)}
    # Any table with a recommendations column is read as rows, or its column name, left as a
    # line of its own, would look like a section heading.
    return len(words) >= 2 or any("recommendation" in w for w in words)


def _table(
    textpage: object,
    hs: list,
    vs: list,
    max_cells: int = MAX_CELLS,
    continues: int | None = None,
) -> Table | None:
    """Read one grid's cells, or None when it is not a table we need.

    Only recommendation tables and action plans are read cell by cell (their first row names
    their columns, or they carry on a table of the previous page with the same number of
    columns); other tables (glossary, chronology, panel membership) keep pdfium's own text,
    which saves most of the cost of reading cells.
    """
    ys = sorted(_cluster([h[0] for h in hs]), reverse=True)  # top first
    xs = _cluster([v[0] for v in vs])
    if len(ys) < 2 or len(xs) < 2 or (len(ys) - 1) * (len(xs) - 1) < 2:
        return None
    if (len(ys) - 1) * (len(xs) - 1) > 4 * MAX_CELLS:
        return None
    hl, vl = _Lines(hs, ys), _Lines(vs, xs)
    if not _is_framed(hl, vl, xs, ys):
        return None
    nrows, ncols = len(ys) - 1, len(xs) - 1
    owner = _cell_owners(hl, vl, xs, ys)
    extent = _cell_extents(owner)
    if len(extent) > max_cells or len(extent) < 2:
        return None
    rows = [["" for _ in range(ncols)] for _ in range(nrows)]

    def read(key: tuple[int, int]) -> None:
        (r0, c0), (_, _, r1, c1) = key, extent[key]
        text = textpage.get_text_bounded(  # type: ignore[attr-defined]
            left=xs[c0] + 0.5, bottom=ys[r1 + 1] + 0.5, right=xs[c1 + 1] - 0.5, top=ys[r0] - 0.5
        )
        rows[r0][c0] = text.replace("\r\n", "\n").replace("\r", "\n").strip()

    # Drop grid columns that never start a cell (artefacts of a line crossing a merged area).
    used = [any(owner[r][c] == (r, c) for r in range(nrows)) for c in range(ncols)]
    first_row = [k for k in extent if k[0] == 0]
    for k in first_row:
        read(k)
    if not is_wanted_header(rows[0]) and continues != sum(used):
        return None
    for k in extent:
        if k[0] != 0:
            read(k)
    rows = [[cell for cell, keep in zip(row, used, strict=True) if keep] for row in rows]
    if sum(1 for row in rows for cell in row if cell) < 2:
        return None
    return Table(xs[0], ys[-1], xs[-1], ys[0], rows)


def _is_framed(hl: _Lines, vl: _Lines, xs: list[float], ys: list[float]) -> bool:
    """A table is framed: its outer lines run (almost) all the way round. Boxes of a diagram
    that happen to touch are not."""
    height, width = (ys[-1], ys[0]), (xs[0], xs[-1])
    frame = (vl.share(0, *height), vl.share(len(xs) - 1, *height), hl.share(0, *width),
             hl.share(len(ys) - 1, *width))  # fmt: skip
    return min(frame) >= 0.9


def _cell_owners(
    hl: _Lines, vl: _Lines, xs: list[float], ys: list[float]
) -> list[list[tuple[int, int]]]:
    """owner[r][c] = (r0, c0): the top-left grid cell of the merged cell holding (r, c)."""
    nrows, ncols = len(ys) - 1, len(xs) - 1
    owner: list[list[tuple[int, int]]] = [[(r, c) for c in range(ncols)] for r in range(nrows)]
    for r in range(nrows):
        mid_y = (ys[r] + ys[r + 1]) / 2
        for c in range(ncols):
            if c > 0 and not vl.covers(c, mid_y):
                owner[r][c] = owner[r][c - 1]  # no line on the left: merged across
                continue
            mid_x = (xs[c] + xs[c + 1]) / 2
            if r > 0 and not hl.covers(r, mid_x):
                owner[r][c] = owner[r - 1][c]  # no line above: merged down
    return owner


def _cell_extents(owner: list[list[tuple[int, int]]]) -> dict[tuple[int, int], list[int]]:
    """Each merged cell (by its top-left grid cell) with its [r0, c0, r1, c1] span."""
    extent: dict[tuple[int, int], list[int]] = {}
    for r, row in enumerate(owner):
        for c, o in enumerate(row):
            e = extent.setdefault(o, [r, c, r, c])
            e[2], e[3] = max(e[2], r), max(e[3], c)
    return extent


def find_tables(
    page: object, textpage: object, text_lines: int = 10_000, continues: int | None = None
) -> list[Table]:
    """Ruled recommendation tables and action plans of a page, top to bottom.

    `text_lines` (the page's non-blank line count) bounds the number of cells: a grid with far
    more cells than the page has lines of text is a diagram, not a table. `continues` is the
    column count of a wanted table that ended the previous page (its rows may carry on here
    without a header).
    """
    max_cells = min(MAX_CELLS, 4 * text_lines + 20)
    hs, vs = _segments(page)
    if len(hs) < 2 or len(vs) < 2:
        return []
    hs, vs = _merge(hs), _merge(vs)
    if len(hs) * len(vs) > 250_000:
        return []
    grids = sorted(_groups(hs, vs), key=lambda g: -max(h[0] for h in g[0]))
    tables = []
    for k, (gh, gv) in enumerate(grids):
        t = _table(textpage, gh, gv, max_cells, continues if k == 0 else None)
        if t is not None:
            tables.append(t)
    return tables
