"""The narrative chapters of an overview report: introduction, process, family, analysis, findings.

Each function returns paragraphs (strings) or blocks for one chapter, in the voice of English
overview reports of 2009-2020. Case themes appear only where the case has them; wording is drawn
from many alternatives so no two reports read the same.
"""

from __future__ import annotations

import random
import re

from corpus.case import Case, age_phrase
from corpus.textkit import cap, expand, fmt_date, join_and, month_year, number_word

AGENCY_LONG = {
    "community_health": "community_trust",
    "childrens_social_care": "csc",
    "early_years": "nursery",
    "housing": "housing",
    "health_overview": "pct",
    "hospital_ambulance": "hospital",
    "adult_mh_substance": "mh_trust",
    "education": "school",
    "connexions": "connexions",
    "youth_offending": "yot",
    "police": "police",
    "probation": "probation",
    "voluntary": "charity",
    "miscellaneous": "misc",
}


def _x(case: Case, t: str, rng: random.Random, extra: dict[str, str] | None = None) -> str:
    ctx = case.ctx()
    if extra:
        ctx |= extra
    return expand(t, rng, ctx)


def _perp(case: Case) -> str:
    return {
        "mother": case.mother.ref,
        "father": case.father.ref,
        "partner": case.partner.ref if case.partner else case.father.ref,
    }.get(case.perpetrator, "")


def wt_edition(year: int) -> str:
    if year <= 2010:
        return (
            "Working Together to Safeguard Children (2006)"
            if year <= 2009
            else ("Working Together to Safeguard Children (2010)")
        )
    if year <= 2013:
        return "Working Together to Safeguard Children (2010)"
    if year <= 2015:
        return "Working Together to Safeguard Children (2013)"
    if year <= 2018:
        return "Working Together to Safeguard Children (2015)"
    return "Working Together to Safeguard Children (2018)"


# --- the incident ----------------------------------------------------------------------------
def incident_text(case: Case, rng: random.Random) -> str:
    """What happened, in the report's words: outcome, age and sex all readable from it.

    The facts are drawn from the case's own seed, so every place the report tells the story
    tells the same one; only the way the child's age is written varies.
    """
    age = age_phrase(case, rng.randrange(4))
    rng = random.Random(case.plan.seed * 7 + 1)
    d = fmt_date(case.incident, 0)
    perp = _perp(case)
    k = case.incident_kind
    child = case.child.ref
    who = f"{child} {age}" if age.startswith("(") else f"{child}, {age},"
    if k == "sudi_cosleeping":
        return _cosleeping_text(case, rng, d, who)
    if k in _INJURIES:
        return _injury_text(case, rng, _INJURIES[k], d, who, perp)
    if k == "methadone":
        return _x(
            case,
            f"On {d}, {who} was found dead at home. The post-mortem examination and toxicology "
            "showed that {he} had died from methadone toxicity. {mother} and {father} were "
            "both prescribed methadone at the time, and [a bottle had been left within {his} "
            "reach|take-home doses were not stored safely].",
            rng,
        )
    if k == "neglect_death":
        return _x(
            case,
            f"On {d}, {who} was taken to hospital [in a collapsed state|by ambulance] and "
            "died [shortly after arrival|the next day]. The post-mortem examination found "
            "[severe malnutrition and dehydration|pneumonia in a child who was severely "
            "underweight], and [signs of long-standing neglect|untreated nappy rash and "
            "infected sores].",
            rng,
        )
    if k in ("drowning", "fire"):
        what = (
            "drowned in the bath at the family home after being left unsupervised"
            if k == "drowning"
            else "died in a fire at the family home; [{he} and {his} siblings had been left "
            "alone in the house|the fire started in the bedroom where {he} was sleeping]"
        )
        return _x(case, f"On {d}, {who} {what}.", rng)
    if k == "killed_by_parent":
        mh = case.has("parental_mental_ill_health")
        t = f"On {d}, {who} was killed by {perp} at the family home."
        if mh:
            t += (
                f" {perp} was [later found to have been suffering from a psychotic illness at "
                "the time|admitted to a secure psychiatric unit] and [was convicted of "
                "manslaughter on the grounds of diminished responsibility|was found unfit to "
                "plead]."
            )
        else:
            t += f" {perp} was convicted of murder."
        return _x(case, t, rng)
    if k == "suicide":
        return _x(
            case,
            f"On {d}, {who} was found hanged in {{his}} bedroom [by {{mother}}|by a sibling]. "
            "[Paramedics attended but {he} could not be revived.|{He} was pronounced dead at "
            "the scene.] The coroner recorded a verdict of suicide.",
            rng,
        )
    if k == "stabbed":
        return _x(
            case,
            f"On {d}, {who} was fatally stabbed [in a park near {{his}} home|in the street] by "
            "another young person. [Two young men were later convicted of murder.|A "
            "sixteen-year-old was convicted of manslaughter.]",
            rng,
        )
    if k == "sexual_abuse":
        by = (
            "an adult male known to the family"
            if case.perpetrator == "peer"
            else (perp or "a relative")
        )
        return _x(
            case,
            f"On {d}, {who} disclosed to [a teacher|{{his}} school nurse|a youth worker] that "
            f"{{he}} had been sexually abused by {by} over a period of [months|about a year]. "
            "A medical examination [found injuries consistent with the account|supported the "
            "disclosure]. The abuse caused {child} serious harm. {He} [is now in foster care|now "
            "lives with relatives] and is receiving therapeutic support.",
            rng,
        )
    return _x(case, f"On {d}, {who} suffered serious harm.", rng)


def _cosleeping_text(case: Case, rng: random.Random, d: str, who: str) -> str:
    """A sudden unexpected death (or collapse) of a baby sleeping with a parent."""
    subs = case.has("parental_substance_misuse")
    death = case.outcome == "death"
    where = (
        "in bed with her parents after they had both been drinking"
        if subs
        else rng.choice(
            ("in the parents' bed", "on the sofa with {mother}", "in bed with {mother}")
        )
    )
    if death:
        t = (
            f"In the early hours of {d}, {who} was found unresponsive [{where}|, having "
            f"been asleep {where}]. An ambulance was called and {{he}} was taken to "
            "{hospital_site}, where {he} was pronounced dead. The post-mortem examination "
            "did not establish a cause of death; the death was classified as a sudden "
            "unexpected death in infancy in the context of co-sleeping."
        )
    else:
        t = (
            f"On {d}, {who} was found not breathing after sleeping {where}. {{mother}} "
            "called an ambulance and {child} was resuscitated by paramedics. {He} survived "
            "but sustained a [serious|significant] hypoxic brain injury, the long-term "
            "effects of which are not yet known."
        )
    return _x(case, t.replace("her parents", "{his} parents"), rng)


# what an inflicted injury of each kind was, as a report describes it
_INJURIES = {
    "head_injury": "[a skull fracture and bleeding around the brain|subdural and retinal "
    "haemorrhages|a severe head injury]",
    "multiple_injuries": "multiple injuries, including fractured ribs and a lacerated liver",
    "abdominal_injury": "[serious abdominal injuries|a ruptured bowel]",
    "fractures": "[fractures to several ribs and both legs|multiple fractures of different "
    "ages, including rib and metaphyseal fractures]",
    "burns": "[scalds to {his} buttocks and feet consistent with immersion in hot water|"
    "burns to {his} hands and back]",
    "assault_injuries": "[extensive bruising to {his} face and body|a fractured cheekbone "
    "and bruising]",
    "stabbing": "a stab wound to the abdomen",
}


