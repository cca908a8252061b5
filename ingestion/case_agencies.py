"""Which agencies the case narrative shows at work with the family.

Used to find gaps: an agency involved in the case that no recommendation addresses. Only the
narrative counts (the text before the first recommendation), and an agency must be named at
least twice there, so a passing mention does not make it "involved". The Board itself and
national bodies are never "involved in the case" in this sense.
"""

from __future__ import annotations

from ingestion.codebook import Codebook
from ingestion.coding.agency import agency_scanner
from ingestion.records import CaseAgency

NOT_CASE_AGENCIES = frozenset({"lscb_all_agencies", "regional_national", "miscellaneous"})
MIN_MENTIONS = 2


def find_case_agencies(narrative: str, codebook: Codebook) -> list[CaseAgency]:
    """Agencies named at least MIN_MENTIONS times in the narrative, in codebook order."""
    found: list[CaseAgency] = []
    for agency, matches in zip(
        codebook.agencies, agency_scanner(codebook).scan(narrative), strict=True
    ):
        if agency.code in NOT_CASE_AGENCIES or len(matches) < MIN_MENTIONS:
            continue
        first = matches[0]
        found.append(CaseAgency(agency.code, len(matches), first.text, first.start, first.end))
    return found
