select
    document_kind,
    label as document_kind_label,
    is_case_review,
    sort_order
from {{ ref('codebook_document_kinds') }}
