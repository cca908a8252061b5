"""Who gets what: the per-review plan that makes the corpus reproduce DFE-RR157's figures.

A corpus is built in blocks of 33 reviews. Each block is calibrated exactly like the study's
sample (21 deaths / 12 serious injuries, 18 girls / 15 boys, the age bands, 20 reviews with
agency recommendations whose counts and agencies give Table 1, theme sets that give Table 2,
case themes whose reflection follows chapter 4, 5 action plans). Block 0 is exact; later blocks
jitter the per-review counts (keeping the means) so a large corpus is not 60 copies of one shape.
"""

from __future__ import annotations

import csv
import functools
import math
import random
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

SAMPLE_SEED = 20100  # the committed sample's seed (corpus.generate.DEFAULT_SEED)

BLOCK = 33

# --- The study's figures -------------------------------------------------------------------------
DEATH_COUNTS = (94, 71, 63, 58, 52, 49, 46, 44, 38, 36)  # sum 551, mean 55.1
INJURY_COUNTS = (10, 18, 24, 29, 33, 37, 42, 49, 61, 78)  # sum 381, mean 38.1

# Table 1 column totals over the 20 reviews (the four the text gives, LSCB as read from the
# garbled total row, the rest shared plausibly). Sum 932.
AGENCY_TOTALS: dict[str, int] = {
    "lscb_all_agencies": 135,
    "community_health": 161,
    "childrens_social_care": 179,
    "early_years": 22,
    "housing": 5,
    "health_overview": 48,
    "hospital_ambulance": 92,
    "adult_mh_substance": 37,
    "education": 63,
    "connexions": 4,
    "youth_offending": 12,
    "police": 85,
    "probation": 24,
    "voluntary": 23,
    "miscellaneous": 20,
    "regional_national": 22,
}
AGENCY_ORDER = tuple(AGENCY_TOTALS)

_TABLE2_FALLBACK = {
    "training": 20,
    "information_sharing": 19,
    "recording": 18,
    "management_supervision": 18,
    "staff_roles": 16,
    "whole_picture": 16,
    "referral": 16,
    "audit": 15,
    "case_drift": 14,
    "caf": 13,
    "meeting_representation": 13,
    "focus_on_child": 12,
    "timescales": 12,
    "hard_to_engage": 11,
}

# Case themes (chapter 4): (present, reflected) among the 20 layer-2 reviews and the other 13.
CASE_PLAN_20: dict[str, tuple[int, int]] = {
    "domestic_violence": (13, 11),
    "parental_substance_misuse": (11, 9),
    "parental_mental_ill_health": (10, 8),
    "hidden_men": (8, 6),
    "premature_low_birth_weight": (7, 1),
    "teenage_parents": (6, 1),
    "poverty": (6, 0),
    "poor_living_environment": (5, 1),
    "neglect": (7, 5),
    "disability": (3, 2),
}
CASE_PLAN_13: dict[str, tuple[int, int]] = {
    "domestic_violence": (7, 5),
    "parental_substance_misuse": (6, 4),
    "parental_mental_ill_health": (5, 4),
    "hidden_men": (4, 3),
    "premature_low_birth_weight": (4, 0),
    "teenage_parents": (3, 0),
    "poverty": (3, 0),
    "poor_living_environment": (3, 0),
    "neglect": (4, 2),
    "disability": (1, 1),
}
REFLECTED_BY = {
    "domestic_violence": "domestic_violence",
    "parental_substance_misuse": "substance_misuse",
    "parental_mental_ill_health": "parental_mental_health",
    "hidden_men": "hidden_men",
    "premature_low_birth_weight": "vulnerable_babies",
    "teenage_parents": "young_parents",
    "poverty": "poverty_housing",
    "poor_living_environment": "poverty_housing",
    "neglect": "neglect",
    "disability": "disabled_children",
}
# Further themes (no Table 2 figure): number of the 20 reviews that address each.
FURTHER_20 = {
    "professional_challenge": 6,
    "staffing_workforce": 4,
    "out_of_hours": 3,
    "thresholds_access": 4,
    "professional_knowledge": 3,
    "safer_sleeping": 3,
    "shaken_babies": 2,
}
NATIONAL_REVIEWS_20 = 8  # reviews of the 20 that make recommendations to national bodies

