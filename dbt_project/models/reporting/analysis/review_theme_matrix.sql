-- depends_on: {{ ref('stg_codebook__themes') }}
-- Review x theme: how many of each review's recommendations carry each theme (0 when none).
{%- set themes = [] -%}
{%- if execute -%}
    {%- set themes = run_query(
        "select theme_code from " ~ ref('stg_codebook__themes') ~ " order by theme_code"
    ).columns[0].values() -%}
{%- endif %}
select
    v.review_id,
    v.has_agency_recommendations,
    {%- for theme in themes %}
    coalesce(sum(t.recommendation_count) filter (where t.theme_code = '{{ theme }}'), 0)::integer
        as {{ theme }}{{ "," if not loop.last }}
    {%- endfor %}
from {{ ref('int_study_reviews') }} as v
left join {{ ref('int_review_themes') }} as t on v.review_id = t.review_id
group by v.review_id, v.has_agency_recommendations
order by v.review_id
