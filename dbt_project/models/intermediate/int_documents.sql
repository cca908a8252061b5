-- Every file seen, with whether it loaded (quarantined files did not) and whether the study's
-- tables (DFE-RR157) count it: its kind is one of var study_document_kinds when that is set,
-- else a case review by the codebook (codebook_document_kinds.is_case_review).
{%- set study_kinds = var('study_document_kinds', none) %}
select
    d.document_id,
    d.path,
    d.media_type,
    d.byte_count,
    d.page_count,
    d.status,
    d.error_message,
    d.extractor_version,
    d.first_seen_at,
    d.last_seen_at,
    d.status = 'ok' as is_loaded,
    d.document_kind,
    d.kind_evidence,
    coalesce(k.is_case_review, false) as is_case_review,
    {% if study_kinds is none -%}
        coalesce(k.is_case_review, false)
    {%- else -%}
    coalesce(d.document_kind in (
        {%- for kind in study_kinds %}'{{ kind }}'{{ ", " if not loop.last }}{% endfor -%}
    ), false)
    {%- endif %} as is_in_study
from {{ ref('stg_raw__documents') }} as d
left join {{ ref('stg_codebook__document_kinds') }} as k
    on d.document_kind = k.document_kind
