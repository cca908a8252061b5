-- Table 3: per case theme, in the reviews in scope (with individual agency recommendations), how
-- many cases show it and in how many it is reflected in a recommendation.
with in_scope as (
    select review_id from {{ ref('int_study_reviews') }}
    where has_agency_recommendations
),

per_theme as (
    select
        case_theme_code,
        count(*) as reviews_with_theme,
        count(*) filter (where is_reflected) as reviews_reflected
    from {{ ref('int_case_theme_reflection') }}
    where review_id in (select s.review_id from in_scope as s)
    group by case_theme_code
),

coder as (  -- the weakest cross-validated F1 among the themes that answer the case theme
    select
        r.case_theme_code,
        min(cv.f1) as coder_f1,
        min(cv.support) as coder_support
    from {{ ref('stg_codebook__case_theme_reflection') }} as r
    inner join {{ ref('stg_coding__coder_performance_cv') }} as cv
        on cv.code_type = 'theme' and r.theme_code = cv.code
    group by r.case_theme_code
)

select
    c.case_theme_code,
    c.case_theme_label,
    coalesce(p.reviews_with_theme, 0)::integer as reviews_with_theme,
    coalesce(p.reviews_reflected, 0)::integer as reviews_reflected,
    case
        when coalesce(p.reviews_with_theme, 0) = 0 then null
        else round(p.reviews_reflected / p.reviews_with_theme, 4)
    end::double as share_reflected,
    d.dfe_rr157_finding,
    d.dfe_rr157_finding_label,
    round(k.coder_f1, 4)::double as coder_f1,
    k.coder_support::integer as coder_support
from {{ ref('stg_codebook__case_themes') }} as c
left join per_theme as p on c.case_theme_code = p.case_theme_code
left join {{ ref('stg_codebook__dfe_rr157_table3_findings') }} as d
    on c.case_theme_code = d.case_theme_code
left join coder as k on c.case_theme_code = k.case_theme_code
order by reviews_with_theme desc, c.case_theme_code asc
