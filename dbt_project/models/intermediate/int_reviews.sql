-- Reviews of loaded documents only (a quarantined file has no review), with their document's
-- kind and whether the study counts it.
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
    case
        when d.document_kind is null or d.is_case_review
            then coalesce(r.child_sex, 'unknown')
    end as child_sex,
    r.child_age_years,
    r.age_band,
    r.children_count,
    r.has_agency_recommendations,
    r.has_action_plan
from {{ ref('stg_raw__reviews') }} as r
inner join {{ ref('int_documents') }} as d
    on r.document_id = d.document_id and d.is_loaded
