"""Code a recommendation on its own (no heading, no document): what `scr classify` prints."""

from __future__ import annotations

import math

from ingestion.codebook import Codebook
from ingestion.coding.agency import code_agency
from ingestion.coding.themes import code_layer, code_themes


def classify_recommendation(text: str, codebook: Codebook) -> dict:
    """{"agency_code", "theme_codes", "layer_code", "confidence"} for one recommendation.

    With no heading or section to go on, the agency comes from the sentence's subject or an agency
    named in it. Confidence is the geometric mean of the agency's and the layer's confidence.
    """
    agency = code_agency(text or "", None, "", codebook)
    themes = code_themes(text or "", codebook)
    layer = code_layer(themes, agency.primary.code, codebook)
    confidence = math.sqrt(max(0.0, agency.primary.confidence) * max(0.0, layer.confidence))
    return {
        "agency_code": agency.primary.code,
        "theme_codes": [hit.code for hit in themes],
        "layer_code": layer.code,
        "confidence": round(min(1.0, confidence), 3),
    }
