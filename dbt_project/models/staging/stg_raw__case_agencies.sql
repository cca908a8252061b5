select
    review_id,
    document_id,
    agency_code,
    mentions,
    evidence,
    page,
    char_start,
    char_end
from {{ source('raw', 'case_agencies') }}
where review_id in (select review_id from {{ ref('stg_raw__reviews') }})
