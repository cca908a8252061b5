"""A digest of every reporting table, so a restructuring can prove it changed no figure.

Each table is reduced to the SHA-256 of its column names and types and its rows, sorted, with
floats rounded to 9 significant digits (DuckDB may sum doubles in any order across threads).
The digests of the sample run are kept in `tests/reporting_digests.json` and checked by
`tests/orchestration/test_reporting_unchanged.py`. When a change is meant to move figures,
rewrite them from a fresh `make run` and say why in the commit:

    python -m tests.reporting_digest warehouse/data/scr.duckdb --write
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import duckdb

GOLDEN = Path(__file__).with_name("reporting_digests.json")


def _stable(value: object) -> object:
    if isinstance(value, float):
        return float(f"{value:.9g}")
    if isinstance(value, list | tuple):
        return [_stable(v) for v in value]
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items()}
    return value


def reporting_digests(published: Path) -> dict[str, str]:
    """Table name -> digest, for every table and view of the `reporting` schema."""
    digests: dict[str, str] = {}
    with duckdb.connect(str(published), read_only=True) as con:
        names = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables "
                "where table_schema = 'reporting' order by table_name"
            ).fetchall()
        ]
        for name in names:
            columns = con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'reporting' and table_name = ? order by ordinal_position",
                [name],
            ).fetchall()
            rows = con.execute(f'select * from reporting."{name}"').fetchall()
            stable = sorted((repr(_stable(row)) for row in rows), key=str)
            digest = hashlib.sha256(repr((columns, stable)).encode("utf-8")).hexdigest()
            digests[name] = digest
    return digests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("published", type=Path, help="a published scr.duckdb")
    parser.add_argument("--write", action="store_true", help=f"rewrite {GOLDEN.name}")
    args = parser.parse_args()
    digests = reporting_digests(args.published)
    text = json.dumps(digests, indent=2, sort_keys=True) + "\n"
    if args.write:
        GOLDEN.write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