# Sample characteristics of the 33: (outcome, age band) -> reviews.
OUTCOME_AGE = {
    ("death", "under_1"): 10,
    ("death", "1_5"): 5,
    ("death", "6_10"): 2,
    ("death", "11_plus"): 4,
    ("serious_injury", "under_1"): 4,
    ("serious_injury", "1_5"): 2,
    ("serious_injury", "6_10"): 4,
    ("serious_injury", "11_plus"): 2,
}
GIRLS = 18
LAYER2_DEATHS, LAYER2_INJURIES = 10, 10
ACTION_PLAN_DEATHS, ACTION_PLAN_INJURIES = 3, 2
FORMATS_33 = ("pdf",) * 15 + ("docx",) * 8 + ("html",) * 5 + ("md",) * 3 + ("txt",) * 2


def _seed_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "dbt_project" / "seeds"


@functools.cache
def table2_counts() -> dict[str, int]:
    """Table 2 targets, read from the codebook seed (the one source of truth), in table order."""
    path = _seed_dir() / "codebook_themes.csv"
    if not path.exists():
        return dict(_TABLE2_FALLBACK)
    with path.open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if (r.get("table2_reviews") or "").strip()]
    rows.sort(key=lambda r: int(r["table2_order"]))
    return {r["theme_code"]: int(r["table2_reviews"]) for r in rows}


@dataclass(frozen=True)
class ReviewPlan:
    """Everything decided about one review before any text is written."""

    index: int
    seed: int
    outcome: str
    child_sex: str
    age_band: str
    age_unit: str  # weeks | months | years | years_months
    age_value: tuple[int, int]
    year: int
    fmt: str  # pdf | docx | html | md | txt
    has_agency_recommendations: bool
    has_action_plan: bool
    agency_counts: tuple[tuple[str, int], ...]
    table2_themes: tuple[str, ...]
    further_themes: tuple[str, ...]
    case_themes: tuple[str, ...]
    reflected_case_themes: tuple[str, ...]
    block_position: int = 0

    @property
    def review_id(self) -> str:
        return f"scr-{self.index + 1:04d}"

    @property
    def child_age_years(self) -> float:
        """Age at the incident in years, as the truth records it (2 decimals)."""
        a, b = self.age_value
        if self.age_unit == "weeks":
            return round(a * 7 / 365.25, 2)
        if self.age_unit == "months":
            return round(a / 12, 2)
        if self.age_unit == "years_months":
            return round(a + b / 12, 2)
        return float(a)

    @property
    def recommendation_total(self) -> int:
        return sum(n for _, n in self.agency_counts)

    @property
    def required_themes(self) -> tuple[str, ...]:
        """Every theme the review's recommendations address (and no other)."""
        return self.table2_themes + self.further_themes


# --- Helpers -------------------------------------------------------------------------------------
def _pick(rng: random.Random, items: list[int], k: int, weights: Sequence[float]) -> list[int]:
    """Weighted sample without replacement (deterministic for a given rng state)."""
    pool = list(zip(items, weights, strict=True))
    out: list[int] = []
    for _ in range(min(k, len(pool))):
        total = sum(w for _, w in pool)
        x = rng.random() * total
        acc = 0.0
        for j, (item, w) in enumerate(pool):
            acc += w
            if x <= acc or j == len(pool) - 1:
                out.append(item)
                pool.pop(j)
                break
    return out


def _round_matrix(real: list[list[float]], rows: list[int], cols: list[int]) -> list[list[int]]:
    """Integer matrix with exact margins, each cell the floor or ceiling of `real` (max flow)."""
    nr, nc = len(rows), len(cols)
    base = [[math.floor(v + 1e-9) for v in row] for row in real]
    need_r = [rows[i] - sum(base[i]) for i in range(nr)]
    need_c = [cols[j] - sum(base[i][j] for i in range(nr)) for j in range(nc)]
    # nodes: 0 source, 1..nr rows, nr+1..nr+nc cols, sink
    n = nr + nc + 2
    sink = n - 1
    cap: dict[tuple[int, int], int] = {}
    adj: list[list[int]] = [[] for _ in range(n)]

    def edge(u: int, v: int, c: int) -> None:
        if (u, v) not in cap:
            adj[u].append(v)
            adj[v].append(u)
            cap.setdefault((v, u), 0)
        cap[(u, v)] = cap.get((u, v), 0) + c

    for i in range(nr):
        edge(0, 1 + i, need_r[i])
        for j in range(nc):
            if real[i][j] - base[i][j] > 1e-9:
                edge(1 + i, 1 + nr + j, 1)
    for j in range(nc):
        edge(1 + nr + j, sink, need_c[j])
    _saturate(adj, cap, sink)
    out = [row[:] for row in base]
    for i in range(nr):
        for j in range(nc):
            if cap.get((1 + nr + j, 1 + i), 0) > 0 and real[i][j] - base[i][j] > 1e-9:
                out[i][j] += cap[(1 + nr + j, 1 + i)]
    assert [sum(r) for r in out] == rows, "row margins not met"
    assert [sum(out[i][j] for i in range(nr)) for j in range(nc)] == cols, "column margins"
    return out


