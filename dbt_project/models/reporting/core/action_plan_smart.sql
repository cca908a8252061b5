-- Chapter 5: per review with an action plan, how many actions meet each SMART criterion.
with items as (
    select * from {{ ref('int_loaded_action_plan_items') }}
),

long as (
    select
        review_id,
        'specific' as criterion,
        is_specific as is_met
    from items
    union all
    select
        review_id,
        'measurable' as criterion,
        is_measurable as is_met
    from items
    union all
    select
        review_id,
        'achievable' as criterion,
        is_achievable as is_met
    from items
    union all
    select
        review_id,
        'relevant' as criterion,
        is_relevant as is_met
    from items
    union all
    select
        review_id,
        'timely' as criterion,
        is_timely as is_met
    from items
)

select
    review_id,
    criterion,
    count(*)::integer as action_count,
    count(*) filter (where is_met)::integer as actions_meeting,
    round(count(*) filter (where is_met) / count(*), 4)::double as share_meeting
from long
group by review_id, criterion
order by review_id, criterion
