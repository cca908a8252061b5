"""Coding one recommendation: the learned model, with the codebook's rules where they are sure.

- Agency: where the layout or the sentence's subject names the addressee (a heading naming an
  agency, a national section, a case review's Board section, "The police should ..."), the
  codebook's rule reads it;
  otherwise (no addressee named) the model, which learned from real text whom such
  recommendations are for.
- Themes: the model's themes over their thresholds, plus any theme whose override pattern (a seed a
  researcher can edit) matches; each with its probability as confidence.
- Layer: the model's, except that a national addressee or a national message (a theme whose
  Figure 2 layer is regional and national) makes it national.
Manual codes win over all of this later, in the warehouse.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingestion.codebook import DEFAULT_SEEDS_DIR, Codebook
from ingestion.coding.agency import agency_mentions, code_agency
from ingestion.coding.features import rule_verdicts, text_features
from ingestion.coding.model import LearnedCoder, load_coder
from ingestion.coding.text import prepare
from ingestion.records import AgencyCoding, CodeHit

OVERRIDES_SEED = "codebook_theme_overrides.csv"
OVERRIDE_CONFIDENCE = 0.95


@dataclass(frozen=True)
class RecommendationCodes:
    agency: AgencyCoding
    themes: tuple[CodeHit, ...]
    layer: CodeHit


@lru_cache(maxsize=4)
def theme_overrides(seeds_dir: Path = DEFAULT_SEEDS_DIR) -> tuple[tuple[str, re.Pattern], ...]:
    """(theme, compiled pattern) for every override row of the seed."""
    path = seeds_dir / OVERRIDES_SEED
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            (row["theme_code"], re.compile(row["pattern"], re.IGNORECASE))
            for row in csv.DictReader(handle)
        )


SUBJECT_CONFIDENCE = 0.85  # `code_agency` gives at least this when the subject names the agency


def _addressee_named(
    rule: AgencyCoding,
    heading: str | None,
    section: str,
    codebook: Codebook,
    board_section_is_addressee: bool,
) -> bool:
    """Does the layout or the sentence's subject name the addressee? Then the rule's reading
    stands; the model decides only for sentences that name nobody."""
    if section == "national" or rule.primary.confidence >= SUBJECT_CONFIDENCE:
        return True
    if section == "lscb" and board_section_is_addressee:
        return True
    return bool(heading) and bool(agency_mentions(prepare(heading), codebook))


def code_recommendation(
    text: str,
    heading: str | None,
    section: str,
    codebook: Codebook,
    coder: LearnedCoder | None = None,
    board_section_is_addressee: bool = False,
) -> RecommendationCodes:
    verdicts = rule_verdicts(text, codebook)
    rule = code_agency(text, heading, section, codebook) if heading or section else verdicts[1]
    if not text.strip():  # nothing to read: the codebook's defaults, with no confidence
        return RecommendationCodes(rule, (), CodeHit("case_management", "rule", 0.0, "no text"))
    coder = coder or load_coder()
    prediction = coder.predict(text_features(text, codebook, verdicts))
    if _addressee_named(rule, heading, section, codebook, board_section_is_addressee):
        agency = rule
    else:
        code, p = prediction.agency
        primary = CodeHit(code, "model", p, _evidence(text))
        others = tuple(hit for hit in rule.others if hit.code != code)
        if rule.primary.code != code and rule.primary.confidence > 0.5:
            others = (rule.primary, *others)
        agency = AgencyCoding(primary, rule.agency_as_printed, others)
    themes = {code: CodeHit(code, "model", p, _evidence(text)) for code, p in prediction.themes}
    for code, pattern in theme_overrides(Path(codebook.source_dir)):
        match = pattern.search(text)
        if match and code in codebook.theme_codes:
            themes[code] = CodeHit(code, "rule", OVERRIDE_CONFIDENCE, match.group(0)[:120])
    layer_code, layer_p = prediction.layer
    national_themes = {t.code for t in codebook.themes if t.layer_code == "regional_national"}
    if agency.primary.code == "regional_national" or national_themes & set(themes):
        # a national addressee, or a national message (Figure 2: safer sleeping, shaken babies,
        # national policy), makes the recommendation national whatever else it is about
        layer_code, layer_p = "regional_national", max(layer_p, OVERRIDE_CONFIDENCE)
    layer = CodeHit(layer_code, "model", layer_p, "learned from real recommendations")
    return RecommendationCodes(agency, tuple(sorted(themes.values(), key=lambda h: h.code)), layer)


def _evidence(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= 120 else words[:119] + "…"
