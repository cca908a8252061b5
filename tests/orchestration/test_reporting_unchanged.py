"""The reporting tables of the sample run are the ones on record, to the digit.

A restructuring must not move a figure. When a change is meant to, rewrite the record from a
fresh run (`python -m tests.reporting_digest warehouse/data/scr.duckdb --write`) and say why.
"""

import json

from tests.reporting_digest import GOLDEN, reporting_digests


def test_reporting_tables_of_the_sample_run_match_the_record(sample_run):
    _, _, paths, outcome = sample_run
    assert outcome.published
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    digests = reporting_digests(paths.published)
    assert sorted(digests) == sorted(recorded), "reporting tables were added or removed"
    changed = sorted(name for name in digests if digests[name] != recorded[name])
    assert not changed, f"reporting tables whose rows changed: {changed}"
