"""The one error a reader raises: the file cannot be turned into text, and why."""

from __future__ import annotations


class UnreadableDocument(Exception):
    """A document no reader can turn into text.

    `reason` says what is wrong and what a person can do about it; the pipeline quarantines the
    file with this message and carries on with the others.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
