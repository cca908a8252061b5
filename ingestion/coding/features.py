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
from ingestion.coding.similarity import STOPWORDS, stem_cached
from ingestion.coding.themes import code_themes
from ingestion.records import AgencyCoding, CodeHit

_WORD = re.compile(r"[a-z][a-z']+")
# Words that carry the direction of a recommendation, kept although they are stop words.
_KEPT = frozenset({"all", "not", "no", "board", "lscb", "partnership", "agencies", "staff"})
MAX_CHARS = 4_000
PREFIX = 5


def word_features(text: str) -> list[str]:
    """Stemmed words (stop words dropped, a few kept), adjacent pairs of them, and the first five
    letters of each longer word once (so 'safeguarding' and 'safeguarded' share evidence)."""
    found = _WORD.findall(text[:MAX_CHARS].lower())
    words = [stem_cached(w) for w in found if w not in STOPWORDS or w in _KEPT]
    prefixes = sorted({f"prefix:{w[:PREFIX]}" for w in found if len(w) > PREFIX})
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)] + prefixes


def rule_features(theme_hits: list[CodeHit], agency: AgencyCoding) -> list[str]:
    """What the codebook's rules made of the text (`rule_verdicts`), as features."""
    features = [f"rule_theme:{hit.code}:{hit.method}" for hit in theme_hits]
    features.append(f"rule_agency:{agency.primary.code}:{_strength(agency.primary.confidence)}")
    features.extend(f"named_agency:{hit.code}" for hit in agency.others)
    return features


def rule_verdicts(text: str, codebook: Codebook) -> tuple[list[CodeHit], AgencyCoding]:
    """The codebook's theme patterns and agency rules on the text alone (no heading)."""
    return code_themes(text, codebook), code_agency(text, None, "", codebook)


def text_features(
    text: str, codebook: Codebook, verdicts: tuple[list[CodeHit], AgencyCoding] | None = None
) -> list[str]:
    """Every feature of a text; pass `verdicts` when the rules have already read it."""
    theme_hits, agency = verdicts or rule_verdicts(text, codebook)
    return word_features(text) + rule_features(theme_hits, agency)


def _strength(confidence: float) -> str:
    return "strong" if confidence >= 0.75 else "weak"
