select
    theme_code,
    label as theme_label,
    layer_code,
    table2_order,
    table2_reviews as dfe_rr157_reviews
from {{ ref('codebook_themes') }}
