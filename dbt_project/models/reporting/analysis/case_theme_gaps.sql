-- Per review, what the case shows but no recommendation answers: case themes reflected by no
-- recommendation, and agencies involved in the case (named at least twice in the narrative)
-- that no recommendation addresses, as primary or as another agency named.
with addressed_agencies as (
    select distinct
        r.review_id,
        c.code as agency_code
    from {{ ref('int_recommendations') }} as r
    inner join {{ ref('int_recommendation_codes') }} as c
        on r.recommendation_id = c.recommendation_id and c.code_type = 'agency'
)

select
    f.review_id,
    'case_theme' as gap_type,
    f.case_theme_code as code,
    c.case_theme_label as label
from {{ ref('int_case_theme_reflection') }} as f
inner join {{ ref('stg_codebook__case_themes') }} as c on f.case_theme_code = c.case_theme_code
where not f.is_reflected
union all
select
    a.review_id,
    'agency' as gap_type,
    a.agency_code as code,
    g.agency_label as label
from {{ ref('int_loaded_case_agencies') }} as a
inner join {{ ref('stg_codebook__agencies') }} as g on a.agency_code = g.agency_code
anti join addressed_agencies as d
    on a.review_id = d.review_id and a.agency_code = d.agency_code
order by review_id, gap_type, code
