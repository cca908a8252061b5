"""The page's wording for the few values no warehouse table labels, and their order.

Codes and labels of agencies, themes, layers and case themes are read from the warehouse (the
codebook's labels beside the codes in the reporting tables). The values below have no label
column anywhere in the warehouse (the review's outcome, sex and age band, the groups of
`recommendation_count_summary` and the SMART criteria): these are how the page words them, in
the order the study prints them. A value not listed here is printed as it is stored.
"""

from __future__ import annotations

CHARACTERISTICS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("outcome", "Outcome", {"death": "Child died", "serious_injury": "Serious injury"}),
    ("child_sex", "Sex of the child", {"female": "Girls", "male": "Boys", "unknown": "Not known"}),
    (
        "age_band",
        "Age at the incident",
        {
            "under_1": "Under 1",
            "1_5": "1–5",
            "6_10": "6–10",
            "11_plus": "11 and over",
            "unknown": "Not known",
        },
    ),
)
REVIEW_GROUPS = {
    "all": "All reviews in scope",
    "death": "Child died",
    "serious_injury": "Serious injury",
}
SMART_CRITERIA = {
    "specific": "Specific",
    "measurable": "Measurable",
    "achievable": "Achievable",
    "relevant": "Relevant",
    "timely": "Timely",
}


def in_order(value: str, order: list[str]) -> tuple[int, str]:
    """A sort key: the listed values in their order, then any other value by name."""
    return (order.index(value) if value in order else len(order), value)
