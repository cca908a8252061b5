"""Segmentation: where a report's recommendations are and how they split into items.

One entry point, `find_recommendations(normalised_text)`, returns every recommendation of the
report in document order, each once. The modules, in the order the work is done:

- `text_lines`: the text as lines with offsets, and the shape of a line (title, directive...);
- `table_rows`: table rows as " | " lines (written by the readers, read here);
- `item_markers`: item markers ("1.", "4.2", "R7", "(b)", bullets) and the item tree;
- `section_bounds`: where recommendation sections start (headings, scored with the researcher's
  heading seed) and end, the contents page, addressees;
- `section_reader`: one section read into items (lists, sub-items, tables, prose);
- `inline_lists`: several recommendations inside one paragraph ("should: (a)...; (b)...");
- `duplicates`: one list restated elsewhere (an executive summary) kept once;
- `recommendations`: the whole document, tying the above together.
"""

from ingestion.segmentation.recommendations import find_recommendations

__all__ = ["find_recommendations"]
