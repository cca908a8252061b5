-- Automatic and manual codes in one place. For a (recommendation, code type), a researcher's
-- manual codes replace every automatic code of that type: the researcher has the last word.
with manual as (
    select
        recommendation_id,
        code_type,
        code,
        row_number() over (
            partition by recommendation_id, code_type order by code
        ) = 1 as is_primary,
        'manual' as method,
        1.0::double as confidence,
        'coded by ' || coalesce(coder, 'a researcher') as evidence
    from {{ ref('stg_coding__manual_codes') }}
    where
        recommendation_id in (
            select loaded.recommendation_id
            from {{ ref('int_loaded_recommendations') }} as loaded
        )
),

overridden as (
    select distinct
        recommendation_id,
        code_type
    from manual
),

automatic as (
    select
        a.recommendation_id,
        a.code_type,
        a.code,
        a.is_primary,
        a.method,
        a.confidence,
        a.evidence
    from {{ ref('int_loaded_recommendation_codes') }} as a
    anti join overridden as o
        on a.recommendation_id = o.recommendation_id and a.code_type = o.code_type
)

select * from automatic
union all
select * from manual
