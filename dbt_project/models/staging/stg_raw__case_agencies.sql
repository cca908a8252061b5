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
