"""The generator: deterministic bytes, the committed sample up to date, other corpus sizes, CLI."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from corpus.calibration import AGENCY_TOTALS, BLOCK, corpus_plans, plan_for
from corpus.cli import main
from corpus.generate import DEFAULT_SEED, SAMPLE_DIR, build_review, generate_corpus
from tests.corpus.test_sample_text import library_text, norm

ROOT = Path(__file__).resolve().parents[2]


def _files(root: Path) -> dict[str, bytes]:
    out = {p.name: p.read_bytes() for p in (root / "reports").iterdir()}
    out["truth.jsonl"] = (root / "truth.jsonl").read_bytes()
    return out


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    a = generate_corpus(8, 11, tmp_path / "a", workers=1)
    b = generate_corpus(8, 11, tmp_path / "b", workers=2)  # worker count must not matter
    assert a["reviews"] == b["reviews"] == 8
    fa, fb = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert fa.keys() == fb.keys() and len(fa) == 9
    for name in fa:
        assert fa[name] == fb[name], name
    c = generate_corpus(2, 12, tmp_path / "c", workers=1)
    assert _files(tmp_path / "c")["truth.jsonl"] != fa["truth.jsonl"]
    assert c["bytes"] > 0


def test_committed_sample_is_what_the_generator_writes(tmp_path: Path) -> None:
    """Regenerate the default corpus: the committed files must be byte-identical."""
    generate_corpus(33, DEFAULT_SEED, tmp_path)
    assert _files(tmp_path) == _files(SAMPLE_DIR)


def test_a_partial_last_block_keeps_the_proportions() -> None:
    plans = corpus_plans(40, 5)
    first = plans[:BLOCK]  # the first block is calibrated exactly whatever the seed
    layer2 = [p for p in first if p.has_agency_recommendations]
    assert sum(p.recommendation_total for p in layer2) == 932
    assert Counter(p.outcome for p in first) == {"death": 21, "serious_injury": 12}
    rest = plans[BLOCK:]
    assert len(rest) == 7 and len({p.seed for p in plans}) == 40
    for p in rest:
        n = p.recommendation_total
        assert (10 <= n <= 94) if p.has_agency_recommendations else (1 <= n <= 10)


@pytest.mark.parametrize("total", [200, 2000])
def test_large_corpus_plans_are_realistic(total: int) -> None:
    plans = corpus_plans(total, 7)
    assert len(plans) == total and [p.index for p in plans] == list(range(total))
    deaths = sum(p.outcome == "death" for p in plans) / total
    assert abs(deaths - 21 / 33) < 0.03
    girls = sum(p.child_sex == "female" for p in plans) / total
    assert abs(girls - 18 / 33) < 0.03
    l2 = [p for p in plans if p.has_agency_recommendations]
    assert abs(len(l2) / total - 20 / 33) < 0.03
    assert abs(sum(p.has_action_plan for p in plans) / total - 5 / 33) < 0.03
    counts = [p.recommendation_total for p in l2]
    assert min(counts) >= 10 and max(counts) <= 94
    mean_d = sum(p.recommendation_total for p in l2 if p.outcome == "death") / sum(
        p.outcome == "death" for p in l2
    )
    mean_i = sum(p.recommendation_total for p in l2 if p.outcome != "death") / sum(
        p.outcome != "death" for p in l2
    )
    assert abs(mean_d - 55.1) < 1.5 and abs(mean_i - 38.1) < 1.5
    share = Counter(a for p in l2 for a, n in p.agency_counts for _ in range(n))
    for agency in ("childrens_social_care", "community_health", "police"):
        assert abs(share[agency] / sum(share.values()) - AGENCY_TOTALS[agency] / 932) < 0.02
    assert {p.fmt for p in plans} == {"pdf", "docx", "html", "md", "txt"}
    assert min(p.year for p in plans) >= 2009 and max(p.year for p in plans) <= 2020


@pytest.mark.parametrize("index", [40, 150, 199])
def test_reviews_of_a_200_corpus_render_with_their_truth(index: int, tmp_path: Path) -> None:
    truth, data = build_review(index, 200, 7)
    assert truth["review_id"] == f"scr-{index + 1:04d}"
    path = tmp_path / str(truth["file"])
    path.write_bytes(data)
    doc = norm(library_text(path))
    for r in truth["recommendations"]:  # type: ignore[union-attr]
        assert norm(r["text"]) in doc


def test_partial_block_index_is_its_own() -> None:
    plan = plan_for(35, 40, 3)
    assert plan.index == 35 and plan.review_id == "scr-0036"


def test_cli_generates_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--reviews", "3", "--seed", "4", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "wrote 3 reviews" in out
    assert len((tmp_path / "truth.jsonl").read_text().splitlines()) == 3
    assert main(["generate", "--reviews", "0", "--out", str(tmp_path)]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["generate", "--help"])
    assert exc.value.code == 0
    assert "--reviews" in capsys.readouterr().out


def test_python_dash_m_corpus(tmp_path: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "corpus",
            "generate",
            "--reviews",
            "1",
            "--out",
            str(tmp_path),
            "--quiet",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "truth.jsonl").exists()