def _injury_text(case: Case, rng: random.Random, inj: str, d: str, who: str, perp: str) -> str:
    """An inflicted injury the child died of or survived, and what became of who caused it."""
    death = case.outcome == "death"
    if death:
        t = (
            f"On {d}, {who} was taken to {{hospital_site}} by ambulance [after {{mother}} "
            "called 999 saying {he} had stopped breathing|in a collapsed state]. "
            f"[Investigations|Scans] showed {inj}. {{He}} died [later that day|two days later|"
            "the following week] [without regaining consciousness|]. [The post-mortem "
            "examination concluded that the injuries were non-accidental.|The Home Office "
            "pathologist found that the injuries had been inflicted.]"
        )
    else:
        t = (
            f"On {d}, {who} was admitted to {{hospital_site}} with {inj}. [Medical opinion "
            "was that the injuries were non-accidental.|The paediatrician concluded that the "
            "explanation given did not account for the injuries.] {child} survived and "
            "[is now living with [foster carers|{his} maternal grandparents]|has made a good "
            "physical recovery|continues to receive treatment]."
        )
    if perp and case.perpetrator in ("mother", "father", "partner"):
        t += rng.choice(
            (
                f" {perp} was subsequently convicted [of {'manslaughter' if death else 'causing grievous bodily harm'}|"
                "in connection with the injuries] and sentenced to [six|eight|nine|twelve] "
                "years' imprisonment.",
                f" {perp} was charged [with {'murder' if death else 'wounding with intent'}|"
                "in connection with the injuries]; criminal proceedings concluded before "
                "this report was published.",
                f" {perp} later pleaded guilty to [{'manslaughter' if death else 'cruelty'}|"
                "a lesser offence].",
            )
        )
    elif case.perpetrator == "unknown":
        t += " [No-one has been charged in connection with the injuries.|The police "
        t += "investigation did not identify who caused the injuries.]"
    return _x(case, t, rng)


def aftermath(case: Case, rng: random.Random) -> str:
    """What agencies did after the incident (police investigation, siblings' safety)."""
    sib = (
        " [{child}'s siblings were|The other children were] [placed with relatives|accommodated "
        "by the local authority] [the same day|that evening]."
        if case.siblings
        else ""
    )
    return _x(
        case,
        "[A police investigation began the same day.|The police began a criminal investigation "
        "and a strategy discussion was held the following morning.|Children's social care and "
        "the police held a strategy meeting within 24 hours.]" + sib,
        rng,
    )


# --- introduction and process -------------------------------------------------------------
def introduction(case: Case, rng: random.Random) -> list[str]:
    year = case.plan.year
    wt = wt_edition(
        case.review_start.year if case.review_start.month >= 4 else case.review_start.year - 1
    )
    decided = fmt_date(case.review_start, 0)
    paras = [incident_text(case, rng)]
    if year >= 2019:
        crit = (
            "The [Safeguarding Partnership|safeguarding partners] [agreed|decided] on {decided} "
            "that the case met the criteria for a local child safeguarding practice review set "
            f"out in {wt}, and that the review would follow the serious case review model."
        )
    else:
        crit = (
            "[The Independent Chair of|The Chair of] {lscb_short} decided on {decided} that the "
            f"case met the criteria for a serious case review set out in [Chapter 8 of|] {wt}"
            "[, because abuse or neglect was known or suspected to be a factor and there was "
            "cause for concern about the way in which agencies had worked together|]."
        )
    paras.append(_x(case, crit, rng, {"decided": decided}))
    paras.append(
        _x(
            case,
            "The purpose of a serious case review is to [establish|identify] whether there are "
            "lessons to be learned from the case about the way in which local professionals and "
            "organisations work [individually and together|together] to safeguard and promote "
            "the welfare of children; to identify clearly what those lessons are, how they will "
            "be acted upon and what is expected to change as a result; and [as a consequence,|] "
            "to improve inter-agency working and better safeguard children.",
            rng,
        )
    )
    paras.append(
        _x(
            case,
            "[Serious case reviews are not inquiries into how a child died or was harmed, or "
            "into who is culpable. These are matters for coroners and the criminal courts.|It is "
            "not the purpose of this review to apportion blame to individuals; that is a matter "
            "for the criminal courts and for agencies' own disciplinary processes.|The review "
            "does not seek to establish how {child} was harmed; that is a matter for the "
            "criminal justice system.]",
            rng,
        )
    )
    if rng.random() < 0.6:
        paras.append(
            _x(
                case,
                "This [report|overview report] has been anonymised[ for publication|]. "
                "[Family members are referred to by their relationship to {child}.|The names "
                "used are not the real names of the family.|The child is referred to as "
                "{child} throughout.] [Some details have been changed to protect the identity of "
                "the children.|]",
                rng,
            )
        )
    return paras


def terms_of_reference(case: Case, rng: random.Random) -> tuple[list[str], list[str]]:
    """Opening paragraphs and the list of questions the panel set."""
    start = (
        case.birth
        if case.plan.age_band == "under_1"
        else case.incident.replace(year=case.incident.year - 2)
    )
    paras = [
        _x(
            case,
            "The [panel|review panel] agreed [terms of reference|the following terms of "
            "reference] at its first meeting on {first}. The review [covers|considers agencies' "
            "involvement in] the period from {start} to {end}[, although agencies were asked to "
            "summarise any relevant earlier involvement|].",
            rng,
            {
                "first": fmt_date(case.review_start, case.date_style),
                "start": fmt_date(start, 0),
                "end": fmt_date(case.incident, 0),
            },
        )
    ]
    q = [
        "To establish [the facts of|a chronology of] agencies' involvement with {child} and "
        "{his} family.",
        "To consider whether the [services provided were|support provided was] appropriate to "
        "the needs of {child} and {his} family.",
        "To examine how well agencies [shared information|communicated with each other] and "
        "worked together.",
        "To consider whether [practitioners|professionals] kept [the child's needs|{child}] at "
        "the centre of their work.",
        "To assess whether agencies' policies and procedures were followed, and whether they are "
        "fit for purpose.",
        "To identify [any|] examples of good practice.",
        "To consider whether [the incident|the harm to {child}] could have been predicted or "
        "prevented.",
    ]
    if case.has("domestic_violence"):
        q.append("How well did agencies recognise and respond to domestic abuse in the household?")
    if case.has("parental_substance_misuse"):
        q.append(
            "How did agencies assess the impact of the parents' drug and alcohol use on {child}?"
        )
    if case.has("parental_mental_ill_health"):
        q.append(
            "Did adult mental health services consider the needs of the children of their patient?"
        )
    if case.has("hidden_men"):
        q.append(
            "What did agencies know about the adults, particularly the men, in {child}'s life?"
        )
    if case.has("disability"):
        q.append("How well were {child}'s needs as a disabled child understood?")
    rng.shuffle(q)
    return paras, [_x(case, t, rng) for t in q[: rng.randint(5, len(q))]]


