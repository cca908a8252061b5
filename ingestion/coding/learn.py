"""Training the learned coder: logistic regressions over the coder's features.

Pure functions from labelled examples to the artifact's dictionary; deterministic (sorted
vocabulary, a deterministic solver, float32 weights rounded the same way every time), so the same
examples give a byte-identical artifact. Thresholds per theme are chosen by cross-validation on the
real examples, grouped by document so no document is both learned from and judged on.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ingestion.coding.model import FORMAT_VERSION, LearnedCoder, Prediction, coder_from_dict

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

MIN_DOCUMENT_FREQUENCY = 2
THEME_C = 10.0
CLASS_C = 10.0
MIN_POSITIVES = 3
DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True)
class Example:
    """One labelled text. A None label means this source says nothing of that code type."""

    text: str
    features: tuple[str, ...]
    themes: frozenset[str] | None
    agency: str | None
    layer: str | None
    group: str  # the document it comes from: folds never split a document
    weight: float
    source: str  # "real", "seed" or "generator"


def training_hash(examples: Sequence[Example]) -> str:
    """SHA-256 of everything training reads, in order (texts, labels, weights and the features
    read from them, so a change of the feature code or of the codebook's patterns shows too)."""
    digest = hashlib.sha256()
    for e in examples:
        themes = ";".join(sorted(e.themes)) if e.themes is not None else "-"
        fields = [e.source, e.group, str(e.weight), e.text, themes, e.agency or "-", e.layer or "-"]
        digest.update(("\t".join([*fields, " ".join(e.features)]) + "\n").encode("utf-8"))
    return digest.hexdigest()


def _vocabulary(examples: Sequence[Example]) -> tuple[list[str], np.ndarray]:
    df = Counter(f for e in examples for f in set(e.features))
    features = sorted(f for f, n in df.items() if n >= MIN_DOCUMENT_FREQUENCY)
    total = len(examples)
    idf = np.array([math.log((1 + total) / (1 + df[f])) + 1.0 for f in features])
    return features, idf


def _matrix(examples: Sequence[Example], index: dict[str, int], idf: np.ndarray) -> csr_matrix:
    from scipy.sparse import csr_matrix

    rows, cols, values = [], [], []
    for row, example in enumerate(examples):
        counts = Counter(i for f in example.features if (i := index.get(f)) is not None)
        if not counts:
            continue
        ids = sorted(counts)
        vals = np.array([1.0 + math.log(counts[i]) for i in ids]) * idf[ids]
        vals /= np.linalg.norm(vals)
        rows.extend([row] * len(ids))
        cols.extend(ids)
        values.extend(vals.tolist())
    return csr_matrix((values, (rows, cols)), shape=(len(examples), len(index)))


def _logistic(c: float) -> LogisticRegression:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="lbfgs", max_iter=2000, tol=1e-6)


