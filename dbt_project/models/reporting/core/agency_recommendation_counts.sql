-- Table 1 (long form): recommendations per review and agency category, over every review.
-- `is_layer_2` marks the reviews with individual agency recommendations, the study's Table 1 rows.
select
    r.review_id,
    r.agency_code,
    a.agency_label,
    a.table1_order::integer as table1_order,
    v.outcome,
    v.has_agency_recommendations as is_layer_2,
    count(*)::integer as recommendation_count
from {{ ref('int_recommendations') }} as r
inner join {{ ref('int_study_reviews') }} as v on r.review_id = v.review_id
inner join {{ ref('stg_codebook__agencies') }} as a on r.agency_code = a.agency_code
group by all
order by r.review_id, table1_order
