select
    code_type,
    code,
    precision,
    recall,
    f1,
    support
from {{ ref('coder_performance_cv') }}
