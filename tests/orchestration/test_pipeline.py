"""End to end: the Dagster job on the embedded sample corpus, then SQL on the published file."""

import shutil

import duckdb
import pytest

from orchestration.cli import main
from orchestration.run import run_pipeline
from orchestration.settings import PROJECT_ROOT
from tests.orchestration.test_definitions import AUDIT_TABLES, REPORTING_TABLES
from warehouse.build import build_lock
from warehouse.paths import WarehousePaths

# Empty on the sample corpus by design: no manual codes in the repository (no bad file either,
# so audit.extraction_issues is empty too; the run log is not compared between runs), and no
# review of the sample cites research (the study found research rarely cited).
EMPTY_ON_THE_SAMPLE = {"coding_agreement", "research_citations"}


@pytest.fixture(scope="module")
def first_run(sample_run):
    return sample_run


def snapshot(paths: WarehousePaths) -> dict[str, list[tuple]]:
    """Every reporting table's rows, sorted, so two builds can be compared."""
    with duckdb.connect(str(paths.published), read_only=True) as con:
        return {
            table: sorted(con.execute(f"select * from reporting.{table}").fetchall(), key=repr)
            for table in sorted(REPORTING_TABLES)
        }


def test_first_run_publishes_every_reporting_table(first_run):
    _, inbox, paths, outcome = first_run
    assert outcome.published and outcome.succeeded, outcome.render()
    assert (paths.root / "briefing.html").read_text().count("<table") >= 4
    assert outcome.intake.documents_seen == len(list(inbox.iterdir()))
    assert outcome.intake.documents_new == outcome.intake.documents_seen
    assert outcome.checks_failed == [] or all("(WARN)" in c for c in outcome.checks_failed)
    with duckdb.connect(str(paths.published), read_only=True) as con:
        for table in REPORTING_TABLES - EMPTY_ON_THE_SAMPLE:
            rows = con.execute(f"select count(*) from reporting.{table}").fetchone()[0]
            assert rows > 0, f"reporting.{table} is empty"
        recs = con.execute("select count(*) from reporting.recommendations").fetchone()[0]
        assert recs == outcome.intake.recommendations


def test_every_reporting_and_audit_column_is_described_in_the_database(first_run):
    _, _, paths, _ = first_run
    with duckdb.connect(str(paths.published), read_only=True) as con:
        missing = con.execute(
            "select schema_name, table_name, column_name from duckdb_columns() "
            "where schema_name in ('reporting', 'audit') and coalesce(comment, '') = ''"
        ).fetchall()
        found = set(
            con.execute(
                "select distinct schema_name || '.' || table_name from duckdb_columns() "
                "where schema_name in ('reporting', 'audit')"
            ).fetchall()
        )
    assert missing == []
    assert found == {(f"reporting.{t}",) for t in REPORTING_TABLES} | {
        (f"audit.{t}",) for t in AUDIT_TABLES
    }


def test_every_schema_table_and_view_an_analyst_sees_is_described(first_run):
    _, _, paths, _ = first_run
    with duckdb.connect(str(paths.published), read_only=True) as con:
        relations = con.execute(
            "select schema_name, table_name, comment from duckdb_tables() "
            "where database_name = current_database() "
            "union all select schema_name, view_name, comment from duckdb_views() "
            "where database_name = current_database() and not internal"
        ).fetchall()
        schemas = {
            r[0]
            for r in con.execute(
                "select schema_name from duckdb_schemas() "
                "where database_name = current_database() and not internal"
            ).fetchall()
        }
        described = dict(
            con.execute("select schema_name, description from main.schema_descriptions").fetchall()
        )
    assert {s for s, _, _ in relations} >= {"raw", "staging", "intermediate", "reporting", "audit"}
    assert [(s, t) for s, t, comment in relations if not (comment or "").strip()] == []
    # DuckDB cannot comment on a schema: main.schema_descriptions says what each holds
    assert schemas <= {s for s, d in described.items() if (d or "").strip()}, schemas
    assert "audit" in schemas and "reporting" in schemas


def test_run_log_is_in_audit_and_counts_the_checks_the_summary_counts(first_run):
    _, _, paths, outcome = first_run
    with duckdb.connect(str(paths.published), read_only=True) as con:
        leftovers = con.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'reporting' and table_name in "
            "('runs', 'data_quality_results', 'extraction_issues', 'check_results')"
        ).fetchall()
        passed, failed = con.execute(
            "select checks_passed, checks_failed from audit.runs where run_id = ?",
            [outcome.run_id],
        ).fetchone()
        failed_names = con.execute(
            "select asset_key || ':' || check_name from audit.check_results "
            "where run_id = ? and not passed order by 1",
            [outcome.run_id],
        ).fetchall()
    assert leftovers == []
    assert (passed, failed) == (len(outcome.checks_passed), len(outcome.checks_failed))
    assert passed > len(AUDIT_TABLES)  # GX suites and dbt tests, not a handful
    assert [n for (n,) in failed_names] == sorted(c.split(" ")[0] for c in outcome.checks_failed)
    banner = (paths.root / "briefing.html").read_text()
    assert f"{passed} of {passed + failed} checks passed in the last run" in banner


