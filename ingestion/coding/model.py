"""The learned coder at coding time: a small linear model read from a committed artifact.

The artifact (`ingestion/coding/artifacts/coder.json.gz`, written by `scr coding train`) holds the
feature vocabulary with its IDF weights and, per code type, a weight matrix: one-vs-rest
logistic regressions with a threshold per theme for themes (a text may have several, or none), and
multinomial logistic regressions for agency and layer (exactly one each). Probabilities are the
confidences. Coding needs only numpy: no training library is imported, nothing is downloaded.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

ARTIFACT = Path(__file__).resolve().parent / "artifacts" / "coder.json.gz"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Head:
    """The weights of one code type."""

    labels: tuple[str, ...]
    coef: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    thresholds: np.ndarray | None  # per label, for multi-label heads only

    @property
    def multilabel(self) -> bool:
        return self.thresholds is not None


@dataclass(frozen=True)
class Prediction:
    """What the model says of one text: themes over threshold, the best agency and layer."""

    themes: tuple[tuple[str, float], ...]
    theme_probabilities: dict[str, float]
    agency: tuple[str, float]
    layer: tuple[str, float]


@dataclass(frozen=True)
class LearnedCoder:
    index: dict[str, int]
    idf: np.ndarray
    heads: dict[str, Head]
    training_data_sha256: str

    def vector(self, features: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Sparse TF-IDF vector (indices, l2-normalised values) of a text's features."""
        counts = Counter(i for f in features if (i := self.index.get(f)) is not None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        indices = np.fromiter(sorted(counts), dtype=np.int64)
        values = np.array([1.0 + math.log(counts[i]) for i in indices]) * self.idf[indices]
        return indices, values / np.linalg.norm(values)

    def scores(self, head: str, features: list[str]) -> np.ndarray:
        """Probabilities of every label of one head (code type) for a text's features."""
        return self._scores(head, self.vector(features))

    def _scores(self, head: str, vector: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        weights = self.heads[head]
        indices, values = vector
        raw = values @ weights.coef[indices] + weights.bias
        if weights.multilabel:
            return 1.0 / (1.0 + np.exp(-raw))
        shifted = np.exp(raw - raw.max())
        return shifted / shifted.sum()

    def predict(self, features: list[str]) -> Prediction:
        vector = self.vector(features)
        theme_head = self.heads["theme"]
        theme_p = self._scores("theme", vector)
        assert theme_head.thresholds is not None  # the theme head is multi-label
        themes = tuple(
            (label, round(float(p), 3))
            for label, p, cut in zip(theme_head.labels, theme_p, theme_head.thresholds, strict=True)
            if p >= cut
        )
        return Prediction(
            themes=themes,
            theme_probabilities={
                label: float(p) for label, p in zip(theme_head.labels, theme_p, strict=True)
            },
            agency=self._best("agency", vector),
            layer=self._best("layer", vector),
        )

    def _best(self, head: str, vector: tuple[np.ndarray, np.ndarray]) -> tuple[str, float]:
        p = self._scores(head, vector)
        best = int(np.argmax(p))
        return self.heads[head].labels[best], round(float(p[best]), 3)


def _array(encoded: str, shape: list[int]) -> np.ndarray:
    return np.frombuffer(base64.b64decode(encoded), dtype="<f4").astype(np.float64).reshape(shape)


def coder_from_dict(data: dict) -> LearnedCoder:
    if data.get("format") != FORMAT_VERSION:
        raise ValueError(f"coder artifact format {data.get('format')!r} is not {FORMAT_VERSION}")
    features = data["features"]
    heads = {
        name: Head(
            labels=tuple(head["labels"]),
            coef=_array(head["coef"], [len(features), len(head["labels"])]),
            bias=np.array(head["bias"], dtype=np.float64),
            thresholds=np.array(head["thresholds"]) if head.get("thresholds") else None,
        )
        for name, head in data["heads"].items()
    }
    return LearnedCoder(
        index={f: i for i, f in enumerate(features)},
        idf=np.array(data["idf"], dtype=np.float64),
        heads=heads,
        training_data_sha256=data["training_data_sha256"],
    )


@lru_cache(maxsize=4)
def load_coder(path: Path = ARTIFACT) -> LearnedCoder:
    """The committed model, read once per process."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return coder_from_dict(json.load(handle))
