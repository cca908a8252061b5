-- case_theme_reflection's recommendation ids in long form: one row per review, case theme
-- present in its narrative and recommendation of the review that reflects it.
select
    f.review_id,
    f.case_theme_code,
    c.case_theme_label,
    unnest(f.reflecting_recommendation_ids) as recommendation_id
from {{ ref('int_case_theme_reflection') }} as f
inner join {{ ref('stg_codebook__case_themes') }} as c on f.case_theme_code = c.case_theme_code
order by f.review_id, f.case_theme_code, recommendation_id
