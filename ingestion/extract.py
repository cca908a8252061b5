"""One document in, its records out: the whole extraction as one pure function.

read -> normalise -> segment -> code -> case facts and themes -> action plan, each stage in its own
module. A failure in reading quarantines the file with the reader's reason; a failure in any later
stage quarantines it too, naming the stage, so one bad report never stops a run and nothing is
half-loaded. Problems that do not stop loading (no recommendations section, say) are warnings.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

import polars as pl

from ingestion.action_plans import find_action_plan, plan_reference_date
from ingestion.case_agencies import find_case_agencies
from ingestion.codebook import Codebook, load_codebook
from ingestion.coding.case import (
    case_texts,
    find_case_themes,
    read_case_facts,
    read_report_facts,
)
from ingestion.coding.recommendation import code_recommendation
from ingestion.coding.smart import (
    appraise_smart,
    has_named_lead,
    is_training_action,
    research_citation,
    timescale_months,
    training_impact_measured,
)
from ingestion.document_kind import DocumentKind, classify_document
from ingestion.normalise import normalise
from ingestion.readers import UnreadableDocument, read_document
from ingestion.records import (
    ACTION_PLAN_ITEMS_SCHEMA,
    CASE_AGENCIES_SCHEMA,
    CASE_THEMES_SCHEMA,
    DOCUMENTS_SCHEMA,
    EXTRACTION_ISSUES_SCHEMA,
    EXTRACTOR_VERSION,
    RAW_SCHEMAS,
    RECOMMENDATION_CODES_SCHEMA,
    RECOMMENDATIONS_SCHEMA,
    REVIEWS_SCHEMA,
    ActionPlanRow,
    AgencyCoding,
    CaseAgency,
    CaseFacts,
    CaseThemeHit,
    CodeHit,
    ExtractionIssue,
    NormalisedText,
    RecommendationSpan,
)
from ingestion.review_check import looks_like_review
from ingestion.segmentation import find_recommendations
from ingestion.segmentation.addressees import inspection_sections


@dataclass(frozen=True)
class CodedRecommendation:
    """A recommendation with every code the coders gave it."""

    span: RecommendationSpan
    page: int
    agency: AgencyCoding
    themes: tuple[CodeHit, ...]
    layer: CodeHit


@dataclass(frozen=True)
class ReviewExtraction:
    """Everything extracted from one readable document, before it becomes frames."""

    document_id: str
    media_type: str
    page_count: int
    facts: CaseFacts
    recommendations: tuple[CodedRecommendation, ...]
    case_themes: tuple[tuple[CaseThemeHit, int], ...]  # with page
    case_agencies: tuple[tuple[CaseAgency, int], ...]  # with page
    action_plan: tuple[tuple[ActionPlanRow, int], ...]  # with page
    issues: tuple[ExtractionIssue, ...]
    document_kind: str = "serious_case_review"
    kind_evidence: str | None = None


NOT_A_REVIEW = (
    "this does not read as a child safeguarding case review (it never speaks of a child together "
    "with safeguarding, a case review or recommendations); it was not loaded. Remove it from the "
    "inbox, or if it is a review, check that its text can be selected (it may need OCR)."
)


class StageFailed(Exception):
    """A stage after reading failed on this document; the file is quarantined."""

    def __init__(self, stage: str, cause: BaseException) -> None:
        super().__init__(f"{stage}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.cause = cause


def document_id_of(data: bytes) -> str:
    """The document's identity: SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()


def review_id_of(document_id: str) -> str:
    return document_id[:16]


def recommendation_id_of(review_id: str, ordinal: int) -> str:
    """A recommendation's id: its review's id and its 1-based place in the review."""
    return f"{review_id}-{ordinal:04d}"


def action_as_printed(row: ActionPlanRow) -> dict[str, str | None]:
    """An action's fields as the plan prints them: the same in raw.action_plan_items and in
    `scr extract --json`."""
    return {
        "recommendation_label": row.recommendation_label,
        "action": row.action,
        "lead": row.lead,
        "timescale": row.timescale,
        "measure": row.measure,
        "status": row.status,
    }


def review_row(extraction: ReviewExtraction) -> dict[str, object]:
    """The review's facts as `raw.reviews` holds them (bar the extractor version): built here
    only, for the pipeline's frames and for `scr extract --json` alike."""
    facts = extraction.facts
    return {
        "review_id": review_id_of(extraction.document_id),
        "document_id": extraction.document_id,
        "title": facts.title,
        "area": facts.area,
        "year": facts.year,
        "outcome": facts.outcome,
        "child_sex": facts.child_sex,
        "child_age_years": facts.child_age_years,
        "age_band": facts.age_band,
        "children_count": facts.children_count,
        "has_agency_recommendations": any(
            r.span.section == "agency" for r in extraction.recommendations
        ),
        "has_action_plan": bool(extraction.action_plan),
    }


