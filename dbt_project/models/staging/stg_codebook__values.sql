select
    value_set,
    code,
    label as code_label,
    sort_order
from {{ ref('codebook_values') }}
