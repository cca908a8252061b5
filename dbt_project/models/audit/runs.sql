{{ config(materialized="view") }}
-- A view: the publish step appends the current run, and its checks, after dbt has built the tables.
with checks as (
    select
        run_id,
        count(*) filter (where passed) as checks_passed,
        count(*) filter (where not passed) as checks_failed,
        count(*) filter (where not passed and severity = 'ERROR') as checks_failed_blocking
    from {{ ref('stg_raw__check_results') }}
    group by run_id
)

select
    r.run_id,
    r.started_at,
    r.finished_at,
    r.documents_seen,
    r.documents_new,
    r.documents_quarantined,
    r.documents_removed,
    r.recommendations,
    c.checks_passed::integer as checks_passed,
    c.checks_failed::integer as checks_failed,
    c.checks_failed_blocking::integer as checks_failed_blocking,
    r.outcome
from {{ ref('stg_raw__runs') }} as r
left join checks as c on r.run_id = c.run_id
order by r.started_at, r.run_id
