-- The reviews the DFE-RR157 tables are computed over: those of the document kinds named by the
-- dbt var study_document_kinds (case reviews by default). Every document stays in
-- reporting.reviews; only the study's tables are restricted.
select * from {{ ref('int_reviews') }}
where is_in_study