def _fit_themes(
    x: csr_matrix, examples: Sequence[Example], themes: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    known = [i for i, e in enumerate(examples) if e.themes is not None]
    known_themes = [e.themes for e in examples if e.themes is not None]
    coef = np.zeros((x.shape[1], len(themes)))
    bias = np.full(len(themes), -8.0)  # a theme never seen is never predicted
    weights = np.array([examples[i].weight for i in known])
    for k, theme in enumerate(themes):
        y = np.array([theme in t for t in known_themes])
        if y.sum() < MIN_POSITIVES or y.all():
            continue
        model = _logistic(THEME_C).fit(x[known], y, sample_weight=weights)
        coef[:, k] = model.coef_[0]
        bias[k] = model.intercept_[0]
    return coef, bias


def _fit_classes(
    x: csr_matrix, labels: list[str | None], weights: np.ndarray, classes: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    known = [i for i, label in enumerate(labels) if label is not None]
    y = np.array([labels[i] for i in known])
    present = sorted(set(y))
    model = _logistic(CLASS_C).fit(x[known], y, sample_weight=weights[known])
    coef = np.zeros((x.shape[1], len(classes)))
    bias = np.full(len(classes), -20.0)
    for row, label in enumerate(present if len(present) > 2 else present[1:]):
        k = classes.index(label)
        coef[:, k] = model.coef_[row]
        bias[k] = model.intercept_[row]
    if len(present) == 2:  # binary: sklearn keeps one row, for the second class
        k0 = classes.index(present[0])
        coef[:, k0], bias[k0] = 0.0, 0.0
    return coef, bias


def _encode(matrix: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(matrix, dtype="<f4").tobytes()).decode("ascii")


def fit(
    examples: Sequence[Example],
    themes: Sequence[str],
    agencies: Sequence[str],
    layers: Sequence[str],
    thresholds: dict[str, float] | None = None,
) -> dict:
    """The artifact dictionary of a model trained on `examples`."""
    features, idf = _vocabulary(examples)
    index = {f: i for i, f in enumerate(features)}
    x = _matrix(examples, index, idf)
    weights = np.array([e.weight for e in examples])
    theme_coef, theme_bias = _fit_themes(x, examples, themes)
    agency_coef, agency_bias = _fit_classes(x, [e.agency for e in examples], weights, agencies)
    layer_coef, layer_bias = _fit_classes(x, [e.layer for e in examples], weights, layers)
    cuts = [round((thresholds or {}).get(t, DEFAULT_THRESHOLD), 4) for t in themes]
    return {
        "format": FORMAT_VERSION,
        "training_data_sha256": training_hash(examples),
        "features": features,
        "idf": [round(float(v), 6) for v in idf],
        "heads": {
            "theme": {
                "labels": list(themes),
                "coef": _encode(theme_coef),
                "bias": [round(float(v), 6) for v in theme_bias],
                "thresholds": cuts,
            },
            "agency": {
                "labels": list(agencies),
                "coef": _encode(agency_coef),
                "bias": [round(float(v), 6) for v in agency_bias],
            },
            "layer": {
                "labels": list(layers),
                "coef": _encode(layer_coef),
                "bias": [round(float(v), 6) for v in layer_bias],
            },
        },
    }


def grouped_folds(examples: Sequence[Example], k: int) -> list[list[int]]:
    """Indices of the real examples in `k` folds, whole documents per fold, deterministic."""
    groups = sorted({e.group for e in examples if e.source == "real"})
    order = sorted(groups, key=lambda g: hashlib.sha256(g.encode()).hexdigest())
    fold_of = {g: i % k for i, g in enumerate(order)}
    folds: list[list[int]] = [[] for _ in range(k)]
    for i, e in enumerate(examples):
        if e.source == "real":
            folds[fold_of[e.group]].append(i)
    return folds


def out_of_fold(
    examples: Sequence[Example],
    fit_model: Callable[[Sequence[Example]], LearnedCoder],
    k: int,
) -> dict[int, Prediction]:
    """Predictions for every real example from a model that never saw its document."""
    predictions: dict[int, Prediction] = {}
    for fold in grouped_folds(examples, k):
        held = set(fold)
        model = fit_model([e for i, e in enumerate(examples) if i not in held])
        for i in fold:
            predictions[i] = model.predict(list(examples[i].features))
    return predictions


def best_thresholds(
    truth: Sequence[frozenset[str]],
    probabilities: Sequence[dict[str, float]],
    themes: Sequence[str],
) -> dict[str, float]:
    """Per theme, the probability cut that maximises F1 on out-of-fold predictions."""
    cuts = {}
    grid = [0.02, 0.04, 0.06, 0.08] + [round(0.05 * i, 2) for i in range(2, 19)]
    for theme in themes:
        positives = sum(theme in t for t in truth)
        if positives < MIN_POSITIVES:
            cuts[theme] = DEFAULT_THRESHOLD
            continue
        scored = []
        for cut in grid:
            pairs = list(zip(truth, probabilities, strict=True))
            tp = sum(theme in t and p[theme] >= cut for t, p in pairs)
            fp = sum(theme not in t and p[theme] >= cut for t, p in pairs)
            f1 = 2 * tp / (2 * tp + fp + (positives - tp))
            scored.append((round(f1, 6), -abs(cut - DEFAULT_THRESHOLD), cut))
        f1, _, cut = max(scored)
        cuts[theme] = cut if f1 > 0 else DEFAULT_THRESHOLD
    return cuts


def train(
    examples: Sequence[Example],
    themes: Sequence[str],
    agencies: Sequence[str],
    layers: Sequence[str],
    folds: int = 5,
) -> dict:
    """Thresholds from grouped cross-validation, then the final model on every example."""

    def fit_model(subset: Sequence[Example]) -> LearnedCoder:
        return coder_from_dict(fit(subset, themes, agencies, layers))

    predictions = out_of_fold(examples, fit_model, folds)
    ids = sorted(predictions)
    thresholds = best_thresholds(
        [examples[i].themes or frozenset() for i in ids],
        [predictions[i].theme_probabilities for i in ids],
        themes,
    )
    return fit(examples, themes, agencies, layers, thresholds)


def artifact_bytes(artifact: dict) -> bytes:
    """The artifact as gzip'd JSON with no timestamp: same model, same bytes."""
    import gzip

    text = json.dumps(artifact, sort_keys=True, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def cross_validate(
    examples: Sequence[Example],
    themes: Sequence[str],
    agencies: Sequence[str],
    layers: Sequence[str],
    code: Callable[[LearnedCoder, Example], tuple[frozenset[str], str, str]],
    folds: int = 5,
) -> dict[int, tuple[frozenset[str], str, str]]:
    """Honest held-out codes (themes, agency, layer) for every real example.

    Grouped by document; each outer fold's thresholds are chosen by an inner grouped
    cross-validation on its own training part, so nothing about the held-out documents is seen.
    `code` turns a model and an example into codes: the whole coder, rules included.
    """
    held_out: dict[int, tuple[frozenset[str], str, str]] = {}
    for fold in grouped_folds(examples, folds):
        held = set(fold)
        training = [e for i, e in enumerate(examples) if i not in held]
        model = coder_from_dict(train(training, themes, agencies, layers, folds - 1))
        for i in fold:
            held_out[i] = code(model, examples[i])
    return held_out
