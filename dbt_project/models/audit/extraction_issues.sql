select
    document_id,
    path,
    stage,
    severity,
    message,
    extractor_version
from {{ ref('stg_raw__extraction_issues') }}
order by path, stage, message