def test_reporting_contracts_are_enforced_in_the_dbt_project():
    import json

    manifest = json.loads((PROJECT_ROOT / "dbt_project/target/manifest.json").read_text())
    models = [node for node in manifest["nodes"].values() if node["resource_type"] == "model"]
    reporting = [node for node in models if node["config"].get("schema") == "reporting"]
    audit = [node for node in models if node["config"].get("schema") == "audit"]
    assert {node["name"] for node in reporting} == REPORTING_TABLES
    assert {node["name"] for node in audit} == AUDIT_TABLES
    for node in reporting + audit:
        assert node["config"]["contract"]["enforced"], node["name"]
        for name, column in node["columns"].items():
            assert column["description"].strip(), f"{node['name']}.{name}"
            assert column["data_type"], f"{node['name']}.{name}"


def test_second_run_extracts_nothing_and_changes_no_reporting_table(first_run, tmp_path):
    _, inbox, shared, _ = first_run
    paths = WarehousePaths(tmp_path / "wh")
    paths.root.mkdir()
    shutil.copyfile(shared.published, paths.published)
    before = snapshot(paths)
    with duckdb.connect(str(paths.published)) as con:  # as a warehouse of an older version had
        con.execute("create view reporting.runs as select * from audit.runs")
        con.execute("create table reporting.extraction_issues as from audit.extraction_issues")
    outcome = run_pipeline(inbox=str(inbox), warehouse_dir=str(paths.root), workers=2)
    assert outcome.published, outcome.render()
    assert outcome.intake.documents_new == 0
    assert outcome.intake.documents_unchanged == outcome.intake.documents_seen
    assert snapshot(paths) == before
    with duckdb.connect(str(paths.published), read_only=True) as con:
        stale = con.execute(
            "select table_name from information_schema.tables where table_schema = 'reporting' "
            "and table_name in ('runs', 'extraction_issues')"
        ).fetchall()
        runs = con.execute("select count(*) from audit.runs").fetchone()[0]
    assert stale == []  # relations no model builds any more are dropped
    assert runs == 2


def test_failed_blocking_check_on_many_documents_exits_non_zero_and_publishes_nothing(
    first_run, tmp_path, capsys
):
    _, inbox, paths, _ = first_run
    broken = WarehousePaths(tmp_path / "wh")
    broken.root.mkdir()
    shutil.copyfile(paths.published, broken.published)
    with duckdb.connect(str(broken.published)) as con:
        con.execute(  # every document: a fault of the extractor, not of one document
            "update raw.recommendation_codes set code = 'social_services' "
            "where code_type = 'agency'"
        )
    before = broken.published.read_bytes()
    status = main(["run", "--inbox", str(inbox), "--warehouse", str(broken.root), "--quiet"])
    out = capsys.readouterr().out
    assert status == 1
    assert "raw_agency_codes" in out and "social_services" in out
    assert "more than the 25% that may be quarantined" in out
    assert "NOT published" in out
    assert broken.published.read_bytes() == before
    assert not broken.build.exists()


def test_second_writer_is_refused_with_a_clear_message(first_run, tmp_path, capsys):
    _, inbox, _, _ = first_run
    paths = WarehousePaths(tmp_path / "wh")
    with build_lock(paths):
        status = main(["run", "--inbox", str(inbox), "--warehouse", str(paths.root), "--quiet"])
    err = capsys.readouterr().err
    assert status == 1
    assert "another scr run is writing" in err and "Traceback" not in err
    assert not paths.published.exists()


def test_manual_codes_override_automatic_codes_and_agreement_is_measured(first_run, tmp_path):
    _, inbox, paths, _ = first_run
    coded = WarehousePaths(tmp_path / "wh")
    coded.root.mkdir()
    shutil.copyfile(paths.published, coded.published)
    with duckdb.connect(str(coded.published), read_only=True) as con:
        rows = con.execute(
            "select recommendation_id, agency_code from reporting.recommendations "
            "where agency_code <> 'probation' order by recommendation_id limit 4"
        ).fetchall()
    coding = tmp_path / "coding"
    coding.mkdir()
    lines = ["recommendation_id,code_type,code,coder"]
    lines += [f"{rec_id},agency,probation,test" for rec_id, _ in rows[:2]]  # disagree
    lines += [f"{rec_id},agency,{agency},test" for rec_id, agency in rows[2:]]  # agree
    lines += ["no-such-id,agency,not_a_code,test"]
    (coding / "corrections.csv").write_text("\n".join(lines) + "\n")
    outcome = run_pipeline(
        inbox=str(inbox), warehouse_dir=str(coded.root), workers=1, manual_codes_dir=str(coding)
    )
    assert outcome.published, outcome.render()
    with duckdb.connect(str(coded.published), read_only=True) as con:
        agencies = dict(
            con.execute(
                "select recommendation_id, agency_code from reporting.recommendations "
                "where recommendation_id in (?, ?)",
                [rows[0][0], rows[1][0]],
            ).fetchall()
        )
        agreement = con.execute(
            "select decisions_compared, agreements, percent_agreement from "
            "reporting.coding_agreement where code_type = 'agency' and code = 'all'"
        ).fetchone()
        issue = con.execute(
            "select path from audit.extraction_issues where stage = 'coding'"
        ).fetchall()
    assert agencies == {rows[0][0]: "probation", rows[1][0]: "probation"}
    assert agreement == (4, 2, 0.5)
    assert issue == [("corrections.csv",)]


