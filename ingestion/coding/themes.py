"""Recommendation themes (multi-label) and the recommendation's layer.

Themes come from two stages:

1. Rules (method "rule"): each theme's `patterns` from the seeds. Confidence grows with the
   number of different patterns that fire (0.75 for one, 0.85 for two, 0.95 for three or more).
   A theme found only by its `weak_patterns` gets 0.5 (0.6 for two different ones) and is kept
   only when no theme has a strong pattern, or when two different weak patterns agree. A match is
   dropped when the theme's `exclude` pattern is found next to it in the same sentence; a match
   that is part of the addressee's name counts only as a weak signal ("The Family Nurse
   Partnership should review the referral pathway" is about referral, not young parents). Among the strongest hits, the one whose first match comes first in the text (the
   main clause: "Deliver a briefing on working with hostile families") gets a small bonus
   (+0.04), so the layer follows what the recommendation does.
2. Similarity (method "similarity"), only when no rule fires: TF-IDF cosine against each theme's
   description and examples (see `similarity.py`). The best theme is taken when its cosine
   reaches `SIMILARITY_THRESHOLD`, with a runner-up close to it; confidence is the cosine, capped
   below any rule confidence.

The layer (`code_layer`) is the recommendation's own: regional_national when the agency is
regional_national or the text addresses national government (a rule hit of national_policy);
otherwise the default layer of the strongest theme; case_management when there is no theme.
"""

from __future__ import annotations

from dataclasses import replace

from ingestion.codebook import Codebook, PatternMatch, PatternSet, Scanner, Theme
from ingestion.coding.similarity import SimilarityIndex
from ingestion.coding.text import clip, prepare
from ingestion.records import CodeHit

RULE_CONFIDENCE = (0.75, 0.85, 0.95)
WEAK_CONFIDENCE = 0.5
WEAK_TWICE = 0.6  # two different weak patterns of one theme
PRIMARY_BONUS = 0.04  # for the strongest theme stated first: it decides the layer
SIMILARITY_THRESHOLD = 0.25
SIMILARITY_RUNNER_UP = 0.85  # a second theme is kept when its cosine is this share of the best
SIMILARITY_CAP = 0.6
MAX_TEXT = 20_000  # a recommendation longer than this is coded on its first 20,000 characters
_EXCLUDE_BEFORE = 60
_EXCLUDE_AFTER = 40
# Themes whose layer says what a recommendation is about rank above process themes on a tie.
_LAYER_RANK = {"regional_national": 0, "child": 1, "family": 2, "case_management": 3}


def _excluded(exclude: PatternSet, text: str, start: int, end: int) -> bool:
    """Is an exclusion pattern found next to this match (same sentence, a few words away)?"""
    if exclude.empty:
        return False
    lo = max(0, start - _EXCLUDE_BEFORE)
    hi = min(len(text), end + _EXCLUDE_AFTER)
    window = text[lo:hi]
    # keep to the sentence holding the match
    cut = max(window.rfind(". ", 0, start - lo), window.rfind("\n", 0, start - lo))
    if cut >= 0:
        window = window[cut + 1 :]
        lo += cut + 1
    stop = window.find(". ", end - lo)
    if stop >= 0:
        window = window[: stop + 1]
    return exclude.search(window) is not None


def _theme_hit(
    theme: Theme,
    text: str,
    strong: list[PatternMatch],
    weak: list[PatternMatch],
    names: list[tuple[int, int]],
) -> tuple[CodeHit, int] | None:
    """The theme's hit and where its first match starts, or None."""

    def keep(m: PatternMatch) -> bool:
        return not _excluded(theme.exclude, text, m.start, m.end)

    def named(m: PatternMatch) -> bool:  # part of the addressee's name ("the Family Nurse ...")
        return any(m.start < e and s < m.end for s, e in names)

    weak = [m for m in strong if named(m)] + weak
    strong = [m for m in strong if not named(m)]
    strong = [m for m in strong if keep(m)]
    if strong:
        distinct = len({m.alternative for m in strong})
        confidence = RULE_CONFIDENCE[min(distinct, len(RULE_CONFIDENCE)) - 1]
        return CodeHit(theme.code, "rule", confidence, clip(strong[0].text, 120)), strong[0].start
    weak = [m for m in weak if keep(m)]
    if weak:
        distinct = len({m.alternative for m in weak})
        confidence = WEAK_TWICE if distinct > 1 else WEAK_CONFIDENCE
        return CodeHit(theme.code, "rule", confidence, clip(weak[0].text, 120)), weak[0].start
    return None


def _addressee_names(text: str, codebook: Codebook) -> list[tuple[int, int]]:
    """Spans of agency names in the sentence's subject: an addressee is not a theme."""
    from ingestion.coding.agency import agency_mentions, subject_span

    start, end = subject_span(text)
    if end <= start:
        return []
    return [(m[0], m[1]) for m in agency_mentions(text, codebook) if m[0] >= start and m[1] <= end]


