-- One row per recommendation with its primary agency and its own layer resolved.
with codes as (
    select * from {{ ref('int_recommendation_codes') }}
),

agency as (
    select
        recommendation_id,
        code as agency_code
    from codes
    where code_type = 'agency' and is_primary
),

layer as (
    select
        recommendation_id,
        min(code) as layer_code
    from codes
    where code_type = 'layer'
    group by recommendation_id
)

select
    r.recommendation_id,
    r.review_id,
    r.document_id,
    r.ordinal,
    r.label,
    r.text,
    r.section,
    r.agency_as_printed,
    coalesce(a.agency_code, 'miscellaneous') as agency_code,
    coalesce(l.layer_code, 'case_management') as layer_code,
    r.page,
    r.char_start,
    r.char_end,
    r.research_citation
from {{ ref('int_loaded_recommendations') }} as r
left join agency as a on r.recommendation_id = a.recommendation_id
left join layer as l on r.recommendation_id = l.recommendation_id
