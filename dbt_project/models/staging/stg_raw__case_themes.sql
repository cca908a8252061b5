select
    review_id,
    document_id,
    case_theme_code,
    method,
    confidence,
    evidence,
    page,
    char_start,
    char_end
from {{ source('raw', 'case_themes') }}
