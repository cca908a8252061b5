select
    case_theme_code,
    label as case_theme_label
from {{ ref('codebook_case_themes') }}
