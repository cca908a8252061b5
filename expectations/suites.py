"""The expectation suites on `raw.*`, as code.

Each expectation is marked blocking or not. A blocking failure means the build is not fit to
publish (broken ids, codes outside the codebook, impossible offsets or confidences); a non-blocking
one is a warning about completeness (a review whose outcome could not be read) that analysts should
see in `audit.data_quality_results` but that must not hold back every other report.
"""

from __future__ import annotations

from dataclasses import dataclass

import great_expectations as gx
from great_expectations.expectations import Expectation

from ingestion.document_kind import KINDS as DOCUMENT_KINDS
from ingestion.records import METHODS


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


@dataclass(frozen=True)
class AllowedCodes:
    """The codebook's codes the raw tables may hold."""

    agencies: frozenset[str]
    themes: frozenset[str]
    layers: frozenset[str]
    case_themes: frozenset[str]


E = gx.expectations


def _block(expectation: Expectation) -> CheckedExpectation:
    return CheckedExpectation(expectation, is_blocking=True)


def _warn(expectation: Expectation) -> CheckedExpectation:
    return CheckedExpectation(expectation, is_blocking=False)


def _codes_suite(code_type: str, allowed: frozenset[str]) -> Suite:
    return Suite(
        name=f"raw_{code_type}_codes",
        table_name="recommendation_codes",
        query=f"SELECT * FROM raw.recommendation_codes WHERE code_type = '{code_type}'",
        expectations=(
            _block(E.ExpectColumnValuesToNotBeNull(column="code")),
            _block(E.ExpectColumnValuesToBeInSet(column="code", value_set=sorted(allowed))),
        ),
    )


def build_suites(codes: AllowedCodes) -> list[Suite]:
    """Every suite run on every build, in a fixed order."""
    return [
        Suite(
            name="raw_documents",
            table_name="documents",
            query="SELECT * FROM raw.documents",
            expectations=(
                _block(E.ExpectColumnValuesToNotBeNull(column="document_id")),
                _block(E.ExpectColumnValuesToBeUnique(column="document_id")),
                _block(
                    E.ExpectColumnValuesToMatchRegex(column="document_id", regex=r"^[0-9a-f]{64}$")
                ),
                _block(
                    E.ExpectColumnValuesToBeInSet(column="status", value_set=["ok", "quarantined"])
                ),
                _block(E.ExpectColumnValuesToNotBeNull(column="path")),
                _block(
                    E.ExpectColumnValuesToBeInSet(
                        column="document_kind", value_set=list(DOCUMENT_KINDS)
                    )
                ),
            ),
        ),
        Suite(
            name="raw_reviews",
            table_name="reviews",
            query="SELECT * FROM raw.reviews",
            expectations=(
                _block(E.ExpectColumnValuesToBeUnique(column="review_id")),
                _block(E.ExpectColumnValuesToNotBeNull(column="review_id")),
                _block(
                    E.ExpectColumnValuesToBeInSet(
                        column="outcome", value_set=["death", "serious_injury"]
                    )
                ),
                _warn(E.ExpectColumnValuesToNotBeNull(column="outcome")),
                _block(
                    E.ExpectColumnValuesToBeInSet(
                        column="child_sex", value_set=["female", "male", "unknown"]
                    )
                ),
                _block(
                    E.ExpectColumnValuesToBeInSet(
                        column="age_band", value_set=["under_1", "1_5", "6_10", "11_plus"]
                    )
                ),
                _block(
                    E.ExpectColumnValuesToBeBetween(
                        column="child_age_years", min_value=0, max_value=25
                    )
                ),
                _warn(E.ExpectColumnValuesToNotBeNull(column="age_band")),
            ),
        ),
        Suite(
            name="raw_recommendations",
            table_name="recommendations",
            query="SELECT *, length(text) AS text_length FROM raw.recommendations",
            expectations=(
                _block(E.ExpectColumnValuesToBeUnique(column="recommendation_id")),
                _block(E.ExpectColumnValuesToNotBeNull(column="text")),
                _block(
                    E.ExpectColumnValuesToBeBetween(
                        column="text_length", min_value=8, max_value=20_000
                    )
                ),
                _block(
                    E.ExpectColumnValuesToBeInSet(
                        column="section", value_set=["lscb", "agency", "national"]
                    )
                ),
                _block(E.ExpectColumnValuesToBeBetween(column="page", min_value=1)),
                _block(
                    E.ExpectColumnPairValuesAToBeGreaterThanB(
                        column_A="char_end", column_B="char_start", or_equal=False
                    )
                ),
            ),
        ),
        Suite(
            name="raw_recommendation_codes",
            table_name="recommendation_codes",
            query="SELECT * FROM raw.recommendation_codes",
            expectations=(
                _block(
                    E.ExpectColumnValuesToBeInSet(
                        column="code_type", value_set=["agency", "theme", "layer"]
                    )
                ),
                _block(E.ExpectColumnValuesToBeInSet(column="method", value_set=list(METHODS))),
                _block(
                    E.ExpectColumnValuesToBeBetween(column="confidence", min_value=0, max_value=1)
                ),
                _block(E.ExpectColumnValuesToNotBeNull(column="evidence")),
            ),
        ),
        _codes_suite("agency", codes.agencies),
        _codes_suite("theme", codes.themes),
        _codes_suite("layer", codes.layers),
        Suite(
            name="raw_case_themes",
            table_name="case_themes",
            query="SELECT * FROM raw.case_themes",
            expectations=(
                _block(
                    E.ExpectColumnValuesToBeInSet(
                        column="case_theme_code", value_set=sorted(codes.case_themes)
                    )
                ),
                _block(
                    E.ExpectColumnValuesToBeBetween(column="confidence", min_value=0, max_value=1)
                ),
            ),
        ),
        Suite(
            name="raw_case_agencies",
            table_name="case_agencies",
            query="SELECT * FROM raw.case_agencies",
            expectations=(
                _block(
                    E.ExpectColumnValuesToBeInSet(
                        column="agency_code", value_set=sorted(codes.agencies)
                    )
                ),
                _block(E.ExpectColumnValuesToBeBetween(column="mentions", min_value=1)),
            ),
        ),
        Suite(
            name="raw_action_plan_items",
            table_name="action_plan_items",
            query="SELECT * FROM raw.action_plan_items",
            expectations=(
                _block(E.ExpectColumnValuesToNotBeNull(column="action")),
                _block(E.ExpectColumnValuesToBeUnique(column="action_item_id")),
            ),
        ),
    ]
