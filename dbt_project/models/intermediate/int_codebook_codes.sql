-- Every code of the three code types a recommendation is coded with, and its label.
select
    'agency' as code_type,
    agency_code as code,
    agency_label as code_label
from {{ ref('stg_codebook__agencies') }}
union all
select
    'theme',
    theme_code,
    theme_label
from {{ ref('stg_codebook__themes') }}
union all
select
    'layer',
    layer_code,
    layer_label
from {{ ref('stg_codebook__layers') }}
