select
    run_id,
    suite,
    table_name,
    expectation,
    column_name,
    is_success,
    is_blocking,
    element_count,
    unexpected_count,
    details
from {{ ref('stg_raw__data_quality_results') }}
order by run_id, suite, expectation, column_name
