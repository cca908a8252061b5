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
    2 as analysis_layer,
    'Reviews with individual agency recommendations: agencies, themes, case-theme matching'
        as description,
    count(*) filter (where has_agency_recommendations)::integer as review_count
from reviews
union all
select
    3 as analysis_layer,
    'Reviews with agency recommendations and an action plan: SMART appraisal' as description,
    count(*) filter (where has_agency_recommendations and has_action_plan)::integer as review_count
from reviews
order by analysis_layer
