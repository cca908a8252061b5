select
    document_id,
    path,
    media_type,
    bytes as byte_count,
    pages as page_count,
    status,
    error_message,
    extractor_version,
    first_seen_at,
    last_seen_at,
    document_kind,
    kind_evidence
from {{ source('raw', 'documents') }}
