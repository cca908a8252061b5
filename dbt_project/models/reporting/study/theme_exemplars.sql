-- Chapter 3: a few representative recommendations per theme, to quote beside Table 2. A
-- candidate is a recommendation of a review in the study that carries the theme with at least
-- var exemplar_min_confidence, worded as one clear statement (var exemplar_min_words to
-- exemplar_max_words words); each review gives at most one (its shortest), and the shortest
-- wording comes first, up to var exemplars_per_theme per theme.
with study as (
    select
        review_id,
        title
    from {{ ref('int_study_reviews') }}
),

thresholds as (
    select
        t.theme_code,
        round(greatest(
            {{ var('exemplar_floor_confidence') }},
            least({{ var('exemplar_min_confidence') }}, quantile_cont(t.confidence, 0.9))
        ), 4)::double as confidence_threshold
    from {{ ref('recommendation_themes') }} as t
    inner join {{ ref('recommendations') }} as r on t.recommendation_id = r.recommendation_id
    inner join study as s on r.review_id = s.review_id
    group by t.theme_code
),

candidates as (
    select
        t.theme_code,
        t.theme_label,
        t.method,
        t.confidence,
        h.confidence_threshold,
        r.recommendation_id,
        r.review_id,
        s.title as review_title,
        r.label,
        r.text,
        r.page,
        r.char_start,
        r.char_end,
        len(string_split(regexp_replace(trim(r.text), '\s+', ' ', 'g'), ' '))::integer as word_count
    from {{ ref('recommendation_themes') }} as t
    inner join {{ ref('recommendations') }} as r on t.recommendation_id = r.recommendation_id
    inner join study as s on r.review_id = s.review_id
    inner join thresholds as h on t.theme_code = h.theme_code
    where t.confidence >= h.confidence_threshold
),

clear as (
    select *
    from candidates
    where word_count between {{ var('exemplar_min_words') }} and {{ var('exemplar_max_words') }}
),

one_per_review as (
    select *
    from clear
    qualify row_number() over (
        partition by theme_code, review_id
        order by word_count asc, confidence desc, recommendation_id asc
    ) = 1
),

ranked as (
    select
        *,
        row_number() over (
            partition by theme_code
            order by word_count asc, confidence desc, recommendation_id asc
        ) as exemplar_rank
    from one_per_review
)

select
    theme_code,
    theme_label,
    exemplar_rank::integer as exemplar_rank,
    recommendation_id,
    review_id,
    review_title,
    label,
    text,
    word_count,
    method,
    confidence,
    confidence_threshold,
    page,
    char_start,
    char_end
from ranked
where exemplar_rank <= {{ var('exemplars_per_theme') }}
order by theme_code, exemplar_rank
