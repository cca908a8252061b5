-- The sample's characteristics (chapter 2) over every review: counts and shares.
with reviews as (
    select * from {{ ref('int_study_reviews') }}
),

total as (
    select count(*) as review_total from reviews
),

long as (
    select
        'outcome' as characteristic,
        coalesce(outcome, 'unknown') as value
    from reviews
    union all
    select
        'child_sex' as characteristic,
        child_sex as value
    from reviews
    union all
    select
        'age_band' as characteristic,
        coalesce(age_band, 'unknown') as value
    from reviews
)

select
    l.characteristic,
    l.value,
    count(*)::integer as review_count,
    round(count(*) / any_value(t.review_total), 4)::double as share
from long as l
cross join total as t
group by l.characteristic, l.value
order by l.characteristic, l.value
