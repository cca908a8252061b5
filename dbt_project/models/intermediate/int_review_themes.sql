-- Which themes each review's recommendations address, and how many recommendations each.
select
    r.review_id,
    c.code as theme_code,
    count(distinct r.recommendation_id) as recommendation_count
from {{ ref('int_recommendations') }} as r
inner join {{ ref('int_recommendation_codes') }} as c
    on r.recommendation_id = c.recommendation_id and c.code_type = 'theme'
group by r.review_id, c.code
