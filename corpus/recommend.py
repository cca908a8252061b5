"""Turn a review's planned recommendations into sentences whose themes are known exactly.

A review's plan fixes how many recommendations go to each agency and which themes its
recommendations address (no more, no fewer). Here each recommendation gets a primary theme (so
every planned theme is covered), then a wording: a verb phrase tagged with its themes, framed in
the voice of its addressee ("The LSCB should...", "Health visitors must...", "Ensure that...").
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field

from corpus import recbank
from corpus.case import Case
from corpus.textkit import cap, expand, third_person

BASE_WEIGHT = {
    "training": 3.0,
    "information_sharing": 2.6,
    "recording": 2.0,
    "management_supervision": 1.8,
    "staff_roles": 1.3,
    "whole_picture": 1.2,
    "referral": 1.5,
    "audit": 1.1,
    "case_drift": 1.0,
    "caf": 0.8,
    "meeting_representation": 0.9,
    "focus_on_child": 1.0,
    "timescales": 0.8,
    "hard_to_engage": 0.8,
}
AFFINITY: dict[str, dict[str, float]] = {
    "lscb_all_agencies": {
        "audit": 2.5,
        "training": 1.5,
        "thresholds_access": 2.0,
        "professional_challenge": 2.0,
    },
    "adult_mh_substance": {"substance_misuse": 4.0, "parental_mental_health": 4.0},
    "police": {"domestic_violence": 3.0, "information_sharing": 1.5, "meeting_representation": 1.5},
    "probation": {"domestic_violence": 2.0, "hidden_men": 3.0, "information_sharing": 1.5},
    "housing": {"poverty_housing": 5.0, "information_sharing": 1.5},
    "community_health": {
        "vulnerable_babies": 2.0,
        "hard_to_engage": 2.0,
        "young_parents": 2.0,
        "safer_sleeping": 3.0,
    },
    "hospital_ambulance": {
        "vulnerable_babies": 2.0,
        "professional_knowledge": 2.0,
        "shaken_babies": 3.0,
    },
    "childrens_social_care": {
        "case_drift": 2.0,
        "timescales": 2.0,
        "whole_picture": 1.5,
        "management_supervision": 1.5,
    },
    "education": {"focus_on_child": 2.0, "caf": 2.0, "disabled_children": 2.0},
    "early_years": {"caf": 2.0, "focus_on_child": 1.5},
    "health_overview": {"parental_mental_health": 2.0, "meeting_representation": 1.5},
}

SUB_ACTIONS: dict[str, list[tuple[str, list[str]]]] = {
    "training": [
        (
            "This should include:",
            [
                "identifying the staff groups who need to attend;",
                "the use of case studies drawn from this review; and",
                "ensuring that sessions are open to part-time staff.",
            ],
        ),
        (
            "The training should:",
            [
                "be delivered on a multi-agency basis where possible;",
                "use the circumstances of this case as a case study; and",
                "be repeated at least annually.",
            ],
        ),
    ],
    "recording": [
        (
            "In particular:",
            [
                "entries should be made at the time of each contact;",
                "each entry should state who made it; and",
                "significant events should be highlighted.",
            ],
        ),
    ],
    "information_sharing": [
        (
            "This should cover:",
            [
                "the circumstances in which information may be shared without consent;",
                "named contacts in each agency; and",
                "the format in which information is passed on.",
            ],
        ),
    ],
    "audit": [
        (
            "The audit should:",
            [
                "examine a sample of at least twenty cases;",
                "include cases from each locality; and",
                "be reported to the LSCB.",
            ],
        ),
    ],
    "whole_picture": [
        (
            "Assessments should include:",
            [
                "the family's previous addresses;",
                "any involvement of agencies in other areas; and",
                "the parents' own childhood experiences.",
            ],
        ),
    ],
}


@dataclass
class Rec:
    """One recommendation of a review, before it is given its label."""

    agency: str
    section: str
    primary: str
    frame: str = "named"  # named | heading | assurance | bare
    text: str = ""
    themes: tuple[str, ...] = ()
    probe: str = ""  # the verb phrase with neutral slot fillers: what tests read for its themes
    sub_intro: str = ""
    sub_items: list[str] = field(default_factory=list)

    @property
    def full_text(self) -> str:
        parts = [self.text]
        if self.sub_items:
            parts.append(self.sub_intro)
            parts.extend(self.sub_items)
        return " ".join(parts)


def section_of(agency: str) -> str:
    if agency == "lscb_all_agencies":
        return "lscb"
    if agency == "regional_national":
        return "national"
    return "agency"


@functools.cache
def _agency_ok(vp: str, agency: str) -> bool:
    for key, allowed in recbank.VP_AGENCIES.items():
        if vp.startswith(key):
            return agency in allowed
    return True


def templates_for(theme: str, agency: str, allowed: set[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Verb phrases of `theme` usable by `agency` whose extra themes the review allows."""
    return _templates_for(theme, agency, frozenset(allowed))


