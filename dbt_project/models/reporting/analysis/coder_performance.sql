-- How far each automatic code can be trusted: cross-validation on the real labelled set (a seed
-- written by `scr evaluate --real`) beside agreement with this warehouse's manual codes.
with cross_validation as (
    select
        code_type,
        code,
        precision,
        recall,
        f1,
        support,
        'cross_validation_real' as source
    from {{ ref('stg_coding__coder_performance_cv') }}
),

against_manual as (
    select
        code_type,
        code,
        case
            when both_yes is null then percent_agreement
            when automatic_yes > 0 then both_yes / automatic_yes
        end as precision,
        case
            when both_yes is null then percent_agreement
            when manual_yes > 0 then both_yes / manual_yes
        end as recall,
        case
            when both_yes is null then percent_agreement
            when automatic_yes + manual_yes > 0 then 2 * both_yes / (automatic_yes + manual_yes)
        end as f1,
        coalesce(manual_yes, decisions_compared) as support,
        'manual_codes' as source
    from {{ ref('coding_agreement') }}
),

combined as (
    select * from cross_validation
    union all
    select * from against_manual
)

select
    c.code_type,
    c.code,
    case when c.code = 'all' then 'All codes of the type' else l.code_label end as code_label,
    round(c.precision, 4)::double as precision,
    round(c.recall, 4)::double as recall,
    round(c.f1, 4)::double as f1,
    c.support::integer as support,
    c.source
from combined as c
left join {{ ref('int_codebook_codes') }} as l on c.code_type = l.code_type and c.code = l.code
order by c.source asc, c.code_type asc, c.code = 'all' desc, c.code
