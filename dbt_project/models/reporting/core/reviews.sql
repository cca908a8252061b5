with recommendation_counts as (
    select
        review_id,
        count(*) as recommendation_count
    from {{ ref('int_recommendations') }}
    group by review_id
)

select
    r.review_id,
    r.document_id,
    r.path,
    r.title,
    r.area,
    r.year,
    r.document_kind,
    r.is_in_study,
    r.outcome,
    r.child_sex,
    r.child_age_years,
    r.age_band,
    r.children_count,
    r.has_agency_recommendations,
    r.has_action_plan,
    coalesce(c.recommendation_count, 0)::integer as recommendation_count
from {{ ref('int_reviews') }} as r
left join recommendation_counts as c on r.review_id = c.review_id
order by r.review_id
