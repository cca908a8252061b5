-- Figure 1: the three layers of analysis and how many reviews each holds.
with reviews as (
    select * from {{ ref('int_study_reviews') }}
)

select
    1 as analysis_layer,
    'Case characteristics and overview (LSCB) recommendations of every review' as description,
    count(*)::integer as review_count
from reviews
union all
select
    2,
    'Reviews with individual agency recommendations: agencies, themes, case-theme matching',
    count(*) filter (where has_agency_recommendations)::integer
from reviews
union all
select
    3,
    'Reviews with agency recommendations and an action plan: SMART appraisal',
    count(*) filter (where has_agency_recommendations and has_action_plan)::integer
from reviews
order by analysis_layer