def process(case: Case, rng: random.Random, agencies: list[str]) -> list[str]:
    orgs = [case.orgs[AGENCY_LONG[a]] for a in agencies if a in AGENCY_LONG]
    orgs = list(dict.fromkeys(o for o in orgs if not o.startswith("the ")))
    paras = [
        _x(
            case,
            "The review was [led|overseen] by a panel [chaired by|with] an independent "
            "chair[, {chair},|] and [comprising|made up of] senior representatives of the agencies "
            "involved with the family. [The overview author|The author of this report], "
            "{author}, is independent of all the agencies involved[ and has no previous "
            "connection with the family|].",
            rng,
            {
                "chair": rng.choice(
                    ("Ms J Elwood", "Mr P Hartley", "Dr S Okafor", "Ms R Lindqvist")
                ),
                "author": rng.choice(
                    (
                        "an independent social work consultant",
                        "a former director of children's services",
                        "an independent safeguarding consultant",
                    )
                ),
            },
        ),
        _x(
            case,
            "Individual management reviews (IMRs) were [requested from|provided by] "
            + join_and(orgs[:8])
            + ". [Each IMR author was independent of the direct management of the case.|"
            "The IMRs were of variable quality; two were returned to their agencies for "
            "further work.|The panel scrutinised each IMR and sought clarification where "
            "necessary.]",
            rng,
        ),
        _x(
            case,
            "[A combined multi-agency chronology was compiled from the agencies' own "
            "chronologies.|Each agency also provided a chronology of its involvement, and these "
            "were merged into a single chronology.] [Summary reports were obtained from "
            "agencies with limited involvement.|The panel met [six|seven|eight] times between "
            "{s} and {e}.]",
            rng,
            {"s": month_year(case.review_start), "e": month_year(case.report_date)},
        ),
        _x(
            case,
            "[{mother} was told about the review and met the overview author and the panel "
            "chair; her views are reflected in this report.|{mother} was invited to contribute "
            "to the review but did not respond.|The family were informed of the review. "
            "{father} met the author; {mother} declined.] [Contact with family members was "
            "delayed until the conclusion of the criminal proceedings.|]",
            rng,
        ),
    ]
    if rng.random() < 0.5:
        paras.append(
            _x(
                case,
                "[The review was delayed by the criminal proceedings and was completed outside "
                "the timescale set out in {wt}.|The review was completed in {months} months.] "
                "[The Department for Education and Ofsted were kept informed.|The report was "
                "presented to {lscb_short} on {date}.]",
                rng,
                {
                    "wt": wt_edition(
                        case.review_start.year
                        if case.review_start.month >= 4
                        else case.review_start.year - 1
                    ),
                    "months": number_word(rng.randint(6, 14)),
                    "date": fmt_date(case.report_date, 0),
                },
            )
        )
    return paras


# --- the family ------------------------------------------------------------------------------
def family_rows(case: Case) -> list[list[str]]:
    """Who is who: the family table many reports open their background chapter with."""
    rows = [
        [case.child.ref, "Subject of the review", _age_at(case)],
        [case.mother.ref, "Mother", f"{case.mother.age}"],
        [case.father.ref, "Father", f"{case.father.age}"],
    ]
    if case.partner:
        rows.append([case.partner.ref, "Mother's partner", f"{case.partner.age}"])
    for i, sib in enumerate(case.siblings):
        rel = (
            ("Half-sister" if sib.sex == "female" else "Half-brother")
            if i % 2
            else ("Sister" if sib.sex == "female" else "Brother")
        )
        rows.append([f"Sibling {i + 1}", rel, str(sib.age)])
    return rows


def _age_at(case: Case) -> str:
    a, b = case.plan.age_value
    u = case.plan.age_unit
    if u == "weeks":
        return f"{a} weeks"
    if u == "months":
        return f"{a} months"
    if u == "years_months":
        return f"{a} years {b} months"
    return f"{a} years"


def family_background(case: Case, rng: random.Random) -> list[str]:
    paras: list[str] = []
    m = case.mother.ref
    sib = ""
    if case.siblings:
        sib_desc = [
            f"a {'sister' if s.sex == 'female' else 'brother'} aged {s.age}"
            if s.age
            else f"a baby {'sister' if s.sex == 'female' else 'brother'}"
            for s in case.siblings
        ]
        sib = f" {case.child.ref} had " + join_and(sib_desc) + "."
    if case.has("teenage_parents"):
        paras.append(
            _x(
                case,
                f"{m} was {case.mother_age_at_birth} when {{child}} was born[ and was still at school|"
                " and had left school the previous summer|]. {father} was [also a teenager|"
                "eighteen] at the time. [{mother} had herself been known to children's social "
                "care as a child, and had spent a period in foster care.|{mother}'s relationship "
                "with her own mother was strained and she had moved between relatives' homes.]",
                rng,
            )
            + sib
        )
    else:
        paras.append(
            _x(
                case,
                "{mother} [grew up in the area|moved to {area} as a child|was born in "
                "[Birmingham|Leeds|Glasgow|Cardiff] and moved to {area} in her twenties]. [She "
                "had worked in [retail|a care home|a call centre] before {child} was born.|She "
                "had [one|two] older children from a previous relationship.] [{father} worked "
                "[as a labourer|in a warehouse|as a driver].|{father} was not living with the "
                "family for most of the period under review.]",
                rng,
            )
            + sib
        )
    if case.has("premature_low_birth_weight"):
        paras.append(
            _x(
                case,
                "[{child} was born prematurely at {gest} weeks' gestation|{child} was born at "
                "{gest} weeks with a low birth weight of {wt} kg] and spent [several|the first "
                "few] weeks [in the neonatal unit|in special care]. [{He} had feeding "
                "difficulties after discharge.|{He} was followed up by the neonatal outreach "
                "team.]",
                rng,
                {"gest": str(case.gestation_weeks), "wt": f"{case.birth_weight_kg:.2f}"},
            )
        )
    elif case.plan.age_band == "under_1" and rng.random() < 0.6:
        paras.append(
            _x(case, "{child} was born at term and was a healthy baby of normal weight.", rng)
        )
    if case.has("domestic_violence"):
        abuser = case.father.ref
        paras.append(
            _x(
                case,
                f"There was a history of domestic abuse [in the relationship between {{mother}} and "
                f"{abuser}|perpetrated by {abuser}]. The police had been called to the family "
                "home on [at least|] [five|seven|eleven] occasions [in the two years before the "
                "incident|during the period under review], and [{mother} had been injured on "
                "two of those occasions|{children_were} present on most occasions].",
                rng,
            )
        )
    if case.has("parental_substance_misuse"):
        who = rng.choice(("both", "mother", "father"))
        subj = {"both": "Both parents", "mother": "{mother}", "father": "{father}"}[who]
        verb = "were" if who == "both" else "was"
        had = "had"
        paras.append(
            _x(
                case,
                f"{subj} {had} a long history of [heroin use|drug and alcohol misuse|"
                f"cannabis and cocaine use] and {verb} [prescribed methadone by the substance "
                f"misuse service|in contact with drug and alcohol services] for much of the "
                "period under review.",
                rng,
            )
        )
    if case.has("parental_mental_ill_health"):
        paras.append(
            _x(
                case,
                "{mother} had experienced [depression|anxiety and depression|episodes of "
                "self-harm] since her teens and [had been diagnosed with [a personality "
                "disorder|bipolar disorder|a recurrent depressive disorder]|had been admitted "
                "to a psychiatric unit on one occasion]. Her mental health [deteriorated|was "
                "unstable] [after the birth|during the period under review].",
                rng,
            )
        )
    if case.has("hidden_men"):
        paras.append(
            _x(
                case,
                "[{partner} [began a relationship with|moved in with] {mother}|{mother}'s "
                "partner, {partner}, [who was unknown to professionals,|] moved into the "
                "household] [a few months|about six weeks] before the incident. [He was not known to the agencies working "
                "with the family as a member of the household.|Professionals were unaware of his "
                "presence.] He had [previous convictions for violence|a history of violence "
                "towards former partners and their children|been known to children's social "
                "care in another area].",
                rng,
            )
        )
    if case.has("poverty"):
        paras.append(
            _x(
                case,
                "The family [lived on benefits|relied on state benefits] and [had significant "
                "debts|were in rent arrears for much of the period]. [On several occasions "
                "{mother} told professionals that there was no money for food or gas.|Delays in "
                "benefit payments left the family without income for weeks at a time.]",
                rng,
            )
        )
    if case.has("poor_living_environment"):
        paras.append(
            _x(
                case,
                "The family lived in a [privately rented|rented] [two-bedroom flat|terraced "
                "house] that was [damp and in poor repair|overcrowded and poorly maintained]. "
                "[Professionals who visited described the home as dirty and cluttered.|There "
                "were periods when the property had no working heating.]",
                rng,
            )
        )
    if case.has("neglect"):
        paras.append(
            _x(
                case,
                "[There had been long-standing concerns about neglect of {children}|Concerns "
                "about the standard of care {children} received went back several years], "
                "including [poor hygiene, missed health appointments and poor school "
                "attendance|{children} often being hungry and inadequately dressed].",
                rng,
            )
        )
    if case.has("disability"):
        paras.append(
            _x(
                case,
                "{child} [had cerebral palsy and significant learning disabilities|had been "
                "diagnosed with autism and had very limited speech|had complex health needs "
                "arising from a chromosomal disorder]. {He} was known to [a number of|many] "
                "health services, including [community paediatrics, physiotherapy and speech "
                "and language therapy|the disabled children's team and a special school].",
                rng,
            )
        )
    return paras


