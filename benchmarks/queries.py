"""Latency of reading the published warehouse, as an analyst would, on a read-only connection.

Each query runs `repeats` times after one untimed run (which warms DuckDB's buffers the way a
session's first query would); the median is the figure. Results are fetched into Python rows,
the costliest way to read them, so the figure is what an analyst's script waits for.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import duckdb

ANALYST_QUERIES = {
    "table1_totals_by_agency": """
        select agency_code, any_value(agency_label) as agency,
               sum(recommendation_count) as recommendations
        from reporting.agency_recommendation_counts
        where is_layer_2
        group by agency_code
        order by min(table1_order)
    """,
    "table2_reviews_by_theme": """
        select t.theme_code, any_value(t.theme_label) as theme,
               count(distinct t.review_id) as reviews_addressing,
               count(*) as recommendations
        from reporting.recommendation_themes as t
        join reporting.reviews as r using (review_id)
        where r.has_agency_recommendations
        group by t.theme_code
        order by reviews_addressing desc, t.theme_code
    """,
    "table3_case_themes_reflected": """
        select c.case_theme_code, any_value(c.case_theme_label) as case_theme,
               count(*) as reviews_with_theme,
               count(*) filter (where c.is_reflected) as reviews_reflected
        from reporting.case_theme_reflection as c
        join reporting.reviews as r using (review_id)
        where r.has_agency_recommendations
        group by c.case_theme_code
        order by reviews_with_theme desc, c.case_theme_code
    """,
}


def reporting_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The reporting tables by name, then the run log's as audit.<name>."""
    rows = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in ('reporting', 'audit') "
        "order by table_schema <> 'reporting', table_name"
    ).fetchall()
    return [name if schema == "reporting" else f"{schema}.{name}" for schema, name in rows]


def _qualified(name: str) -> str:
    schema, _, table = name.rpartition(".")
    return f'{schema or "reporting"}."{table}"'


def median_latency(
    con: duckdb.DuckDBPyConnection, sql: str, repeats: int
) -> dict[str, float | int]:
    """Median, minimum and maximum milliseconds of `sql` (fetched to Python rows), and its rows."""
    rows = len(con.execute(sql).fetchall())  # warm-up, not timed
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        con.execute(sql).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    return {
        "median_ms": statistics.median(times),
        "min_ms": min(times),
        "max_ms": max(times),
        "rows": rows,
        "repeats": repeats,
    }


def query_benchmark(published: Path, repeats: int = 20) -> dict[str, dict[str, dict]]:
    """Latency of `select *` on every reporting and audit table and of three analyst queries."""
    con = duckdb.connect(str(published), read_only=True)
    try:
        tables = {
            name: median_latency(con, f"select * from {_qualified(name)}", repeats)
            for name in reporting_tables(con)
        }
        analyst = {name: median_latency(con, sql, repeats) for name, sql in ANALYST_QUERIES.items()}
    finally:
        con.close()
    return {"select_star": tables, "analyst": analyst}
