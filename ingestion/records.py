"""The record types every stage of ingestion agrees on.

Stages hand each other these small frozen dataclasses; the extractor turns them into Polars frames
whose schemas (below) match the `raw.*` tables of the warehouse one for one. Keeping both here means
`warehouse/` and `corpus/` can import the shapes without importing any extraction logic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

EXTRACTOR_VERSION = "0.4.0"

# The values a field may hold (outcomes, sexes, age bands, sections, code types, methods, layers,
# document kinds and statuses) are listed once, in the codebook seeds `codebook_values.csv`,
# `codebook_layers.csv` and `codebook_document_kinds.csv`, and read through
# `ingestion.codebook.load_value_sets()`; the comments below name the list a field's values are of.


# --- What stages pass each other --------------------------------------------------------------------
@dataclass(frozen=True)
class RawDocument:
    """A document as its reader saw it: one string per page, in reading order."""

    media_type: str
    pages: tuple[str, ...]


@dataclass(frozen=True)
class NormalisedText:
    """The whole document as one clean string; `page_starts[i]` is where page i+1 begins."""

    text: str
    page_starts: tuple[int, ...]

    def page_of(self, offset: int) -> int:
        """1-based page number holding character `offset`."""
        from bisect import bisect_right

        return max(1, bisect_right(self.page_starts, offset))


@dataclass(frozen=True)
class RecommendationSpan:
    """One recommendation found by segmentation, before coding.

    `heading` is the agency sub-heading it stands under, as printed (None when there is none);
    offsets index into `NormalisedText.text`.
    """

    label: str
    text: str
    section: str  # value set `section`
    heading: str | None
    char_start: int
    char_end: int


@dataclass(frozen=True)
class CodeHit:
    """One code given to a piece of text, with how and why."""

    code: str
    method: str  # value set `method`
    confidence: float
    evidence: str


@dataclass(frozen=True)
class AgencyCoding:
    """The agency a recommendation is addressed to, and any others it names."""

    primary: CodeHit
    agency_as_printed: str | None = None
    others: tuple[CodeHit, ...] = ()


@dataclass(frozen=True)
class CaseThemeHit:
    """A case theme found in the narrative, with its evidence and where it stands."""

    code: str
    confidence: float
    evidence: str
    char_start: int
    char_end: int
    method: str = "rule"


@dataclass(frozen=True)
class CaseAgency:
    """An agency the case narrative shows at work with the family (named at least twice)."""

    code: str
    mentions: int
    evidence: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class CaseFacts:
    """The characteristics of the case that DFE-RR157 tabulates."""

    title: str | None = None
    area: str | None = None
    year: int | None = None
    outcome: str | None = None  # value set `outcome`
    child_sex: str | None = "unknown"  # value set `child_sex`; None: not a case review
    child_age_years: float | None = None
    age_band: str | None = None  # value set `age_band`
    children_count: int = 1


@dataclass(frozen=True)
class ActionPlanRow:
    """One action of an action plan, with its SMART appraisal."""

    recommendation_label: str | None
    action: str
    lead: str | None
    timescale: str | None
    measure: str | None
    status: str | None
    char_start: int
    char_end: int
    smart: dict[str, bool] = field(default_factory=dict)
    # chapter 5 beyond SMART (see ingestion.coding.smart), filled with the appraisal
    timescale_months: float | None = None
    is_training: bool = False
    training_impact_measured: bool | None = None
    research_citation: str | None = None
    has_named_lead: bool = False


@dataclass(frozen=True)
class ExtractionIssue:
    """A problem met while extracting, worded so a person can act on it."""

    stage: str  # read, normalise, segment, code, case, action_plan
    severity: str  # error (file quarantined) or warning (file loaded)
    message: str


def age_band(age_years: float | None) -> str | None:
    """Band of DFE-RR157 for an age in years (completed years at the incident)."""
    if age_years is None or age_years < 0:
        return None
    if age_years < 1:
        return "under_1"
    if age_years < 6:
        return "1_5"
    if age_years < 11:
        return "6_10"
    return "11_plus"


# --- Frame schemas: one per raw table (column order is the table's) --------------------------------
# column name -> Polars type of one raw table (the raw DDL is generated from these)
PolarsSchema = dict[str, type[pl.DataType] | pl.DataType]

DOCUMENTS_SCHEMA: PolarsSchema = {
    "document_id": pl.String,
    "path": pl.String,
    "media_type": pl.String,
    "bytes": pl.Int64,
    "pages": pl.Int32,
    "status": pl.String,
    "error_message": pl.String,
    "extractor_version": pl.String,
    "document_kind": pl.String,  # a code of codebook_document_kinds.csv (null when unread)
    "kind_evidence": pl.String,  # the phrase that decided the kind
}

REVIEWS_SCHEMA: PolarsSchema = {
    "review_id": pl.String,
    "document_id": pl.String,
    "title": pl.String,
    "area": pl.String,
    "year": pl.Int32,
    "outcome": pl.String,
    "child_sex": pl.String,
    "child_age_years": pl.Float64,
    "age_band": pl.String,
    "children_count": pl.Int32,
    "has_agency_recommendations": pl.Boolean,
    "has_action_plan": pl.Boolean,
    "extractor_version": pl.String,
}

RECOMMENDATIONS_SCHEMA: PolarsSchema = {
    "recommendation_id": pl.String,
    "review_id": pl.String,
    "document_id": pl.String,
    "ordinal": pl.Int32,
    "label": pl.String,
    "text": pl.String,
    "section": pl.String,
    "agency_as_printed": pl.String,
    "page": pl.Int32,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "extractor_version": pl.String,
    "research_citation": pl.String,  # research evidence cited, as printed (null: none)
}

RECOMMENDATION_CODES_SCHEMA: PolarsSchema = {
    "recommendation_id": pl.String,
    "document_id": pl.String,
    "code_type": pl.String,
    "code": pl.String,
    "is_primary": pl.Boolean,
    "method": pl.String,
    "confidence": pl.Float64,
    "evidence": pl.String,
    "extractor_version": pl.String,
}

CASE_THEMES_SCHEMA: PolarsSchema = {
    "review_id": pl.String,
    "document_id": pl.String,
    "case_theme_code": pl.String,
    "method": pl.String,
    "confidence": pl.Float64,
    "evidence": pl.String,
    "page": pl.Int32,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "extractor_version": pl.String,
}

CASE_AGENCIES_SCHEMA: PolarsSchema = {
    "review_id": pl.String,
    "document_id": pl.String,
    "agency_code": pl.String,
    "mentions": pl.Int32,
    "evidence": pl.String,
    "page": pl.Int32,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "extractor_version": pl.String,
}

ACTION_PLAN_ITEMS_SCHEMA: PolarsSchema = {
    "action_item_id": pl.String,
    "review_id": pl.String,
    "document_id": pl.String,
    "ordinal": pl.Int32,
    "recommendation_label": pl.String,
    "action": pl.String,
    "lead": pl.String,
    "timescale": pl.String,
    "measure": pl.String,
    "status": pl.String,
    "is_specific": pl.Boolean,
    "is_measurable": pl.Boolean,
    "is_achievable": pl.Boolean,
    "is_relevant": pl.Boolean,
    "is_timely": pl.Boolean,
    "page": pl.Int32,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "extractor_version": pl.String,
    "timescale_months": pl.Float64,  # months ahead the timescale sets (null: no time frame)
    "is_training": pl.Boolean,
    "training_impact_measured": pl.Boolean,  # null unless a training action
    "research_citation": pl.String,
    "has_named_lead": pl.Boolean,
}

EXTRACTION_ISSUES_SCHEMA: PolarsSchema = {
    "document_id": pl.String,
    "path": pl.String,
    "stage": pl.String,
    "severity": pl.String,
    "message": pl.String,
    "extractor_version": pl.String,
}

RAW_SCHEMAS: dict[str, PolarsSchema] = {
    "documents": DOCUMENTS_SCHEMA,
    "reviews": REVIEWS_SCHEMA,
    "recommendations": RECOMMENDATIONS_SCHEMA,
    "recommendation_codes": RECOMMENDATION_CODES_SCHEMA,
    "case_themes": CASE_THEMES_SCHEMA,
    "case_agencies": CASE_AGENCIES_SCHEMA,
    "action_plan_items": ACTION_PLAN_ITEMS_SCHEMA,
    "extraction_issues": EXTRACTION_ISSUES_SCHEMA,
}