def test_published_warehouse_reproduces_the_studys_figures(first_run):
    """DFE-RR157's published figures, from SQL on the warehouse built from the sample corpus."""
    _, _, paths, _ = first_run
    with duckdb.connect(str(paths.published), read_only=True) as con:
        summary = {
            row[0]: row[1:]
            for row in con.execute(
                "select review_group, review_count, recommendation_total, recommendation_min, "
                "recommendation_max, recommendation_mean from reporting.recommendation_count_summary"
            ).fetchall()
        }
        agencies = dict(
            con.execute(
                "select agency_code, sum(recommendation_count) from "
                "reporting.agency_recommendation_counts where is_layer_2 group by agency_code"
            ).fetchall()
        )
        themes = con.execute(
            "select theme_code, reviews_addressing, dfe_rr157_reviews, reviews_in_scope "
            "from reporting.theme_frequencies where dfe_rr157_reviews is not null"
        ).fetchall()
        sample = {
            (c, v): n
            for c, v, n in con.execute(
                "select characteristic, value, review_count from reporting.sample_characteristics"
            ).fetchall()
        }
        layers = con.execute("select review_count from reporting.analysis_layers").fetchall()
    assert summary["all"][:4] == (20, 932, 10, 94)
    assert round(summary["death"][4]) == 55 and summary["death"][0] == 10
    assert round(summary["serious_injury"][4]) == 38 and summary["serious_injury"][0] == 10
    for code, published in {
        "childrens_social_care": 179,
        "community_health": 161,
        "hospital_ambulance": 92,
        "police": 85,
    }.items():
        assert abs(agencies[code] - published) <= 0.02 * published, (code, agencies[code])
    assert len(themes) == 14
    assert [(t, got, want) for t, got, want, _ in themes if abs(got - want) > 1] == []
    assert {scope for *_, scope in themes} == {20}
    assert sample[("outcome", "death")] == 21 and sample[("outcome", "serious_injury")] == 12
    assert sample[("child_sex", "female")] == 18 and sample[("child_sex", "male")] == 15
    assert [sample[("age_band", b)] for b in ("under_1", "1_5", "6_10", "11_plus")] == [14, 7, 6, 6]
    assert layers == [(33,), (20,), (5,)]


def test_same_inbox_in_another_order_with_one_worker_gives_identical_tables(first_run, tmp_path):
    _, inbox, paths, _ = first_run
    other_inbox = tmp_path / "other-inbox"
    other_inbox.mkdir()
    for path in sorted(inbox.iterdir(), reverse=True):  # files land in the opposite order
        shutil.copyfile(path, other_inbox / path.name)
    other = WarehousePaths(tmp_path / "wh")
    outcome = run_pipeline(inbox=str(other_inbox), warehouse_dir=str(other.root), workers=1)
    assert outcome.published, outcome.render()
    assert snapshot(other) == snapshot(paths)


def test_the_warehouse_says_how_far_each_code_can_be_trusted(first_run):
    import csv

    from orchestration.coder_training import PERFORMANCE_PATH

    _, _, paths, _ = first_run
    seed = {
        (r["code_type"], r["code"]): r
        for r in csv.DictReader(PERFORMANCE_PATH.open(encoding="utf-8"))
    }
    with duckdb.connect(str(paths.published), read_only=True) as con:
        rows = con.execute(
            "select code_type, code, f1, support from reporting.coder_performance "
            "where source = 'cross_validation_real'"
        ).fetchall()
        beside_table2 = dict(
            con.execute(
                "select theme_code, coder_f1 from reporting.theme_frequencies "
                "where coder_f1 is not null"
            ).fetchall()
        )
    assert len(rows) == len(seed)
    for code_type, code, f1, support in rows:
        want = seed[(code_type, code)]
        assert support == int(want["support"])
        assert (f1 is None) == (want["f1"] == "") and (
            f1 is None or abs(f1 - float(want["f1"])) < 1e-4
        )
    assert beside_table2["audit"] == pytest.approx(float(seed[("theme", "audit")]["f1"]))
    html = (paths.root / "briefing.html").read_text(encoding="utf-8")
    assert html.count('data-col="coder_f1"') >= 14 and "Coder F1" in html
