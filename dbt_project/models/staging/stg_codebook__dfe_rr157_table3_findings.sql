select
    case_theme_code,
    finding as dfe_rr157_finding,
    finding_label as dfe_rr157_finding_label
from {{ ref('dfe_rr157_table3_findings') }}
