-- Table 1's total row: recommendations per agency category over the reviews in scope (with
-- individual agency recommendations), beside the totals DFE-RR157's text gives.
with in_scope as (
    select
        r.agency_code,
        r.review_id,
        r.recommendation_id
    from {{ ref('int_recommendations') }} as r
    inner join {{ ref('int_study_reviews') }} as v on r.review_id = v.review_id
    where v.has_agency_recommendations
)

select
    a.agency_code,
    a.agency_label,
    a.table1_order::integer as table1_order,
    count(distinct i.review_id)::integer as reviews_addressing,
    count(i.recommendation_id)::integer as recommendation_count,
    d.dfe_rr157_recommendations,
    d.dfe_rr157_is_confirmed
from {{ ref('stg_codebook__agencies') }} as a
left join in_scope as i on a.agency_code = i.agency_code
left join {{ ref('stg_codebook__dfe_rr157_table1_totals') }} as d on a.agency_code = d.agency_code
group by all
order by table1_order, a.agency_code
