"""Progress lines for people: to Dagster's log (the UI) and to the `scr` logger (the terminal)."""

from __future__ import annotations

import logging
from collections.abc import Callable

import dagster as dg

terminal = logging.getLogger("scr")


StepContext = dg.OpExecutionContext | dg.AssetExecutionContext | dg.AssetCheckExecutionContext


def log_progress(context: StepContext, message: str) -> None:
    """Log one progress line to the run's Dagster log and to the terminal."""
    context.log.info(message)
    terminal.info(message)


def progress_logger(context: StepContext) -> Callable[[str], None]:
    """`log_progress` bound to one step's context, for the plain functions a step calls."""
    return lambda message: log_progress(context, message)
