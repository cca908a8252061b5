"""What is made from the published warehouse for people: the briefing (the study's tables and
charts as one HTML page), exports (CSV, Parquet, XLSX, REFI-QDA) and citable releases.

Everything here only reads the published file, through `publications.source`, and writes its
files through `publications.files`, so a reader of an output folder never sees half a file.
"""