def _saturate(adj: list[list[int]], cap: dict[tuple[int, int], int], sink: int) -> None:
    """Push unit flows from node 0 to `sink` along shortest augmenting paths (Edmonds-Karp)
    until none is left; `cap` ends as the residual capacities."""
    while True:
        prev = {0: -1}
        q = deque([0])
        while q and sink not in prev:
            u = q.popleft()
            for v in adj[u]:
                if v not in prev and cap.get((u, v), 0) > 0:
                    prev[v] = u
                    q.append(v)
        if sink not in prev:
            return
        v = sink
        while prev[v] != -1:
            u = prev[v]
            cap[(u, v)] -= 1
            cap[(v, u)] += 1
            v = u


def _ipf(weights: list[list[float]], rows: list[int], cols: list[int]) -> list[list[float]]:
    """Scale a positive-pattern matrix to the given row and column sums."""
    m = [row[:] for row in weights]
    for _ in range(500):
        for i, row in enumerate(m):
            s = sum(row)
            if s > 0:
                f = rows[i] / s
                m[i] = [v * f for v in row]
        for j in range(len(cols)):
            s = sum(m[i][j] for i in range(len(m)))
            if s > 0:
                f = cols[j] / s
                for i in range(len(m)):
                    m[i][j] *= f
        if all(abs(sum(m[i]) - rows[i]) < 1e-7 for i in range(len(m))):
            break
    return m


