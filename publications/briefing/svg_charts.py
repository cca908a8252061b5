"""Bar charts and small multiples as inline SVG, so the briefing needs no script, font or network.

One function draws every chart of the report: one bar per series in each row (one series for a
plain bar chart, two for Figure 3's paired bars). A value the caller suppresses (a small cell) is
drawn as a hatched band up to the suppression threshold with its label ("<5"), so its length
tells no more than the label does. Every text is escaped: labels can come from documents.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 860
LABEL_WIDTH = 310
VALUE_MARGIN = 56  # room right of the longest bar for its value label
LABEL_CHARS = 46  # characters per label line (12 px sans-serif in LABEL_WIDTH)
BAR_HEIGHT = 13
BAR_GAP = 2
ROW_PADDING = 9
LEGEND_HEIGHT = 26
AXIS_HEIGHT = 30
FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True)
class Cell:
    """One bar: its value, or None when suppressed, and the text printed beside it."""

    value: int | None
    text: str


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Series:
    name: str
    colour: str


def esc(value: object) -> str:
    """Text made safe for HTML and inline SVG (markup escaped, control characters dropped)."""
    return html.escape(_CONTROL.sub("", str(value)), quote=True)


def wrap(text: str, width: int = LABEL_CHARS, max_lines: int = 2) -> list[str]:
    """Greedy word wrap; the last line is clipped with an ellipsis when the text is too long."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    lines = [line if len(line) <= width else line[: width - 1] + "…" for line in lines] or [""]
    if len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1 :])
        lines = lines[: max_lines - 1] + [last[: width - 1].rstrip() + "…"]
    return lines


