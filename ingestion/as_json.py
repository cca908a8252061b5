"""One document's extraction as plain JSON-ready data: what `scr extract --json` prints."""

from __future__ import annotations

from ingestion.extract import (
    ReviewExtraction,
    action_as_printed,
    recommendation_id_of,
    review_id_of,
    review_row,
)


def extraction_as_dict(extraction: ReviewExtraction, path: str) -> dict:
    """`review` (the columns of reporting.reviews), `case_themes`, `recommendations` and `issues`."""
    recs = extraction.recommendations
    plan_by_label: dict[str | None, list[dict]] = {}
    for row, page in extraction.action_plan:
        plan_by_label.setdefault(row.recommendation_label, []).append(
            {
                **action_as_printed(row),
                "smart": dict(row.smart),
                "page": page,
                "char_start": row.char_start,
                "char_end": row.char_end,
            }
        )
    review_id = review_id_of(extraction.document_id)
    return {
        "path": path,
        "review": {**review_row(extraction), "recommendation_count": len(recs)},
        "case_themes": sorted({hit.code for hit, _ in extraction.case_themes}),
        "recommendations": [
            {
                "recommendation_id": recommendation_id_of(review_id, ordinal),
                "label": rec.span.label,
                "text": rec.span.text,
                "section": rec.span.section,
                "agency_code": rec.agency.primary.code,
                "agency_as_printed": rec.agency.agency_as_printed or rec.span.heading,
                "theme_codes": [hit.code for hit in rec.themes],
                "layer_code": rec.layer.code,
                "page": rec.page,
                "char_start": rec.span.char_start,
                "char_end": rec.span.char_end,
                "action_plan_items": plan_by_label.get(rec.span.label, []),
            }
            for ordinal, rec in enumerate(recs, start=1)
        ],
        "action_plan_items": [item for items in plan_by_label.values() for item in items],
        "issues": [
            {"stage": i.stage, "severity": i.severity, "message": i.message}
            for i in extraction.issues
        ],
    }
