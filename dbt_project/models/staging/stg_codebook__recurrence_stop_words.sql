select word from {{ ref('recurrence_stop_words') }}
