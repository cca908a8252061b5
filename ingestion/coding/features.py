"""The features the learned coder reads from a recommendation's text.

Light-stemmed words and word pairs, plus what the codebook's rules say about the text (which
theme patterns fire, which agency the rules would pick and which agencies are named): the rules
become evidence the model weighs, learned from real text, instead of verdicts. Shared by training
and coding, so the two can never read a text differently.
"""

from __future__ import annotations

import re

from ingestion.codebook import Codebook
from ingestion.coding.agency import code_agency
from ingestion.coding.similarity import STOPWORDS, stem
from ingestion.coding.themes import code_themes

_WORD = re.compile(r"[a-z][a-z']+")
# Words that carry the direction of a recommendation, kept although they are stop words.
_KEPT = frozenset({"all", "not", "no", "board", "lscb", "partnership", "agencies", "staff"})
MAX_CHARS = 4_000
PREFIX = 5


def word_features(text: str) -> list[str]:
    """Stemmed words (stop words dropped, a few kept), adjacent pairs of them, and the first five
    letters of each longer word once (so 'safeguarding' and 'safeguarded' share evidence)."""
    found = _WORD.findall(text[:MAX_CHARS].lower())
    words = [stem(w) for w in found if w not in STOPWORDS or w in _KEPT]
    prefixes = sorted({f"prefix:{w[:PREFIX]}" for w in found if len(w) > PREFIX})
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)] + prefixes


def rule_features(text: str, codebook: Codebook) -> list[str]:
    """What the codebook's rules make of the text, as features."""
    features = [f"rule_theme:{hit.code}:{hit.method}" for hit in code_themes(text, codebook)]
    agency = code_agency(text, None, "", codebook)
    features.append(f"rule_agency:{agency.primary.code}:{_strength(agency.primary.confidence)}")
    features.extend(f"named_agency:{hit.code}" for hit in agency.others)
    return features


def text_features(text: str, codebook: Codebook) -> list[str]:
    return word_features(text) + rule_features(text, codebook)


def _strength(confidence: float) -> str:
    return "strong" if confidence >= 0.75 else "weak"