def analyse_document(
    data: bytes, filename: str, codebook: Codebook | None = None
) -> ReviewExtraction:
    """Read and code one document; raises UnreadableDocument or StageFailed."""
    codebook = codebook or load_codebook()
    document_id = document_id_of(data)
    raw = read_document(data, filename)
    norm = _stage("normalise", normalise, raw)
    spans = [s for s in _stage("segment", find_recommendations, norm) if s.text.strip()]
    kind = _stage("kind", classify_document, norm.text)
    if kind.kind == "inspection":  # the council's lists, then the Board's
        spans = _stage("segment", inspection_sections, spans, norm.text)
    sections_name_addressee = kind.is_case_review or kind.kind == "inspection"
    coded = tuple(
        _stage("code", _code, span, norm, codebook, sections_name_addressee) for span in spans
    )
    texts = _stage("case", case_texts, norm.text)
    if kind.is_case_review:
        facts = _stage("case", read_case_facts, norm.text, texts)
        themes = _stage("case", find_case_themes, norm.text, codebook, texts)
    else:  # case facts belong to case reviews only: the title, area and year are read alone
        facts = _stage("case", read_report_facts, norm.text, texts)
        themes = []
    narrative = norm.text[: min((s.char_start for s in spans), default=len(norm.text))]
    agencies = _stage("case", find_case_agencies, narrative, codebook)
    plan_rows = _stage("action_plan", find_action_plan, norm)
    reference = _stage("action_plan", plan_reference_date, norm.text) if plan_rows else None
    case_codes = {hit.code for hit in themes}
    texts_by_label: dict[str | None, str] = {}
    for span in spans:
        texts_by_label.setdefault(span.label, span.text)
    plan = tuple(
        (
            _with_smart(
                row, case_codes, codebook, texts_by_label.get(row.recommendation_label), reference
            ),
            norm.page_of(row.char_start),
        )
        for row in plan_rows
    )
    issues = _issues(norm.text, bool(coded), facts.outcome is not None, kind)
    return ReviewExtraction(
        document_id=document_id,
        media_type=raw.media_type,
        page_count=len(raw.pages),
        facts=facts,
        recommendations=coded,
        case_themes=tuple((hit, norm.page_of(hit.char_start)) for hit in themes),
        case_agencies=tuple((a, norm.page_of(a.char_start)) for a in agencies),
        action_plan=plan,
        issues=tuple(issues),
        document_kind=kind.kind,
        kind_evidence=kind.evidence,
    )


def _issues(
    text: str, has_recommendations: bool, has_outcome: bool, kind: DocumentKind | None = None
) -> list[ExtractionIssue]:
    """What a person should know about the document; a non-review is told that alone.

    Only a document that names itself none of the known kinds and does not read as a review is
    refused; a document that calls itself a review loads, with zero recommendations and a warning
    when none are found. Case facts are asked of case reviews only.
    """
    kind = kind or classify_document(text)
    if kind.kind == "other" and not looks_like_review(text):
        return [ExtractionIssue("read", "error", NOT_A_REVIEW)]
    issues: list[ExtractionIssue] = []
    if not has_recommendations:
        issues.append(
            ExtractionIssue(
                "segment",
                "warning",
                f"no recommendations section was found in this {kind.kind.replace('_', ' ')}; it "
                "is loaded with none. If the report has one, check its heading is one the "
                "segmenter knows (dbt_project/seeds/codebook_section_headings.csv).",
            )
        )
    if kind.is_case_review and not has_outcome:
        issues.append(
            ExtractionIssue(
                "case",
                "warning",
                "could not tell whether the child died or was seriously injured; outcome left "
                "empty (add a manual code or check the report).",
            )
        )
    return issues


def _stage(stage: str, function, *args: object):  # noqa: ANN001, ANN202
    try:
        return function(*args)
    except UnreadableDocument:
        raise
    except Exception as exc:  # a bug or a hostile input in one stage must not stop the run
        raise StageFailed(stage, exc) from exc