@functools.lru_cache(maxsize=2048)
def _templates_for(
    theme: str, agency: str, allowed: frozenset[str]
) -> list[tuple[str, tuple[str, ...]]]:
    if agency == "regional_national":
        if theme not in recbank.NATIONAL_PRIMARY:
            return []
        bank = recbank.NATIONAL_VP.get(theme, recbank.VP[theme])
        return [(vp, extra) for vp, extra in bank if set(extra) <= allowed]
    if theme == "national_policy":
        return []
    return [
        (vp, extra)
        for vp, extra in recbank.VP.get(theme, [])
        if set(extra) <= allowed and _agency_ok(vp, agency)
    ]


def plan_recommendations(case: Case, rng: random.Random) -> list[Rec]:
    """One Rec per planned recommendation, primaries chosen so every planned theme is covered."""
    plan = case.plan
    allowed = set(plan.required_themes)
    _templates_for.cache_clear()  # the cache serves one review: memory stays flat
    recs: list[Rec] = []
    for agency, n in plan.agency_counts:
        for _ in range(n):
            recs.append(Rec(agency, section_of(agency), ""))
    national = [r for r in recs if r.agency == "regional_national"]
    local = [r for r in recs if r.agency != "regional_national"]
    nat_themes = [t for t in recbank.NATIONAL_PRIMARY if t in allowed]
    for i, r in enumerate(national):
        r.primary = "national_policy" if i == 0 or len(nat_themes) == 1 else rng.choice(nat_themes)
    need = sorted(allowed - ({"national_policy"} if national else set()))
    # the rarest-to-express themes first; a theme with no free host is left to ensure_coverage
    order = sorted(
        need,
        key=lambda t: (sum(1 for r in local if templates_for(t, r.agency, allowed)), rng.random()),
    )
    for theme in order:
        cands = [r for r in local if not r.primary and templates_for(theme, r.agency, allowed)]
        if cands:
            weights = [AFFINITY.get(r.agency, {}).get(theme, 1.0) for r in cands]
            rng.choices(cands, weights)[0].primary = theme
    pool = sorted(allowed - {"national_policy"})
    for r in local:
        if r.primary:
            continue
        usable = [t for t in pool if templates_for(t, r.agency, allowed)]
        weights = [BASE_WEIGHT.get(t, 0.7) * AFFINITY.get(r.agency, {}).get(t, 1.0) for t in usable]
        r.primary = rng.choices(usable, weights)[0]
    return recs


def _fill(
    vp: str,
    rng: random.Random,
    case: Case,
    staff_agency: str,
    poss: str,
    allowed: set[str],
    primary: str,
    themed_share: float,
    probe: bool = False,
) -> tuple[str, list[str]]:
    """Fill a verb phrase's slots; returns the text and the themes its topic added."""
    extra: list[str] = []

    def pick(bank: list[tuple[str, str | None]]) -> str:
        themed = [(p, t) for p, t in bank if t and t in allowed and t != primary]
        neutral = [(p, t) for p, t in bank if t is None]
        if themed and rng.random() < themed_share:
            p, t = rng.choice(themed)
            extra.append(t or "")
            return p
        return rng.choice(neutral)[0]

    ctx = {
        "staff": rng.choice(recbank.STAFF[staff_agency]),
        "poss": poss,
    }
    partners = [p for a, p in recbank.PARTNERS.items() if a != staff_agency]
    rng.shuffle(partners)
    ctx["partner"], ctx["partner2"] = partners[0], partners[1]
    if probe:  # same random draws, neutral words for the addressee's own people
        ctx.update(staff="staff", partner="the agency", partner2="another agency")
    if "{topic}" in vp:
        ctx["topic"] = pick(recbank.TOPICS)
    if "{audit_obj}" in vp:
        ctx["audit_obj"] = pick(recbank.AUDIT_OBJECTS)
    if "{nat_topic}" in vp:
        ctx["nat_topic"] = pick(recbank.NATIONAL_TOPICS)
    text = expand(vp, rng, ctx)
    return text, extra


def _subject(case: Case, agency: str, rng: random.Random) -> tuple[str, bool]:
    options = list(recbank.SUBJECTS[agency])
    if agency == "regional_national" and case.plan.year > 2010:
        options = [o for o in options if "Children, Schools" not in o[0]]
    phrase, plural = rng.choice(options)
    text = expand(phrase, rng, case.ctx())
    if text.startswith("the "):
        text = cap(text)
    return text, plural


