{#- Use the folder's schema name as is (staging, intermediate, reporting, codebook), not
    "<target schema>_<name>": analysts and BI tools see stable names. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
