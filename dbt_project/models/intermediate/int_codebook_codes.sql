-- Every code of the three code types a recommendation is coded with, and its label.
select
    'agency' as code_type,
    agency_code as code,
    agency_label as code_label
from {{ ref('stg_codebook__agencies') }}
union all
select
    'theme' as code_type,
    theme_code as code,
    theme_label as code_label
from {{ ref('stg_codebook__themes') }}
union all
select
    'layer' as code_type,
    layer_code as code,
    layer_label as code_label
from {{ ref('stg_codebook__layers') }}
