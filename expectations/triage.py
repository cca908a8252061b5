"""Which failed checks belong to particular documents, and which must block the publication.

A blocking expectation that failed on the rows of a few documents says those documents were
extracted badly, not that the build is unfit: quarantining them lets every other document publish.
A failure with no rows to blame (a table-level expectation), or one that hits more than a set
share of the documents (a systematic fault, such as a broken extractor), still blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from expectations.runner import ExpectationResult


@dataclass(frozen=True)
class Triage:
    """`quarantine`: document id -> the failed checks that name it; `blocking`: why not publish."""

    quarantine: dict[str, list[str]] = field(default_factory=dict)
    blocking: list[str] = field(default_factory=list)


def describe_failure(result: ExpectationResult) -> str:
    """One line a person can act on: which expectation, on what, how many rows, examples."""
    where = (
        f"raw.{result.table_name}.{result.column_name}" if result.column_name else result.table_name
    )
    count = (
        f"{result.unexpected_count} of {result.element_count} rows" if result.element_count else ""
    )
    sample = f", e.g. {result.details}" if result.details else ""
    return f"{result.suite}: {result.expectation} on {where} failed ({count}{sample})"


def triage_failures(
    results: Sequence[ExpectationResult], documents: int, max_share: float
) -> Triage:
    """Split the blocking failures into documents to quarantine and failures that block."""
    quarantine: dict[str, list[str]] = {}
    blocking: list[str] = []
    for result in results:
        if result.is_success or not result.is_blocking:
            continue
        if not result.document_ids:
            blocking.append(describe_failure(result))
            continue
        for document_id in result.document_ids:
            quarantine.setdefault(document_id, []).append(_short(result))
    if quarantine and len(quarantine) > max_share * documents:
        blocking.append(
            f"{len(quarantine)} of {documents} documents failed row-level checks, more than the "
            f"{max_share:.0%} that may be quarantined in one run: this looks like a fault of the "
            "extractor, not of the documents"
        )
    if blocking:
        return Triage({}, blocking)
    return Triage(quarantine, [])


def _short(result: ExpectationResult) -> str:
    where = f"{result.table_name}.{result.column_name}" if result.column_name else result.table_name
    return f"check {result.suite} ({result.expectation} on {where})"
