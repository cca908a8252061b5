select
    r.recommendation_id,
    r.review_id,
    r.document_id,
    r.ordinal,
    r.label,
    r.text,
    r.section,
    r.agency_as_printed,
    r.agency_code,
    a.agency_label,
    r.layer_code,
    l.layer_label,
    r.page,
    r.char_start,
    r.char_end,
    r.research_citation,
    r.research_citation is not null as cites_research
from {{ ref('int_recommendations') }} as r
left join {{ ref('stg_codebook__agencies') }} as a on r.agency_code = a.agency_code
left join {{ ref('stg_codebook__layers') }} as l on r.layer_code = l.layer_code
order by r.recommendation_id
