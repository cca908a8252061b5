{{ config(materialized="view") }}
-- A view: the publish step appends the current run after dbt has built the tables.
select
    run_id,
    started_at,
    finished_at,
    documents_seen,
    documents_new,
    documents_quarantined,
    documents_removed,
    recommendations,
    outcome
from {{ ref('stg_raw__runs') }}
order by started_at, run_id
