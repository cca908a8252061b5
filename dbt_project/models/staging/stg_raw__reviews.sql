select
    review_id,
    document_id,
    title,
    area,
    year,
    outcome,
    child_sex,
    child_age_years,
    age_band,
    children_count,
    has_agency_recommendations,
    has_action_plan
from {{ source('raw', 'reviews') }}
