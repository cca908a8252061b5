{% test in_codebook_values(model, column_name, value_set) %}
-- Rows whose value is not in the codebook's list `value_set` (seed codebook_values): the one
-- place each list of values is defined, read by Python and by these tests alike.
select {{ column_name }} as unlisted_value
from {{ model }}
where
    {{ column_name }} is not null
    and {{ column_name }} not in (
        select code from {{ ref('codebook_values') }}
        where value_set = '{{ value_set }}'
    )
{% endtest %}