def nice_ticks(maximum: int, target: int = 6) -> list[int]:
    """Integer ticks from 0 to at least `maximum` on a 1-2-5 step, about `target` of them."""
    maximum = max(1, maximum)
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if maximum / step <= target:
                top = -(-maximum // step) * step
                return list(range(0, top + 1, step))
        magnitude *= 10


def bar_chart(
    chart_id: str,
    title: str,
    rows: Sequence[Row],
    series: Sequence[Series],
    suppress_below: int | None = None,
    axis_label: str = "",
) -> str:
    """An SVG of horizontal bars, one group per row and one bar per series, with a value axis."""
    values = [c.value for r in rows for c in r.cells if c.value is not None]
    if suppress_below and any(c.value is None for r in rows for c in r.cells):
        values.append(suppress_below)
    ticks = nice_ticks(max(values, default=1))
    plot_width = WIDTH - LABEL_WIDTH - VALUE_MARGIN
    scale = plot_width / ticks[-1]
    group_height = len(series) * BAR_HEIGHT + (len(series) - 1) * BAR_GAP + 2 * ROW_PADDING
    legend = LEGEND_HEIGHT if len(series) > 1 else 0
    top = legend + 6
    plot_height = group_height * len(rows)
    height = top + plot_height + AXIS_HEIGHT + (14 if axis_label else 0)
    x0 = LABEL_WIDTH
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-svg-title" font-family="{esc(FONT)}" '
        f'font-size="12">',
        f'<title id="{chart_id}-svg-title">{esc(title)}</title>',
        "<defs>"
        + "".join(
            f'<pattern id="{chart_id}-hatch-{j}" width="6" height="6" '
            'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            '<rect width="6" height="6" fill="#ffffff"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{esc(s.colour)}" stroke-width="2"/>'
            "</pattern>"
            for j, s in enumerate(series)
        )
        + "</defs>",
    ]
    if legend:
        needed = sum(28 + int(len(s.name) * 7) for s in series)
        x = x0 if x0 + needed <= WIDTH else max(0, WIDTH - needed)
        for s in series:
            parts.append(
                f'<rect x="{x}" y="6" width="14" height="12" fill="{esc(s.colour)}" rx="2"/>'
                f'<text x="{x + 20}" y="16" fill="#222">{esc(s.name)}</text>'
            )
            x += 28 + int(len(s.name) * 7)
    for tick in ticks:
        tick_x = x0 + tick * scale
        parts.append(
            f'<line x1="{tick_x:.1f}" y1="{top}" x2="{tick_x:.1f}" y2="{top + plot_height}" '
            f'stroke="{"#9a9a9a" if tick == 0 else "#e2e2e2"}" stroke-width="1"/>'
            f'<text x="{tick_x:.1f}" y="{top + plot_height + 16}" text-anchor="middle" '
            f'fill="#555" font-size="11">{tick}</text>'
        )
    if axis_label:
        parts.append(
            f'<text x="{x0 + plot_width / 2:.1f}" y="{top + plot_height + 34}" '
            f'text-anchor="middle" fill="#444" font-size="11">{esc(axis_label)}</text>'
        )
    for i, row in enumerate(rows):
        y_group = top + i * group_height
        if i % 2 == 1:
            parts.append(
                f'<rect x="0" y="{y_group}" width="{x0 - 8}" height="{group_height}" '
                'fill="#f4f6f8"/>'
            )
        lines = wrap(row.label)
        centre = y_group + group_height / 2
        first = centre - (len(lines) - 1) * 7 + 4
        tspans = "".join(
            f'<tspan x="{x0 - 12}" y="{first + j * 14:.1f}">{esc(line)}</tspan>'
            for j, line in enumerate(lines)
        )
        parts.append(f'<text text-anchor="end" fill="#222">{tspans}</text>')
        for j, (cell, s) in enumerate(zip(row.cells, series, strict=True)):
            y = y_group + ROW_PADDING + j * (BAR_HEIGHT + BAR_GAP)
            if cell.value is None:
                width = (suppress_below or 0) * scale
                fill = f"url(#{chart_id}-hatch-{j})"
                stroke = f' stroke="{esc(s.colour)}" stroke-width="0.8"'
            else:
                width = cell.value * scale
                fill, stroke = esc(s.colour), ""
            parts.append(
                f'<rect class="bar" x="{x0}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                f'fill="{fill}"{stroke}/>'
                f'<text class="value" x="{x0 + width + 5:.1f}" y="{y + BAR_HEIGHT - 2}" '
                f'fill="#222" font-size="11">{esc(cell.text)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


# --- small multiples ------------------------------------------------------------------------
PANEL_COLUMNS = 4
PANEL_WIDTH = WIDTH // PANEL_COLUMNS
PANEL_HEIGHT = 132
PANEL_TITLE_CHARS = 30


@dataclass(frozen=True)
class Panel:
    """One small chart: a title and one value per period (None: nothing to show, e.g. a
    suppressed count or a period with no reviews), each with the text printed over its bar."""

    title: str
    values: tuple[float | None, ...]
    texts: tuple[str, ...]


def small_multiples(
    chart_id: str,
    title: str,
    periods: Sequence[str],
    panels: Sequence[Panel],
    colour: str,
    maximum: float = 1.0,
) -> str:
    """A grid of small column charts on one common scale (0 to `maximum`), one panel per
    subject and one column per period, so the panels can be compared at a glance."""
    rows = max(1, -(-len(panels) // PANEL_COLUMNS))
    height = rows * PANEL_HEIGHT + 8
    top_pad, bottom_pad, side = 34, 18, 12
    plot_h = PANEL_HEIGHT - top_pad - bottom_pad
    slot = (PANEL_WIDTH - 2 * side) / max(1, len(periods))
    bar_w = max(4.0, min(26.0, slot * 0.7))
    parts = [
        f'<svg class="chart small-multiples" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-labelledby="{chart_id}-svg-title" '
        f'font-family="{esc(FONT)}" font-size="11">',
        f'<title id="{chart_id}-svg-title">{esc(title)}</title>',
    ]
    for k, panel in enumerate(panels):
        px = (k % PANEL_COLUMNS) * PANEL_WIDTH
        py = (k // PANEL_COLUMNS) * PANEL_HEIGHT + 4
        base = py + top_pad + plot_h
        parts.append(f'<g class="panel" data-panel="{esc(panel.title)}">')
        parts.append(
            f'<rect x="{px + 2}" y="{py}" width="{PANEL_WIDTH - 4}" height="{PANEL_HEIGHT - 4}" '
            'fill="#f8fafc" stroke="#dde3ea"/>'
        )
        tspans = "".join(
            f'<tspan x="{px + side}" y="{py + 13 + j * 12}">{esc(line)}</tspan>'
            for j, line in enumerate(wrap(panel.title, PANEL_TITLE_CHARS, 2))
        )
        parts.append(f'<text fill="#1f3f60" font-weight="600">{tspans}</text>')
        parts.append(
            f'<line x1="{px + side}" y1="{base}" x2="{px + PANEL_WIDTH - side}" y2="{base}" '
            'stroke="#9a9a9a" stroke-width="1"/>'
        )
        for j, period in enumerate(periods):
            cx = px + side + slot * j + slot / 2
            value = panel.values[j] if j < len(panel.values) else None
            text = panel.texts[j] if j < len(panel.texts) else ""
            if value is not None:
                h = plot_h * max(0.0, min(value, maximum)) / (maximum or 1.0)
                parts.append(
                    f'<rect class="bar" x="{cx - bar_w / 2:.1f}" y="{base - h:.1f}" '
                    f'width="{bar_w:.1f}" height="{h:.1f}" fill="{esc(colour)}" '
                    f'data-period="{esc(period)}"/>'
                )
                label_y = base - h - 3
            else:
                label_y = base - 3
            parts.append(
                f'<text class="value" x="{cx:.1f}" y="{label_y:.1f}" text-anchor="middle" '
                f'fill="#222" font-size="9">{esc(text)}</text>'
                f'<text x="{cx:.1f}" y="{base + 12}" text-anchor="middle" fill="#555" '
                f'font-size="9">{esc(period)}</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
