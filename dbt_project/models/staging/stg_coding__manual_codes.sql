select
    trim(recommendation_id) as recommendation_id,
    lower(trim(code_type)) as code_type,
    lower(trim(code)) as code,
    trim(coder) as coder
from {{ ref('manual_codes') }}
