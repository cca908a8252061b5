"""The text banks: enough distinct phrasings per theme, and each phrasing expresses exactly the
themes it is tagged with (so the truth's theme_codes are what a careful coder would give)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from corpus import recbank
from corpus.calibration import corpus_plans
from corpus.compose import Composer
from corpus.generate import DEFAULT_SEED
from corpus.recommend import templates_for
from tests.corpus.signals import signalled

_CHOICE = re.compile(r"\[([^\[\]]*)\]")


def variants(template: str) -> list[str]:
    m = _CHOICE.search(template)
    if not m:
        return [template]
    out = []
    for opt in m.group(1).split("|"):
        out.extend(variants(template[: m.start()] + opt + template[m.end() :]))
    return out


def _neutral(text: str) -> str:
    for slot, word in (
        ("{topic}", ""),
        ("{audit_obj}", ""),
        ("{nat_topic}", ""),
        ("{staff}", "staff"),
        ("{partner2}", "another agency"),
        ("{partner}", "the agency"),
        ("{poss}", "its"),
    ):
        text = text.replace(slot, word)
    return text


def test_every_theme_has_at_least_eight_phrasings() -> None:
    themes = {r for r in recbank.VP}
    assert len(themes) == 31
    for theme, items in recbank.VP.items():
        assert len({vp for vp, _ in items}) >= 8, theme


@pytest.mark.parametrize("theme", sorted(recbank.VP))
def test_phrasings_express_exactly_their_tags(theme: str) -> None:
    bank = recbank.VP[theme] + recbank.NATIONAL_VP.get(theme, [])
    for vp, tags in bank:
        for v in variants(vp):
            got = signalled(_neutral(v))
            if theme == "national_policy":
                got.add("national_policy")
            assert got == {theme, *tags}, v


@pytest.mark.parametrize("bank", ["TOPICS", "AUDIT_OBJECTS", "NATIONAL_TOPICS"])
def test_slot_fillers_carry_exactly_their_theme(bank: str) -> None:
    for phrase, theme in getattr(recbank, bank):
        assert signalled(phrase) == ({theme} if theme else set()), phrase


def test_words_for_people_carry_no_theme() -> None:
    for agency, staff in recbank.STAFF.items():
        for s in staff:
            assert signalled(s) == set(), (agency, s)
    for p in recbank.PARTNERS.values():
        assert signalled(p) == set(), p


def test_the_board_can_express_every_local_theme() -> None:
    """Overview-only reviews address themes through LSCB recommendations alone."""
    everything = set(recbank.VP)
    for theme in everything - {"national_policy"}:
        assert templates_for(theme, "lscb_all_agencies", everything), theme
    for theme in recbank.NATIONAL_PRIMARY:
        assert templates_for(theme, "regional_national", everything), theme


def test_generated_recommendations_say_what_their_truth_says() -> None:
    """Replay the default corpus: each recommendation's wording signals exactly its themes."""
    wordings: Counter[str] = Counter()
    for plan in corpus_plans(33, DEFAULT_SEED):
        comp = Composer(plan)
        lscb, nat, agency = comp.write_recommendations()
        recs = lscb + nat + [r for rs in agency.values() for r in rs]
        for rec in recs:
            probe = rec.probe + " " + " ".join(rec.sub_items)
            got = signalled(probe)
            if rec.agency == "regional_national" and "national_policy" in rec.themes:
                got.add("national_policy")
            assert got == set(rec.themes), (plan.review_id, rec.text, rec.themes)
            wordings[rec.text] += 1
    # hardly any sentence repeats across the corpus (short imperatives sometimes do, as in life)
    assert len(wordings) / sum(wordings.values()) >= 0.9
    assert max(wordings.values()) <= 4
