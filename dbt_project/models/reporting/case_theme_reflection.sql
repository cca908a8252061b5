select
    f.review_id,
    f.case_theme_code,
    c.case_theme_label,
    f.is_reflected,
    f.reflecting_recommendation_count::integer as reflecting_recommendation_count,
    f.reflecting_recommendation_ids
from {{ ref('int_case_theme_reflection') }} as f
inner join {{ ref('stg_codebook__case_themes') }} as c on f.case_theme_code = c.case_theme_code
order by f.review_id, f.case_theme_code
