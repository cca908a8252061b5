select
    recommendation_id,
    review_id,
    document_id,
    ordinal,
    label,
    text,
    section,
    agency_as_printed,
    agency_code,
    layer_code,
    page,
    char_start,
    char_end
from {{ ref('int_recommendations') }}
order by recommendation_id
