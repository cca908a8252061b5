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
    status = 'ok' as is_loaded,
    document_kind,
    kind_evidence,
    -- the study's tables (DFE-RR157) are computed over these kinds (var study_document_kinds)
    coalesce(document_kind in (
        {%- for kind in var('study_document_kinds') %}'{{ kind }}'{{ ", " if not loop.last }}{% endfor -%}
    ), false) as is_in_study
from {{ source('raw', 'documents') }}
