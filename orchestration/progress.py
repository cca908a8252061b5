"""Progress lines for people: to Dagster's log (the UI) and to the `scr` logger (the terminal)."""

from __future__ import annotations

import logging

import dagster as dg

terminal = logging.getLogger("scr")


def report(context: dg.OpExecutionContext | dg.AssetExecutionContext, message: str) -> None:
    context.log.info(message)
    terminal.info(message)
