"""Agreement between two codings of the same items: per-code Cohen's kappa, micro-F1 of the
theme sets, and accuracy of the single-valued codes. Pure functions, used for the annotators'
ceiling and for the coder's scores alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence


def cohen_kappa(first: Sequence[object], second: Sequence[object]) -> float:
    """Cohen's kappa of two label sequences (1.0 when both are constant and equal)."""
    total = len(first)
    if total == 0:
        return float("nan")
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / total
    labels = set(first) | set(second)
    expected = sum(
        (list(first).count(label) / total) * (list(second).count(label) / total) for label in labels
    )
    if expected >= 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1 - expected)


def set_scores(
    truth: Iterable[frozenset[str]], predicted: Iterable[frozenset[str]]
) -> dict[str, float]:
    """Micro precision, recall and F1 of predicted code sets against true ones."""
    tp = fp = fn = 0
    for expected, got in zip(truth, predicted, strict=True):
        tp += len(expected & got)
        fp += len(got - expected)
        fn += len(expected - got)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def per_code_scores(
    truth: Sequence[frozenset[str]], predicted: Sequence[frozenset[str]], codes: Iterable[str]
) -> dict[str, dict[str, float]]:
    """For each code: precision, recall, F1, support, and Cohen's kappa of its presence."""
    table = {}
    for code in codes:
        t = [code in s for s in truth]
        p = [code in s for s in predicted]
        tp = sum(a and b for a, b in zip(t, p, strict=True))
        fp = sum(b and not a for a, b in zip(t, p, strict=True))
        fn = sum(a and not b for a, b in zip(t, p, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[code] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": sum(t),
            "kappa": cohen_kappa(t, p),
        }
    return table


def accuracy(truth: Mapping[str, str], predicted: Mapping[str, str]) -> float:
    keys = sorted(truth)
    if not keys:
        return float("nan")
    return sum(truth[k] == predicted.get(k) for k in keys) / len(keys)
