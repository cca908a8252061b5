"""How a review's report is laid out: label styles, list numbering, section placement, and the
names agencies go by in headings and tables. Chosen per review from its seed.
"""

from __future__ import annotations

import csv
import functools
import random
from dataclasses import dataclass
from pathlib import Path

from corpus.calibration import ReviewPlan
from corpus.textkit import alpha, roman

_LAYER_FALLBACK = {
    "focus_on_child": "child",
    "vulnerable_babies": "child",
    "disabled_children": "child",
    "whole_picture": "family",
    "hard_to_engage": "family",
    "hidden_men": "family",
    "domestic_violence": "family",
    "substance_misuse": "family",
    "parental_mental_health": "family",
    "young_parents": "family",
    "poverty_housing": "family",
    "safer_sleeping": "regional_national",
    "shaken_babies": "regional_national",
    "national_policy": "regional_national",
}


@functools.cache
def theme_layers() -> dict[str, str]:
    """Default layer of each theme, from the codebook seed."""
    path = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds" / "codebook_themes.csv"
    if path.exists():
        with path.open(newline="", encoding="utf-8") as fh:
            return {r["theme_code"]: r["layer_code"] for r in csv.DictReader(fh)}
    return _LAYER_FALLBACK


AGENCY_HEADINGS: dict[str, list[str]] = {
    "community_health": [
        "{community_trust}",
        "{community_trust} (health visiting and school nursing)",
        "Community Health Services (Health Visiting)",
    ],
    "childrens_social_care": [
        "{csc}",
        "Children's Social Care",
        "{council}: Children's Social Care",
    ],
    "early_years": ["{nursery}", "Early Years and Childcare Service"],
    "housing": ["{housing}", "Housing Services"],
    "health_overview": [
        "{pct}",
        "Health Overview Report ({pct})",
        "Primary Care and Commissioning ({pct})",
    ],
    "hospital_ambulance": ["{hospital}", "{hospital} (acute services)"],
    "adult_mh_substance": [
        "{mh_trust} (Adult Mental Health Services)",
        "Adult Mental Health and Substance Misuse Services",
        "{dat} and Adult Mental Health Services",
    ],
    "education": [
        "{school}",
        "Education Services ({council})",
        "Schools and the Education Welfare Service",
    ],
    "connexions": ["{connexions}"],
    "youth_offending": ["{yot}"],
    "police": ["{police}"],
    "probation": ["{probation}"],
    "voluntary": ["{charity}"],
    "miscellaneous": ["{misc}"],
}
AGENCY_COLUMN: dict[str, list[str]] = {
    "lscb_all_agencies": ["LSCB", "All agencies", "{lscb_short}"],
    "community_health": ["Health visiting", "{community_trust}"],
    "childrens_social_care": ["Children's social care", "{csc}"],
    "early_years": ["Early years", "{nursery}"],
    "housing": ["Housing", "{housing}"],
    "health_overview": ["{pct}", "Health overview"],
    "hospital_ambulance": ["{hospital}", "Acute trust"],
    "adult_mh_substance": ["Adult mental health", "Drug and alcohol services"],
    "education": ["Education", "{school}"],
    "connexions": ["Connexions"],
    "youth_offending": ["Youth Offending Service"],
    "police": ["Police", "{police}"],
    "probation": ["Probation", "{probation}"],
    "voluntary": ["{charity}"],
    "miscellaneous": ["{misc}"],
    "regional_national": [
        "Department for Education",
        "Department of Health",
        "Home Office",
        "Ofsted",
    ],
}


@dataclass
class Layout:
    overview_style: str  # num | nested | R | recn | alpha | roman | bullets | table
    agency_style: str  # continue | restart | hier | table | flat | none
    restart_style: str  # label style when agency lists restart: num | R | alpha | roman
    national_place: str  # overview | separate
    run: bool
    exec_summary: bool
    exec_restates: bool
    numbered_paras: bool
    chronology_table: bool
    agency_in_appendix: bool
    auto: bool  # real list numbering in DOCX / HTML
    r_suffix: str
    recn_colon: bool
    sub_actions: bool


def choose_layout(plan: ReviewPlan, rng: random.Random) -> Layout:
    fmt = plan.fmt
    ap = plan.has_action_plan
    styles = ["num", "num", "num", "nested", "R", "recn", "alpha", "roman", "bullets", "table"]
    if fmt == "txt":
        styles.remove("table")
    if ap:
        styles = [s for s in styles if s in ("num", "nested", "R", "recn", "table")]
    ov = rng.choice(styles)
    if not plan.has_agency_recommendations:
        ag = "none"
    elif ov == "table":
        ag = "table"
    else:
        opts = ["continue", "restart", "restart", "hier", "table", "flat"]
        if fmt == "txt":
            opts.remove("table")
        if ap:
            opts = [o for o in opts if o not in ("restart",)]
            if ov == "nested":
                opts = [o for o in opts if o != "hier"]
        if ov in ("bullets", "alpha", "roman"):
            opts = [o for o in opts if o != "continue"]
        ag = rng.choice(opts)
    return Layout(
        overview_style=ov,
        agency_style=ag,
        restart_style=rng.choice(("num", "num", "R", "alpha", "roman")),
        national_place=rng.choice(("overview", "separate")),
        run=(not ap)
        and ov in ("num", "R", "recn", "roman", "bullets", "nested")
        and rng.random() < 0.35,
        exec_summary=rng.random() < 0.55,
        exec_restates=rng.random() < 0.6,
        numbered_paras=rng.random() < 0.5,
        chronology_table=fmt != "txt" and rng.random() < 0.45,
        agency_in_appendix=rng.random() < 0.4,
        auto=fmt in ("docx", "html") and rng.random() < 0.75,
        r_suffix=rng.choice(("", ".", ":")),
        recn_colon=rng.random() < 0.6,
        sub_actions=fmt in ("pdf", "docx", "html"),
    )


def label(style: str, k: int, lay: Layout, fmt: str, auto: bool) -> tuple[str, str]:
    """(printed, truth) for item k of a list in `style`."""
    if style == "num":
        return f"{k}.", str(k)
    if style == "R":
        return f"R{k}{lay.r_suffix}", f"R{k}"
    if style == "recn":
        return (f"Recommendation {k}:" if lay.recn_colon else f"Recommendation {k}"), str(k)
    if style == "alpha":
        a = alpha(k - 1)
        if auto and fmt == "html":
            return f"{a}.", a
        return f"({a})", f"({a})"
    if style == "roman":
        r = roman(k)
        return f"{r}.", r
    if style == "bullets":
        return "•", ""
    if style == "table":
        return str(k), str(k)
    raise ValueError(style)


def auto_ok(style: str, fmt: str) -> bool:
    if fmt == "docx":
        return style in ("num", "R", "recn", "alpha", "roman", "bullets", "nested")
    if fmt == "html":
        return style in ("num", "alpha", "roman", "bullets")
    return False
