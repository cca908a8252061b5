-- Number of recommendations per review (chapter 2) over the reviews in scope (with individual
-- agency recommendations): in all and by outcome.
with per_review as (
    select
        review_id,
        outcome,
        recommendation_count
    from {{ ref('reviews') }}
    where has_agency_recommendations and is_in_study
),

grouped as (
    select
        'all' as review_group,
        *
    from per_review
    union all
    select
        outcome,
        *
    from per_review
    where outcome is not null
)

select
    review_group,
    count(*)::integer as review_count,
    sum(recommendation_count)::integer as recommendation_total,
    min(recommendation_count)::integer as recommendation_min,
    max(recommendation_count)::integer as recommendation_max,
    round(avg(recommendation_count), 2)::double as recommendation_mean
from grouped
group by review_group
order by review_group
