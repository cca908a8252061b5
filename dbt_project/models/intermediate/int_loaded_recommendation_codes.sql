-- The automatic codes of loaded recommendations only (see int_loaded_recommendations).
select loaded.*
from {{ ref('stg_raw__recommendation_codes') }} as loaded
where
    loaded.recommendation_id in (
        select recommendations.recommendation_id
        from {{ ref('int_loaded_recommendations') }} as recommendations
    )
