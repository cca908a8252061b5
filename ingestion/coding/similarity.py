"""A small TF-IDF similarity index in pure Python, for texts no theme pattern catches.

Each theme is represented by its label, description and example phrasings from the seeds (each a
document of its own); a recommendation scores against a theme by its best cosine over them.
Features are light-stemmed words, word pairs and character 4-grams within words (a query only
gets the 4-grams of words the index does not know, so glued or misspelt words still score). Pure Python so nothing is downloaded or installed, the result is
deterministic, and a single short text is scored in well under a millisecond.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

_WORD = re.compile(r"[a-z][a-z']+")
_STOPWORD_TEXT = """a about above after again all also am an and any are as at be been before being below
    between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just me more most my no
    nor not of off on once only or other our out over own same she should so some such than that
    the their them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your must shall may might need
    needs ensure ensures ensuring agencies agency all staff practitioners professionals services
    service should must will review recommendation recommendations lscb board partnership local
    relevant appropriate including within across where"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")


def stem(word: str) -> str:
    """Crude suffix stripping: enough to match 'trained', 'training' and 'train'."""
    w = word.strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in _SUFFIXES:
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                w += "y"
            break
    return w


_STEMS: dict[str, str] = {}


def stem_cached(word: str) -> str:
    found = _STEMS.get(word)
    if found is None:
        found = stem(word)
        if len(_STEMS) > 100_000:
            _STEMS.clear()
        _STEMS[word] = found
    return found


def char_grams(word: str) -> list[str]:
    """Character 4-grams of a word padded with spaces."""
    padded = f" {word} "
    return ["c:" + padded[i : i + 4] for i in range(len(padded) - 3)]


def features(text: str, known_words: frozenset[str] | None = None) -> Counter[str]:
    """Bag of features of a text (see module docstring).

    With `known_words` (the index's vocabulary), character grams are only made for words outside
    it (glued or misspelt words), which keeps a query small and fast to score.
    """
    words = [stem_cached(w) for w in _WORD.findall(text.lower()[:5000])]
    content = [w for w in words if w not in STOPWORDS and len(w) > 2]
    bag: Counter[str] = Counter()
    for w in content:
        bag["w:" + w] += 1
        if known_words is None or w not in known_words:
            bag.update(char_grams(w))
    for a, b in zip(content, content[1:], strict=False):
        bag[f"b:{a}_{b}"] += 1
    return bag


_WEIGHTS = {"w": 1.0, "b": 1.0, "c": 0.35}


@dataclass(frozen=True)
class SimilarityIndex:
    """Documents as L2-normalised TF-IDF vectors, held as an inverted index for fast scoring."""

    idf: dict[str, float]
    labels: tuple[str, ...]  # label of each document
    postings: dict[str, tuple[tuple[int, float], ...]]  # feature -> (document, weight)
    known_words: frozenset[str] = frozenset()

    @classmethod
    def build(cls, labelled_texts: list[tuple[str, str]]) -> SimilarityIndex:
        bags = [(label, features(text)) for label, text in labelled_texts]
        n = len(bags)
        df: Counter[str] = Counter()
        for _, bag in bags:
            df.update(bag.keys())
        idf = {f: math.log((1 + n) / (1 + d)) + 1.0 for f, d in df.items()}
        postings: dict[str, list[tuple[int, float]]] = {}
        for doc, (_, bag) in enumerate(bags):
            for f, w in _vector(bag, idf).items():
                postings.setdefault(f, []).append((doc, w))
        return cls(
            idf=idf,
            labels=tuple(label for label, _ in bags),
            postings={f: tuple(p) for f, p in postings.items()},
            known_words=frozenset(f[2:] for f in idf if f.startswith("w:")),
        )

    def scores(self, text: str) -> dict[str, float]:
        """Best cosine per label for `text` (labels with no shared feature are left out)."""
        query = _vector(features(text, self.known_words), self.idf)
        if not query:
            return {}
        dots = [0.0] * len(self.labels)
        for f, qw in query.items():
            for doc, dw in self.postings.get(f, ()):
                dots[doc] += qw * dw
        best: dict[str, float] = {}
        for doc, dot in enumerate(dots):
            label = self.labels[doc]
            if dot > best.get(label, 0.0):
                best[label] = dot
        return best


def _vector(bag: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """Sublinear tf x idf, L2-normalised, over the index's vocabulary only."""
    vec: dict[str, float] = {}
    for f, count in bag.items():
        weight = idf.get(f)
        if weight is None:
            continue
        vec[f] = (1.0 + math.log(count)) * weight * _WEIGHTS[f[0]]
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm == 0.0:
        return {}
    return {f: v / norm for f, v in vec.items()}
