-- Chapter 5, one row per action of the action plans of the reviews in the study: the
-- recommendation it answers, who is responsible, its time frame, whether it is training and the
-- training's impact is measured, and any research it cites.
with items as (
    select *
    from {{ ref('int_loaded_action_plan_items') }}
    where review_id in (select s.review_id from {{ ref('int_study_reviews') }} as s)
),

labelled as (  -- a label printed twice in one report answers to its first recommendation
    select
        review_id,
        label,
        min(recommendation_id) as recommendation_id
    from {{ ref('int_recommendations') }}
    group by review_id, label
)

select
    i.action_item_id,
    i.review_id,
    i.ordinal::integer as ordinal,
    i.recommendation_label,
    l.recommendation_id,
    i.action,
    i.lead,
    coalesce(i.has_named_lead, false) as has_named_lead,
    i.timescale,
    coalesce(trim(i.timescale), '') <> '' as has_timescale,
    i.timescale_months::double as timescale_months,
    coalesce(i.is_training, false) as is_training,
    i.training_impact_measured,
    i.research_citation,
    i.research_citation is not null as cites_research,
    i.measure,
    i.status,
    i.page::integer as page,
    i.char_start::bigint as char_start,
    i.char_end::bigint as char_end
from items as i
left join labelled as l
    on i.review_id = l.review_id and i.recommendation_label = l.label
order by i.review_id, i.ordinal
