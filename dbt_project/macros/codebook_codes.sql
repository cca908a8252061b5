{#- The codes of a codebook seed's staging model, in order: the per-code columns of the wide
    reporting tables. sqlfluff compiles the models without a database (var sqlfluff_lint, set in
    .sqlfluff), so there two stand-in codes take the place of the seed's. -#}
{% macro codebook_codes(relation, code_column, order_by) -%}
    {%- if var('sqlfluff_lint', false) -%}
        {{ return(['code_a', 'code_b']) }}
    {%- elif execute -%}
        {%- set query = 'select ' ~ code_column ~ ' from ' ~ relation ~ ' order by ' ~ order_by -%}
        {{ return(run_query(query).columns[0].values()) }}
    {%- endif -%}
    {{ return([]) }}
{%- endmacro %}
