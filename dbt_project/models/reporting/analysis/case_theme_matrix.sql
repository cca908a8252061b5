-- depends_on: {{ ref('stg_codebook__case_themes') }}
-- Case x case theme: 0 the theme is absent from the case, 1 present but reflected by no
-- recommendation, 2 present and reflected.
{%- set case_themes = codebook_codes(
    ref('stg_codebook__case_themes'), 'case_theme_code', 'case_theme_code'
) %}
select
    v.review_id,
    v.has_agency_recommendations,
    {% for case_theme in case_themes %}
        coalesce(
            max(case when f.is_reflected then 2 else 1 end)
            filter (where f.case_theme_code = '{{ case_theme }}'),
            0
        )::integer as {{ case_theme }}{% if not loop.last %},{% endif %}
    {% endfor %}
from {{ ref('int_study_reviews') }} as v
left join {{ ref('int_case_theme_reflection') }} as f on v.review_id = f.review_id
group by v.review_id, v.has_agency_recommendations
order by v.review_id
