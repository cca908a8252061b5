"""Every DFE-RR157 figure the default corpus must reproduce, computed from its truth.jsonl."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from corpus.calibration import CASE_PLAN_20, REFLECTED_BY
from ingestion.records import age_band

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "sample"
SEEDS = ROOT / "dbt_project" / "seeds"


def _csv(name: str) -> list[dict[str, str]]:
    with (SEEDS / name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def truth() -> list[dict]:
    lines = (SAMPLE / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def layer2(truth: list[dict]) -> list[dict]:
    return [t for t in truth if t["has_agency_recommendations"]]


def test_truth_lines_are_sorted_single_line_json(truth: list[dict]) -> None:
    raw = (SAMPLE / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(raw) == 33
    for line, obj in zip(raw, truth, strict=True):
        assert line == json.dumps(obj, sort_keys=True, ensure_ascii=False)
    keys = {
        "file",
        "review_id",
        "title",
        "outcome",
        "child_sex",
        "child_age_years",
        "age_band",
        "area",
        "year",
        "case_themes",
        "has_agency_recommendations",
        "has_action_plan",
        "recommendations",
        "action_plan_items",
    }
    assert all(set(t) == keys for t in truth)
    assert len({t["review_id"] for t in truth}) == 33
    assert len({t["file"] for t in truth}) == 33


def test_sample_characteristics(truth: list[dict]) -> None:
    assert Counter(t["outcome"] for t in truth) == {"death": 21, "serious_injury": 12}
    assert Counter(t["child_sex"] for t in truth) == {"female": 18, "male": 15}
    assert Counter(t["age_band"] for t in truth) == {
        "under_1": 14,
        "1_5": 7,
        "6_10": 6,
        "11_plus": 6,
    }
    for t in truth:
        assert age_band(t["child_age_years"]) == t["age_band"]
        assert 2009 <= t["year"] <= 2012


def test_layers_of_analysis(truth: list[dict], layer2: list[dict]) -> None:
    assert len(layer2) == 20
    assert Counter(t["outcome"] for t in layer2) == {"death": 10, "serious_injury": 10}
    plans = [t for t in truth if t["has_action_plan"]]
    assert len(plans) == 5 and all(t["has_agency_recommendations"] for t in plans)
    assert set(Counter(t["outcome"] for t in plans)) == {"death", "serious_injury"}
    for t in truth:
        assert bool(t["action_plan_items"]) == t["has_action_plan"]


def test_overview_only_reviews_carry_a_handful_of_lscb_recommendations(truth: list[dict]) -> None:
    others = [t for t in truth if not t["has_agency_recommendations"]]
    assert len(others) == 13
    for t in others:
        assert 3 <= len(t["recommendations"]) <= 10
        assert {r["section"] for r in t["recommendations"]} == {"lscb"}
        assert {r["agency_code"] for r in t["recommendations"]} == {"lscb_all_agencies"}


def test_number_of_recommendations(layer2: list[dict]) -> None:
    counts = [len(t["recommendations"]) for t in layer2]
    assert sum(counts) == 932
    assert min(counts) == 10 and max(counts) == 94
    deaths = [len(t["recommendations"]) for t in layer2 if t["outcome"] == "death"]
    injuries = [len(t["recommendations"]) for t in layer2 if t["outcome"] == "serious_injury"]
    assert round(sum(deaths) / len(deaths)) == 55 and sum(deaths) == 551
    assert round(sum(injuries) / len(injuries)) == 38 and sum(injuries) == 381
    assert round(sum(counts) / 20) == 47


def test_table1_agency_totals(layer2: list[dict]) -> None:
    totals = Counter(r["agency_code"] for t in layer2 for r in t["recommendations"])
    assert totals["childrens_social_care"] == 179
    assert totals["community_health"] == 161
    assert totals["hospital_ambulance"] == 92
    assert totals["police"] == 85
    assert totals["lscb_all_agencies"] == 135
    codes = {r["agency_code"] for r in _csv("codebook_agencies.csv")}
    assert set(totals) <= codes
    assert len(set(totals)) == 16  # the rest shared over every other Table 1 column
    assert sum(totals.values()) == 932


def test_table2_theme_counts(layer2: list[dict]) -> None:
    targets = {
        r["theme_code"]: int(r["table2_reviews"])
        for r in _csv("codebook_themes.csv")
        if r["table2_reviews"]
    }
    assert len(targets) == 14
    reviews_with = Counter(
        theme
        for t in layer2
        for theme in {c for r in t["recommendations"] for c in r["theme_codes"]}
    )
    for theme, n in targets.items():
        assert reviews_with[theme] == n, theme
    further = {r["theme_code"] for r in _csv("codebook_themes.csv") if not r["table2_reviews"]}
    reflecting = set(REFLECTED_BY.values())
    for theme in further - reflecting:
        assert 1 <= reviews_with[theme] <= 8, theme  # a few reviews each


def test_codes_sections_and_layers(truth: list[dict]) -> None:
    themes = {r["theme_code"]: r["layer_code"] for r in _csv("codebook_themes.csv")}
    case_codes = {r["case_theme_code"] for r in _csv("codebook_case_themes.csv")}
    section_of = {"lscb_all_agencies": "lscb", "regional_national": "national"}
    for t in truth:
        assert set(t["case_themes"]) <= case_codes
        for r in t["recommendations"]:
            assert r["theme_codes"] and set(r["theme_codes"]) <= set(themes)
            assert len(set(r["theme_codes"])) == len(r["theme_codes"])
            assert r["section"] == section_of.get(r["agency_code"], "agency")
            want = (
                "regional_national"
                if r["agency_code"] == "regional_national"
                else themes[r["theme_codes"][0]]
            )
            assert r["layer_code"] == want
            assert r["text"] == r["text"].strip() and "  " not in r["text"]


def test_reflecting_themes_only_where_the_case_has_them(truth: list[dict]) -> None:
    """Honesty: a recommendation about domestic abuse only where the case involved it, etc."""
    reflected_by: dict[str, set[str]] = {}
    for case_theme, theme in REFLECTED_BY.items():
        reflected_by.setdefault(theme, set()).add(case_theme)
    for t in truth:
        used = {c for r in t["recommendations"] for c in r["theme_codes"]}
        for theme, cases in reflected_by.items():
            if theme in used:
                assert cases & set(t["case_themes"]), (t["review_id"], theme)


def test_table3_case_themes_and_reflection(truth: list[dict], layer2: list[dict]) -> None:
    reflection = {
        r["case_theme_code"]: r["theme_code"] for r in _csv("codebook_case_theme_reflection.csv")
    }
    present: Counter[str] = Counter()
    reflected: Counter[str] = Counter()
    for t in layer2:
        used = {c for r in t["recommendations"] for c in r["theme_codes"]}
        for c in t["case_themes"]:
            present[c] += 1
            reflected[c] += reflection[c] in used
    assert {c: (present[c], reflected[c]) for c in CASE_PLAN_20} == CASE_PLAN_20
    share = {c: reflected[c] / present[c] for c in present}
    for c in (
        "domestic_violence",
        "parental_substance_misuse",
        "parental_mental_ill_health",
        "hidden_men",
    ):
        assert present[c] >= 8 and share[c] >= 0.6, c  # frequent, mostly reflected
    for c in ("premature_low_birth_weight", "teenage_parents"):
        assert present[c] >= 5 and share[c] <= 0.25, c  # frequent, rarely reflected
    for c in ("poverty", "poor_living_environment"):
        assert present[c] >= 3 and share[c] <= 0.2, c  # present, scarcely reflected
    all33 = Counter(c for t in truth for c in t["case_themes"])
    assert all33["premature_low_birth_weight"] >= 8 and all33["teenage_parents"] >= 8


def test_teenage_parents_only_for_young_children(truth: list[dict]) -> None:
    for t in truth:
        if "teenage_parents" in t["case_themes"]:
            assert t["age_band"] in ("under_1", "1_5")


def test_action_plans(truth: list[dict]) -> None:
    for t in [t for t in truth if t["has_action_plan"]]:
        labels = [r["label"] for r in t["recommendations"]]
        assert len(set(labels)) == len(labels), (
            "action-plan reviews label every recommendation uniquely"
        )
        assert all(labels)
        refs = Counter(a["recommendation_label"] for a in t["action_plan_items"])
        assert set(refs) == set(labels)  # one row or more per recommendation
        for a in t["action_plan_items"]:
            assert set(a["smart"]) == {"specific", "measurable", "achievable", "relevant", "timely"}
            assert a["action"] and a["timescale"] and a["status"]
            assert a["smart"]["achievable"] == (
                a["lead"] not in ("All agencies", "TBC", "LSCB partners", "Various")
            )
            vague = (
                "",
                "Improved practice",
                "Better outcomes for children",
                "Staff more confident",
            )
            assert a["smart"]["measurable"] == (a["measure"] not in vague)
            assert a["smart"]["timely"] == (
                a["timescale"] not in ("Ongoing", "TBC", "Annual", "Continuous")
            )
    items = [a for t in truth for a in t["action_plan_items"]]
    for flag in ("specific", "measurable", "achievable", "relevant", "timely"):
        n = sum(a["smart"][flag] for a in items)
        assert 0 < n < len(items), flag  # a realistic mix
    assert sum(a["smart"]["timely"] for a in items) / len(items) > 0.8  # none beyond a year


def test_formats_mixed_pdf_most_common(truth: list[dict]) -> None:
    fmts = Counter(t["file"].rsplit(".", 1)[1] for t in truth)
    assert set(fmts) == {"pdf", "docx", "html", "md", "txt"}
    assert fmts.most_common(1)[0][0] == "pdf"
    total = (
        sum(p.stat().st_size for p in (SAMPLE / "reports").iterdir())
        + (SAMPLE / "truth.jsonl").stat().st_size
    )
    assert total <= 10 * 1024 * 1024
    assert sorted(p.name for p in (SAMPLE / "reports").iterdir()) == sorted(
        t["file"] for t in truth
    )


def test_label_styles_vary(truth: list[dict]) -> None:
    labels = [r["label"] for t in truth for r in t["recommendations"]]
    assert any(lab.isdigit() for lab in labels)
    assert any("." in lab for lab in labels)  # 1.1 sub-recommendations
    assert any(lab.startswith("R") for lab in labels)
    assert any(lab.startswith("(") for lab in labels)
    assert any(lab == "" for lab in labels) or any(lab.strip("ivx") == "" for lab in labels)
