-- The automatic codes of loaded recommendations only (see int_loaded_recommendations).
select *
from {{ ref('stg_raw__recommendation_codes') }}
where
    recommendation_id in (
        select recommendation_id from {{ ref('int_loaded_recommendations') }}
    )
