{#- The sum of a count column equals the row count of another model (an arithmetic invariant,
    e.g. Table 1's totals equal the number of recommendations). Returns one row when it breaks. -#}
{% test sum_equals_row_count(model, sum_column, count_model) %}
with totals as (
    select
        (select coalesce(sum({{ sum_column }}), 0) from {{ model }}) as summed,
        (select count(*) from {{ count_model }}) as counted
)
select * from totals where summed != counted
{% endtest %}
