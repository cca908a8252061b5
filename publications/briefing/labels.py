"""The page's own wording: only what the warehouse holds no label for.

The labels of outcomes, sexes and age bands (and so of `recommendation_count_summary`'s groups
by outcome) are the codebook's (`codebook.codebook_values`, read by `queries`), as are those of
agencies, themes, layers and case themes (beside their codes in the reporting tables). What is
left here the warehouse does not hold: the headings of the sample's characteristics, the age
band the model counts when a review states none, the group of all reviews, and the SMART
criteria (`reporting.action_plan_smart` holds their codes only), in the order the study prints them.
"""

from __future__ import annotations

from publications.codebook import ValueLabel

CHARACTERISTICS: tuple[tuple[str, str], ...] = (
    ("outcome", "Outcome"),
    ("child_sex", "Sex of the child"),
    ("age_band", "Age at the incident"),
)
# `reporting.sample_characteristics` counts a review with no age band as 'unknown'; the seed
# lists the stated bands only (child_sex's 'unknown' is the seed's own value).
NOT_IN_CODEBOOK: dict[str, tuple[ValueLabel, ...]] = {
    "age_band": (ValueLabel("unknown", "Not known"),),
}
ALL_REVIEWS = ValueLabel("all", "All reviews in scope")
SMART_CRITERIA: tuple[ValueLabel, ...] = (
    ValueLabel("specific", "Specific"),
    ValueLabel("measurable", "Measurable"),
    ValueLabel("achievable", "Achievable"),
    ValueLabel("relevant", "Relevant"),
    ValueLabel("timely", "Timely"),
)
