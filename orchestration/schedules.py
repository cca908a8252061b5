"""The daily run: picks up anything the sensor missed and refreshes run-dependent tables."""

from __future__ import annotations

import dagster as dg

from orchestration.jobs import scr_pipeline

daily_refresh = dg.ScheduleDefinition(
    name="daily_refresh",
    job=scr_pipeline,
    cron_schedule="0 6 * * *",
    execution_timezone="Europe/London",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
