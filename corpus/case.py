"""The facts of one case: people, organisations, dates and what happened, drawn from its plan.

Everything here is fictional. Area and organisation names are built from invented syllables so no
report names a real board, trust or force.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from corpus.calibration import ReviewPlan
from corpus.textkit import add_months, number_word

_PRE = [
    "Ald",
    "Bex",
    "Cor",
    "Dray",
    "Eld",
    "Fal",
    "Gar",
    "Hax",
    "Jor",
    "Kes",
    "Lor",
    "Mor",
    "Nar",
    "Orl",
    "Pell",
    "Quen",
    "Ros",
    "Sax",
    "Tarn",
    "Ulls",
    "Ven",
    "Wrax",
    "Yarn",
    "Zel",
    "Brack",
    "Cran",
    "Dorn",
    "Felk",
    "Grim",
    "Helm",
    "Kinl",
    "Lask",
    "Marl",
    "Nenth",
    "Ost",
    "Penk",
    "Rax",
    "Skel",
    "Tull",
    "Wend",
]
_SUF = [
    "ington",
    "shire",
    "bridge",
    "ford",
    "mouth",
    "wick",
    "borough",
    "dale",
    "ham",
    "stead",
    "field",
    "combe",
]
_REGIONS = (
    "North Midlands",
    "Western Counties",
    "East Coast",
    "Southern Downs",
    "Northern Dales",
    "Central Vale",
)
GIRLS = [
    "Amy",
    "Chloe",
    "Ellie",
    "Jade",
    "Kayleigh",
    "Leah",
    "Megan",
    "Mia",
    "Paige",
    "Rosie",
    "Sophie",
    "Tia",
    "Lily",
    "Holly",
    "Jasmine",
    "Keira",
    "Abigail",
    "Bethany",
    "Demi",
    "Erin",
    "Freya",
    "Grace",
    "Isla",
    "Lacey",
    "Maisie",
    "Nadia",
    "Phoebe",
    "Skye",
]
BOYS = [
    "Alfie",
    "Ben",
    "Callum",
    "Connor",
    "Daniel",
    "Ethan",
    "Harvey",
    "Jack",
    "Jamie",
    "Kyle",
    "Liam",
    "Mason",
    "Noah",
    "Owen",
    "Reece",
    "Tyler",
    "Aaron",
    "Bailey",
    "Charlie",
    "Dylan",
    "Finley",
    "Harry",
    "Jayden",
    "Kai",
    "Lewis",
    "Logan",
    "Riley",
    "Toby",
]
ADULT_F = [
    "Kerry",
    "Donna",
    "Leanne",
    "Stacey",
    "Michelle",
    "Sarah",
    "Lisa",
    "Gemma",
    "Natalie",
    "Claire",
    "Joanne",
    "Kelly",
]
ADULT_M = [
    "Darren",
    "Wayne",
    "Lee",
    "Craig",
    "Dean",
    "Gary",
    "Jason",
    "Paul",
    "Ryan",
    "Scott",
    "Stuart",
    "Carl",
    "Mark",
    "Shane",
]


def place_name(rng: random.Random) -> str:
    """An invented English-sounding place name."""
    return rng.choice(_PRE) + rng.choice(_SUF)


@dataclass
class Person:
    ref: str  # how the report names them ("Ms A", "Kerry", "Mother")
    role: str  # mother | father | partner | sibling | child
    sex: str
    age: int | None = None


@dataclass
class Case:
    """Everything the narrative and the recommendations need to be consistent."""

    plan: ReviewPlan
    rng: random.Random
    area: str
    town: str
    lscb: str
    lscb_short: str
    orgs: dict[str, str]
    child: Person
    child_first: str  # pseudonym when the report uses one, else the letter form
    he: str
    his: str
    him: str
    girl_boy: str
    daughter_son: str
    mother: Person
    father: Person
    partner: Person | None
    siblings: list[Person]
    birth: dt.date
    incident: dt.date
    review_start: dt.date
    report_date: dt.date
    publication: dt.date
    incident_kind: str
    perpetrator: str  # mother | father | partner | unknown | self | peer
    themes: set[str] = field(default_factory=set)  # case themes present
    gestation_weeks: int = 40
    birth_weight_kg: float = 3.4
    mother_age_at_birth: int = 27
    date_style: int = 0
    scr_year_word: str = ""

    @property
    def outcome(self) -> str:
        return self.plan.outcome

    def has(self, theme: str) -> bool:
        return theme in self.themes

    def ctx(self) -> dict[str, str]:
        """Slot values for templates (a fresh copy: callers may add to it)."""
        cached = self.__dict__.get("_ctx")
        if cached is not None:
            return dict(cached)
        d = {
            "area": self.area,
            "town": self.town,
            "lscb": self.lscb,
            "lscb_short": self.lscb_short,
            "child": self.child.ref,
            "childname": self.child_first,
            "he": self.he,
            "He": self.he.capitalize(),
            "his": self.his,
            "His": self.his.capitalize(),
            "him": self.him,
            "girl": self.girl_boy,
            "daughter": self.daughter_son,
            "mother": self.mother.ref,
            "father": self.father.ref,
            "partner": self.partner.ref if self.partner else self.father.ref,
        }
        d.update(self.orgs)
        many = bool(self.siblings)
        d["children"] = "the children" if many else self.child.ref
        d["Children"] = "The children" if many else self.child.ref
        d["children_were"] = "the children were" if many else f"{self.child.ref} was"
        d["Children_were"] = "The children were" if many else f"{self.child.ref} was"
        self.__dict__["_ctx"] = d
        return dict(d)


def _orgs(rng: random.Random, area: str, town: str, year: int) -> dict[str, str]:
    region = rng.choice(_REGIONS)
    council = rng.choice(("County Council", "Borough Council", "City Council", "Council"))
    pct = (
        rng.choice((f"NHS {area}", f"{area} Primary Care Trust", f"{area} PCT"))
        if year < 2013
        else f"NHS {area} Clinical Commissioning Group"
    )
    pct_short = "the PCT" if year < 2013 else "the CCG"
    return {
        "csc": rng.choice(
            (
                f"{area} Children's Services",
                f"{area} {council} Children's Social Care",
                f"{area} Children and Young People's Services",
            )
        ),
        "council": f"{area} {council}",
        "community_trust": rng.choice(
            (
                f"{area} Community Health Services",
                f"NHS {area} Community Services",
                f"{area} Healthcare NHS Trust",
            )
        ),
        "hospital": rng.choice(
            (
                f"{town} Hospitals NHS Foundation Trust",
                f"{town} General Hospital NHS Trust",
                f"{town} and District Hospitals NHS Trust",
            )
        ),
        "hospital_site": rng.choice((f"{town} General Hospital", f"{town} Royal Infirmary")),
        "ambulance": f"{region} Ambulance Service NHS Trust",
        "pct": pct,
        "pct_short": pct_short,
        "police": rng.choice((f"{area} Constabulary", f"{area} Police")),
        "probation": f"{area} Probation Trust" if year < 2015 else "the National Probation Service",
        "mh_trust": rng.choice(
            (
                f"{area} Partnership NHS Foundation Trust",
                f"{area} Mental Health NHS Trust",
            )
        ),
        "school": rng.choice((f"{town} Primary School", f"St Anne's Primary School, {town}")),
        "secondary": rng.choice((f"{town} Academy", f"{town} High School")),
        "nursery": rng.choice((f"{town} Children's Centre", f"Little Acorns Day Nursery, {town}")),
        "housing": rng.choice((f"{area} Homes", f"{town} Housing Association")),
        "charity": rng.choice((f"{town} Family Support Project", f"Home-Start {town}")),
        "charity2": f"{area} Women's Refuge",
        "yot": f"{area} Youth Offending Service",
        "connexions": f"Connexions {area}",
        "misc": rng.choice(("the Army Welfare Service", "Cafcass")),
        "dat": f"{area} Drug and Alcohol Action Team",
        "region": region,
    }


_INCIDENTS = {
    ("death", "under_1"): ("head_injury", "multiple_injuries", "head_injury"),
    ("death", "1_5"): ("abdominal_injury", "head_injury", "drowning", "fire"),
    ("death", "6_10"): ("killed_by_parent", "fire", "killed_by_parent"),
    ("death", "11_plus"): ("suicide", "stabbed", "killed_by_parent"),
    ("serious_injury", "under_1"): ("fractures", "head_injury", "burns"),
    ("serious_injury", "1_5"): ("burns", "fractures", "head_injury"),
    ("serious_injury", "6_10"): ("assault_injuries", "sexual_abuse", "burns"),
    ("serious_injury", "11_plus"): ("sexual_abuse", "stabbing", "assault_injuries"),
}


def _incident(rng: random.Random, plan: ReviewPlan, themes: set[str]) -> tuple[str, str]:
    """What happened and who did it, consistent with the case's themes."""
    key = (plan.outcome, plan.age_band)
    further = set(plan.further_themes)
    if "safer_sleeping" in further:
        return "sudi_cosleeping", "none"
    if "shaken_babies" in further:
        return "head_injury", rng.choice(
            ("father", "partner") if "hidden_men" in themes else ("father", "mother")
        )
    options = list(_INCIDENTS[key])
    if (
        "parental_substance_misuse" in themes
        and plan.age_band in ("1_5", "under_1")
        and plan.outcome == "death"
    ):
        options.append("methadone")
    if "neglect" in themes and plan.outcome == "death" and plan.age_band in ("under_1", "1_5"):
        options.append("neglect_death")
    if "killed_by_parent" in options and "parental_mental_ill_health" not in themes:
        options = [o for o in options if o != "killed_by_parent"] or ["stabbed"]
    kind = rng.choice(options)
    if kind in ("suicide",):
        return kind, "self"
    if kind in ("stabbed", "stabbing") or (kind == "sexual_abuse" and plan.age_band == "11_plus"):
        return kind, "peer"
    if kind in ("drowning", "fire", "methadone", "neglect_death"):
        return kind, "mother"
    if kind == "killed_by_parent":
        return kind, "mother" if rng.random() < 0.6 else "father"
    if "hidden_men" in themes:
        return kind, "partner"
    return kind, rng.choice(("father", "mother", "father", "unknown"))


