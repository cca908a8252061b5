-- Table 2: how many reviews in scope (those with individual agency recommendations, the study's
-- layer 2) address each theme, and how many of their recommendations carry it.
with in_scope as (
    select review_id from {{ ref('int_study_reviews') }}
    where has_agency_recommendations
),

scope_size as (
    select count(*)::integer as reviews_in_scope from in_scope
),

addressed as (
    select
        theme_code,
        count(distinct review_id)::integer as reviews_addressing,
        sum(recommendation_count)::integer as recommendation_count
    from {{ ref('int_review_themes') }}
    where review_id in (select s.review_id from in_scope as s)
    group by theme_code
),

addressed_any_review as (
    select
        theme_code,
        count(distinct review_id)::integer as reviews_addressing_all
    from {{ ref('int_review_themes') }}
    group by theme_code
)

select
    t.theme_code,
    t.theme_label,
    t.layer_code,
    l.layer_label,
    coalesce(a.reviews_addressing, 0)::integer as reviews_addressing,
    s.reviews_in_scope,
    coalesce(a.recommendation_count, 0)::integer as recommendation_count,
    coalesce(x.reviews_addressing_all, 0)::integer as reviews_addressing_all,
    t.table2_order::integer as table2_order,
    t.dfe_rr157_reviews::integer as dfe_rr157_reviews,
    round(cv.f1, 4)::double as coder_f1,
    cv.support::integer as coder_support
from {{ ref('stg_codebook__themes') }} as t
cross join scope_size as s
left join {{ ref('stg_codebook__layers') }} as l on t.layer_code = l.layer_code
left join addressed as a on t.theme_code = a.theme_code
left join addressed_any_review as x on t.theme_code = x.theme_code
left join {{ ref('stg_coding__coder_performance_cv') }} as cv
    on cv.code_type = 'theme' and t.theme_code = cv.code
order by reviews_addressing desc, t.theme_code asc
