-- Near-identical recommendations made by different reviews, grouped.
-- Similarity is the TF-IDF cosine of the recommendations' words. Stop words (the seed
-- recurrence_stop_words) are left out, and only words found in at most `recurrence_max_df`
-- recommendations make two recommendations candidates: commoner words carry little weight (they
-- still count in the cosine) and would pair everything with everything, so the candidate set, and
-- memory, stay bounded however large the corpus (a share of the corpus as the cap made 80 million
-- pairs at 61,000 recommendations).
-- Two recommendations of different reviews at or above `recurrence_threshold` are linked; a
-- group is a connected set of them.
{%- set threshold = var('recurrence_threshold', 0.8) %}
{%- set max_df = var('recurrence_max_df', 50) %}
with recursive recs as (
    select
        recommendation_id,
        review_id,
        text
    from {{ ref('int_recommendations') }}
),

tokens as (
    select
        recommendation_id,
        review_id,
        token
    from (
        select
            recommendation_id,
            review_id,
            unnest(regexp_split_to_array(lower(text), '[^a-z]+')) as token
        from recs
    ) as words
    where
        length(token) > 2
        and token not in (
            select stop_words.word
            from {{ ref('stg_codebook__recurrence_stop_words') }} as stop_words
        )
),

term_frequency as (
    select
        recommendation_id,
        review_id,
        token,
        count(*) as tf
    from tokens
    group by all
),

corpus as (
    select count(*) as n from recs
),

document_frequency as (
    select
        token,
        count(*) as df
    from term_frequency
    group by token
),

weights as (
    select
        t.recommendation_id,
        t.review_id,
        t.token,
        t.tf * ln((c.n + 1) / (d.df + 1)) + 0.0 as weight,
        d.df <= {{ max_df }} as is_linking
    from term_frequency as t
    inner join document_frequency as d on t.token = d.token
    cross join corpus as c
),

norms as (
    select
        recommendation_id,
        sqrt(sum(weight * weight)) as norm
    from weights
    group by recommendation_id
),

candidate_pairs as (
    select distinct
        a.recommendation_id as a_id,
        b.recommendation_id as b_id
    from weights as a
    inner join weights as b
        on
            a.token = b.token
            and a.is_linking and b.is_linking
            and a.review_id < b.review_id
),

similarity as (
    select
        p.a_id,
        p.b_id,
        sum(a.weight * b.weight) / (any_value(na.norm) * any_value(nb.norm)) as cosine
    from candidate_pairs as p
    inner join weights as a on p.a_id = a.recommendation_id
    inner join weights as b on p.b_id = b.recommendation_id and a.token = b.token
    inner join norms as na on p.a_id = na.recommendation_id
    inner join norms as nb on p.b_id = nb.recommendation_id
    group by p.a_id, p.b_id
),

links as (
    select
        a_id,
        b_id,
        cosine
    from similarity
    where cosine >= {{ threshold }}
),

edges as (
    select
        a_id as from_id,
        b_id as to_id
    from links
    union all
    select
        b_id,
        a_id
    from links
),

reach (recommendation_id, anchor_id) as (
    select
        from_id as recommendation_id,
        from_id as anchor_id
    from edges
    union
    select
        e.to_id,
        r.anchor_id
    from reach as r
    inner join edges as e on r.recommendation_id = e.from_id
),

groups as (
    select
        recommendation_id,
        min(anchor_id) as recurrence_group_id
    from reach
    group by recommendation_id
),

best_link as (
    select
        recommendation_id,
        max(cosine) as max_similarity
    from (
        select
            a_id as recommendation_id,
            cosine
        from links
        union all
        select
            b_id as recommendation_id,
            cosine
        from links
    ) as link_ends
    group by recommendation_id
)

select
    g.recurrence_group_id,
    g.recommendation_id,
    r.review_id,
    r.text,
    round(b.max_similarity, 4)::double as max_similarity,
    (count(*) over (partition by g.recurrence_group_id))::integer as group_size,
    (count(distinct r.review_id) over (partition by g.recurrence_group_id))::integer
        as reviews_in_group
from groups as g
inner join recs as r on g.recommendation_id = r.recommendation_id
inner join best_link as b on g.recommendation_id = b.recommendation_id
order by g.recurrence_group_id, g.recommendation_id
