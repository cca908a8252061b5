-- Only reviews of documents that loaded; a quarantined file has no review.
select
    r.review_id,
    r.document_id,
    d.path,
    r.title,
    r.area,
    r.year,
    d.document_kind,
    d.is_in_study,
    r.outcome,
    -- case facts are read from case reviews only; null for other kinds of document
    case when d.document_kind is null or d.document_kind in ('serious_case_review', 'practice_review', 'rapid_review')
        then coalesce(r.child_sex, 'unknown') end as child_sex,
    r.child_age_years,
    r.age_band,
    r.children_count,
    r.has_agency_recommendations,
    r.has_action_plan
from {{ source('raw', 'reviews') }} as r
inner join {{ ref('stg_raw__documents') }} as d
    on r.document_id = d.document_id and d.is_loaded
