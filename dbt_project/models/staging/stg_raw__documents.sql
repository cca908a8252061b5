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
    status = 'ok' as is_loaded
from {{ source('raw', 'documents') }}
