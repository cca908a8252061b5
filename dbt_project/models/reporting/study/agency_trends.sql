-- Table 1's agency shares over time and across document kinds: per period and agency category,
-- the recommendations addressed to it and their share of the period's recommendations.
with periods as (
    select * from {{ ref('int_review_periods') }}
),

counts as (
    select
        p.dimension,
        p.period,
        min(p.year) as year,
        r.agency_code,
        count(*) as recommendation_count
    from periods as p
    inner join {{ ref('int_recommendations') }} as r on p.review_id = r.review_id
    group by p.dimension, p.period, r.agency_code
),

totals as (
    select
        dimension,
        period,
        min(year) as year,
        sum(recommendation_count) as period_recommendations
    from counts
    group by dimension, period
)

select
    t.dimension,
    t.period,
    t.year::integer as year,
    a.agency_code,
    a.agency_label,
    coalesce(c.recommendation_count, 0)::integer as recommendation_count,
    t.period_recommendations::integer as period_recommendations,
    round(coalesce(c.recommendation_count, 0) / t.period_recommendations, 4)::double
        as share_of_recommendations
from totals as t
cross join {{ ref('stg_codebook__agencies') }} as a
left join counts as c
    on t.dimension = c.dimension and t.period = c.period and a.agency_code = c.agency_code
order by t.dimension, t.period, a.agency_code