def build_case(plan: ReviewPlan, rng: random.Random, area: str | None = None) -> Case:
    """Draw the people, organisations and dates of one review (in a fixed order of draws, so
    that a plan always gives the same case)."""
    themes = set(plan.case_themes)
    area = area or place_name(rng)
    town = place_name(rng)
    while town == area:
        town = place_name(rng)
    lscb, lscb_short = _board_names(rng, area, plan.year)
    orgs = _orgs(rng, area, town, plan.year)
    female = plan.child_sex == "female"
    scheme, letter, child_ref, first = _child_names(rng, plan)
    child = Person(child_ref, "child", plan.child_sex)
    teen = "teenage_parents" in themes
    mother, father, mother_age_at_birth = _parents(rng, plan, teen, scheme, letter)
    mother_age = int(mother_age_at_birth + plan.child_age_years)
    partner = _partner(rng, father, mother_age) if "hidden_men" in themes else None
    siblings = _siblings(rng, plan.child_age_years, teen)
    incident, birth, review_start, report_date, publication = _dates(rng, plan)
    kind, perp = _incident(rng, plan, themes)
    if kind == "killed_by_parent" and perp == "father" and "hidden_men" in themes:
        perp = "partner"
    gest, weight = _birth_measures(rng, themes)

    return Case(
        plan=plan,
        rng=rng,
        area=area,
        town=town,
        lscb=lscb,
        lscb_short=lscb_short,
        orgs=orgs,
        child=child,
        child_first=first,
        he="she" if female else "he",
        his="her" if female else "his",
        him="her" if female else "him",
        girl_boy="girl" if female else "boy",
        daughter_son="daughter" if female else "son",
        mother=mother,
        father=father,
        partner=partner,
        siblings=siblings,
        birth=birth,
        incident=incident,
        review_start=review_start,
        report_date=report_date,
        publication=publication,
        incident_kind=kind,
        perpetrator=perp,
        themes=themes,
        gestation_weeks=gest,
        birth_weight_kg=weight,
        mother_age_at_birth=mother_age_at_birth,
        date_style=rng.choice((0, 0, 1, 2, 3)),
        scr_year_word=number_word(plan.year % 100),
    )


