-- depends_on: {{ ref('stg_codebook__themes') }}
-- Review x theme: how many of each review's recommendations carry each theme (0 when none).
{%- set themes = codebook_codes(ref('stg_codebook__themes'), 'theme_code', 'theme_code') %}
select
    v.review_id,
    v.has_agency_recommendations,
    {% for theme in themes %}
        coalesce(sum(t.recommendation_count) filter (where t.theme_code = '{{ theme }}'), 0)
        ::integer as {{ theme }}{% if not loop.last %},{% endif %}
    {% endfor %}
from {{ ref('int_study_reviews') }} as v
left join {{ ref('int_review_themes') }} as t on v.review_id = t.review_id
group by v.review_id, v.has_agency_recommendations
order by v.review_id
