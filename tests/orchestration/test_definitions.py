import dagster as dg

from orchestration.definitions import defs

REPORTING_TABLES = {
    "reviews",
    "recommendations",
    "recommendation_themes",
    "agency_recommendation_counts",
    "theme_frequencies",
    "case_theme_matching",
    "case_theme_reflection",
    "sample_characteristics",
    "recommendation_count_summary",
    "action_plan_smart",
    "analysis_layers",
    "agency_totals",
    "table1_agency_by_review",
    "review_theme_matrix",
    "case_theme_matrix",
    "coding_agreement",
    "coder_performance",
    "recurring_recommendations",
    "case_theme_gaps",
    "case_theme_reflecting_recommendations",
    # the rest of the study (issue 15): chapter 3, chapter 5 in full, trends
    "theme_exemplars",
    "action_plan_actions",
    "action_plans",
    "action_plan_findings",
    "research_citations",
    "theme_trends",
    "agency_trends",
    "case_theme_trends",
}
# The run log, in its own schema: it grows with every run.
AUDIT_TABLES = {"runs", "check_results", "data_quality_results", "extraction_issues"}


def test_definitions_load():
    dg.Definitions.validate_loadable(defs)


def test_graph_runs_from_raw_tables_through_dbt_to_publish():
    keys = {key.to_user_string() for key in defs.resolve_all_asset_keys()}
    assert {"raw/recommendations", "raw/documents", "warehouse/published"} <= keys
    assert {f"reporting/{table}" for table in REPORTING_TABLES} <= keys
    assert {f"audit/{table}" for table in AUDIT_TABLES} <= keys
    assert not {f"reporting/{table}" for table in AUDIT_TABLES} & keys
    assert {"staging/stg_raw__reviews", "intermediate/int_case_theme_reflection"} <= keys


def test_great_expectations_checks_are_blocking():
    specs = [
        spec
        for checks in defs.asset_checks or []
        for spec in checks.check_specs
        if spec.name == "great_expectations"
    ]
    assert {spec.asset_key.to_user_string() for spec in specs} >= {
        "raw/recommendations",
        "raw/recommendation_codes",
        "raw/reviews",
    }
    assert all(spec.blocking for spec in specs)


def test_job_runs_in_one_process_with_a_schedule_and_an_inbox_sensor():
    job = defs.resolve_job_def("scr_pipeline")
    assert job.executor_def.name == "in_process"
    assert defs.resolve_schedule_def("daily_refresh").cron_schedule == "0 6 * * *"
    sensor = defs.resolve_sensor_def("inbox_sensor")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING


def test_dbt_assets_are_described_by_their_models_without_the_sql():
    import json

    from orchestration.dbt_project import dbt_project

    manifest = json.loads(dbt_project().manifest_path.read_text())
    models = {
        f"{node['config']['schema']}/{node['name']}": node["description"]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
    }
    specs = {
        spec.key.to_user_string(): spec
        for assets in defs.assets or []
        if isinstance(assets, dg.AssetsDefinition)
        for spec in assets.specs
    }
    for key in ("reporting/reviews", "reporting/table1_agency_by_review", "audit/runs"):
        description = specs[key].description
        assert description == models[key].strip(), key
        assert "Raw SQL" not in description and "select" not in description.lower(), key
    # every dbt model is described, so no asset falls back to "dbt model <name>"
    assert all(description.strip() for description in models.values())
