{{ config(materialized="view") }}
-- A view: the publish step writes the run's checks after dbt has built the tables.
select
    run_id,
    asset_key,
    check_name,
    passed,
    severity,
    description
from {{ ref('stg_raw__check_results') }}
order by run_id, asset_key, check_name
