"""Short texts the briefing prints: clipped quotes and a review's name with its area and year."""

from __future__ import annotations

from publications.briefing.queries import ReviewTitle


def clip(text: str, limit: int) -> str:
    """`text` on one line, cut with an ellipsis past `limit` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def area_year(area: str | None, year: int | None) -> str:
    return ", ".join(str(x) for x in (area, year) if x)


def review_name(titles: dict[str, ReviewTitle], review_id: str) -> str:
    """A review's title with its area and year, as Table 1 tells reviews apart."""
    found = titles.get(review_id)
    if found is None:
        return review_id
    title = found.title or review_id
    sub = area_year(found.area, found.year)
    return f"{title} ({sub})" if sub else title
