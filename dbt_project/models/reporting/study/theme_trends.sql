-- Table 2 over time and across document kinds: per period and theme, how many of the period's
-- reviews address the theme and how many recommendations carry it.
with periods as (
    select * from {{ ref('int_review_periods') }}
),

sizes as (
    select
        dimension,
        period,
        min(year) as year,
        count(*) as reviews_in_period
    from periods
    group by dimension, period
),

addressed as (
    select
        p.dimension,
        p.period,
        t.theme_code,
        count(distinct t.review_id) as reviews_addressing,
        sum(t.recommendation_count) as recommendation_count
    from periods as p
    inner join {{ ref('int_review_themes') }} as t on p.review_id = t.review_id
    group by p.dimension, p.period, t.theme_code
)

select
    s.dimension,
    s.period,
    s.year::integer as year,
    th.theme_code,
    th.theme_label,
    s.reviews_in_period::integer as reviews_in_period,
    coalesce(a.reviews_addressing, 0)::integer as reviews_addressing,
    round(coalesce(a.reviews_addressing, 0) / s.reviews_in_period, 4)::double as share_addressing,
    coalesce(a.recommendation_count, 0)::integer as recommendation_count
from sizes as s
cross join {{ ref('stg_codebook__themes') }} as th
left join addressed as a
    on s.dimension = a.dimension and s.period = a.period and th.theme_code = a.theme_code
order by s.dimension, s.period, th.theme_code
