{#- on-run-end hooks: comments on the raw tables, and no relation left behind by a moved model. -#}

{% macro comment_on_raw_tables() -%}
    {#- The raw tables are created by warehouse/schema.py; their descriptions live with the dbt
        sources (_raw__sources.yml), one place for both dbt docs and DuckDB's comments. -#}
    {%- if execute -%}
        {%- for source in graph.sources.values() if source.source_name == 'raw' and source.description %}
            comment on table {{ source.schema }}.{{ source.identifier }} is {{ duckdb_escape_comment(source.description | trim) }};
        {%- endfor %}
    {%- endif -%}
{%- endmacro %}

{% macro drop_orphan_relations(schemas) -%}
    {#- Relations of dbt's own schemas that no model of the project builds any more (a model that
        was renamed or moved to another schema, e.g. reporting.runs to audit.runs). -#}
    {%- if execute -%}
        {%- set built = [] -%}
        {%- for node in graph.nodes.values() if node.resource_type in ('model', 'seed') -%}
            {%- do built.append((node.schema ~ '.' ~ node.alias) | lower) -%}
        {%- endfor -%}
        {%- set found = run_query(
            "select table_schema, table_name, table_type from information_schema.tables "
            ~ "where table_catalog = current_database() and table_schema in ('"
            ~ schemas | join("', '") ~ "')"
        ) -%}
        {%- for row in found.rows if (row[0] ~ '.' ~ row[1]) | lower not in built %}
            drop {{ 'view' if row[2] == 'VIEW' else 'table' }} if exists "{{ row[0] }}"."{{ row[1] }}" cascade;
        {%- endfor %}
    {%- endif -%}
{%- endmacro %}
