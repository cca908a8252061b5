select
    c.recommendation_id,
    r.review_id,
    c.code as theme_code,
    t.theme_label,
    t.layer_code as theme_layer_code,
    l.layer_label as theme_layer_label,
    c.method,
    c.confidence,
    c.evidence
from {{ ref('int_recommendation_codes') }} as c
inner join {{ ref('int_recommendations') }} as r on c.recommendation_id = r.recommendation_id
inner join {{ ref('stg_codebook__themes') }} as t on c.code = t.theme_code
left join {{ ref('stg_codebook__layers') }} as l on t.layer_code = l.layer_code
where c.code_type = 'theme'
order by c.recommendation_id, c.code
