-- The action plan items of loaded reviews only (see int_reviews).
select loaded.*
from {{ ref('stg_raw__action_plan_items') }} as loaded
where loaded.review_id in (select reviews.review_id from {{ ref('int_reviews') }} as reviews)
