"""The codebook loader: seeds as written, the pattern syntax, and clear errors for bad seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingestion.codebook import (
    DEFAULT_SEEDS_DIR,
    SEED_FILES,
    CodebookError,
    compile_patterns,
    expand_spaces,
    load_codebook,
    load_value_sets,
    split_alternatives,
)

FIXED_AGENCIES = {
    "lscb_all_agencies", "community_health", "childrens_social_care", "early_years", "housing",
    "health_overview", "hospital_ambulance", "adult_mh_substance", "education", "connexions",
    "youth_offending", "police", "probation", "voluntary", "miscellaneous", "regional_national",
}  # fmt: skip
FIXED_CASE_THEMES = {
    "domestic_violence", "parental_substance_misuse", "parental_mental_ill_health", "hidden_men",
    "premature_low_birth_weight", "teenage_parents", "poverty", "poor_living_environment",
    "neglect", "disability",
}  # fmt: skip


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


def test_default_seeds_hold_every_fixed_code(codebook):
    assert codebook.agency_codes == FIXED_AGENCIES
    assert len(codebook.themes) == 31
    assert codebook.layer_codes == {"child", "family", "case_management", "regional_national"}
    assert codebook.case_theme_codes == FIXED_CASE_THEMES
    assert codebook.theme("safer_sleeping").layer_code == "regional_national"
    assert codebook.theme("training").table2_reviews == 20
    assert codebook.themes_reflecting("poverty") == {"poverty_housing"}


def test_fixed_lists_of_values_are_read_from_the_seeds_in_order(codebook):
    values = load_value_sets()
    assert values == codebook.value_sets
    assert values.codes("outcome") == ("death", "serious_injury")
    assert values.codes("age_band") == ("under_1", "1_5", "6_10", "11_plus")
    assert values.codes("method") == ("rule", "model", "similarity", "manual")
    assert values.case_review_kinds == {"serious_case_review", "practice_review", "rapid_review"}
    assert values.document_kind_codes[-1] == "other"
    assert codebook.layer_codes_in_order == (
        "child",
        "family",
        "case_management",
        "regional_national",
    )


def test_a_value_set_missing_from_the_seed_is_named(tmp_path):
    seeds = _copy_seeds(tmp_path)
    path = seeds / "codebook_values.csv"
    kept = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith("method,")
    ]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="no values for method"):
        load_value_sets(seeds)


def test_every_code_has_patterns_and_a_description(codebook):
    for agency in codebook.agencies:
        assert not agency.synonyms.empty, agency.code
        assert agency.description, agency.code
    for theme in codebook.themes:
        assert not theme.patterns.empty, theme.code
        assert theme.description and len(theme.examples) >= 3, theme.code
    for case_theme in codebook.case_themes:
        assert not case_theme.patterns.empty, case_theme.code


def test_load_is_cached_and_reloads_when_a_seed_changes(tmp_path):
    for name in SEED_FILES.values():
        shutil.copy(DEFAULT_SEEDS_DIR / name, tmp_path / name)
    first = load_codebook(tmp_path)
    assert load_codebook(tmp_path) is first
    path = tmp_path / "codebook_layers.csv"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_codebook(tmp_path) is not first
    assert load_codebook() is load_codebook(DEFAULT_SEEDS_DIR)


def _copy_seeds(tmp_path: Path) -> Path:
    for name in SEED_FILES.values():
        shutil.copy(DEFAULT_SEEDS_DIR / name, tmp_path / name)
    return tmp_path


def test_bad_regex_names_file_row_and_pattern(tmp_path):
    seeds = _copy_seeds(tmp_path)
    path = seeds / "codebook_themes.csv"
    text = path.read_text(encoding="utf-8").replace(r"\btrain(?:ing", r"\btrain((?:ing", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as err:
        load_codebook(seeds)
    message = str(err.value)
    assert "codebook_themes.csv" in message and "row 2" in message and "training" in message


def test_missing_file_and_missing_column_are_named(tmp_path):
    seeds = _copy_seeds(tmp_path)
    (seeds / "codebook_case_themes.csv").unlink()
    with pytest.raises(
        CodebookError, match="codebook_case_themes.csv: codebook seed file is missing"
    ):
        load_codebook(seeds)
    seeds = _copy_seeds(tmp_path)
    (seeds / "codebook_agencies.csv").write_text("agency_code,label\nx,y\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="missing column"):
        load_codebook(seeds)


def test_unknown_layer_and_duplicate_codes_are_rejected(tmp_path):
    seeds = _copy_seeds(tmp_path)
    path = seeds / "codebook_themes.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",case_management,1,20,", ",managing,1,20,", 1),
        encoding="utf-8",
    )
    with pytest.raises(CodebookError, match="layer_code 'managing'"):
        load_codebook(seeds)
    seeds = _copy_seeds(tmp_path)
    path = seeds / "codebook_layers.csv"
    path.write_text(path.read_text(encoding="utf-8") + "child,Again,5\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="duplicate layer_code 'child'"):
        load_codebook(seeds)


def test_unquoted_comma_is_reported(tmp_path):
    seeds = _copy_seeds(tmp_path)
    path = seeds / "codebook_layers.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "extra,A, b,6,a description\n", encoding="utf-8"
    )
    with pytest.raises(CodebookError, match="more fields than the header"):
        load_codebook(seeds)


def test_split_alternatives_keeps_nested_bars():
    assert split_alternatives(r"a | b(?:c|d) | [|] | e\|f") == ["a", "b(?:c|d)", "[|]", r"e\|f"]
    assert split_alternatives("") == []


def test_spaces_tolerate_glued_words_but_not_inside_lookbehind():
    ps = compile_patterns("co sleeping", "test")
    for text in ("co-sleeping", "co sleeping", "cosleeping", "CO  SLEEPING"):
        assert ps.search(text) is not None, text
    assert expand_spaces(r"(?:\w+ ){0,3}x") == r"(?:\w+[\s\-]+){0,3}x"
    ps = compile_patterns(r"(?<!adult )social care", "test")
    assert ps.search("children's social care") is not None
    assert ps.search("adult social care") is None


def test_numeric_constraints_in_named_groups():
    ps = compile_patterns(
        r"born at (?P<lt_37>\d+) weeks | weighed (?P<lt_2_5>\d(?:\.\d+)?) ?kg", "test"
    )
    assert ps.search("she was born at 31 weeks") is not None
    assert ps.search("she was born at 40 weeks") is None
    assert ps.search("he weighed 2.1kg") is not None
    assert ps.search("he weighed 3.4 kg") is None


def test_case_sensitive_parts_and_word_starts():
    ps = compile_patterns(r"(?-i:\bGPs?\b) | health visitors?", "test")
    assert ps.search("the GP should") is not None
    assert ps.search("a gp should") is None
    assert ps.search("Health Visitors must").text == "Health Visitors"
    assert ps.search("xhealth visitor") is None  # matches start at a word start


def test_overlapping_alternatives_give_one_match():
    ps = compile_patterns("school | school nurses?", "test")
    matches = list(ps.finditer("The school nurse and the school"))
    assert [m.text for m in matches] == ["school nurse", "school"]
