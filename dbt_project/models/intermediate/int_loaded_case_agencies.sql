-- The case agencies of loaded reviews only (see int_reviews).
select *
from {{ ref('stg_raw__case_agencies') }}
where review_id in (select review_id from {{ ref('int_reviews') }})
