-- depends_on: {{ ref('stg_codebook__agencies') }}
-- Table 1 as the study lays it out: one row per review with individual agency recommendations,
-- one column per agency category (codebook order), and the review's total. `review_label` tells
-- the rows apart: the title with the area and year, and the review id when even those repeat.
{%- set agencies = codebook_codes(ref('stg_codebook__agencies'), 'agency_code', 'table1_order') %}
with counts as (
    select
        v.review_id,
        v.title,
        v.area,
        v.year,
        v.outcome,
        {% for agency in agencies %}
            count(*) filter (where r.agency_code = '{{ agency }}')::integer as {{ agency }},
        {% endfor %}
        count(r.recommendation_id)::integer as total
    from {{ ref('int_study_reviews') }} as v
    left join {{ ref('int_recommendations') }} as r on v.review_id = r.review_id
    where v.has_agency_recommendations
    group by v.review_id, v.title, v.area, v.year, v.outcome
),

labelled as (
    select
        *,
        coalesce(nullif(trim(title), ''), 'Review ' || review_id)
        || coalesce(
            ' (' || nullif(concat_ws(', ', nullif(trim(area), ''), year::varchar), '') || ')', ''
        ) as area_year_label
    from counts
)

select
    review_id,
    case
        when count(*) over (partition by area_year_label) > 1
            then area_year_label || ' [' || review_id || ']'
        else area_year_label
    end as review_label,
    title,
    area,
    year,
    outcome,
    outcome = 'serious_injury' as is_serious_injury,
    {% for agency in agencies %}
        {{ agency }},
    {% endfor %}
    total
from labelled
order by review_id
