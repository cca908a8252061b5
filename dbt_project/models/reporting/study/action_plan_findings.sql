-- Chapter 5's findings over every action plan in the study, one row each, beside what DFE-RR157
-- found in its five plans. value is the measure (a count, a share in [0, 1], months or a Pearson
-- correlation); numerator and denominator are given where it is a share.
with plans as (
    select * from {{ ref('action_plans') }}
),

actions as (
    select * from {{ ref('action_plan_actions') }}
),

totals as (
    select
        count(*) as plans,
        sum(action_count) as actions,
        sum(plan_recommendations) as plan_recommendations,
        sum(recommendations_with_timescale) as recommendations_with_timescale,
        sum(recommendation_count) as recommendations,
        sum(recommendations_citing_research) as recommendations_citing_research,
        max(longest_timescale_months) as longest_timescale_months,
        count(*) filter (where longest_timescale_months > 12) as plans_beyond_a_year,
        case when count(*) >= 3 then corr(recommendation_count, action_count) end
            as correlation_actions,
        case when count(*) >= 3 then corr(recommendation_count, plan_pages) end
            as correlation_pages
    from plans
),

action_totals as (
    select
        count(*) filter (where has_timescale) as actions_with_timescale,
        count(*) filter (where is_training) as training_actions,
        count(*) filter (where training_impact_measured) as training_impact_measured,
        count(*) filter (where cites_research) as actions_citing_research,
        count(*) filter (where has_named_lead) as actions_with_named_lead
    from actions
),

findings as (
    select
        1 as finding_order,
        'plans' as finding_code,
        'Reviews with an action plan' as finding_label,
        t.plans::double as value,
        null::bigint as numerator,
        null::bigint as denominator,
        '5 of the 20 reviews' as dfe_rr157_finding
    from totals as t
    union all
    select
        2,
        'actions_per_recommendation',
        'Actions per recommendation in the plans',
        round(t.actions / nullif(t.plan_recommendations, 0), 4),
        t.actions,
        t.plan_recommendations,
        'Subdividing recommendations gave clarity but multiplied tasks'
    from totals as t
    union all
    select
        3,
        'recommendations_vs_actions',
        'Correlation of recommendations with plan length (actions)',
        round(t.correlation_actions, 4),
        null,
        null,
        'More recommendations meant longer plans'
    from totals as t
    union all
    select
        4,
        'recommendations_vs_pages',
        'Correlation of recommendations with plan length (pages)',
        round(t.correlation_pages, 4),
        null,
        null,
        'Plans ran from 10 to 40 pages; more recommendations meant longer plans'
    from totals as t
    union all
    select
        5,
        'longest_timescale_months',
        'Longest time frame set by any plan (months)',
        t.longest_timescale_months,
        null,
        null,
        'No plan set itself a time frame beyond one year'
    from totals as t
    union all
    select
        6,
        'plans_beyond_a_year',
        'Plans setting a time frame beyond one year',
        t.plans_beyond_a_year,
        null,
        null,
        'None'
    from totals as t
    union all
    select
        7,
        'recommendations_with_timescale',
        'Share of the plans'' recommendations with a timescale',
        round(t.recommendations_with_timescale / nullif(t.plan_recommendations, 0), 4),
        t.recommendations_with_timescale,
        t.plan_recommendations,
        'Every recommendation had a timescale'
    from totals as t
    union all
    select
        8,
        'actions_with_timescale',
        'Share of actions with a timescale',
        round(a.actions_with_timescale / nullif(t.actions, 0), 4),
        a.actions_with_timescale,
        t.actions,
        'Every recommendation had a timescale'
    from totals as t cross join action_totals as a
    union all
    select
        9,
        'training_impact_measured',
        'Share of training actions whose impact is measured',
        round(a.training_impact_measured / nullif(a.training_actions, 0), 4),
        a.training_impact_measured,
        a.training_actions,
        'The impact of training was rarely measured'
    from action_totals as a
    union all
    select
        10,
        'recommendations_citing_research',
        'Share of the plans'' reviews'' recommendations citing research',
        round(t.recommendations_citing_research / nullif(t.recommendations, 0), 4),
        t.recommendations_citing_research,
        t.recommendations,
        'Research evidence was rarely cited'
    from totals as t
    union all
    select
        11,
        'actions_citing_research',
        'Share of actions citing research',
        round(a.actions_citing_research / nullif(t.actions, 0), 4),
        a.actions_citing_research,
        t.actions,
        'Research evidence was rarely cited'
    from totals as t cross join action_totals as a
    union all
    select
        12,
        'actions_with_named_lead',
        'Share of actions with a named lead (delegated responsibility)',
        round(a.actions_with_named_lead / nullif(t.actions, 0), 4),
        a.actions_with_named_lead,
        t.actions,
        'Every plan delegated responsibility for each action'
    from totals as t cross join action_totals as a
)

select
    finding_order::integer as finding_order,
    finding_code,
    finding_label,
    value::double as value,
    numerator::integer as numerator,
    denominator::integer as denominator,
    dfe_rr157_finding
from findings
order by finding_order
