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
from {{ source('raw', 'data_quality_results') }}
