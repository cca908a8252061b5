-- Agreement between automatic and manual coding, where a recommendation has both for a code
-- type. Per code: Cohen's kappa on the yes/no decision "has this code". Per code type (code =
-- 'all'): for agency and layer, kappa over the primary code (one label each); for themes, kappa
-- pooled over every (recommendation, theme) decision.
with manual as (
    select
        recommendation_id,
        code_type,
        code
    from {{ ref('stg_coding__manual_codes') }}
),

distinct_manual as (
    select distinct
        recommendation_id,
        code_type,
        code
    from manual
),

automatic as (
    select
        recommendation_id,
        code_type,
        code,
        is_primary
    from {{ ref('int_loaded_recommendation_codes') }}
    where code_type = 'theme' or is_primary
),

compared as (
    select distinct
        m.recommendation_id,
        m.code_type
    from manual as m
    inner join automatic as a
        on m.recommendation_id = a.recommendation_id and m.code_type = a.code_type
),

universe as (
    select
        code_type,
        code
    from {{ ref('int_codebook_codes') }}
),

decisions as (
    select
        c.recommendation_id,
        c.code_type,
        u.code,
        a.code is not null as is_automatic,
        m.code is not null as is_manual
    from compared as c
    inner join universe as u on c.code_type = u.code_type
    left join automatic as a
        on
            c.recommendation_id = a.recommendation_id
            and c.code_type = a.code_type
            and u.code = a.code
    left join distinct_manual as m
        on
            c.recommendation_id = m.recommendation_id
            and c.code_type = m.code_type
            and u.code = m.code
),

binary_by_code as (
    select
        code_type,
        code,
        count(*) as n,
        count(*) filter (where is_automatic = is_manual) as agreements,
        count(*) filter (where is_automatic) as automatic_yes,
        count(*) filter (where is_manual) as manual_yes,
        count(*) filter (where is_automatic and is_manual) as both_yes
    from decisions
    group by code_type, code
),

-- per code, and per code type (code null): the counts of a type are its codes' counts added up
binary_counts as (
    select * from binary_by_code
    union all
    select
        code_type,
        null as code,
        sum(n)::bigint as n,
        sum(agreements)::bigint as agreements,
        sum(automatic_yes)::bigint as automatic_yes,
        sum(manual_yes)::bigint as manual_yes,
        sum(both_yes)::bigint as both_yes
    from binary_by_code
    group by code_type
),

binary_kappa as (
    select
        code_type,
        coalesce(code, 'all') as code,
        n,
        agreements,
        agreements / n as observed,
        (automatic_yes / n) * (manual_yes / n)
        + (1 - automatic_yes / n) * (1 - manual_yes / n) as expected,
        automatic_yes,
        manual_yes,
        both_yes
    from binary_counts
    where code is not null or code_type = 'theme'
),

single_label as (  -- agency and layer: one primary code a side
    select
        c.code_type,
        c.recommendation_id,
        any_value(a.code) as automatic_code,
        min(m.code) as manual_code
    from compared as c
    inner join automatic as a
        on c.recommendation_id = a.recommendation_id and c.code_type = a.code_type
    inner join manual as m
        on c.recommendation_id = m.recommendation_id and c.code_type = m.code_type
    where c.code_type in ('agency', 'layer')
    group by c.code_type, c.recommendation_id
),

single_marginals as (
    select
        sides.code_type,
        sides.code,
        sum(sides.automatic_n) as automatic_n,
        sum(sides.manual_n) as manual_n
    from (
        select
            code_type,
            automatic_code as code,
            1 as automatic_n,
            0 as manual_n
        from single_label
        union all
        select
            code_type,
            manual_code as code,
            0 as automatic_n,
            1 as manual_n
        from single_label
    ) as sides
    group by sides.code_type, sides.code
),

single_totals as (
    select
        code_type,
        count(*) as n
    from single_label
    group by code_type
),

single_expected as (
    select
        m.code_type,
        sum(m.automatic_n * m.manual_n) / (any_value(t.n) * any_value(t.n)) as expected
    from single_marginals as m
    inner join single_totals as t
        on m.code_type = t.code_type
    group by m.code_type
),

single_kappa as (
    select
        s.code_type,
        'all' as code,
        count(*) as n,
        count(*) filter (where s.automatic_code = s.manual_code) as agreements,
        count(*) filter (where s.automatic_code = s.manual_code) / count(*) as observed,
        any_value(e.expected) as expected,
        null as automatic_yes,
        null as manual_yes,
        null as both_yes
    from single_label as s
    inner join single_expected as e on s.code_type = e.code_type
    group by s.code_type
),

combined as (
    select * from binary_kappa
    union all
    select * from single_kappa
)

select
    c.code_type,
    c.code,
    case when c.code = 'all' then 'All codes of the type' else l.code_label end as code_label,
    c.n::integer as decisions_compared,
    c.agreements::integer as agreements,
    round(c.observed, 4)::double as percent_agreement,
    case
        when c.expected < 1 then round((c.observed - c.expected) / (1 - c.expected), 4)
    end::double as cohens_kappa,
    c.automatic_yes::integer as automatic_yes,
    c.manual_yes::integer as manual_yes,
    c.both_yes::integer as both_yes
from combined as c
left join {{ ref('int_codebook_codes') }} as l on c.code_type = l.code_type and c.code = l.code
order by c.code_type asc, c.code = 'all' desc, c.code asc
