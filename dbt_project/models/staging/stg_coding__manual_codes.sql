-- A researcher's codes: the CSVs of the manual-codes folder, loaded into raw.manual_codes on every
-- run (ingestion/manual_codes.py trims and lower-cases them and drops rows the codebook rejects).
select
    recommendation_id,
    code_type,
    code,
    coder
from {{ source('raw', 'manual_codes') }}
