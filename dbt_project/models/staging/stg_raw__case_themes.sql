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
where review_id in (select review_id from {{ ref('stg_raw__reviews') }})
