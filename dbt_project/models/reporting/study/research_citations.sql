-- Every citation of research evidence in a recommendation or an action of the reviews in the
-- study, as printed (DFE-RR157 chapter 5: research evidence was rarely cited).
select
    'recommendation' as source_type,
    r.recommendation_id as source_id,
    r.review_id,
    r.recommendation_id,
    r.label,
    r.research_citation as citation,
    r.text,
    r.page::integer as page,
    r.char_start::bigint as char_start,
    r.char_end::bigint as char_end
from {{ ref('int_recommendations') }} as r
where
    r.research_citation is not null
    and r.review_id in (select s.review_id from {{ ref('int_study_reviews') }} as s)
union all
select
    'action' as source_type,
    a.action_item_id as source_id,
    a.review_id,
    a.recommendation_id,
    a.recommendation_label,
    a.research_citation as citation,
    a.action,
    a.page,
    a.char_start,
    a.char_end
from {{ ref('action_plan_actions') }} as a
where a.research_citation is not null
order by review_id asc, source_type desc, source_id asc
