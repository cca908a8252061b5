select
    agency_code,
    recommendations::integer as dfe_rr157_recommendations,
    is_confirmed as dfe_rr157_is_confirmed
from {{ ref('dfe_rr157_table1_totals') }}
