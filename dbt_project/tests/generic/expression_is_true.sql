{#- Every row satisfies a SQL expression (written here rather than taken from dbt_utils: dbt
    packages cannot be downloaded on the pipeline's machines). -#}
{% test expression_is_true(model, expression) %}
select * from {{ model }} where not ({{ expression }})
{% endtest %}
