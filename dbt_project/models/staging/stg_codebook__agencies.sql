select
    agency_code,
    label as agency_label,
    table1_order
from {{ ref('codebook_agencies') }}
