{#- No two rows share the same values of `columns` (a comma-separated list). -#}
{% test unique_combination(model, columns) %}
select {{ columns }}, count(*) as n
from {{ model }}
group by {{ columns }}
having count(*) > 1
{% endtest %}
