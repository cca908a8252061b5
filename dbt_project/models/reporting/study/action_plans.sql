-- Chapter 5, one row per review in the study with an action plan: proliferation (actions per
-- recommendation, the plan's length beside the review's recommendations), time frames,
-- training impact, research cited and delegated responsibility.
with actions as (
    select * from {{ ref('action_plan_actions') }}
),

per_recommendation as (  -- the plan's recommendations, each with a timescale on some action
    select
        review_id,
        recommendation_label,
        bool_or(has_timescale) as has_timescale
    from actions
    where recommendation_label is not null
    group by review_id, recommendation_label
),

recommendation_timescales as (
    select
        review_id,
        count(*) as plan_recommendations,
        count(*) filter (where has_timescale) as recommendations_with_timescale
    from per_recommendation
    group by review_id
),

recommendations as (
    select
        review_id,
        count(*) as recommendation_count,
        count(*) filter (where research_citation is not null) as recommendations_citing_research
    from {{ ref('int_recommendations') }}
    group by review_id
),

per_plan as (
    select
        review_id,
        count(*) as action_count,
        max(page) - min(page) + 1 as plan_pages,
        max(timescale_months) as longest_timescale_months,
        count(*) filter (where has_timescale) as actions_with_timescale,
        count(*) filter (where timescale_months is not null) as actions_with_time_frame,
        count(*) filter (where is_training) as training_actions,
        count(*) filter (where training_impact_measured) as training_actions_impact_measured,
        count(*) filter (where cites_research) as actions_citing_research,
        count(*) filter (where has_named_lead) as actions_with_named_lead
    from actions
    group by review_id
)

select
    p.review_id,
    v.title,
    v.year,
    coalesce(r.recommendation_count, 0)::integer as recommendation_count,
    coalesce(t.plan_recommendations, 0)::integer as plan_recommendations,
    p.action_count::integer as action_count,
    round(p.action_count / nullif(t.plan_recommendations, 0), 4)::double
        as actions_per_recommendation,
    p.plan_pages::integer as plan_pages,
    p.longest_timescale_months::double as longest_timescale_months,
    p.actions_with_timescale::integer as actions_with_timescale,
    round(p.actions_with_timescale / p.action_count, 4)::double as share_actions_with_timescale,
    p.actions_with_time_frame::integer as actions_with_time_frame,
    coalesce(t.recommendations_with_timescale, 0)::integer as recommendations_with_timescale,
    p.training_actions::integer as training_actions,
    p.training_actions_impact_measured::integer as training_actions_impact_measured,
    coalesce(r.recommendations_citing_research, 0)::integer as recommendations_citing_research,
    p.actions_citing_research::integer as actions_citing_research,
    p.actions_with_named_lead::integer as actions_with_named_lead,
    round(p.actions_with_named_lead / p.action_count, 4)::double as share_actions_with_named_lead
from per_plan as p
inner join {{ ref('int_study_reviews') }} as v on p.review_id = v.review_id
left join recommendation_timescales as t on p.review_id = t.review_id
left join recommendations as r on p.review_id = r.review_id
order by p.review_id
