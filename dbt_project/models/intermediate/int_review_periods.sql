-- The periods the trend tables compare, one row per (review, dimension): its year (over the
-- reviews in the study, as the study's own tables) and its document kind (over every loaded
-- review, so the kinds can be compared). Only reviews with at least one recommendation count.
with with_recommendations as (
    select distinct review_id from {{ ref('int_recommendations') }}
)

select
    review_id,
    'year' as dimension,
    year::varchar as period,
    year
from {{ ref('int_study_reviews') }}
where year is not null and review_id in (select w.review_id from with_recommendations as w)
union all
select
    review_id,
    'document_kind' as dimension,
    document_kind as period,
    null::integer
from {{ ref('int_reviews') }}
where document_kind is not null and review_id in (select w.review_id from with_recommendations as w)
