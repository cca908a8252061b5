"""The inline SVG bar charts: well-formed for any label, honest scales, hidden small values."""

import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publications.briefing.svg_charts import Cell, Row, Series, bar_chart, nice_ticks, wrap

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    """Parse as XML (inline SVG carries no xmlns in HTML; add it for the XML parser)."""
    return ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


@SETTINGS
@given(st.text(max_size=400), st.integers(5, 80), st.integers(1, 4))
def test_wrap_keeps_lines_within_bounds(text, width, max_lines):
    lines = wrap(text, width, max_lines)
    assert 1 <= len(lines) <= max_lines
    assert all(len(line) <= width for line in lines)


def test_wrap_keeps_every_word_of_a_short_label():
    assert wrap("Community health (health visitors, school nurses)", 30) == [
        "Community health (health",
        "visitors, school nurses)",
    ]
    assert wrap("a " * 100, 10, 2)[-1].endswith("…")


@given(st.integers(0, 10**7))
def test_ticks_cover_the_maximum_on_a_1_2_5_step(maximum):
    ticks = nice_ticks(maximum)
    step = ticks[1] - ticks[0]
    assert ticks[0] == 0 and ticks[-1] >= maximum and len(ticks) <= 7
    assert str(step).strip("0") in {"1", "2", "5"}
    assert ticks == list(range(0, ticks[-1] + 1, step))


@SETTINGS
@given(
    st.lists(
        st.tuples(st.text(max_size=120), st.integers(0, 10_000), st.integers(0, 10_000)),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([None, 3, 10]),
)
def test_any_labels_and_values_give_well_formed_svg(data, k):
    def cell(v):
        return Cell(None, f"<{k}") if k and 0 < v < k else Cell(v, str(v))

    rows = [Row(label, (cell(a), cell(b))) for label, a, b in data]
    series = [Series("Occurs <b>", "#2f5d8a"), Series("Reflected & more", "#d9822b")]
    svg = bar_chart("c1", "A <title>", rows, series, k, axis_label="Reviews")
    root = parse(svg)
    bars = root.findall(f".//{SVG}rect[@class='bar']")
    assert len(bars) == 2 * len(rows)
    assert "<script" not in svg.lower()


def test_bars_are_proportional_and_suppressed_ones_reach_the_threshold():
    rows = [
        Row("a", (Cell(10, "10"),)),
        Row("b", (Cell(5, "5"),)),
        Row("c", (Cell(None, "<3"),)),
    ]
    root = parse(bar_chart("c2", "t", rows, [Series("s", "#123456")], 3))
    widths = [float(r.get("width")) for r in root.findall(f".//{SVG}rect[@class='bar']")]
    assert abs(widths[0] - 2 * widths[1]) < 0.2
    assert abs(widths[2] - 3 * widths[1] / 5) < 0.2
    fills = [r.get("fill") for r in root.findall(f".//{SVG}rect[@class='bar']")]
    assert fills[:2] == ["#123456", "#123456"] and fills[2] == "url(#c2-hatch-0)"
    labels = [t.text for t in root.findall(f".//{SVG}text[@class='value']")]
    assert labels == ["10", "5", "<3"]