def theme_scanner(codebook: Codebook) -> Scanner:
    """Scanner over every theme's patterns then weak patterns, built once per codebook."""
    scanner = codebook.derived.get("theme_scanner")
    if scanner is None:
        sets = [t.patterns for t in codebook.themes] + [t.weak_patterns for t in codebook.themes]
        scanner = Scanner(sets)
        codebook.derived["theme_scanner"] = scanner
    return scanner


def similarity_index(codebook: Codebook) -> SimilarityIndex:
    """The theme similarity index of this codebook, built once and kept with it."""
    index = codebook.derived.get("theme_similarity")
    if index is None:
        docs: list[tuple[str, str]] = []
        for theme in codebook.themes:
            docs.append((theme.code, f"{theme.label}. {theme.description}"))
            docs.extend((theme.code, example) for example in theme.examples)
        index = SimilarityIndex.build(docs)
        codebook.derived["theme_similarity"] = index
    return index


def similar_themes(text: str, codebook: Codebook) -> list[CodeHit]:
    """Themes close to `text` by TF-IDF cosine (the fallback stage)."""
    scores = similarity_index(codebook).scores(text)
    if not scores:
        return []
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best_code, best = ranked[0]
    if best < SIMILARITY_THRESHOLD:
        return []
    hits = []
    for code, score in ranked[:2]:
        if score >= SIMILARITY_THRESHOLD and score >= best * SIMILARITY_RUNNER_UP:
            confidence = round(min(SIMILARITY_CAP, score), 3)
            hits.append(CodeHit(code, "similarity", confidence, f"similar to theme {code}"))
    return hits


def code_themes(text: str, codebook: Codebook) -> list[CodeHit]:
    """All themes a recommendation addresses, sorted by code."""
    prepared = prepare(text)[:MAX_TEXT]
    if not prepared.strip():
        return []
    found = theme_scanner(codebook).scan(prepared)
    n = len(codebook.themes)
    names = _addressee_names(prepared, codebook) if any(found) else []
    located = [
        h
        for k, theme in enumerate(codebook.themes)
        if (found[k] or found[n + k])
        and (h := _theme_hit(theme, prepared, found[k], found[n + k], names)) is not None
    ]
    strong = [(h, at) for h, at in located if h.confidence > WEAK_CONFIDENCE]
    # a weak signal alone counts only when nothing stronger speaks for the text, or twice over
    if strong:
        chosen = strong + [(h, at) for h, at in located if h.confidence == WEAK_TWICE]
    else:
        chosen = located
    if chosen:
        # the theme the main clause states comes first: it is the primary theme, and its
        # confidence is raised just above the others' so that it decides the layer
        lead, _ = min(chosen, key=lambda ha: (ha[0].confidence <= WEAK_CONFIDENCE, ha[1]))
        top = max(h.confidence for h, _ in chosen)
        hits = [
            replace(h, confidence=round(min(0.99, max(h.confidence, top) + PRIMARY_BONUS), 3))
            if h is lead
            else h
            for h, _ in chosen
        ]
    else:
        hits = similar_themes(prepared, codebook)
    return sorted(hits, key=lambda h: h.code)


def strongest_theme(theme_hits: list[CodeHit], codebook: Codebook) -> CodeHit | None:
    """The hit that decides the layer: highest confidence, then the more specific layer."""
    known = [h for h in theme_hits if codebook.theme(h.code) is not None]
    if not known:
        return None

    def rank(hit: CodeHit) -> tuple[float, int, int]:
        theme = codebook.theme(hit.code)
        assert theme is not None
        return (-hit.confidence, _LAYER_RANK.get(theme.layer_code, 9), theme.order)

    return min(known, key=rank)


def code_layer(theme_hits: list[CodeHit], agency_code: str, codebook: Codebook) -> CodeHit:
    """The recommendation's own layer (see module docstring)."""
    layers = codebook.layer_codes
    if agency_code == "regional_national" and "regional_national" in layers:
        return CodeHit("regional_national", "rule", 0.95, "agency: regional_national")
    national = [
        h
        for h in theme_hits
        if h.code == "national_policy" and h.method == "rule" and h.confidence > WEAK_CONFIDENCE
    ]
    if national and "regional_national" in layers:
        return CodeHit("regional_national", "rule", national[0].confidence, national[0].evidence)
    strongest = strongest_theme(theme_hits, codebook)
    if strongest is not None:
        layer = codebook.layer_of_theme(strongest.code)
        if layer in layers:
            confidence = min(1.0, max(0.0, float(strongest.confidence)))
            return CodeHit(layer, strongest.method, confidence, f"theme: {strongest.code}")
    fallback = "case_management" if "case_management" in layers else sorted(layers)[0]
    return CodeHit(fallback, "rule", 0.3, "no theme")
