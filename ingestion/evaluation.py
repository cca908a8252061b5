"""Extraction measured against ground truth: precision, recall and F1 per field.

Pure functions over the JSON-ready dicts of `ingestion.as_json` (extracted) and of the corpus's
`truth.jsonl` (expected). Recommendations are paired by their text (after folding case, spacing and
punctuation), greedily by similarity, so a recommendation split or merged differently counts as a
miss rather than silently matching its neighbour.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

_MATCH_THRESHOLD = 0.85


def fold(text: str) -> str:
    """Text compared without case, punctuation or spacing differences."""
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).strip()


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return min(len(a), len(b)) / max(len(a), len(b)) * 0.5 + 0.5
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def pair_by_text(
    extracted: list[str], expected: list[str], threshold: float = _MATCH_THRESHOLD
) -> list[tuple[int, int]]:
    """Pairs (extracted index, expected index), each used once, best matches first."""
    folded_x = [fold(t) for t in extracted]
    folded_e = [fold(t) for t in expected]
    exact: dict[str, list[int]] = {}
    for j, text in enumerate(folded_e):
        exact.setdefault(text, []).append(j)
    pairs, used_x, used_e = [], set(), set()
    for i, text in enumerate(folded_x):  # exact matches first: cheap and unambiguous
        for j in exact.get(text, []):
            if j not in used_e:
                pairs.append((i, j))
                used_x.add(i)
                used_e.add(j)
                break
    candidates = []
    for i, a in enumerate(folded_x):
        if i in used_x:
            continue
        for j, b in enumerate(folded_e):
            if j in used_e:
                continue
            if abs(len(a) - len(b)) > max(len(a), len(b)) * 0.5:
                continue
            score = _similarity(a, b)
            if score >= threshold:
                candidates.append((score, i, j))
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_x and j not in used_e:
            pairs.append((i, j))
            used_x.add(i)
            used_e.add(j)
    return sorted(pairs)


@dataclass
class FieldScore:
    """Counts behind precision, recall and F1 (accuracy fields use `correct` of `total`)."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    def add(self, predicted: set, expected: set) -> None:
        self.true_positive += len(predicted & expected)
        self.false_positive += len(predicted - expected)
        self.false_negative += len(expected - predicted)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "true_positive": self.true_positive,
            "false_positive": self.false_positive,
            "false_negative": self.false_negative,
        }


@dataclass
class Evaluation:
    """Scores over a corpus; `errors` lists a sample of mistakes to read."""

    recommendations: FieldScore = field(default_factory=FieldScore)
    themes: FieldScore = field(default_factory=FieldScore)
    case_themes: FieldScore = field(default_factory=FieldScore)
    action_plan_items: FieldScore = field(default_factory=FieldScore)
    accuracy: Counter = field(default_factory=Counter)  # "<field>_correct" / "<field>_total"
    errors: list[dict] = field(default_factory=list)

    def count(self, name: str, is_correct: bool, detail: dict) -> None:
        self.accuracy[f"{name}_total"] += 1
        if is_correct:
            self.accuracy[f"{name}_correct"] += 1
        elif len(self.errors) < 200:
            self.errors.append({"field": name, **detail})

    def accuracy_of(self, name: str) -> float:
        total = self.accuracy[f"{name}_total"]
        return self.accuracy[f"{name}_correct"] / total if total else 1.0

    def as_dict(self) -> dict:
        accuracy_fields = sorted({k.rsplit("_", 1)[0] for k in self.accuracy})
        return {
            "recommendations": self.recommendations.as_dict(),
            "theme_codes": self.themes.as_dict(),
            "case_themes": self.case_themes.as_dict(),
            "action_plan_items": self.action_plan_items.as_dict(),
            "accuracy": {
                name: {
                    "accuracy": round(self.accuracy_of(name), 4),
                    "correct": self.accuracy[f"{name}_correct"],
                    "total": self.accuracy[f"{name}_total"],
                }
                for name in accuracy_fields
            },
            "errors": self.errors,
        }


REVIEW_FIELDS = ("outcome", "child_sex", "age_band")
RECOMMENDATION_FIELDS = ("agency_code", "layer_code", "section", "label")


def evaluate_document(result: Evaluation, extracted: dict | None, truth: dict) -> None:
    """Add one document's comparison to `result` (`extracted` is None when it was quarantined)."""
    file = truth.get("file")
    extracted = extracted or {"review": {}, "recommendations": [], "case_themes": []}
    review = extracted["review"]
    for name in REVIEW_FIELDS:
        got, want = review.get(name), truth.get(name)
        result.count(name, got == want, {"file": file, "got": got, "want": want})
    result.case_themes.add(set(extracted.get("case_themes", [])), set(truth.get("case_themes", [])))
    got_recs, want_recs = extracted["recommendations"], truth.get("recommendations", [])
    pairs = pair_by_text([r["text"] for r in got_recs], [r["text"] for r in want_recs])
    result.recommendations.true_positive += len(pairs)
    result.recommendations.false_positive += len(got_recs) - len(pairs)
    result.recommendations.false_negative += len(want_recs) - len(pairs)
    matched_x = {i for i, _ in pairs}
    matched_e = {j for _, j in pairs}
    for i, rec in enumerate(got_recs):
        if i not in matched_x and len(result.errors) < 200:
            result.errors.append(
                {"field": "extra_recommendation", "file": file, "text": rec["text"][:160]}
            )
    for j, rec in enumerate(want_recs):
        if j not in matched_e and len(result.errors) < 200:
            result.errors.append(
                {"field": "missed_recommendation", "file": file, "text": rec["text"][:160]}
            )
    for i, j in pairs:
        got, want = got_recs[i], want_recs[j]
        for name in RECOMMENDATION_FIELDS:
            result.count(
                name,
                str(got.get(name)) == str(want.get(name)),
                {
                    "file": file,
                    "text": want["text"][:120],
                    "got": got.get(name),
                    "want": want.get(name),
                },
            )
        got_themes, want_themes = set(got.get("theme_codes", [])), set(want.get("theme_codes", []))
        result.themes.add(got_themes, want_themes)
        if got_themes != want_themes and len(result.errors) < 200:
            result.errors.append(
                {
                    "field": "theme_codes",
                    "file": file,
                    "text": want["text"][:160],
                    "missing": sorted(want_themes - got_themes),
                    "extra": sorted(got_themes - want_themes),
                }
            )
    got_plan = [item["action"] for item in extracted.get("action_plan_items", [])]
    want_plan = [item["action"] for item in truth.get("action_plan_items", [])]
    plan_pairs = pair_by_text(got_plan, want_plan)
    result.action_plan_items.true_positive += len(plan_pairs)
    result.action_plan_items.false_positive += len(got_plan) - len(plan_pairs)
    result.action_plan_items.false_negative += len(want_plan) - len(plan_pairs)
