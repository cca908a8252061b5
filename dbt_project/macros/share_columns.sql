{#- A finding that is a share: its value, rounded as every reported share is, beside the numerator
    and denominator it is computed from (null value where the denominator is 0). -#}
{% macro share_columns(numerator, denominator) -%}
    round({{ numerator }} / nullif({{ denominator }}, 0), 4) as value,
    {{ numerator }} as numerator,
    {{ denominator }} as denominator
{%- endmacro %}
