"""What a run took in, as one typed value, and the one way it travels in Dagster's event log.

The raw-tables step returns an `IntakeSummary`; the asset attaches it to its materialization (the
counts show in the UI), and `scr run` reads it back from the run's events with `from_metadata`.
The event log, not the warehouse, carries it because a run that is not published discards its
build, and with it the run's raw.runs row, yet its summary must still say what it saw. The checks
quarantine documents too; `quarantine_metadata`/`quarantined_from_metadata` carry that list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields

import dagster as dg

_QUARANTINED = "quarantined_documents"


@dataclass(frozen=True)
class IntakeSummary:
    """The inbox as this run found it and what the raw tables hold after loading it."""

    documents_seen: int
    documents_new: int
    documents_unchanged: int
    documents_removed: int
    documents_quarantined: int
    duplicates: int
    recommendations: int
    manual_codes: int
    quarantined: tuple[tuple[str, str], ...] = field(default=())  # (path, reason)

    def to_metadata(self) -> dict[str, dg.MetadataValue]:
        """One metadata entry per count, and the quarantined files as JSON."""
        metadata: dict[str, dg.MetadataValue] = {
            f.name: dg.MetadataValue.int(getattr(self, f.name))
            for f in fields(self)
            if f.name != "quarantined"
        }
        metadata.update(quarantine_metadata(self.quarantined))
        return metadata

    @classmethod
    def from_metadata(cls, metadata: Mapping[str, object]) -> IntakeSummary:
        """The summary `to_metadata` attached (a KeyError names a missing count)."""
        counts = {f.name: _count(metadata[f.name]) for f in fields(cls) if f.name != "quarantined"}
        return cls(**counts, quarantined=tuple(quarantined_from_metadata(metadata).items()))


def quarantine_metadata(quarantined: Sequence[tuple[str, str]]) -> dict[str, dg.MetadataValue]:
    """Metadata naming quarantined files (none when the list is empty)."""
    if not quarantined:
        return {}
    rows = [{"path": path, "reason": reason} for path, reason in quarantined]
    return {_QUARANTINED: dg.MetadataValue.json(rows)}


def quarantined_from_metadata(metadata: Mapping[str, object]) -> dict[str, str]:
    """path -> reason of the files `quarantine_metadata` named (empty when none)."""
    entry = metadata.get(_QUARANTINED)
    rows = entry.value if isinstance(entry, dg.JsonMetadataValue) else None
    if not isinstance(rows, list):
        return {}
    return {str(row["path"]): str(row["reason"]) for row in rows}


def _count(entry: object) -> int:
    """A count `to_metadata` attached (an `IntMetadataValue` in the event)."""
    assert isinstance(entry, dg.IntMetadataValue) and entry.value is not None, entry
    return entry.value
