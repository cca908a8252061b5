"""Code a recommendation on its own (no heading, no document): what `scr classify` prints."""

from __future__ import annotations

import math

from ingestion.codebook import Codebook
from ingestion.coding.recommendation import code_recommendation


def classify_recommendation(text: str, codebook: Codebook) -> dict:
    """{"agency_code", "theme_codes", "layer_code", "confidence"} for one recommendation.

    With no heading or section to go on, every code comes from the text alone. Confidence is the
    geometric mean of the agency's and the layer's probability.
    """
    codes = code_recommendation(text or "", None, "", codebook)
    agency, layer = codes.agency.primary, codes.layer
    confidence = math.sqrt(max(0.0, agency.confidence) * max(0.0, layer.confidence))
    return {
        "agency_code": agency.code,
        "theme_codes": [hit.code for hit in codes.themes],
        "layer_code": layer.code,
        "confidence": round(min(1.0, confidence), 3),
    }
