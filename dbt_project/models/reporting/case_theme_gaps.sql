-- Per review, the case themes its narrative shows that none of its recommendations reflect.
select
    f.review_id,
    'case_theme' as gap_type,
    f.case_theme_code as code,
    c.case_theme_label as label
from {{ ref('int_case_theme_reflection') }} as f
inner join {{ ref('stg_codebook__case_themes') }} as c on f.case_theme_code = c.case_theme_code
where not f.is_reflected
order by f.review_id, code