# --- analysis ------------------------------------------------------------------------------
ANALYSIS_GENERIC = [
    "[The IMR for {org} is|{org}'s IMR is] [thorough and analytical|candid about the "
    "shortcomings of its own practice|largely descriptive] and [the panel accepted its "
    "findings|it identifies a number of areas for improvement].",
    "[{staffrole} did not|There is no evidence that {staffrole} did] [consider the information "
    "held by other agencies|discuss the family with a manager|record the reasons for "
    "decisions] at [this point|key points in the case].",
    "[The IMR author|The review] found that [practitioners were working with high caseloads|"
    "there had been several changes of worker|the case was seen as low risk] and that this "
    "[affected|limited] the attention [given to|paid to] {child}.",
    "[Records were generally of a good standard|Records were brief and did not always "
    "show what had been seen], [although|and] the [rationale for decisions|analysis of risk] "
    "was not always clear.",
    "[It is striking that|It is notable that] [no single agency|none of the agencies] had "
    "[a complete picture of|full knowledge of] the family's circumstances.",
    "[There were examples of good practice|The review found some good practice], "
    "[in particular|including] [the persistence of the health visitor|the prompt response "
    "of the police|the school's careful monitoring of {child}].",
    "[{staffrole} told the IMR author that|In interview, {staffrole} said that] [she had "
    "felt reassured by {mother}'s cooperation|he had not thought the concerns were serious "
    "enough to refer|the family had seemed to be coping].",
    "The [assessment|initial assessment] [was completed late|focused on the presenting "
    "issue] and did not [draw on the family's history|include the views of other agencies].",
    "[With the benefit of hindsight|In hindsight] it is easy to see a pattern that was not "
    "apparent to [those working with the family|practitioners] at the time.",
    "[The panel heard|The review was told] that [the team was carrying a number of "
    "vacancies|managers were covering several teams] at the time.",
    "{org} [has already|has since] [revised its procedures|made changes to its practice] in "
    "[response|light of] the findings of its IMR.",
    "[The chronology shows|The records show] that {staffrole} had [regular|frequent|only "
    "occasional] contact with the family during [this period|the period under review].",
    "[At interview|When interviewed], {staffrole} [was open about|reflected on] [what might "
    "have been done differently|the pressures of the work at the time].",
    "[The IMR author|The panel] [identified|noted] that [the agency's procedures were not "
    "clear|the relevant guidance was out of date] [on this point|at the time].",
    "[There was no evidence that|The records do not show that] {staffrole} [knew|was aware] "
    "[of the involvement of other agencies|that other professionals were concerned].",
    "[Contacts with the family|Home visits] were [mostly planned in advance|often "
    "cancelled or rearranged], [which meant that|so that] [practitioners saw the family at its "
    "best|the family could prepare for them].",
    "[The agency's IMR|The IMR] [acknowledges|accepts] that [the standard of practice fell "
    "below what would be expected|opportunities were missed] [on at least two "
    "occasions|during this period].",
    "[It is to the credit of|The panel acknowledges the work of] {staffrole}, who [persisted "
    "in trying to engage the family|raised concerns on more than one occasion].",
    "[Practice was|The response was] [largely reactive|driven by each new incident], "
    "[with little|and there was no] [planning|forward planning] for {child}.",
    "[The IMR notes that|The review heard that] [staff turnover|sickness absence] in the team "
    "[meant that the family had|led to] [four|five|several] different workers in [a year|"
    "eighteen months].",
    "[Information from|Letters from] [other agencies|the hospital] [were|was] filed [without "
    "being read by|but not discussed with] {staffrole}.",
    "[In the view of the panel,|The panel's view is that] [{org}|the agency] [responded "
    "appropriately to the concerns that were raised with it|could not reasonably have known "
    "more than it did].",
    "The [threshold for|decision about] [intervention|further action] [appears to have been "
    "set too high|was not explained to other agencies].",
    "[{staffrole} relied|Reliance was placed] on {mother}'s [account|self-report] [of how "
    "things were|of her circumstances] [without checking it with others|without "
    "corroboration].",
    "[The|A] [referral|letter] [to another service|to children's social care] [was made "
    "but not followed up|was delayed by [two|three] weeks].",
    "[Management oversight|Supervision of the case] [is not evident in the records|was "
    "recorded only briefly] [for this period|at this time].",
    "[Decisions were made|The case was closed] without [discussion with|reference to] other "
    "agencies who knew the family.",
]

