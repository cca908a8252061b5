select
    recommendation_id,
    review_id,
    document_id,
    ordinal,
    label,
    text,
    section,
    agency_as_printed,
    page,
    char_start,
    char_end,
    extractor_version,
    research_citation
from {{ source('raw', 'recommendations') }}
