select
    action_item_id,
    review_id,
    document_id,
    ordinal,
    recommendation_label,
    action,
    lead,
    timescale,
    measure,
    status,
    is_specific,
    is_measurable,
    is_achievable,
    is_relevant,
    is_timely,
    page,
    char_start,
    char_end
from {{ source('raw', 'action_plan_items') }}
where review_id in (select review_id from {{ ref('stg_raw__reviews') }})
