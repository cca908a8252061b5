-- Per review and case theme present in its narrative: is it reflected, and by which
-- recommendations. The ids are a flat text here (BI tools read no list type); the long table
-- case_theme_reflecting_recommendations holds the same facts one id a row.
select
    f.review_id,
    v.has_agency_recommendations,
    f.case_theme_code,
    c.case_theme_label,
    f.is_reflected,
    f.reflecting_recommendation_count::integer as reflecting_recommendation_count,
    array_to_string(f.reflecting_recommendation_ids, ', ') as reflecting_recommendation_ids
from {{ ref('int_case_theme_reflection') }} as f
inner join {{ ref('stg_codebook__case_themes') }} as c on f.case_theme_code = c.case_theme_code
inner join {{ ref('int_study_reviews') }} as v on f.review_id = v.review_id
order by f.review_id, f.case_theme_code