ANALYSIS_THEMED = {
    "domestic_violence": [
        "The [frequency|pattern] of domestic abuse incidents was not [recognised|brought "
        "together] by any agency, and each notification was dealt with in isolation.",
        "Police notifications of domestic abuse were [screened out|filed without action] by "
        "children's social care on [three|several] occasions.",
        "{mother}'s [minimisation|denial] of the abuse was [accepted|taken at face value] by "
        "professionals.",
    ],
    "parental_substance_misuse": [
        "The substance misuse service [focused on|was concerned with] {mother}'s treatment and "
        "did not consider [the children|the impact of her drug use on the children].",
        "Positive drug screens were not [shared|communicated] with the health visitor or "
        "children's social care.",
    ],
    "parental_mental_ill_health": [
        "Adult mental health services [saw|treated] {mother} as [an individual patient|their "
        "client] and [did not ask about|were not aware of] [her care of the children|the "
        "children's needs].",
        "The fluctuating nature of {mother}'s mental illness [was not understood|meant that "
        "periods of stability were over-interpreted].",
    ],
    "hidden_men": [
        "[The presence of {partner} in the household|{partner}'s role in the family] was "
        "[unknown to|not explored by] the professionals [working with|visiting] the family.",
        "[No agency|None of the agencies] [carried out checks on|asked about] {partner}, despite "
        "[signs that a man was living in the house|references to 'a friend' staying over].",
    ],
    "premature_low_birth_weight": [
        "{child}'s prematurity [and low birth weight|] [made {him} particularly "
        "vulnerable|increased {his} vulnerability], but [this was not reflected in|did not "
        "inform] the [assessment|plan].",
    ],
    "teenage_parents": [
        "{mother}'s own needs as a young parent [were not assessed|were not considered "
        "alongside those of {child}].",
    ],
    "poverty": [
        "The family's financial [difficulties|hardship] [were known to several agencies|were "
        "frequently mentioned] but [were not seen as relevant to|did not feature in] the "
        "assessment of risk.",
    ],
    "poor_living_environment": [
        "The [poor condition of the home|home conditions] [were noted|were recorded] on "
        "several visits but [were not linked to|did not prompt consideration of] {child}'s "
        "welfare.",
    ],
    "neglect": [
        "[The chronic nature of the neglect|The cumulative effect of neglect] was not "
        "[recognised|grasped], because [each concern was seen in isolation|professionals "
        "became accustomed to the standard of care].",
    ],
    "disability": [
        "[Professionals|The many professionals involved] focused on {child}'s [medical "
        "needs|disability] and [did not consider|overlooked] the possibility that {he} was "
        "being harmed.",
    ],
}

STAFF_ROLES = {
    "community_health": "the health visitor",
    "childrens_social_care": "the social worker",
    "early_years": "the nursery manager",
    "housing": "the housing officer",
    "health_overview": "the GP",
    "hospital_ambulance": "the Emergency Department doctor",
    "adult_mh_substance": "the care coordinator",
    "education": "the designated teacher",
    "connexions": "the personal adviser",
    "youth_offending": "the YOT case manager",
    "police": "the investigating officer",
    "probation": "the offender manager",
    "voluntary": "the family support worker",
    "miscellaneous": "the Family Court Adviser",
}


def agency_analysis(
    case: Case, rng: random.Random, agency: str, n_sentences: int, imr_recs: int | None
) -> list[str]:
    """A few paragraphs on one agency's involvement, from its IMR."""
    org = case.orgs[AGENCY_LONG[agency]]
    ctx = {"org": cap(org) if org.startswith("the ") else org, "staffrole": STAFF_ROLES[agency]}
    pool = list(ANALYSIS_GENERIC)
    for theme in sorted(case.themes):
        pool.extend(ANALYSIS_THEMED.get(theme, []))
    picked = rng.sample(pool, min(n_sentences, len(pool)))
    sentences = [cap(_x(case, t, rng, ctx)) for t in picked]
    paras = []
    while sentences:
        k = rng.randint(2, 4)
        paras.append(" ".join(sentences[:k]))
        sentences = sentences[k:]
    if imr_recs is not None:
        paras.append(
            _x(
                case,
                "The IMR [makes|made] {n} recommendations for {org}[, which are being taken "
                "forward through a single-agency action plan|; the panel is satisfied that they "
                "address the issues identified|]. [They are not repeated in this report.|]",
                rng,
                {**ctx, "n": number_word(imr_recs) if imr_recs < 20 else str(imr_recs)},
            )
        )
    return paras


def theme_analysis(case: Case, rng: random.Random, n: int) -> list[tuple[str, list[str]]]:
    """Cross-cutting analysis under headings the reports use ('Information sharing', ...)."""
    sections = []
    headings = [
        (
            "Information sharing and communication",
            [
                "Information was held by [several|different] agencies but was [not shared|not "
                "brought together] [in a way that allowed|so as to allow] the risks to {child} to be "
                "understood.",
                "[Communication|Communication between agencies] relied on [faxes and letters|"
                "telephone messages] that were not always followed up.",
                "[Where information was shared,|When information was passed on,] its significance "
                "was not always [made clear|understood by the recipient].",
            ],
        ),
        (
            "Assessment and the whole picture",
            [
                "[Assessments|The assessments that were undertaken] focused on [the presenting "
                "incident|{mother}] and did not [draw on|take account of] the history known to "
                "agencies.",
                "[No|None of the] assessment [considered|looked at] the family as a whole, and "
                "[the wider family|the grandparents] were not [consulted|spoken to].",
            ],
        ),
        (
            "The child's experience",
            [
                "[It is hard to find|There is little sign of] {child}'s voice in the records.",
                "{child} was [rarely|seldom] seen [alone|on {his} own] and [professionals|"
                "practitioners] knew little about {his} daily life.",
                "[The attention of professionals|Professionals' attention] was [drawn to|absorbed "
                "by] the needs of the adults[, and {child} was in danger of becoming invisible|].",
            ],
        ),
        (
            "Management oversight and supervision",
            [
                "[Supervision|Case supervision] [was infrequent|did not take place for long "
                "periods] and [focused on|was dominated by] [tasks|caseload management] rather than "
                "reflection.",
                "[Managers|Team managers] [agreed|endorsed] decisions [without|with little] "
                "[scrutiny|challenge].",
            ],
        ),
        (
            "Professional challenge",
            [
                "[Practitioners|Professionals] [did not challenge|accepted] [decisions|the "
                "decisions of children's social care] [they disagreed with|without question].",
                "The [escalation|LSCB escalation] procedure was not used[ at any point|].",
            ],
        ),
    ]
    for theme, head in (
        ("domestic_violence", "Domestic abuse"),
        ("parental_substance_misuse", "Parental substance misuse"),
        ("parental_mental_ill_health", "Parental mental health"),
        ("hidden_men", "The men in {child}'s life"),
        ("neglect", "Neglect"),
        ("disability", "{child}'s disability"),
    ):
        if case.has(theme):
            headings.append((head, ANALYSIS_THEMED[theme] * 2))
    rng.shuffle(headings)
    for head, bank in headings[:n]:
        paras = []
        for _ in range(rng.randint(3, 5)):
            sents = [
                cap(
                    _x(
                        case,
                        rng.choice(bank + ANALYSIS_GENERIC),
                        rng,
                        {"org": "the agencies", "staffrole": "the practitioner"},
                    )
                )
                for _ in range(rng.randint(2, 4))
            ]
            paras.append(" ".join(dict.fromkeys(sents)))
        sections.append((_x(case, head, rng), paras))
    return sections


