"""Is this document a child safeguarding case review at all?

An inbox fills with whatever people download: minutes, invoices, a novel. Such a file must be
quarantined with a reason rather than loaded as a review with no recommendations. The test is
deliberately lenient (a real review always speaks of a child and of safeguarding or a review);
it only keeps out documents that are plainly something else.
"""

from __future__ import annotations

import re

_CHILD = re.compile(r"\b(child|children|baby|babies|infant|young person|toddler)\b", re.I)
_CONTEXT = re.compile(
    r"serious ?case ?review|practice ?review|case ?review|safeguarding|child ?protection|"
    r"\bLSCB\b|social ?care|social ?worker|recommendation",
    re.I,
)
# Enough of the text to decide, however long the document.
_SAMPLE_CHARS = 200_000


def looks_like_review(text: str) -> bool:
    """True when the text speaks of a child and of safeguarding, a review or recommendations."""
    sample = text[:_SAMPLE_CHARS]
    return (
        bool(_CHILD.search(sample))
        and len(set(m.group(0).lower() for m in _CONTEXT.finditer(sample))) >= 2
    )
