"""What kind of document is this? A serious case review, an inspection report, an inquiry...

The kind decides what is read from it: case facts (outcome, sex, age, case themes) only from case
reviews (the kinds marked `is_case_review` in the codebook seed `codebook_document_kinds.csv`, the
one list of kinds, which dbt reads too), recommendations from all. The test reads the title area (the first
pages, where a report names itself) for the phrases each kind uses of itself, in an order that
puts the most specific first (a Prevention of Future Deaths report quotes "serious case review";
an inspection report discusses the board's serious case reviews), then falls back to counting the
same phrases over the whole text. The evidence is the phrase found and where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.codebook import load_value_sets

TITLE_AREA_CHARS = 4000

_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        (
            "pfd_report",
            r"prevention of future deaths|regulation 2[89]\b.{0,80}coroners|"
            r"report to prevent future deaths",
        ),  # fmt: skip
        (
            "inspection",
            r"\bofsted\b.{0,400}\binspect|\binspection of (?:local authority )?"
            r"children'?s services|inspection of services for children|review of the "
            r"effectiveness of the (?:local safeguarding children board|lscb)|"
            r"\bjoint targeted area inspection|\binspection of [\w’' ]{0,40}services\b.{0,80}"
            r"\binspection dates?\b|\blead inspector\b",
        ),  # fmt: skip
        ("domestic_homicide_review", r"domestic homicide review|\bDHR\b"),
        ("safeguarding_adults_review", r"safeguarding adults? review|\bSAR\b"),
        ("inquiry", r"\b(?:public |independent |statutory )?inquiry\b(?:.{0,200}\binquiry\b){2}"),
        (
            "rapid_review",
            r"\brapid review\b.{0,600}(?:serious incident notification|"
            r"safeguarding (?:children )?partner|\bLSCP\b|\bchild\b)",
        ),  # fmt: skip
        (
            "national_review",
            r"child safeguarding practice review panel.{0,300}national review|"
            r"\bnational review\b|\brapid review\b",
        ),  # fmt: skip
        (
            "practice_review",
            r"(?:local )?child safeguarding practice review|\bLCSPR\b|"
            r"\bCSPR\b|(?:multi-agency )?learning review|practice review",
        ),  # fmt: skip
        ("serious_case_review", r"serious case review|\bSCR\b|case review"),
    )
)


@dataclass(frozen=True)
class DocumentKind:
    kind: str  # a code of codebook_document_kinds.csv
    evidence: str  # the phrase that decided it, and where

    @property
    def is_case_review(self) -> bool:
        return self.kind in load_value_sets().case_review_kinds


def classify_document(text: str) -> DocumentKind:
    """The document's kind from its own words (its title area first, then the whole text)."""
    head = " ".join(text[:TITLE_AREA_CHARS].split())
    for kind, pattern in _CUES:
        m = pattern.search(head)
        if m is not None:
            return DocumentKind(kind, f"title area: '{_phrase(m)}'")
    body = " ".join(text[:400_000].split())
    best: tuple[int, str, str] | None = None
    for kind, pattern in _CUES:
        hits = list(pattern.finditer(body))
        if len(hits) >= 3 and (best is None or len(hits) > best[0]):
            best = (len(hits), kind, _phrase(hits[0]))
    if best is not None:
        return DocumentKind(best[1], f"{best[0]} mentions in the text, e.g. '{best[2]}'")
    return DocumentKind("other", "names itself none of the kinds of review, report or inquiry")


def _phrase(m: re.Match[str]) -> str:
    words = m.group(0).split()
    return " ".join(words[:6] + (["..."] if len(words) > 6 else []))
