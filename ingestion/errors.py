"""The project's one error hierarchy.

Every failure a person is expected to meet (bad input, a warehouse in use, a refused run) is a
`ScrError` whose message says what happened and what to do; the command line prints that message
on one line and exits with the error's `exit_code`. Anything else is a bug: its trace goes to a
log file, never to the terminal.
"""

from __future__ import annotations


class ScrError(Exception):
    """An expected failure with a message a person can act on."""

    exit_code = 1


class UsageError(ScrError):
    """A setting or argument is wrong (a missing inbox, a bad number): nothing was started."""

    exit_code = 2


class NoPublishedWarehouse(ScrError):
    """A command that reads the published warehouse found none: run the pipeline first."""


class RemovalsRefused(ScrError):
    """Publishing would remove more of the warehouse than the run was allowed to."""


class ReleaseExists(ScrError):
    """A release of this version is already there: releases are never overwritten."""


class ReleaseInvalid(ScrError):
    """A release failed verification: a file was changed, removed or added."""