# --- findings, earlier review, conclusion -------------------------------------------------------
def earlier_review(case: Case, rng: random.Random) -> str:
    """Narrative that quotes an earlier review's recommendation (not a recommendation here)."""
    yr = case.plan.year - rng.randint(2, 5)
    quoted = rng.choice(
        (
            "all agencies should ensure that fathers are included in assessments",
            "the LSCB should review the arrangements for sharing information about children "
            "who move between areas",
            "health visitors should routinely ask about domestic abuse",
            "children's social care should ensure that children are seen alone",
        )
    )
    return _x(
        case,
        f"[A previous serious case review in {{area}} ({yr})|An earlier review concerning "
        f"another child in {{area}}, published in {yr},] [recommended|had recommended] that "
        f"'{quoted}'. [The panel found that this recommendation had not been fully "
        "implemented.|An action plan was agreed at the time, but the panel found little "
        "evidence that practice had changed.|The panel was told that this had been "
        "implemented, but it was not reflected in practice in this case.]",
        rng,
    )


def findings(case: Case, rng: random.Random, n: int) -> list[str]:
    bank = [
        "[Agencies did not|No agency] [share|bring together] the information they held, "
        "[so|and] no-one had a complete picture of the risks to {child}.",
        "Assessments [did not take account of|ignored] the history of the family.",
        "{child} was not [seen|kept] at the centre of professional attention.",
        "[Practitioners were too ready to accept|Professionals accepted] the explanations "
        "given by [the parents|{mother}].",
        "[The quality of recording|Record keeping] in several agencies [was poor|fell short "
        "of expected standards].",
        "[Supervision did not|Management oversight did not] [provide|offer] the challenge "
        "that the case needed.",
        "[Procedures were in place but were not followed|The relevant procedures were not "
        "followed] in [several|a number of] [respects|instances].",
        "[There was confusion about|Agencies were not clear about] which professional was "
        "responsible for [coordinating the work|the case].",
    ]
    if case.has("domestic_violence"):
        bank.append(
            "The [impact of domestic abuse on|risk that domestic abuse posed to] "
            "{child} was [underestimated|not assessed]."
        )
    if case.has("hidden_men"):
        bank.append(
            "[The role of {partner}|The presence of a new partner] was not "
            "[known|explored], and the risk he posed was never assessed."
        )
    if case.has("parental_substance_misuse"):
        bank.append(
            "The effect of [the parents' drug use|parental substance misuse] on "
            "{child} was not [assessed|understood]."
        )
    if case.has("parental_mental_ill_health"):
        bank.append(
            "[Adult mental health services|Services working with {mother}] did not "
            "think about the children."
        )
    rng.shuffle(bank)
    return [cap(_x(case, t, rng)) for t in bank[:n]]


def conclusion(case: Case, rng: random.Random) -> list[str]:
    death = case.outcome == "death"
    event = "death" if death else "injuries"
    return [
        _x(
            case,
            f"[The panel has considered|This review has considered] whether {{child}}'s {event} "
            f"could have been predicted or prevented. [Based on the information available to "
            f"agencies at the time, the panel concluded that the {event} could not have been "
            f"predicted.|The panel concluded that, while the {event} could not have been "
            f"predicted, there were missed opportunities to intervene which might have changed "
            f"the course of events.|It is the view of the panel that the {event} [was not|could "
            f"not have been] predictable[, but that better practice might have reduced the risk|].]",
            rng,
        ),
        _x(
            case,
            "[The review has identified|This report sets out] [important|significant] lessons "
            "for [the agencies|all agencies] in {area}. [Many of these lessons are not new.|"
            "Several reflect findings from national research.] [Agencies have already begun to "
            "make changes in response.|The recommendations that follow are intended to address "
            "them.]",
            rng,
        ),
    ]


# (term, meaning[, case theme it belongs to: listed only when the report uses it])
GLOSSARY = [
    ("A&E / ED", "Accident and Emergency / Emergency Department"),
    ("CAF", "Common Assessment Framework"),
    ("CMHT", "Community Mental Health Team", "parental_mental_ill_health"),
    ("CP", "Child protection"),
    (
        "DASH",
        "Domestic Abuse, Stalking and Harassment risk identification checklist",
        "domestic_violence",
    ),
    ("GP", "General Practitioner"),
    ("HV", "Health visitor"),
    ("IMR", "Individual Management Review"),
    ("LSCB", "Local Safeguarding Children Board"),
    ("MARAC", "Multi-Agency Risk Assessment Conference", "domestic_violence"),
    ("PPU", "Public Protection Unit"),
    ("SCR", "Serious Case Review"),
    ("SCBU", "Special Care Baby Unit", "premature_low_birth_weight"),
]

REFERENCES = [
    "Brandon, M. et al (2008) Analysing child deaths and serious injury through abuse and "
    "neglect: what can we learn? A biennial analysis of serious case reviews 2003-2005. DCSF.",
    "Brandon, M. et al (2009) Understanding serious case reviews and their impact: a biennial "
    "analysis of serious case reviews 2005-07. DCSF.",
    "Cleaver, H., Unell, I. and Aldgate, J. (2011) Children's Needs - Parenting Capacity. "
    "Second edition. The Stationery Office.",
    "HM Government (2010) Working Together to Safeguard Children. DCSF.",
    "Munro, E. (2011) The Munro Review of Child Protection: Final Report. A child-centred "
    "system. Department for Education.",
    "Ofsted (2008) Learning lessons, taking action: Ofsted's evaluations of serious case "
    "reviews 1 April 2007 to 31 March 2008.",
    "Reder, P. and Duncan, S. (1999) Lost Innocents: a follow-up study of fatal child abuse. "
    "Routledge.",
]


# --- key practice episodes, research context, family views, good practice ----------------------
EPISODE_ANALYSIS = [
    "[What was known at this point|The information available at this time] [should have|ought "
    "to have] [prompted|led to] [a discussion with other agencies|a fuller assessment|a "
    "strategy discussion].",
    "[The practitioner|{staffrole}] [acted in good faith|responded reasonably] [on the "
    "information available|given what was known], but [did not|was not able to] [see the "
    "episode in the context of the family's history|check what other agencies knew].",
    "[This episode illustrates|This illustrates] [how|the way in which] [each agency|"
    "professionals] held a piece of the picture [without seeing|but no-one had an overview "
    "of] the whole.",
    "[The IMR author|The panel] [considered|concluded] that [the response was in line with "
    "procedures at the time|procedures were followed, but that the outcome for {child} was "
    "not considered].",
    "[It is not clear from the records|The records do not show] [who was responsible for|"
    "whether anyone took responsibility for] [following this up|the next steps].",
    "[Had this information been shared,|If this had been brought together with what "
    "[the GP|the police|the school] knew,] [a different view of the risks|a clearer "
    "understanding of {child}'s situation] might have [emerged|been formed].",
    "[Practitioners interviewed for the review said that|Staff told the review that] [they "
    "were|they had been] [very busy|carrying high caseloads|new to the team] at the time[, and "
    "that supervision was not available|].",
    "[The decision|This decision] was [not recorded|recorded without a rationale], [so|and] "
    "[it is difficult to understand|the review cannot tell] [why|how] it was reached.",
    "[{staffrole} should have|It would have been good practice for {staffrole} to have] "
    "[shared this information with children's social care|discussed the family with the "
    "safeguarding lead|checked what other agencies knew].",
]

