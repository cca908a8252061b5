"""The codebook's value lists as the published warehouse holds them (the seed
`codebook.codebook_values`): each value's label and the order to show them in.

Publications print these labels rather than wording of their own, so a label changed in the
seed changes on every page and export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from publications.rows import fetch


@dataclass(frozen=True)
class ValueLabel:
    code: str
    label: str


def value_labels(con: duckdb.DuckDBPyConnection, value_set: str) -> list[ValueLabel]:
    """The values of one list (outcome, child_sex, code_type, ...) in the codebook's order."""
    return fetch(
        con,
        ValueLabel,
        "select code, label from codebook.codebook_values where value_set = ? "
        "order by sort_order, code",
        [value_set],
    )


def label_of(value: str, listed: Sequence[ValueLabel]) -> str:
    """The label of `value` in `listed`, or the value as it is stored when it is not listed."""
    return next((v.label for v in listed if v.code == value), value)


def in_order(value: str, listed: Sequence[ValueLabel]) -> tuple[int, str]:
    """A sort key: the listed values in their order, then any other value by name."""
    codes = [v.code for v in listed]
    return (codes.index(value) if value in codes else len(codes), value)
