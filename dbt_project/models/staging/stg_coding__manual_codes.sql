-- A researcher's codes: the seed (kept with the project) and the CSVs of the coding folder
-- (loaded into raw.manual_codes each run), as one list.
select
    trim(recommendation_id) as recommendation_id,
    lower(trim(code_type)) as code_type,
    lower(trim(code)) as code,
    trim(coder) as coder
from {{ ref('manual_codes') }}
union all
select
    recommendation_id,
    code_type,
    code,
    coder
from {{ source('raw', 'manual_codes') }}
