"""`scr coding train` and `scr evaluate --real`: the learned coder rebuilt and judged on real text.

Training reads the settled real labels (text from `../shared/realdocs` through their spans), the
seeds' examples and the generator's phrasings at low weights, and optionally a researcher's manual
codes from the published warehouse; it writes the committed artifact. Evaluation is grouped
five-fold cross-validation on the real labels and writes the seed `coder_performance_cv.csv`, the
table `reporting.coder_performance` is built from.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corpus.real.agreement import accuracy, per_code_scores, set_scores
from corpus.real.training_set import LabelledText, training_texts
from ingestion.codebook import Codebook, load_codebook
from ingestion.coding.features import text_features
from ingestion.coding.learn import Example, artifact_bytes, cross_validate, train
from ingestion.coding.model import ARTIFACT, LearnedCoder
from ingestion.coding.recommendation import code_recommendation

PERFORMANCE_PATH = (
    Path(__file__).resolve().parents[1] / "dbt_project" / "seeds" / "coder_performance_cv.csv"
)
PERFORMANCE_COLUMNS = ["code_type", "code", "precision", "recall", "f1", "support", "source"]
MANUAL_WEIGHT = 1.0


@dataclass(frozen=True)
class CodeSpace:
    themes: tuple[str, ...]
    agencies: tuple[str, ...]
    layers: tuple[str, ...]


def code_space(codebook: Codebook) -> CodeSpace:
    return CodeSpace(
        tuple(t.code for t in codebook.themes),
        tuple(sorted(codebook.agency_codes)),
        codebook.layer_codes_in_order,
    )


def as_examples(texts: list[LabelledText], codebook: Codebook) -> list[Example]:
    return [
        Example(
            t.text,
            tuple(text_features(t.text, codebook)),
            t.themes,
            t.agency,
            t.layer,
            t.group,
            t.weight,
            t.source,
        )
        for t in texts
    ]


def manual_code_texts(published: Path) -> list[LabelledText]:
    """A researcher's manual codes in the published warehouse, as training texts (one per
    recommendation; only the code types the researcher coded are known)."""
    from warehouse.build import connect_read_only

    with connect_read_only(published) as con:
        rows = con.execute(
            "select r.recommendation_id, r.text, r.document_id, m.code_type, m.code "
            "from raw.manual_codes as m join raw.recommendations as r using (recommendation_id) "
            "order by r.recommendation_id, m.code_type, m.code"
        ).fetchall()
    by_id: dict[str, dict] = {}
    for rec_id, text, document_id, code_type, code in rows:
        entry = by_id.setdefault(rec_id, {"text": text, "group": document_id, "theme": set()})
        if code_type == "theme":
            entry["theme"].add(code)
        else:
            entry[code_type] = code
    return [
        LabelledText(
            e["text"],
            frozenset(e["theme"]) if e["theme"] else None,
            e.get("agency"),
            e.get("layer"),
            f"manual:{e['group']}",
            MANUAL_WEIGHT,
            "manual",
        )
        for e in by_id.values()
    ]


def train_coder(
    realdocs: Path,
    out: Path = ARTIFACT,
    manual_from: Path | None = None,
    progress: Callable[[str], None] = print,
) -> Path:
    """Rebuild the artifact from the labelled set (and manual codes, when given)."""
    codebook = load_codebook()
    space = code_space(codebook)
    texts = training_texts(realdocs)
    if manual_from is not None:
        texts += manual_code_texts(manual_from)
    progress(f"training on {len(texts)} texts ({sum(t.source == 'real' for t in texts)} real)")
    examples = as_examples(texts, codebook)
    artifact = train(examples, space.themes, space.agencies, space.layers)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(artifact_bytes(artifact))
    progress(f"written: {out} ({out.stat().st_size:,} bytes)")
    return out


def evaluate_coder(realdocs: Path, progress: Callable[[str], None] = print) -> list[dict]:
    """Grouped five-fold cross-validation on the real labels: the performance table's rows."""
    codebook = load_codebook()
    space = code_space(codebook)
    examples = as_examples(training_texts(realdocs), codebook)
    progress(
        "cross-validating the whole coder on the items' text alone (five folds grouped by "
        "document, thresholds chosen inside each)"
    )

    def code_item(model: LearnedCoder, example: Example) -> tuple[frozenset[str], str, str]:
        """The whole coder on the item's text alone (no heading, no section)."""
        codes = code_recommendation(example.text, None, "", codebook, coder=model)
        return (
            frozenset(hit.code for hit in codes.themes),
            codes.agency.primary.code,
            codes.layer.code,
        )

    held = cross_validate(examples, space.themes, space.agencies, space.layers, code_item)
    ids = sorted(held)
    truth = [examples[i].themes or frozenset() for i in ids]
    predicted = [held[i][0] for i in ids]
    rows = []
    micro = set_scores(truth, predicted)
    rows.append(_row("theme", "all", micro, sum(len(t) for t in truth)))
    for theme, score in per_code_scores(truth, predicted, space.themes).items():
        rows.append(_row("theme", theme, score, int(score["support"])))
    # one code per item: (its type, the true code, the predicted one) by item
    single_codes = (
        ("agency", _labelled({i: examples[i].agency for i in ids}), {i: held[i][1] for i in ids}),
        ("layer", _labelled({i: examples[i].layer for i in ids}), {i: held[i][2] for i in ids}),
    )
    for code_type, want, got in single_codes:
        share = accuracy({str(i): c for i, c in want.items()}, {str(i): c for i, c in got.items()})
        rows.append(
            _row(code_type, "all", {"precision": share, "recall": share, "f1": share}, len(ids))
        )
        labels = sorted(set(want.values()))
        for code in labels:
            t = [frozenset({code}) if want[i] == code else frozenset() for i in ids]
            p = [frozenset({code}) if got[i] == code else frozenset() for i in ids]
            rows.append(
                _row(code_type, code, per_code_scores(t, p, [code])[code], sum(map(bool, t)))
            )
    return rows


def _labelled(codes: dict[int, str | None]) -> dict[int, str]:
    """The codes of real items, which always carry their agency and layer."""
    assert all(code is not None for code in codes.values()), "a real item without its code"
    return {i: code for i, code in codes.items() if code is not None}


def _row(code_type: str, code: str, score: dict, support: int) -> dict:
    """One performance row; with no real example of the code there is nothing to measure."""
    measured = support > 0
    return {
        "code_type": code_type,
        "code": code,
        "precision": round(score["precision"], 4) if measured else None,
        "recall": round(score["recall"], 4) if measured else None,
        "f1": round(score["f1"], 4) if measured else None,
        "support": support,
        "source": "cross_validation_real",
    }


def performance_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=PERFORMANCE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def render_performance(rows: list[dict]) -> str:
    lines = [f"{'code type':10s} {'code':26s} {'P':>6s} {'R':>6s} {'F1':>6s} {'n':>5s}"]
    for r in rows:
        if r["support"]:
            lines.append(
                f"{r['code_type']:10s} {r['code']:26s} {r['precision']:6.3f} {r['recall']:6.3f} "
                f"{r['f1']:6.3f} {r['support']:5d}"
            )
    return "\n".join(lines)