def realise(
    rec: Rec,
    case: Case,
    rng: random.Random,
    allowed: set[str],
    used: set[str],
    forced_secondary: str | None = None,
) -> None:
    """Write the recommendation's sentence in its frame and record its themes."""
    for _attempt in range(25):
        frame = rec.frame
        obj_agency = rec.agency
        obj = ""
        obj_plural = False
        if frame == "assurance":
            obj, obj_agency, obj_plural = rng.choice(recbank.ASSURANCE_OBJECTS)
            if not templates_for(rec.primary, obj_agency, allowed):
                frame, obj_agency = "named", rec.agency
        options = templates_for(rec.primary, obj_agency, allowed) or templates_for(
            rec.primary, rec.agency, allowed
        )
        if forced_secondary:
            with_slot = [o for o in options if "{topic}" in o[0] or "{audit_obj}" in o[0]]
            options = with_slot or options
        vp_t, tags = rng.choice(options)
        if frame == "named":
            subj, plural = _subject(case, rec.agency, rng)
            poss = "their" if plural else "its"
        elif frame == "assurance":
            poss = "their" if obj_plural else "its"
        elif frame == "heading":
            noun = rng.choice(recbank.HEADING_NOUNS.get(rec.agency, ["The service"]))
            noun = expand(noun, rng, case.ctx())
            poss = "its" if rng.random() < 0.45 else "the"
        else:
            poss = "its"
        share = 1.0 if forced_secondary else 0.45
        state = rng.getstate()
        vp, extra = _fill(vp_t, rng, case, obj_agency, poss, allowed, rec.primary, share)
        after = rng.getstate()
        rng.setstate(state)  # replay the same choices with neutral words, for the probe
        probe, _ = _fill(vp_t, rng, case, obj_agency, poss, allowed, rec.primary, share, probe=True)
        rng.setstate(after)
        if forced_secondary and forced_secondary not in extra:
            continue
        if vp.startswith("ensure that ") and rng.random() < 0.2:
            vp = "make sure that " + vp[len("ensure that ") :]
            probe = "make sure that " + probe[len("ensure that ") :]
        if frame == "named":
            modal = rng.choice(recbank.MODALS_NAMED)
            if modal == "is asked to" and plural:
                modal = "are asked to"
            text = f"{subj} {modal} {vp}."
        elif frame == "assurance":
            t = rng.choice(recbank.ASSURANCE_FRAMES)
            vp3 = vp if obj_plural else third_person(vp)
            text = t.format(
                obj=obj, vp3=vp3, obj_pron="they" if obj_plural else "it", lscb=case.lscb
            )
            text = cap(text)
        elif frame == "heading":
            text = f"{noun} should {vp}." if poss == "its" else cap(vp) + "."
        else:  # bare: part of a run joined by semicolons
            text = vp
        if text in used:
            continue
        used.add(text)
        rec.text = text
        rec.probe = probe
        themes = [rec.primary, *tags, *extra]
        rec.themes = tuple(dict.fromkeys(themes))
        return
    raise RuntimeError(f"no fresh wording for {rec.primary} / {rec.agency}")


def add_sub_actions(rec: Rec, rng: random.Random) -> bool:
    """Bullets that belong to the recommendation (never separate recommendations)."""
    bank = SUB_ACTIONS.get(rec.primary)
    if not bank or rec.frame == "bare":
        return False
    intro, items = rng.choice(bank)
    rec.sub_intro = intro
    rec.sub_items = list(items)
    return True


def ensure_coverage(recs: list[Rec], case: Case, rng: random.Random, used: set[str]) -> None:
    """Check every planned theme is addressed; re-word a training or audit rec if one is not."""
    allowed = set(case.plan.required_themes)
    covered = {t for r in recs for t in r.themes}
    missing = sorted(allowed - covered)
    for theme in missing:
        hosts = [r for r in recs if r.primary in ("training", "audit") and r.frame != "bare"]
        counts: dict[str, int] = {}
        for r in recs:
            counts[r.primary] = counts.get(r.primary, 0) + 1
        hosts = [r for r in hosts if counts[r.primary] > 1] or hosts
        for r in hosts:
            old = (r.text, r.themes)
            used.discard(r.text)
            try:
                realise(r, case, rng, allowed, used, forced_secondary=theme)
            except RuntimeError:
                r.text, r.themes = old
                used.add(r.text)
                continue
            lost = set(old[1]) - {t for x in recs for t in x.themes}
            if lost:  # the old wording was the only cover of something else: undo
                used.discard(r.text)
                r.text, r.themes = old
                used.add(r.text)
                continue
            break
    covered = {t for r in recs for t in r.themes}
    if covered != allowed:
        raise RuntimeError(
            f"{case.plan.review_id}: themes {sorted(allowed - covered)} not covered, "
            f"{sorted(covered - allowed)} unplanned"
        )
