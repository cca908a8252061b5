select
    recommendation_id,
    document_id,
    code_type,
    code,
    is_primary,
    method,
    confidence,
    evidence
from {{ source('raw', 'recommendation_codes') }}