def _board_names(rng: random.Random, area: str, year: int) -> tuple[str, str]:
    """The commissioning body's name and short name: a partnership from 2019, a Board before."""
    if year >= 2019:
        lscb = rng.choice(
            (f"{area} Safeguarding Children Partnership", f"{area} Safeguarding Partnership")
        )
        return lscb, "the Partnership"
    lscb = rng.choice(
        (f"{area} Safeguarding Children Board", f"{area} Local Safeguarding Children Board")
    )
    return lscb, rng.choice((f"{area} LSCB", f"{area[0]}SCB"))


def _child_names(rng: random.Random, plan: ReviewPlan) -> tuple[str, str, str, str]:
    """(naming scheme, letter, how the report refers to the child, first name or reference)."""
    female = plan.child_sex == "female"
    scheme = rng.choice(("letter", "letter", "baby", "pseudonym"))
    letter = rng.choice("ABCDEFGHJKLMNPRSTW")
    if scheme == "pseudonym":
        first = rng.choice(GIRLS if female else BOYS)
        child_ref = first
    elif scheme == "baby" and plan.age_band == "under_1":
        child_ref = f"Baby {letter}"
        first = child_ref
    else:
        child_ref = f"Child {letter}"
        first = child_ref
    if plan.age_band == "11_plus" and scheme != "pseudonym" and rng.random() < 0.4:
        child_ref = f"Young Person {letter}"
        first = child_ref
    return scheme, letter, child_ref, first


