"""Dependencies point one way, as DESIGN.md's layout table says: a package imports only what its
row allows, and nothing but the CLI's callers (benchmarks, tests) imports `orchestration`."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What no pure package may import: the layers above it and the storage and orchestration libraries.
PURE_PACKAGE_FORBIDS = {
    "warehouse",
    "publications",
    "expectations",
    "orchestration",
    "duckdb",
    "dagster",
    "dbt",
}

# For each package, the project packages and heavy libraries it must not import.
FORBIDDEN: dict[str, set[str]] = {
    "ingestion": PURE_PACKAGE_FORBIDS,
    "warehouse": {"publications", "expectations", "orchestration", "dagster", "dbt"},
    "publications": {"expectations", "orchestration", "dagster", "dbt"},
    "expectations": {"warehouse", "publications", "orchestration", "dagster", "dbt"},
    "corpus": PURE_PACKAGE_FORBIDS,
}


def imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_the_layout_allows(package):
    offences = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in sorted(imported_top_levels(path) & FORBIDDEN[package])
    ]
    assert not offences, offences
