"""The expectation suites on `raw.*`, as code.

Each expectation is marked blocking or not. A blocking failure means the build is not fit to
publish (broken ids, codes outside the codebook, impossible offsets or confidences); a non-blocking
one is a warning about completeness (a review whose outcome could not be read) that analysts should
see in `audit.data_quality_results` but that must not hold back every other report.

Who checks what (each check is made once, by one of the two):
- Great Expectations, here, owns what extraction promises about the rows of each raw table: ids
  present and unique, every value in its codebook list, ranges, offsets. It runs before dbt, and a
  failure names the documents at fault, so they can be quarantined and the rest published.
- dbt tests own what the models promise: keys and relationships of the staging, intermediate and
  reporting models (including links between raw tables, which a one-table suite cannot see), the
  codebook seeds' own integrity, and the reporting contracts. See dbt_project/README.md.
Every list of allowed values comes from the codebook (`ingestion.codebook`), never from here.
"""

from __future__ import annotations

from dataclasses import dataclass

import great_expectations as gx
from great_expectations.expectations import Expectation

from ingestion.codebook import Codebook


@dataclass(frozen=True)
class CheckedExpectation:
    expectation: Expectation
    is_blocking: bool = True


@dataclass(frozen=True)
class Suite:
    """Expectations on one frame; `query` selects the frame from the warehouse."""

    name: str
    table_name: str
    query: str
    expectations: tuple[CheckedExpectation, ...]


E = gx.expectations


def _block(expectation: Expectation) -> CheckedExpectation:
    return CheckedExpectation(expectation, is_blocking=True)


def _warn(expectation: Expectation) -> CheckedExpectation:
    return CheckedExpectation(expectation, is_blocking=False)


def _table_suite(table: str, *expectations: CheckedExpectation, query: str = "") -> Suite:
    """A suite over one raw table's rows (`query` when it needs more than `select *`)."""
    return Suite(
        name=f"raw_{table}",
        table_name=table,
        query=query or f"SELECT * FROM raw.{table}",
        expectations=expectations,
    )


def _codes_suite(code_type: str, allowed: frozenset[str]) -> Suite:
    return Suite(
        name=f"raw_{code_type}_codes",
        table_name="recommendation_codes",
        query=f"SELECT * FROM raw.recommendation_codes WHERE code_type = '{code_type}'",
        expectations=(_not_null("code"), _in_list("code", allowed)),
    )


def _in_list(column: str, values: tuple[str, ...] | frozenset[str]) -> CheckedExpectation:
    return _block(E.ExpectColumnValuesToBeInSet(column=column, value_set=sorted(values)))


def _not_null(column: str) -> CheckedExpectation:
    return _block(E.ExpectColumnValuesToNotBeNull(column=column))


def _unique(column: str) -> CheckedExpectation:
    return _block(E.ExpectColumnValuesToBeUnique(column=column))


def _between(column: str, low: float, high: float | None = None) -> CheckedExpectation:
    return _block(E.ExpectColumnValuesToBeBetween(column=column, min_value=low, max_value=high))


def build_suites(codebook: Codebook) -> list[Suite]:
    """Every suite run on every build, in a fixed order, with the codebook's lists of values."""
    values = codebook.value_sets
    return [
        _table_suite(
            "documents",
            _not_null("document_id"),
            _unique("document_id"),
            _block(E.ExpectColumnValuesToMatchRegex(column="document_id", regex=r"^[0-9a-f]{64}$")),
            _in_list("status", values.codes("document_status")),
            _not_null("path"),
            _in_list("document_kind", values.document_kind_codes),
        ),
        _table_suite(
            "reviews",
            _unique("review_id"),
            _not_null("review_id"),
            _in_list("outcome", values.codes("outcome")),
            _warn(E.ExpectColumnValuesToNotBeNull(column="outcome")),
            _in_list("child_sex", values.codes("child_sex")),
            _in_list("age_band", values.codes("age_band")),
            _between("child_age_years", 0, 25),
            _warn(E.ExpectColumnValuesToNotBeNull(column="age_band")),
        ),
        _table_suite(
            "recommendations",
            _unique("recommendation_id"),
            _not_null("recommendation_id"),
            _not_null("text"),
            _between("text_length", 8, 20_000),
            _in_list("section", values.codes("section")),
            _between("page", 1),
            _block(
                E.ExpectColumnPairValuesAToBeGreaterThanB(
                    column_A="char_end", column_B="char_start", or_equal=False
                )
            ),
            query="SELECT *, length(text) AS text_length FROM raw.recommendations",
        ),
        _table_suite(
            "recommendation_codes",
            _in_list("code_type", values.codes("code_type")),
            _in_list("method", values.codes("method")),
            _between("confidence", 0, 1),
            _not_null("evidence"),
        ),
        _codes_suite("agency", codebook.agency_codes),
        _codes_suite("theme", codebook.theme_codes),
        _codes_suite("layer", codebook.layer_codes),
        _table_suite(
            "case_themes",
            _in_list("case_theme_code", codebook.case_theme_codes),
            _between("confidence", 0, 1),
        ),
        _table_suite(
            "case_agencies",
            _in_list("agency_code", codebook.agency_codes),
            _between("mentions", 1),
        ),
        _table_suite(
            "action_plan_items",
            _not_null("action"),
            _unique("action_item_id"),
        ),
    ]