def _parents(
    rng: random.Random, plan: ReviewPlan, teen: bool, scheme: str, letter: str
) -> tuple[Person, Person, int]:
    """Mother and father, named in the report's scheme, and the mother's age at the birth."""
    years_old = plan.child_age_years
    mother_age_at_birth = rng.randint(15, 18) if teen else rng.randint(21, 36)
    mother_age = int(mother_age_at_birth + years_old)
    father_age = mother_age + rng.randint(-1, 8) if not teen else rng.randint(17, 24)
    if scheme == "pseudonym":
        mother = Person(rng.choice(ADULT_F), "mother", "female", mother_age)
        father = Person(rng.choice(ADULT_M), "father", "male", father_age)
    elif rng.random() < 0.5:
        mother = Person("Ms " + letter, "mother", "female", mother_age)
        father = Person("Mr " + rng.choice("BCDEFGHKLMNRSTWY"), "father", "male", father_age)
    else:
        mother = Person("Mother", "mother", "female", mother_age)
        father = Person("Father", "father", "male", father_age)
    return mother, father, mother_age_at_birth


def _partner(rng: random.Random, father: Person, mother_age: int) -> Person:
    """The mother's partner (the 'hidden men' theme), never named as the father is."""
    pref = rng.choice(("Mr X", "Mr Z", "Mr " + rng.choice("PQVX"), rng.choice(ADULT_M)))
    if pref == father.ref:
        pref = "Mr Q"
    return Person(pref, "partner", "male", mother_age + rng.randint(2, 12))


def _siblings(rng: random.Random, years_old: float, teen: bool) -> list[Person]:
    """Brothers and sisters; teenage parents have none older than the child."""
    siblings = []
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        sib_age = max(0, int(years_old) + rng.choice((-3, -2, 2, 3, 5, 7)))
        if teen and sib_age > years_old:
            continue
        siblings.append(Person("", "sibling", rng.choice(("female", "male")), sib_age))
    return siblings


def _dates(
    rng: random.Random, plan: ReviewPlan
) -> tuple[dt.date, dt.date, dt.date, dt.date, dt.date]:
    """(incident, birth, review start, report date, publication): the incident in the year
    before the review's year, the report within that year."""
    incident = dt.date(plan.year - 1, rng.randint(1, 12), rng.randint(1, 28))
    days = (
        int(round(plan.child_age_years * 365.25))
        if plan.age_unit != "weeks"
        else plan.age_value[0] * 7
    )
    if plan.age_unit == "years":
        days += rng.randint(5, 300)
    birth = incident - dt.timedelta(days=max(7, days))
    review_start = add_months(incident, rng.randint(1, 3)) + dt.timedelta(days=rng.randint(-9, 9))
    report_date = add_months(review_start, rng.randint(6, 10)) + dt.timedelta(
        days=rng.randint(-12, 12)
    )
    if report_date.year > plan.year:
        report_date = dt.date(plan.year, rng.randint(1, 6), rng.randint(1, 28))
    if report_date <= incident:
        report_date = add_months(incident, 6)
    publication = add_months(report_date, rng.randint(0, 2))
    return incident, birth, review_start, report_date, publication


def _birth_measures(rng: random.Random, themes: set[str]) -> tuple[int, float]:
    """Gestation in weeks and birth weight in kg (premature or small where the case says so)."""
    gest = rng.randint(27, 34) if "premature_low_birth_weight" in themes else rng.randint(38, 41)
    weight = round(rng.uniform(0.9, 2.2), 2) if gest < 35 else round(rng.uniform(2.9, 3.9), 2)
    if "premature_low_birth_weight" in themes and rng.random() < 0.25:  # term but small
        gest, weight = rng.randint(37, 39), round(rng.uniform(1.9, 2.4), 2)
    return gest, weight


def age_phrase(case: Case, variant: int) -> str:
    """The child's age as reports write it, several ways ('a nine-week-old girl', 'aged 14')."""
    plan = case.plan
    a, b = plan.age_value
    g = case.girl_boy
    if plan.age_unit == "weeks":
        forms = (
            f"a {number_word(a)}-week-old {'baby ' + g if variant % 2 else g}",
            f"aged {a} weeks",
            f"{a} weeks old",
            f"a baby {g} of {number_word(a)} weeks",
        )
    elif plan.age_unit == "months":
        forms = (
            f"a {number_word(a)}-month-old baby {g}",
            f"aged {a} months",
            f"{number_word(a)} months old",
            f"a baby {g} aged {number_word(a)} months",
        )
    elif plan.age_unit == "years_months":
        yrs = "year" if a == 1 else "years"
        mos = "month" if b == 1 else "months"
        forms = (
            f"aged {a} {yrs} {b} {mos}",
            f"({a} {yrs} {b} {mos})",
            f"aged {number_word(a)} {yrs} and {number_word(b)} {mos}",
            f"a little {g} of {a} {yrs} and {b} {mos}",
        )
    else:
        young = "young person" if a >= 13 else g
        yrs = "year" if a == 1 else "years"
        forms = (
            f"aged {a}",
            f"a {number_word(a)}-year-old {young}",
            f"{a} {yrs} old",
            f"aged {number_word(a)} {yrs}",
        )
    return forms[variant % len(forms)]
