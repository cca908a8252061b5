select
    layer_code,
    label as layer_label,
    figure2_order
from {{ ref('codebook_layers') }}