def _code(
    span: RecommendationSpan, norm: NormalisedText, codebook: Codebook, sections_known: bool
) -> CodedRecommendation:
    # In a case review the Board's section is the overview report's list, and in an inspection
    # the Board's part of the report: both addressed to the Board. Elsewhere the section does not
    # say who a recommendation is for.
    codes = code_recommendation(
        span.text, span.heading, span.section, codebook, board_section_is_addressee=sections_known
    )
    page = norm.page_of(span.char_start)
    return CodedRecommendation(span, page, codes.agency, codes.themes, codes.layer)


def _with_smart(
    row: ActionPlanRow,
    case_codes: set[str],
    codebook: Codebook,
    recommendation_text: str | None,
    reference: tuple[int, int] | None = None,
) -> ActionPlanRow:
    """SMART flags of an action, judged with the recommendation it answers when we know it, and
    chapter 5's other readings: its time frame in months from the plan's date (`reference`),
    whether it is training and the training's impact is measured, research cited, a named lead."""
    smart = appraise_smart(row, case_codes, codebook, recommendation_text=recommendation_text)
    return replace(
        row,
        smart=smart,
        timescale_months=timescale_months(row.timescale, reference),
        is_training=is_training_action(row.action),
        training_impact_measured=training_impact_measured(row.action, row.measure),
        research_citation=research_citation(row.action),
        has_named_lead=has_named_lead(row.lead),
    )


# --- Frames --------------------------------------------------------------------------------------


def extract_document(
    data: bytes, path: str, codebook: Codebook | None = None
) -> dict[str, pl.DataFrame]:
    """The frames of every raw table for one file (`path` relative to the inbox).

    Never raises for a bad document: it comes back quarantined, with the reason in
    `extraction_issues` (unreadable, a stage failed, or not a review at all).
    """
    document_id = document_id_of(data)
    try:
        extraction = analyse_document(data, path, codebook)
    except UnreadableDocument as exc:
        return quarantined_frames(document_id, path, len(data), "read", _reason(exc))
    except StageFailed as exc:
        message = (
            f"extraction failed in stage '{exc.stage}' ({type(exc.cause).__name__}: {exc.cause}); "
            "the file is quarantined and the rest of the run goes on. This is a bug or an "
            "unusual layout: report it with the file."
        )
        return quarantined_frames(document_id, path, len(data), exc.stage, message)
    errors = [issue for issue in extraction.issues if issue.severity == "error"]
    if errors:
        return quarantined_frames(
            document_id, path, len(data), errors[0].stage, errors[0].message,
            extraction.document_kind,
        )  # fmt: skip
    return review_frames(extraction, path, len(data))


def _reason(exc: UnreadableDocument) -> str:
    return getattr(exc, "reason", None) or str(exc)


def quarantined_frames(
    document_id: str, path: str, size: int, stage: str, message: str, kind: str | None = None
) -> dict[str, pl.DataFrame]:
    frames = empty_frames()
    frames["documents"] = pl.DataFrame(
        [
            {
                "document_id": document_id,
                "path": path,
                "media_type": None,
                "bytes": size,
                "pages": None,
                "status": "quarantined",
                "error_message": message,
                "extractor_version": EXTRACTOR_VERSION,
                "document_kind": kind,
                "kind_evidence": None,
            }
        ],
        schema=DOCUMENTS_SCHEMA,
    )
    frames["extraction_issues"] = _issues_frame(
        document_id, path, [ExtractionIssue(stage, "error", message)]
    )
    return frames


def empty_frames() -> dict[str, pl.DataFrame]:
    return {table: pl.DataFrame(schema=schema) for table, schema in RAW_SCHEMAS.items()}


def _issues_frame(document_id: str, path: str, issues: list[ExtractionIssue]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "document_id": document_id,
                "path": path,
                "stage": issue.stage,
                "severity": issue.severity,
                "message": issue.message,
                "extractor_version": EXTRACTOR_VERSION,
            }
            for issue in issues
        ],
        schema=EXTRACTION_ISSUES_SCHEMA,
    )


