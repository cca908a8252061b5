select
    document_id,
    path,
    stage,
    severity,
    message,
    extractor_version
from {{ source('raw', 'extraction_issues') }}
