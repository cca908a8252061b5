"""Coding must not dominate extraction: a floor far below the measured rate, to catch regressions.

The brief's target is 2,000 recommendations per second (agency + themes + layer, one core); the
measured rate is in the engineer's report. The floor here is low so a busy test machine passes.
"""

from __future__ import annotations

import runpy
import time
from pathlib import Path

from ingestion.codebook import load_codebook
from ingestion.coding.agency import code_agency
from ingestion.coding.themes import code_layer, code_themes

THEME_EXAMPLES = runpy.run_path(str(Path(__file__).with_name("coding_theme_cases.py")))[
    "THEME_EXAMPLES"
]


def test_recommendations_per_second():
    codebook = load_codebook()
    texts = [t for texts in THEME_EXAMPLES.values() for t in texts]
    for text in texts:  # warm the caches
        code_themes(text, codebook)
    count = 0
    start = time.process_time()
    while time.process_time() - start < 1.0:
        for text in texts:
            agency = code_agency(text, None, "agency", codebook)
            themes = code_themes(text, codebook)
            code_layer(themes, agency.primary.code, codebook)
            count += 1
    rate = count / (time.process_time() - start)
    assert rate > 500, f"{rate:.0f} recommendations/s"
