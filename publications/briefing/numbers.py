"""How the briefing prints counts, shares and means, with small-cell suppression.

With a threshold `k`, counts from 1 to k-1 are printed as "<k", the shares and means derived
from them are left out, and every suppressed count ranks alike so that an order leaks nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from publications.briefing.svg_charts import Cell

DASH = "–"


@dataclass(frozen=True)
class Numbers:
    """How counts and shares are printed, with small-cell suppression under `k`."""

    k: int | None = None

    def hidden(self, n: int | None) -> bool:
        return self.k is not None and n is not None and 0 < n < self.k

    def count(self, n: int | None) -> str:
        if n is None:
            return DASH
        return f"<{self.k}" if self.hidden(n) else f"{n:,}"

    def share(self, share: float | None, *counts: int | None) -> str:
        """A share, left out when it is missing or derived from a suppressed count."""
        if share is None or any(self.hidden(n) for n in counts):
            return DASH
        return f"{share * 100:.0f}%"

    def mean(self, mean: float | None, over: int | None) -> str:
        if mean is None or self.hidden(over):
            return DASH
        return f"{mean:.1f}"

    def cell(self, n: int) -> Cell:
        """A bar of a chart: its length (None when suppressed) and its label."""
        return Cell(None if self.hidden(n) else n, self.count(n))

    def rank(self, n: int | None) -> float:
        """A sort key that ranks every suppressed count alike, so order leaks nothing."""
        if n is None:
            return 0.0
        return 0.5 if self.hidden(n) else float(n)


def suppression(suppress_below: int | None) -> Numbers:
    """The printing rules for a threshold; 1 (or none) suppresses nothing."""
    if suppress_below is not None and suppress_below < 1:
        raise ValueError(f"suppress_below must be a positive count, not {suppress_below}")
    return Numbers(suppress_below if suppress_below and suppress_below > 1 else None)
