-- Table 3 over time and across document kinds: per period, how many (review, case theme) pairs
-- its cases show and how many of them its recommendations reflect.
with periods as (
    select * from {{ ref('int_review_periods') }}
),

pairs as (
    select
        p.dimension,
        p.period,
        p.year,
        p.review_id,
        c.case_theme_code,
        c.is_reflected
    from periods as p
    left join {{ ref('int_case_theme_reflection') }} as c on p.review_id = c.review_id
)

select
    dimension,
    period,
    min(year)::integer as year,
    count(distinct review_id)::integer as reviews_in_period,
    count(distinct review_id) filter (where case_theme_code is not null)::integer
        as reviews_with_case_themes,
    count(case_theme_code)::integer as case_themes_present,
    count(*) filter (where is_reflected)::integer as case_themes_reflected,
    case
        when count(case_theme_code) = 0 then null
        else round(count(*) filter (where is_reflected) / count(case_theme_code), 4)
    end::double as share_reflected
from pairs
group by dimension, period
order by dimension, period
