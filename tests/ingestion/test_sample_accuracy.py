"""Extraction against the sample corpus's ground truth, at the thresholds of the extraction issue."""

import pytest

from orchestration.inspect_commands import evaluate_corpus
from orchestration.settings import PROJECT_ROOT

SAMPLE = PROJECT_ROOT / "corpus" / "sample"


@pytest.fixture(scope="module")
def report():
    return evaluate_corpus(SAMPLE / "reports", SAMPLE / "truth.jsonl")


def test_every_recommendation_is_found_once(report):
    assert report["recommendations"]["precision"] >= 0.99
    assert report["recommendations"]["recall"] >= 0.99


def test_agency_theme_and_layer_coding(report):
    assert report["accuracy"]["agency_code"]["accuracy"] >= 0.98
    assert report["theme_codes"]["f1"] >= 0.95
    assert report["accuracy"]["layer_code"]["accuracy"] >= 0.95


def test_case_facts_are_all_correct(report):
    for name in ("outcome", "child_sex", "age_band"):
        assert report["accuracy"][name]["accuracy"] == 1.0, [
            e for e in report["errors"] if e["field"] == name
        ]
    assert report["case_themes"]["f1"] >= 0.95


def test_action_plan_items_are_found(report):
    assert report["action_plan_items"]["recall"] >= 0.95
