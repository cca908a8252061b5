-- depends_on: {{ ref('stg_codebook__agencies') }}
-- Table 1 as the study lays it out: one row per review with individual agency recommendations,
-- one column per agency category (codebook order), and the review's total.
{%- set agencies = [] -%}
{%- if execute -%}
    {%- set agencies = run_query(
        "select agency_code from " ~ ref('stg_codebook__agencies') ~ " order by table1_order"
    ).columns[0].values() -%}
{%- endif %}
select
    v.review_id,
    v.outcome,
    v.outcome = 'serious_injury' as is_serious_injury,
    {%- for agency in agencies %}
    count(*) filter (where r.agency_code = '{{ agency }}')::integer as {{ agency }},
    {%- endfor %}
    count(r.recommendation_id)::integer as total
from {{ ref('stg_raw__reviews') }} as v
left join {{ ref('int_recommendations') }} as r on v.review_id = r.review_id
where v.has_agency_recommendations
group by v.review_id, v.outcome
order by v.review_id