RESEARCH = {
    None: [
        "Research into serious case reviews has repeatedly found that [agencies|professionals] "
        "[held important information that was not shared|did not bring together what they "
        "knew] (Brandon et al 2008, 2009). [The findings of this review are consistent with "
        "that research.|This review is no exception.]",
        "[The tendency of professionals to|Professionals' tendency to] [interpret information "
        "in the most favourable light|think the best of parents] has been described as the "
        "'rule of optimism' (Dingwall et al 1983). [There are signs of it in this case.|It can "
        "be seen at several points in this case.]",
        "The 'start again syndrome' (Brandon et al 2008) describes [how|the way in which] "
        "[each new worker or incident|a new worker] [leads to|prompts] a fresh start in which "
        "the history is [lost|set aside]. [This was evident here.|Several examples are "
        "described above.]",
        "Munro (2011) argued that [a focus on compliance with procedures|an over-reliance on "
        "procedures and targets] [had|has] [drawn attention away from|reduced the time "
        "available for] direct work with children and families.",
        "Reder and Duncan (1999) [identified|described] [patterns of communication failure|"
        "the way in which professionals' understanding can become fixed], [which can be seen|"
        "themes which recur] in this case.",
    ],
    "domestic_violence": [
        "Domestic abuse [is present|was a feature] in [a majority|around two thirds] of the "
        "serious case reviews analysed in the biennial studies. [Its impact on children is "
        "well documented.|Children living with domestic abuse are at increased risk of harm.]",
    ],
    "parental_substance_misuse": [
        "[The combination of|The co-existence of] domestic abuse, parental mental ill health "
        "and substance misuse — sometimes called the 'toxic trio' — [is a recurring "
        "feature|appears repeatedly] in serious case reviews (Brandon et al 2009).",
        "Hidden Harm (ACMD 2003) [set out|described] the [impact|effects] of parental drug "
        "use on children and [called for|recommended] [services for adults to consider|adult "
        "services to think about] the children of their clients.",
    ],
    "parental_mental_ill_health": [
        "Cleaver, Unell and Aldgate (2011) [describe|set out] how parental mental illness can "
        "affect parenting capacity, [particularly|especially] when it is combined with other "
        "difficulties.",
    ],
    "hidden_men": [
        "[The term|The idea of] 'hidden men' [describes|refers to] men [who are|who play a "
        "significant part in children's lives but are] unknown to or not engaged by "
        "professionals. [Several|A number of] national reviews have found that such men "
        "[posed a risk|were responsible for harm] to the children concerned.",
    ],
    "neglect": [
        "Research on neglect [emphasises|highlights] the [cumulative|corrosive] impact of "
        "long-term neglect and the [difficulty|risk] of professionals becoming [desensitised|"
        "accustomed] to poor standards of care.",
    ],
    "disability": [
        "Disabled children are [known to be|recognised as being] at greater risk of abuse "
        "than non-disabled children, [yet|but] are [under-represented|less likely to be "
        "subject to child protection plans] (Ofsted 2012).",
    ],
    "premature_low_birth_weight": [
        "Babies born prematurely or with a low birth weight [are known to be|have been found "
        "to be] [more vulnerable to abuse|at greater risk of harm], [partly because|not least "
        "because] of the additional stress their care can place on parents.",
    ],
    "teenage_parents": [
        "[Young parents|Teenage parents] [often have|may have] [unmet needs of their own|"
        "limited support], and research [suggests|indicates] that their needs and those of "
        "their babies [should be|need to be] considered together.",
    ],
}

GOOD_PRACTICE = [
    "The [persistence|tenacity] of the health visitor in [trying to see the family|following "
    "up missed appointments].",
    "The [prompt|swift] response of the police [to the 999 call|on the day of the incident].",
    "The [careful|detailed] records kept by {school}.",
    "The support offered to {mother} by the family support worker[, which she valued|].",
    "The quality of the hospital's [paediatric assessment|investigation] [after the "
    "incident|on admission].",
    "The [openness|candour] of the agencies in their IMRs.",
    "[The GP's|The midwife's] [referral|decision to share information] in [the early weeks|"
    "the pregnancy].",
]


def key_episodes(
    case: Case, rng: random.Random, events: list, n: int
) -> list[tuple[str, list[str]]]:
    """Key practice episodes drawn from the chronology, each with the panel's analysis."""
    from corpus.events import event_line

    significant = [i for i, ev in enumerate(events) if ev.significant] or list(range(len(events)))
    picks = sorted(rng.sample(significant, min(n, len(significant))))
    out = []
    for k, idx in enumerate(picks, 1):
        ev = events[idx]
        head = (
            f"Key practice episode {k}: {month_year(ev.date)}"
            if rng.random() < 0.6
            else (f"Episode {k} ({month_year(ev.date)})")
        )
        staffrole = {
            "HV": "the health visitor",
            "GP": "the GP",
            "CSC": "the social worker",
            "Police": "the officer",
            "Hospital": "the doctor",
            "School": "the teacher",
            "Nursery": "the nursery worker",
            "Midwifery": "the midwife",
            "DAT": "the drug worker",
            "CMHT": "the care coordinator",
            "Housing": "the housing officer",
            "Probation": "the offender manager",
            "Connexions": "the personal adviser",
            "Paediatrics": "the paediatrician",
        }.get(ev.agency, "the practitioner")
        paras = [event_line(ev, case.date_style)]
        body = [
            cap(_x(case, t, rng, {"staffrole": staffrole}))
            for t in rng.sample(EPISODE_ANALYSIS, rng.randint(3, 5))
        ]
        cut = rng.randint(1, max(1, len(body) - 1))
        paras.append(" ".join(body[:cut]))
        if body[cut:]:
            paras.append(" ".join(body[cut:]))
        out.append((head, paras))
    return out


def research_context(case: Case, rng: random.Random) -> list[str]:
    bank = list(RESEARCH[None])
    rng.shuffle(bank)
    chosen = bank[: rng.randint(2, 4)]
    for theme in sorted(case.themes):
        chosen.extend(RESEARCH.get(theme, []))
    return [_x(case, t, rng) for t in chosen]