def _theme_sets(rng: random.Random, wanted: list[int], caps: list[int]) -> list[set[str]]:
    """Give each layer-2 review a Table 2 theme set so each theme's review count is exact.

    `wanted` is a first guess of each review's number of themes, `caps` the most it can express.
    """
    counts = table2_counts()
    n_themes = len(counts)
    caps = [min(n_themes, c) for c in caps]
    k = [max(1, min(w, c)) for w, c in zip(wanted, caps, strict=True)]
    target = sum(counts.values())
    if not sum(caps) >= target >= len(k) * max(1, max(counts.values()) // len(k)):
        raise RuntimeError("Table 2 theme counts cannot fit these review sizes")
    order = sorted(range(len(k)), key=lambda i: (-caps[i], i))
    while sum(k) < target:
        for i in order:
            if sum(k) < target and k[i] < caps[i]:
                k[i] += 1
    while sum(k) > target:
        for i in reversed(order):
            if sum(k) > target and k[i] > 3:
                k[i] -= 1
    sets: list[set[str]] = [set() for _ in k]
    remaining = k[:]
    for theme, c in sorted(counts.items(), key=lambda kv: -kv[1]):
        cand = sorted(range(len(k)), key=lambda i: (-remaining[i], rng.random()))
        chosen = cand[:c]
        if any(remaining[i] <= 0 for i in chosen):
            raise RuntimeError("Table 2 theme sets are infeasible for these review sizes")
        for i in chosen:
            sets[i].add(theme)
            remaining[i] -= 1
    return sets


def _jitter_counts(rng: random.Random, counts: list[int]) -> list[int]:
    """Move recommendations between reviews of one outcome: same sum, same range limits."""
    out = counts[:]
    for _ in range(len(out) * 2):
        a, b = rng.randrange(len(out)), rng.randrange(len(out))
        d = rng.randint(1, 6)
        if a != b and out[a] - d >= 10 and out[b] + d <= 94:
            out[a] -= d
            out[b] += d
    return out


# --- The block ---------------------------------------------------------------------------------
def _age_detail(rng: random.Random, band: str) -> tuple[str, tuple[int, int]]:
    if band == "under_1":
        if rng.random() < 0.55:
            return "weeks", (rng.randint(2, 22), 0)
        return "months", (rng.randint(4, 11), 0)
    if band == "1_5":
        years = rng.randint(1, 5)
        if rng.random() < 0.5:
            return "years_months", (years, rng.randint(1, 11))
        return "years", (years, 0)
    if band == "6_10":
        return "years", (rng.randint(6, 10), 0)
    return "years", (rng.randint(11, 17), 0)


_CASE_WEIGHT = {
    "teenage_parents": {"under_1": 3.0, "1_5": 2.0, "6_10": 0.0, "11_plus": 0.0},
    "premature_low_birth_weight": {"under_1": 4.0, "1_5": 2.0, "6_10": 0.4, "11_plus": 0.2},
    "disability": {"under_1": 0.2, "1_5": 1.0, "6_10": 2.0, "11_plus": 2.0},
    "hidden_men": {"under_1": 2.0, "1_5": 2.0, "6_10": 1.0, "11_plus": 0.5},
}


def _assign_case_themes(
    rng: random.Random, members: list[int], bands: list[str], plan: dict[str, tuple[int, int]]
) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """Choose which reviews have each case theme and which of those reflect it."""
    present: dict[int, set[str]] = {i: set() for i in members}
    reflected: dict[int, set[str]] = {i: set() for i in members}
    for attempt in range(200):
        for i in members:
            present[i].clear()
            reflected[i].clear()
        ok = True
        for theme, (n_present, _) in plan.items():
            w = [_CASE_WEIGHT.get(theme, {}).get(bands[i], 1.0) for i in members]
            chosen = _pick(rng, members, n_present, w)
            if len(chosen) < n_present:
                ok = False
                break
            for i in chosen:
                present[i].add(theme)
        if not ok:
            continue
        # reflection: poverty and poor environment share one recommendation theme, so a
        # reflected one must not sit beside an unreflected other in the same review
        for theme, (_, n_reflected) in plan.items():
            cands = [i for i in members if theme in present[i]]
            if theme in ("poverty", "poor_living_environment"):
                other = "poor_living_environment" if theme == "poverty" else "poverty"
                other_reflected = plan[other][1]
                cands = [i for i in cands if other not in present[i] or other_reflected]
            if len(cands) < n_reflected:
                ok = False
                break
            for i in _pick(rng, cands, n_reflected, [1.0] * len(cands)):
                reflected[i].add(theme)
        if ok:
            return present, reflected
        if attempt == 199:
            break
    raise RuntimeError("could not place case themes")


def build_block(seed: int, block: int) -> list[ReviewPlan]:
    """The 33 plans of one block (block 0 is the exact calibration)."""
    rng = random.Random(f"scr-corpus:{seed}:{block}")
    slots = [key for key, n in OUTCOME_AGE.items() for _ in range(n)]
    rng.shuffle(slots)
    outcomes = [o for o, _ in slots]
    bands = [b for _, b in slots]
    sexes = ["female"] * GIRLS + ["male"] * (BLOCK - GIRLS)
    rng.shuffle(sexes)
    deaths = [i for i in range(BLOCK) if outcomes[i] == "death"]
    injuries = [i for i in range(BLOCK) if outcomes[i] == "serious_injury"]
    layer2 = sorted(rng.sample(deaths, LAYER2_DEATHS) + rng.sample(injuries, LAYER2_INJURIES))
    others = [i for i in range(BLOCK) if i not in layer2]
    l2_deaths = [i for i in layer2 if outcomes[i] == "death"]
    l2_injuries = [i for i in layer2 if outcomes[i] == "serious_injury"]
    with_plan = set(rng.sample(l2_deaths, ACTION_PLAN_DEATHS))
    with_plan |= set(rng.sample(l2_injuries, ACTION_PLAN_INJURIES))

    d_counts, i_counts = list(DEATH_COUNTS), list(INJURY_COUNTS)
    if block > 0:
        d_counts, i_counts = _jitter_counts(rng, d_counts), _jitter_counts(rng, i_counts)
    rng.shuffle(d_counts)
    rng.shuffle(i_counts)
    size = dict(zip(l2_deaths, d_counts, strict=True)) | dict(
        zip(l2_injuries, i_counts, strict=True)
    )

    present20, reflected20 = _assign_case_themes(rng, layer2, bands, CASE_PLAN_20)
    present13, reflected13 = _assign_case_themes(rng, others, bands, CASE_PLAN_13)
    present = present20 | present13
    reflected = reflected20 | reflected13

    further = _further_themes(rng, layer2, outcomes, bands, size)
    national = set(
        _pick(
            rng,
            layer2,
            NATIONAL_REVIEWS_20,
            [(2.0 if outcomes[i] == "death" else 1.0) * (size[i] / 30) ** 2 for i in layer2],
        )
    )
    for i in range(BLOCK):
        further[i] |= {REFLECTED_BY[c] for c in reflected[i]}

    # agency matrix for the 20 (Table 1); national policy is a theme only where a national
    # body actually receives a recommendation
    agency_counts = _agency_matrix(rng, layer2, size, bands, present, national)
    for i in layer2:
        if agency_counts[i].get("regional_national"):
            further[i].add("national_policy")

    # Table 2 theme sets: capacity grows with the review's size, minus the further themes
    caps = [max(4, size[i] - len(further[i]) - 1) for i in layer2]
    sets = _theme_sets(rng, [4 + size[i] // 7 for i in layer2], caps)
    table2 = dict(zip(layer2, sets, strict=True))

    for i in others:
        agency_counts[i], table2[i] = _other_review_themes(rng, further[i])
    fmts = _formats(rng, with_plan)

    plans = []
    for i in range(BLOCK):
        unit, value = _age_detail(rng, bands[i])
        year = rng.choice((2009, 2010, 2010)) if block == 0 else rng.randint(2009, 2020)
        if block == 0 and seed == SAMPLE_SEED:  # the sample spans 2009-2012, so trends over
            # years move; a stream of its own keeps every other draw (every published figure)
            # as it was, and other seeds (the coder's training phrasings) are untouched
            year += random.Random(f"year:{seed}:{i}").choice((0, 0, 1, 2))
        counts = tuple((a, agency_counts[i][a]) for a in AGENCY_ORDER if agency_counts[i].get(a))
        plans.append(
            ReviewPlan(
                index=block * BLOCK + i,
                seed=rng.randrange(2**31),
                outcome=outcomes[i],
                child_sex=sexes[i],
                age_band=bands[i],
                age_unit=unit,
                age_value=value,
                year=year,
                fmt=fmts[i],
                has_agency_recommendations=i in layer2,
                has_action_plan=i in with_plan,
                agency_counts=counts,
                table2_themes=tuple(t for t in table2_counts() if t in table2[i]),
                further_themes=tuple(sorted(further[i])),
                case_themes=tuple(sorted(present[i])),
                reflected_case_themes=tuple(sorted(reflected[i])),
                block_position=i,
            )
        )
    return plans


def _further_themes(
    rng: random.Random,
    layer2: list[int],
    outcomes: list[str],
    bands: list[str],
    size: dict[int, int],
) -> dict[int, set[str]]:
    """The further themes among the 20 reviews with agency recommendations, placed by weight
    (larger reviews more often; the public-health ones only where the child was a baby)."""
    further: dict[int, set[str]] = {i: set() for i in range(BLOCK)}
    for theme, n in FURTHER_20.items():
        if theme in ("safer_sleeping", "shaken_babies"):
            w = [
                (3.0 if outcomes[i] == "death" else 1.0) if bands[i] == "under_1" else 0.0
                for i in layer2
            ]
            if theme == "shaken_babies":  # one incident cannot be both a co-sleeping death
                w = [
                    0.0 if "safer_sleeping" in further[i] else x
                    for i, x in zip(layer2, w, strict=True)
                ]
        else:
            w = [(size[i] / 30) ** 2 for i in layer2]
        for i in _pick(rng, layer2, n, w):
            further[i].add(theme)
    return further


def _other_review_themes(rng: random.Random, further: set[str]) -> tuple[dict[str, int], set[str]]:
    """One of the other 13 reviews: a handful of LSCB recommendations and a few Table 2 themes,
    never more themes than recommendations to express them."""
    t2_names = list(table2_counts())
    n = max(rng.randint(3, 9), len(further) + 1)
    k = max(1, min(n - len(further), rng.randint(2, 5)))
    w = [table2_counts()[t] for t in t2_names]
    themes = {t2_names[j] for j in _pick(rng, list(range(len(t2_names))), k, w)}
    if rng.random() < 0.5 and len(themes) < n:
        themes.add("training")
    while len(themes) + len(further) > n:  # keep every theme expressible
        themes.discard(sorted(themes)[0])
    return {"lscb_all_agencies": n}, themes


def _formats(rng: random.Random, with_plan: set[int]) -> list[str]:
    """The block's file formats; an action plan is a long table, so it is kept mostly in PDF
    and DOCX, as published."""
    fmts = list(FORMATS_33)
    rng.shuffle(fmts)
    for i in sorted(with_plan):
        if fmts[i] not in ("pdf", "docx", "html"):
            j = next(j for j in range(BLOCK) if fmts[j] in ("pdf", "docx") and j not in with_plan)
            fmts[i], fmts[j] = fmts[j], fmts[i]
    return fmts


def _agency_matrix(
    rng: random.Random,
    layer2: list[int],
    size: dict[int, int],
    bands: list[str],
    present: dict[int, set[str]],
    national: set[int],
) -> dict[int, dict[str, int]]:
    """Recommendations per (review, agency) with exact review totals and Table 1 column totals."""
    lscb_min = 2
    rows = [size[i] - lscb_min for i in layer2]
    cols = [
        AGENCY_TOTALS[a] - (lscb_min * len(layer2) if a == "lscb_all_agencies" else 0)
        for a in AGENCY_ORDER
    ]
    weights = []
    for i in layer2:
        band, themes = bands[i], present[i]
        inv = {
            "lscb_all_agencies": 1.0,
            "community_health": 1.2 if band in ("under_1", "1_5") else 0.7,
            "childrens_social_care": 1.0,
            "early_years": {"under_1": 0.3, "1_5": 1.5, "6_10": 0.15, "11_plus": 0.03}[band],
            "housing": 1.0 if themes & {"poverty", "poor_living_environment"} else 0.05,
            "health_overview": 1.0,
            "hospital_ambulance": 1.0 if band != "11_plus" else 0.6,
            "adult_mh_substance": 1.0
            if themes & {"parental_mental_ill_health", "parental_substance_misuse"}
            else 0.08,
            "education": {"under_1": 0.08, "1_5": 0.3, "6_10": 1.5, "11_plus": 1.5}[band],
            "connexions": 1.0 if band == "11_plus" or "teenage_parents" in themes else 0.02,
            "youth_offending": {"11_plus": 1.0, "6_10": 0.1}.get(band, 0.03),
            "police": 1.0,
            "probation": 1.0 if themes & {"hidden_men", "domestic_violence"} else 0.2,
            "voluntary": 0.6,
            "miscellaneous": 0.4,
            "regional_national": 1.0 if i in national else 0.0,
        }
        weights.append(
            [AGENCY_TOTALS[a] * inv[a] * math.exp(rng.gauss(0, 0.35)) for a in AGENCY_ORDER]
        )
    real = _ipf(weights, rows, cols)
    ints = _round_matrix(real, rows, cols)
    out: dict[int, dict[str, int]] = {}
    for r, i in enumerate(layer2):
        counts = dict(zip(AGENCY_ORDER, ints[r], strict=True))
        counts["lscb_all_agencies"] += lscb_min
        out[i] = counts
    return out


@functools.lru_cache(maxsize=2)
def _block_cached(seed: int, block: int) -> tuple[ReviewPlan, ...]:
    return tuple(build_block(seed, block))


def plan_for(index: int, total: int, seed: int) -> ReviewPlan:
    """The plan of review `index` in a corpus of `total` reviews (blocks of 33, last one partial).

    A partial last block takes a seeded sample of a full block's reviews, so proportions hold.
    """
    block, pos = divmod(index, BLOCK)
    plans = _block_cached(seed, block)
    last_block_size = total - block * BLOCK
    if last_block_size < BLOCK:
        order = list(range(BLOCK))
        random.Random(f"partial:{seed}:{block}").shuffle(order)
        pos = sorted(order[:last_block_size])[pos]
    plan = plans[pos]
    return plan if plan.index == index else replace(plan, index=index)


def corpus_plans(total: int, seed: int) -> list[ReviewPlan]:
    """All plans, in order (small: a few hundred bytes each)."""
    return [plan_for(i, total, seed) for i in range(total)]