def review_frames(extraction: ReviewExtraction, path: str, size: int) -> dict[str, pl.DataFrame]:
    """Turn one document's extraction into the raw tables' frames."""
    doc_id = extraction.document_id
    review_id = review_id_of(doc_id)
    version = EXTRACTOR_VERSION
    frames = empty_frames()
    frames["documents"] = pl.DataFrame(
        [
            {
                "document_id": doc_id,
                "path": path,
                "media_type": extraction.media_type,
                "bytes": size,
                "pages": extraction.page_count,
                "status": "ok",
                "error_message": None,
                "extractor_version": version,
                "document_kind": extraction.document_kind,
                "kind_evidence": extraction.kind_evidence,
            }
        ],
        schema=DOCUMENTS_SCHEMA,
    )
    frames["reviews"] = pl.DataFrame(
        [{**review_row(extraction), "extractor_version": version}], schema=REVIEWS_SCHEMA
    )
    rec_rows, code_rows = _recommendation_rows(extraction)
    frames["recommendations"] = pl.DataFrame(rec_rows, schema=RECOMMENDATIONS_SCHEMA)
    frames["recommendation_codes"] = pl.DataFrame(code_rows, schema=RECOMMENDATION_CODES_SCHEMA)
    frames["case_themes"] = pl.DataFrame(
        [
            {
                "review_id": review_id,
                "document_id": doc_id,
                "case_theme_code": hit.code,
                "method": hit.method,
                "confidence": float(hit.confidence),
                "evidence": hit.evidence,
                "page": page,
                "char_start": hit.char_start,
                "char_end": hit.char_end,
                "extractor_version": version,
            }
            for hit, page in extraction.case_themes
        ],
        schema=CASE_THEMES_SCHEMA,
    )
    frames["case_agencies"] = pl.DataFrame(
        [
            {
                "review_id": review_id,
                "document_id": doc_id,
                "agency_code": agency.code,
                "mentions": agency.mentions,
                "evidence": agency.evidence,
                "page": page,
                "char_start": agency.char_start,
                "char_end": agency.char_end,
                "extractor_version": version,
            }
            for agency, page in extraction.case_agencies
        ],
        schema=CASE_AGENCIES_SCHEMA,
    )
    frames["action_plan_items"] = pl.DataFrame(
        [
            {
                "action_item_id": f"{review_id}-a{ordinal:04d}",
                "review_id": review_id,
                "document_id": doc_id,
                "ordinal": ordinal,
                **action_as_printed(row),
                "is_specific": row.smart.get("specific", False),
                "is_measurable": row.smart.get("measurable", False),
                "is_achievable": row.smart.get("achievable", False),
                "is_relevant": row.smart.get("relevant", False),
                "is_timely": row.smart.get("timely", False),
                "page": page,
                "char_start": row.char_start,
                "char_end": row.char_end,
                "extractor_version": version,
                "timescale_months": row.timescale_months,
                "is_training": row.is_training,
                "training_impact_measured": row.training_impact_measured,
                "research_citation": row.research_citation,
                "has_named_lead": row.has_named_lead,
            }
            for ordinal, (row, page) in enumerate(extraction.action_plan, start=1)
        ],
        schema=ACTION_PLAN_ITEMS_SCHEMA,
    )
    frames["extraction_issues"] = _issues_frame(doc_id, path, list(extraction.issues))
    return frames


def _recommendation_rows(
    extraction: ReviewExtraction,
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Rows of `raw.recommendations` and `raw.recommendation_codes` (agency, other agencies,
    themes and layer of each recommendation, the primary codes flagged)."""
    doc_id = extraction.document_id
    review_id = review_id_of(doc_id)
    version = EXTRACTOR_VERSION
    rec_rows: list[dict[str, object]] = []
    code_rows: list[dict[str, object]] = []
    for ordinal, rec in enumerate(extraction.recommendations, start=1):
        rec_id = recommendation_id_of(review_id, ordinal)
        rec_rows.append(
            {
                "recommendation_id": rec_id,
                "review_id": review_id,
                "document_id": doc_id,
                "ordinal": ordinal,
                "label": rec.span.label,
                "text": rec.span.text,
                "section": rec.span.section,
                "agency_as_printed": rec.agency.agency_as_printed or rec.span.heading,
                "page": rec.page,
                "char_start": rec.span.char_start,
                "char_end": rec.span.char_end,
                "extractor_version": version,
                "research_citation": research_citation(rec.span.text),
            }
        )
        hits = [("agency", rec.agency.primary, True)]
        hits += [("agency", hit, False) for hit in rec.agency.others]
        hits += [("theme", hit, False) for hit in rec.themes]
        hits += [("layer", rec.layer, True)]
        for code_type, hit, is_primary in hits:
            code_rows.append(
                {
                    "recommendation_id": rec_id,
                    "document_id": doc_id,
                    "code_type": code_type,
                    "code": hit.code,
                    "is_primary": is_primary,
                    "method": hit.method,
                    "confidence": float(hit.confidence),
                    "evidence": hit.evidence,
                    "extractor_version": version,
                }
            )
    return rec_rows, code_rows