def family_views(case: Case, rng: random.Random) -> list[str]:
    return [
        _x(
            case,
            "[{mother} met the overview author|The overview author met {mother}] [at her "
            "home|in prison|at a neutral venue] [after the criminal proceedings had "
            "concluded|in {m}]. [She said that she had found some professionals helpful, "
            "particularly the health visitor,|She described the health visitor as someone she "
            "trusted,] but [felt that others had judged her|that she had not always been "
            "listened to].",
            rng,
            {"m": month_year(case.report_date)},
        ),
        _x(
            case,
            "[She told the author that|{mother} said that] [she had not felt able to tell "
            "anyone how difficult things were|she had been afraid that her children would be "
            "taken away if she asked for help|no-one had asked her about her own childhood]. "
            "[The panel has taken her views into account.|Her comments are reflected in the "
            "findings of this report.]",
            rng,
        ),
        _x(
            case,
            "[{father}|{child}'s maternal grandmother] also [contributed to the review|spoke "
            "to the author], and [said that the family had|described how the family had] "
            "[tried to raise concerns|been worried for some time] [but felt that they were not "
            "taken seriously|without a response].",
            rng,
        ),
    ]


def good_practice(case: Case, rng: random.Random) -> list[str]:
    bank = list(GOOD_PRACTICE)
    rng.shuffle(bank)
    return [_x(case, t, rng) for t in bank[: rng.randint(3, 5)]]


def panel_rows(case: Case, rng: random.Random, agencies: list[str]) -> list[list[str]]:
    roles = {
        "childrens_social_care": "Head of Safeguarding",
        "community_health": "Named Nurse for Safeguarding Children",
        "health_overview": "Designated Nurse, Safeguarding Children",
        "police": "Detective Chief Inspector, Public Protection",
        "hospital_ambulance": "Named Doctor for Safeguarding",
        "adult_mh_substance": "Associate Director of Nursing",
        "education": "Education Safeguarding Manager",
        "probation": "Assistant Chief Officer",
        "early_years": "Early Years Service Manager",
        "housing": "Head of Housing Services",
        "voluntary": "Service Manager",
        "youth_offending": "Head of Youth Offending Service",
        "connexions": "Connexions Manager",
        "miscellaneous": "Service Manager",
    }
    rows = [["Independent Chair", "Independent"], ["LSCB Business Manager", case.lscb]]
    for a in agencies:
        if a in roles:
            rows.append([roles[a], cap(case.orgs[AGENCY_LONG[a]])])
    rows.append(["Overview author", "Independent"])
    rows.append(["Legal adviser", _x(case, "{council}", rng)])
    return rows


# (template, whose life it is about: "mother_child" | "adult" | "older_sibling")
BACKGROUND_GENERIC = [
    (
        "{mother} [was known to|had contact with] [children's social care|health services] as a "
        "child in {y1}, when [her school raised concerns about her attendance|her own mother asked "
        "for help with her behaviour|a neighbour reported that she had been left alone]. [No "
        "further action was taken.|The family received a short period of support.]",
        "mother_child",
    ),
    (
        "In {y1} {mother} [moved to {area}|moved within {area}] [with her family|to live with a "
        "friend] and [registered with a new GP|was seen by a new practice nurse].",
        "adult",
    ),
    (
        "[Between {y1} and {y2}|During {y1}], [the family had|there was] [little|only routine] "
        "contact with agencies[, mainly with the GP|, limited to universal health services].",
        "adult",
    ),
    (
        "{father} [had a number of convictions for minor offences|had been cautioned for "
        "shoplifting|had no criminal record] [dating from {y1}|before the period under review].",
        "adult",
    ),
    (
        "[In {y2}|By {y2}] {mother} [had started a course at the local college|was working part "
        "time in a shop|was caring for her own mother], [and agencies had no concerns about the "
        "family|and the family were not known to children's social care].",
        "adult",
    ),
    (
        "[The records of the previous authority|Records from {y1}] [show|indicate] that [a referral "
        "about an older sibling had been made and closed|the family had received support from a "
        "family centre] [in {y1}|at that time].",
        "older_sibling",
    ),
]
BACKGROUND_THEMED = {
    "domestic_violence": [
        (
            "[In {y1}|Between {y1} and {y2}], the police [recorded|attended] [three|four|several] "
            "domestic incidents involving {mother} and [a previous partner|{father}][, one of which "
            "led to a conviction for assault|].",
            "adult",
        ),
    ],
    "parental_substance_misuse": [
        (
            "{mother} [first came into contact with|was first referred to] drug services in {y1}, "
            "[when she was using heroin|after a period of heavy drinking], and [was prescribed "
            "methadone|attended intermittently] [until {y2}|for about a year].",
            "adult",
        ),
    ],
    "parental_mental_ill_health": [
        (
            "{mother} was [first treated for depression|admitted to a psychiatric ward] in {y1} "
            "[after an overdose|following a period of self-harm], and was [under the care of the "
            "Community Mental Health Team|prescribed antidepressants] [for several months|until "
            "{y2}].",
            "adult",
        ),
    ],
    "neglect": [
        (
            "[An older sibling|{mother}'s older child] had been [subject to a child protection "
            "plan|the subject of concerns] for neglect in {y1}; [the plan ended in {y2}|the case was "
            "closed in {y2} when conditions improved].",
            "older_sibling",
        ),
    ],
    "hidden_men": [
        (
            "{partner} [had lived in another area until {y2}|was known to the police in another "
            "force area], where he [had been convicted of assaulting a previous partner|had been "
            "investigated for harm to a child]; [this was not known to agencies in {area}|agencies "
            "in {area} were not told].",
            "partner",
        ),
    ],
    "poverty": [
        (
            "[From {y1}|Since {y1}] the family had [relied on benefits|been in and out of "
            "work] and had [accumulated rent arrears|debts with several lenders].",
            "adult",
        ),
    ],
}


def background_history(case: Case, rng: random.Random) -> list[str]:
    """Agency involvement before the period under review, within the lives of those concerned."""
    now = case.incident.year
    mother_born = now - (case.mother.age or 25)
    child_born = case.birth.year
    older = [s for s in case.siblings if (s.age or 0) > case.plan.child_age_years]
    bank = list(BACKGROUND_GENERIC)
    for theme in sorted(case.themes):
        bank.extend(BACKGROUND_THEMED.get(theme, []))
    usable = []
    for template, whose in bank:
        if whose == "mother_child":
            lo, hi = mother_born + 6, min(mother_born + 15, now - 1)
        elif whose == "older_sibling":
            if not older:
                continue
            lo, hi = now - max(s.age or 0 for s in older), now - 1
        elif whose == "partner":
            lo, hi = now - 10, now - 1
        else:  # the mother (or father) as an adult, before this child's story begins
            lo, hi = max(mother_born + 16, child_born - 8), max(mother_born + 16, child_born)
        if lo <= hi:
            usable.append((template, lo, hi))
    picked = rng.sample(usable, min(len(usable), rng.randint(4, 8)))
    out = []
    for template, lo, hi in picked:
        y1 = rng.randint(lo, hi)
        extra = {"y1": str(y1), "y2": str(min(hi, y1 + rng.randint(1, 3)))}
        text = _x(case, template, rng, extra)
        out.append(re.sub(r"\b[Bb]etween (\d{4}) and \1\b", r"In \1", text))
    return out


def glossary(case: Case) -> list[list[str]]:
    """The glossary rows for the terms this report uses."""
    return [[g[0], g[1]] for g in GLOSSARY if len(g) == 2 or case.has(g[2])]
