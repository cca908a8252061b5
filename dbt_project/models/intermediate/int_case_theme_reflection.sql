-- For each review and each case theme present in its narrative: is the theme reflected, i.e. does
-- at least one of the review's recommendations carry a theme that the codebook says reflects it?
with present as (
    select distinct
        review_id,
        case_theme_code
    from {{ ref('int_loaded_case_themes') }}
),

reflecting as (
    select
        p.review_id,
        p.case_theme_code,
        c.recommendation_id
    from present as p
    inner join {{ ref('stg_codebook__case_theme_reflection') }} as m
        on p.case_theme_code = m.case_theme_code
    inner join {{ ref('int_recommendations') }} as r
        on p.review_id = r.review_id
    inner join {{ ref('int_recommendation_codes') }} as c
        on
            r.recommendation_id = c.recommendation_id
            and c.code_type = 'theme'
            and m.theme_code = c.code
)

select
    p.review_id,
    p.case_theme_code,
    count(distinct f.recommendation_id) > 0 as is_reflected,
    count(distinct f.recommendation_id) as reflecting_recommendation_count,
    coalesce(
        list(distinct f.recommendation_id order by f.recommendation_id)
        filter (where f.recommendation_id is not null),
        []::varchar[]
    ) as reflecting_recommendation_ids
from present as p
left join reflecting as f
    on p.review_id = f.review_id and p.case_theme_code = f.case_theme_code
group by p.review_id, p.case_theme_code
