select
    case_theme_code,
    theme_code
from {{ ref('codebook_case_theme_reflection') }}
