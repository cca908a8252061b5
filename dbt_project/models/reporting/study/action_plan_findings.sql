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
        2 as finding_order,
        'actions_per_recommendation' as finding_code,
        'Actions per recommendation in the plans' as finding_label,
        {{ share_columns('t.actions', 't.plan_recommendations') }},
        'Subdividing recommendations gave clarity but multiplied tasks' as dfe_rr157_finding
    from totals as t
    union all
    select
        3 as finding_order,
        'recommendations_vs_actions' as finding_code,
        'Correlation of recommendations with plan length (actions)' as finding_label,
        round(t.correlation_actions, 4) as value,
        null as numerator,
        null as denominator,
        'More recommendations meant longer plans' as dfe_rr157_finding
    from totals as t
    union all
    select
        4 as finding_order,
        'recommendations_vs_pages' as finding_code,
        'Correlation of recommendations with plan length (pages)' as finding_label,
        round(t.correlation_pages, 4) as value,
        null as numerator,
        null as denominator,
        'Plans ran from 10 to 40 pages; more recommendations meant longer plans'
            as dfe_rr157_finding
    from totals as t
    union all
    select
        5 as finding_order,
        'longest_timescale_months' as finding_code,
        'Longest time frame set by any plan (months)' as finding_label,
        t.longest_timescale_months as value,
        null as numerator,
        null as denominator,
        'No plan set itself a time frame beyond one year' as dfe_rr157_finding
    from totals as t
    union all
    select
        6 as finding_order,
        'plans_beyond_a_year' as finding_code,
        'Plans setting a time frame beyond one year' as finding_label,
        t.plans_beyond_a_year as value,
        null as numerator,
        null as denominator,
        'None' as dfe_rr157_finding
    from totals as t
    union all
    select
        7 as finding_order,
        'recommendations_with_timescale' as finding_code,
        'Share of the plans'' recommendations with a timescale' as finding_label,
        {{ share_columns('t.recommendations_with_timescale', 't.plan_recommendations') }},
        'Every recommendation had a timescale' as dfe_rr157_finding
    from totals as t
    union all
    select
        8 as finding_order,
        'actions_with_timescale' as finding_code,
        'Share of actions with a timescale' as finding_label,
        {{ share_columns('a.actions_with_timescale', 't.actions') }},
        'Every recommendation had a timescale' as dfe_rr157_finding
    from totals as t cross join action_totals as a
    union all
    select
        9 as finding_order,
        'training_impact_measured' as finding_code,
        'Share of training actions whose impact is measured' as finding_label,
        {{ share_columns('a.training_impact_measured', 'a.training_actions') }},
        'The impact of training was rarely measured' as dfe_rr157_finding
    from action_totals as a
    union all
    select
        10 as finding_order,
        'recommendations_citing_research' as finding_code,
        'Share of the plans'' reviews'' recommendations citing research' as finding_label,
        {{ share_columns('t.recommendations_citing_research', 't.recommendations') }},
        'Research evidence was rarely cited' as dfe_rr157_finding
    from totals as t
    union all
    select
        11 as finding_order,
        'actions_citing_research' as finding_code,
        'Share of actions citing research' as finding_label,
        {{ share_columns('a.actions_citing_research', 't.actions') }},
        'Research evidence was rarely cited' as dfe_rr157_finding
    from totals as t cross join action_totals as a
    union all
    select
        12 as finding_order,
        'actions_with_named_lead' as finding_code,
        'Share of actions with a named lead (delegated responsibility)' as finding_label,
        {{ share_columns('a.actions_with_named_lead', 't.actions') }},
        'Every plan delegated responsibility for each action' as dfe_rr157_finding
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
