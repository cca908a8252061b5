"""The README's layout table names every top-level folder of the project, and only those."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def layout_table_folders() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Layout", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([^`/]+)/` \|", section, flags=re.MULTILINE))


def tracked_top_level_folders() -> set[str]:
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return {f.split("/", 1)[0] for f in files if "/" in f and not f.startswith(".")}


def test_readme_layout_table_matches_the_folders():
    assert layout_table_folders() == tracked_top_level_folders()
