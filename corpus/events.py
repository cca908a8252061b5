"""Chronology events: what agencies did and saw, month by month, consistent with the case themes.

Each generator returns (agency short name, sentence(s) starting in lower case so the caller can
prefix a date: 'On 3 May 2008, the health visitor...'). An event that names a case theme is only
drawn when the case has that theme, so a careful reader's case coding matches the truth.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from corpus.case import Case
from corpus.textkit import add_months, expand, fmt_date


@dataclass
class Event:
    date: dt.date
    agency: str
    text: str
    comment: str = ""
    significant: bool = False  # worth a 'key practice episode' of its own


Gen = Callable[[Case, random.Random, dict[str, str]], tuple[str, str]]


def _e(t: str, rng: random.Random, ctx: dict[str, str]) -> str:
    return expand(t, rng, ctx)


# --- generic events (any case) -------------------------------------------------------------------
def ev_gp_minor(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "GP", _e(
        "{mother} took {child} to the GP [with|because of] [a cough and a high temperature|"
        "diarrhoea and vomiting|an ear infection|a rash on {his} chest|a cold]. [The GP|A locum GP] "
        "[examined {him}|saw {him}] and [prescribed antibiotics|gave advice|found no cause for concern]. "
        "[There is no record that any other adult was present.|{child} was described as [well cared for|"
        "alert and responsive].|]",
        r,
        x,
    )


def ev_hv_contact(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "HV", _e(
        "the health visitor [carried out|undertook|completed] a [routine|planned] [home visit|"
        "developmental review|contact at the clinic]. {child}'s [weight|growth] was [plotted|recorded] "
        "[on the 50th centile|within normal limits|on the 25th centile] and {mother} [said she was "
        "coping well|reported no concerns|asked about feeding]. [The next contact was planned for "
        "[three|six] months' time.|No further action was identified.|The visit lasted twenty minutes.]",
        r,
        x,
    )


def ev_hv_dna(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "HV", _e(
        "{mother} did not [attend|bring {child} to] [a clinic appointment|the [8-month|12-month|"
        "two-year] developmental review]. [A further appointment was sent by letter.|The health "
        "visitor [telephoned|left a message] and the appointment was rearranged.|This was the "
        "[second|third] appointment missed [in four months|that year].]",
        r,
        x,
    )


def ev_ed_minor(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Hospital", _e(
        "{child} was taken to the Emergency Department at {hospital_site} with [a small bruise on "
        "{his} [forehead|cheek|shin]|a cut to {his} lip|a burn to {his} hand|a swollen wrist]. "
        "{mother} explained that {he} had [fallen from the sofa|tripped on a toy|banged {his} head on "
        "a table|been scratched by another child]. [The explanation was accepted and {he} was "
        "discharged.|The triage nurse recorded the explanation as consistent with the injury.|"
        "No checks were made with children's social care.] [A discharge letter was sent to the GP.|"
        "No notification was sent to the health visitor.|]",
        r,
        x,
    )


def ev_csc_referral(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    src = r.choice(
        (
            "a neighbour",
            "the school",
            "the health visitor",
            "a relative",
            "the GP",
            "the police",
            "an anonymous caller",
        )
    )
    return "CSC", _e(
        f"children's social care received [a referral|a telephone call|a contact] from {src} "
        "[expressing concern about|about] [the care of {children}|{child}'s welfare|the family]. "
        "[The duty team manager decided that the threshold for an assessment was not met and the "
        "contact was closed.|An initial assessment was [started|completed] and the case was closed "
        "with advice to {mother}.|A social worker visited [the following week|two days later] and "
        "found no immediate concerns.|The information was recorded but no action was taken.]",
        r,
        x,
    )


def ev_csc_visit(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "CSC", _e(
        "the social worker [made a home visit|visited the family home|saw {mother} at the office]. "
        "[{child} was seen [asleep in {his} cot|playing in the living room|briefly] and appeared "
        "[content|well]|{child} was not seen because {he} was [asleep upstairs|at a relative's house]]. "
        "[The visit focused on {mother}'s [childcare arrangements|health|relationship with her own mother].|{mother} said that things "
        "were much better.|The social worker [discussed the plan|reviewed progress] with {mother}.]",
        r,
        x,
    )


def ev_strategy(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "CSC", _e(
        "a strategy discussion was held [by telephone|between children's social care and the police]"
        "[ following the referral|]. [Health was not invited.|The health visitor was not consulted.|"
        "It was agreed that a single agency assessment by children's social care was appropriate.|"
        "It was agreed that enquiries under section 47 should be undertaken.]",
        r,
        x,
    )


def ev_conference(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    if c.has("neglect"):
        cat = "neglect"
    else:
        cat = r.choice(("emotional harm", "physical abuse", "emotional abuse"))
    return "CSC", _e(
        f"an initial child protection conference [was held|took place]. {{child}} [was made subject "
        f"of|became the subject of] a child protection plan under the category of {cat}. "
        "[The GP did not attend and did not send a report.|The police were not represented.|"
        "The conference was attended by [seven|nine|eleven] professionals.|A core group was "
        "established [with the health visitor as a member|but did not meet for six weeks].]",
        r,
        x,
    )


def ev_core_group(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "CSC", _e(
        "a core group meeting [was held|took place] [at the family home|at the children's centre|"
        "at the social work office]. [Only the social worker and the health visitor attended.|"
        "{mother} did not attend.|The plan was reviewed and [no changes were made|two actions "
        "were added].|The minutes were not circulated.]",
        r,
        x,
    )


def ev_school(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "School", _e(
        "the [class teacher|school's designated teacher for child protection|head teacher] "
        "[noted|recorded] that {child} [had been absent for [three|five|several] days without "
        "explanation|arrived late and seemed tired|was withdrawn in class|was wearing the same "
        "clothes all week|had a bruise on {his} arm]. [{mother} was spoken to at the school gate.|"
        "[A note was made on the child protection file.|No referral was made.]|The school "
        "attendance officer sent a letter home.]",
        r,
        x,
    )


def ev_nursery(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Nursery", _e(
        "{child} [started attending|attended] {nursery} [for three sessions a week|on a funded "
        "place]. [Staff described {him} as [a quiet|a lively|an anxious] child who [was slow to "
        "settle|settled well].|Staff noticed [a bruise on {his} cheek|that {he} was often hungry "
        "on arrival] and [spoke to {mother}|recorded it in the daily log].|{his} attendance was "
        "[irregular|about 60 per cent].]",
        r,
        x,
    )


def ev_police_neutral(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Police", _e(
        "the police [attended the address|were called to the street] [after a report of|following] "
        "[a dispute between neighbours|criminal damage to a car|a burglary at the property]. "
        "[{Children_were} not seen.|Officers recorded that children lived at the address but no "
        "notification was made.|No further action was taken.]",
        r,
        x,
    )


def ev_immunisation(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "GP", _e(
        "{child} [received|was given] [{his} [primary|pre-school] immunisations|a booster "
        "immunisation] at the surgery. [The practice nurse recorded no concerns.|{mother} attended "
        "with {his} grandmother.|]",
        r,
        x,
    )


# --- pregnancy and birth -----------------------------------------------------------------------
def ev_booking(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Midwifery", _e(
        "{mother} [booked for antenatal care|attended the booking appointment] at [{weeks}|about "
        "{weeks}] weeks of pregnancy. [The community midwife completed the booking "
        "questionnaire.|She was seen alone.|She was accompanied by her mother.] [No safeguarding "
        "concerns were identified at booking.|The midwife noted that this was a planned pregnancy.|"
        "The pregnancy had been confirmed late.]",
        r,
        x,
    )


def ev_birth(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    if c.has("premature_low_birth_weight"):
        if c.gestation_weeks < 37:
            t = (
                "{child} was born [prematurely|early] at {gest} weeks' gestation, weighing {wt} kg, "
                "and was admitted to the [special care baby unit|neonatal unit] at {hospital_site}. "
                "{He} remained there for [three|four|five|six] weeks[ and required tube feeding|]."
            )
        else:
            t = (
                "{child} was born at {gest} weeks at {hospital_site}. {He} was small for "
                "{his} gestational age, with a low birth weight of {wt} kg, and was kept on the "
                "postnatal ward for [two|three] days for monitoring of feeding."
            )
    else:
        t = (
            "{child} was born at {hospital_site} [at term|at {gest} weeks], weighing {wt} kg. "
            "[The birth was uncomplicated|There were no concerns at the birth] and mother and baby "
            "were discharged home [the following day|after two days]."
        )
    return "Hospital", _e(
        t, r, x | {"gest": str(c.gestation_weeks), "wt": f"{c.birth_weight_kg:.2f}"}
    )


def ev_new_birth_visit(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "HV", _e(
        "the health visitor [carried out|completed] the new birth visit. [{mother} was seen with "
        "the baby in the living room.|The home was described as [adequate|clean and tidy|warm and well kept].] [Feeding was discussed.|The Edinburgh Postnatal Depression Scale was not "
        "used.|The family health needs assessment was completed.] [Safe sleeping advice was "
        "[given|recorded as given].|There is no record of where the baby slept.|]",
        r,
        x,
    )


# --- case themes ---------------------------------------------------------------------------
def ev_dv_police(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    abuser = x["father"]  # the violent relationship agencies knew of
    return "Police", _e(
        f"the police were called to the address [after {{mother}} reported that {abuser} had "
        f"assaulted her|following a report of a domestic incident|by a neighbour who heard "
        f"shouting and screaming]. [{abuser} had left before officers arrived.|{abuser} was "
        "arrested [for common assault|on suspicion of assault] and later released [without "
        "charge|with a caution].|{mother} had a [cut lip|bruised eye|red mark on her neck] but "
        "declined to make a statement.] A DASH risk assessment was completed and the risk was "
        "graded as [standard|medium|high]. [A notification was sent to children's social care.|"
        "{Children_were} recorded as present in the house.|{Children_were} not seen by officers.]",
        r,
        x,
    )


def ev_dv_disclosure(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    abuser = x["father"]  # the violent relationship agencies knew of
    who = r.choice(("the health visitor", "the midwife", "the GP", "a family support worker"))
    return "HV", _e(
        f"{{mother}} told {who} that {abuser} [had pushed her|was controlling her money and "
        "phone|had hit her while she was holding {child}|had threatened her]. [She asked that "
        f"nothing be written down.|{who.capitalize()} gave her the number of a domestic abuse "
        "helpline.|The disclosure was not shared with children's social care.|She later said that "
        "the relationship had ended.]",
        r,
        x,
    )


def ev_marac(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Police", _e(
        "the case was heard at the Multi-Agency Risk Assessment Conference (MARAC) [following a "
        "high-risk DASH assessment|after a further domestic abuse incident]. [Actions were agreed "
        "for the independent domestic violence adviser.|Health visiting was not represented.|"
        "The MARAC minutes were not shared with the GP.]",
        r,
        x,
    )


def ev_substance(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    female = r.random() < 0.6
    who = x["mother"] if female else x["father"]
    p = {
        "p": "her" if female else "his",
        "P": "She" if female else "He",
        "s": "she" if female else "he",
    }
    return "DAT", _e(
        f"{who} attended the [Community Drug and Alcohol Team|substance misuse service] [for a "
        "review of {p} methadone prescription|for a key work session|following a referral "
        "from the GP]. [A urine screen was positive for [heroin|cocaine|benzodiazepines]|{P} "
        "said {s} was drinking [a bottle of vodka|eight cans of strong lager] a day|{P} "
        "reported that {s} had been using [heroin|crack cocaine] on top of the script]. "
        "[The worker did not ask about children in the household.|The worker knew there were "
        "children at home but did not contact children's social care.|Take-home doses were "
        "continued.]",
        r,
        x | p,
    )


def ev_intoxicated(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Police", _e(
        "officers [found|came across] {mother} [in the town centre|at the address] [under the "
        "influence of alcohol|heavily intoxicated|apparently under the influence of drugs] with "
        "{child} [in a pushchair|in her care]. [{child} was taken to {his} grandmother's home.|"
        "A notification was sent to children's social care.|No notification was made.]",
        r,
        x,
    )


def ev_mh(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "GP", _e(
        "{mother} [saw|consulted] the GP [about low mood|saying she felt unable to cope|"
        "with symptoms of anxiety and depression|reporting that she was hearing voices]. "
        "[The GP prescribed [fluoxetine|citalopram|sertraline] and arranged a review in a month.|"
        "A referral was made to the Community Mental Health Team.|The GP recorded a history of "
        "postnatal depression after the birth of her first child.] [There is no record that the "
        "GP considered {children}.|The health visitor was not informed.|]",
        r,
        x,
    )


def ev_cmht(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "CMHT", _e(
        "{mother} was [assessed|seen] by the Community Mental Health Team [following an overdose of "
        "paracetamol|after the GP's referral|at the request of the crisis team]. [She was "
        "diagnosed with [a depressive illness|borderline personality disorder|bipolar affective "
        "disorder].|She was discharged back to the GP after two appointments.|A care coordinator "
        "was allocated.] [The assessment did not record that she had a young child.|The worker "
        "recorded that her children were 'well looked after by their father'.|]",
        r,
        x,
    )


def ev_pnd(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "HV", _e(
        "the health visitor [completed the Edinburgh Postnatal Depression Scale|noted that "
        "{mother} was tearful and tired]. [The score of [14|16|18] indicated probable depression|"
        "{mother} said she had thoughts of harming herself] and [the health visitor advised her "
        "to see her GP|listening visits were offered|the GP was informed by letter]."
        "[ {mother} did not attend the GP appointment.|]",
        r,
        x,
    )


def ev_hidden_man(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "HV", _e(
        "[when the health visitor called|during a home visit by the social worker], a man "
        "[answered the door|was in the kitchen|was asleep on the sofa]. {mother} said he was "
        "[a friend|her cousin|a neighbour helping with decorating] and he left the room. [His "
        "name was not asked.|No checks were made.|The visit record does not mention him.] "
        "[It is now known that this was {partner}, who had moved into the house some weeks "
        "earlier.|Agencies did not know that {partner} was living there.]",
        r,
        x,
    )


def ev_partner_history(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Probation", _e(
        "{partner} [was released from prison|completed a community order] [following|after] "
        "a conviction for [assault occasioning actual bodily harm|violence against a former "
        "partner|drug supply]. [His offender manager recorded his address as his mother's "
        "home.|He told his offender manager that he was not in a relationship.|He was "
        "assessed as posing a medium risk of harm to [known adults|partners].] [The Probation "
        "Trust did not know that he was living with a young child.|]",
        r,
        x,
    )


def ev_teen(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Connexions", _e(
        "{mother}, [then aged|who was] {mage}, [met her Connexions personal adviser|was seen by "
        "the teenage pregnancy midwife|attended the young parents' group] [to discuss returning "
        "to college|about her housing|for antenatal education]. [She said that her own mother "
        "was not supporting her.|She was living with {father}'s family at the time.|She was "
        "offered a place on a course for young mothers.]",
        r,
        x | {"mage": str(c.mother_age_at_birth)},
    )


def ev_poverty(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Housing", _e(
        "{mother} [asked the children's centre for a food bank voucher|told the housing officer "
        "that her benefits had been stopped|was served with a notice for rent arrears of "
        "[£800|£1,200|£1,650]|said the electricity meter had run out and there was no money "
        "for the week]. [She was referred to the welfare rights service.|A crisis loan was "
        "applied for.|The family were living on about £90 a week.]",
        r,
        x,
    )


def ev_poor_env(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "CSC", _e(
        "[the social worker|the health visitor|a housing officer] [visited|inspected the "
        "property] and found [the flat damp, with black mould on the bedroom walls|the house "
        "cluttered and dirty, with dog faeces on the floor|that there was no bed for {child}, "
        "who slept on a mattress on the floor|the home overcrowded, with [six|seven] people "
        "living in two rooms]. [{mother} was advised to tidy the house.|A further visit was "
        "planned.|The landlord was contacted about the repairs.]",
        r,
        x,
    )


def ev_neglect(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    if c.plan.age_band in ("under_1", "1_5"):
        agency, who = r.choice(
            (
                ("HV", "the health visitor"),
                ("Nursery", "nursery staff"),
                ("HV", "the community nursery nurse"),
            )
        )
        what = (
            "had lost weight and had dropped two centile lines|had severe nappy rash|was "
            "dirty and smelled of urine|was inadequately dressed for the cold weather"
        )
    else:
        agency, who = r.choice(
            (
                ("School", "the class teacher"),
                ("School nurse", "the school nurse"),
                ("School", "the school"),
            )
        )
        what = (
            "had head lice and untreated tooth decay|was dirty and smelled of urine|"
            "was inadequately dressed for the cold weather|had come to school hungry again"
        )
    return agency, _e(
        f"{who} noted that {{child}} [{what}]. "
        "[{mother} said she would deal with it.|This was recorded as a concern about neglect.|"
        "Advice was given and a further visit arranged.|{His} immunisations were also "
        "[overdue|incomplete].]",
        r,
        x,
    )


def ev_disability(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Paediatrics", _e(
        "{child} was seen by the community paediatrician [for review of {his} [cerebral "
        "palsy|epilepsy|global developmental delay|autism]|following concerns about {his} "
        "development]. [{He} had limited speech and communicated through signs and "
        "gestures.|{He} used a wheelchair and needed help with all personal care.|{He} "
        "attended a special school.] [The paediatrician recorded that {mother} was finding "
        "{his} care exhausting.|A referral for short breaks was discussed.|]",
        r,
        x,
    )


def ev_ed_concern(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Hospital", _e(
        "{child} was brought to the Emergency Department [by ambulance|by {mother}] [with "
        "bruising to {his} [face|back|ear]|after a reported fall down the stairs|with a swollen "
        "arm]. [A skeletal survey was not carried out.|The paediatric registrar was not "
        "consulted.|The explanation was recorded but not questioned.|A referral was faxed to "
        "children's social care but was not followed up.]",
        r,
        x,
    )


def ev_gp_parent(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "GP", _e(
        "{mother} [saw|consulted] the GP about [back pain|a chest infection|headaches|a sprained "
        "ankle|difficulty sleeping]. [No safeguarding concerns were noted.|The GP prescribed "
        "[painkillers|antibiotics] and gave advice.|The consultation lasted ten minutes.]",
        r,
        x,
    )


def ev_csc_closure(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "CSC", _e(
        "[the team manager|a senior practitioner] [agreed|authorised] the closure of the case "
        "[following the assessment|after [two|three] months of involvement]. [Other agencies "
        "were not informed of the closure.|A closing letter was sent to {mother}.|The closing "
        "summary recorded that the family's needs could be met by universal services.]",
        r,
        x,
    )


def ev_cin_review(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "CSC", _e(
        "a child in need review meeting [was held|took place] [at the family home|at the "
        "school|at the children's centre]. [It was agreed that progress had been made.|{mother} "
        "said that she no longer needed support.|The plan was updated and a further review set "
        "for three months' time.] [The GP was not invited.|The health visitor sent apologies.|]",
        r,
        x,
    )


def ev_move(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    if c.plan.age_band in ("under_1", "1_5"):
        t = (
            "the family moved to a new address in {town}. [The health records were transferred "
            "to a new health visiting team.|The GP registration was updated some weeks later.] "
            "[There was a gap of [six weeks|two months] before the new health visitor made "
            "contact.|]"
        )
    else:
        t = (
            "the family moved to a new address in {town}. [The GP registration was updated "
            "some weeks later.|The school was not told of the move.|{child} stayed at the same "
            "school.]"
        )
    return "GP", _e(
        t,
        r,
        x,
    )


def ev_speech(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Paediatrics", _e(
        "{child} was seen by [a speech and language therapist|the community paediatrician] "
        "[following concerns about {his} speech|for a developmental assessment]. [{He} was "
        "found to have a mild delay in expressive language.|Development was found to be within "
        "normal limits.|A further appointment was offered in [three|six] months.]",
        r,
        x,
    )


def ev_school_nurse(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "School nurse", _e(
        "the school nurse [saw {child}|met {child} in a drop-in session] [about [headaches|"
        "sleep problems|friendship difficulties]|at the request of the class teacher]. [{He} "
        "said that things at home were 'fine'.|{He} was described as quiet and reluctant to "
        "talk.|Advice was given and a follow-up session offered.]",
        r,
        x,
    )


def ev_missing(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Police", _e(
        "{mother} reported {child} missing [after {he} failed to return home from school|late "
        "in the evening]. {He} was found [the following morning at a friend's house|by officers "
        "in the town centre] [and returned home|some hours later]. [A return interview was not "
        "carried out.|The missing episode was notified to children's social care.|]",
        r,
        x,
    )


def ev_letter(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Hospital", _e(
        "[a paediatric outpatient appointment|an outpatient appointment] was [sent|offered] for "
        "{child} [following the earlier attendance|for review]. [{mother} cancelled the "
        "appointment.|The appointment was attended and {child} was discharged.|{child} was not "
        "brought and a letter was sent to the GP.]",
        r,
        x,
    )


GENERIC: list[tuple[Gen, float]] = [
    (ev_gp_minor, 1.2),
    (ev_hv_contact, 1.5),
    (ev_hv_dna, 0.8),
    (ev_ed_minor, 0.7),
    (ev_csc_referral, 1.0),
    (ev_csc_visit, 1.2),
    (ev_strategy, 0.4),
    (ev_core_group, 0.5),
    (ev_police_neutral, 0.3),
    (ev_immunisation, 0.4),
    (ev_ed_concern, 0.4),
    (ev_gp_parent, 0.8),
    (ev_csc_closure, 0.4),
    (ev_cin_review, 0.5),
    (ev_move, 0.3),
    (ev_letter, 0.5),
]
THEMED: dict[str, list[tuple[Gen, float]]] = {
    "domestic_violence": [(ev_dv_police, 1.6), (ev_dv_disclosure, 0.8), (ev_marac, 0.3)],
    "parental_substance_misuse": [(ev_substance, 1.5), (ev_intoxicated, 0.5)],
    "parental_mental_ill_health": [(ev_mh, 1.0), (ev_cmht, 0.8), (ev_pnd, 0.5)],
    "hidden_men": [(ev_hidden_man, 0.8), (ev_partner_history, 0.5)],
    "teenage_parents": [(ev_teen, 0.8)],
    "poverty": [(ev_poverty, 0.9)],
    "poor_living_environment": [(ev_poor_env, 0.9)],
    "neglect": [(ev_neglect, 1.3)],
    "disability": [(ev_disability, 1.2)],
}


def ev_antenatal(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Midwifery", _e(
        "{mother} attended [an antenatal appointment|the antenatal clinic] [at {hospital_site}|"
        "with the community midwife] at {weeks} weeks of pregnancy. [The pregnancy was progressing "
        "normally.|Her blood pressure was slightly raised and a further check was arranged.|She "
        "did not attend the previous appointment and gave no reason.] [She was "
        "[alone|accompanied by a friend].|]",
        r,
        x,
    )


def ev_prebirth(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "CSC", _e(
        "children's social care received a pre-birth referral from [the community midwife|the "
        "GP] [about {mother}'s circumstances|expressing concern about the unborn baby]. [A "
        "pre-birth assessment was [started|not started until late in the pregnancy].|The "
        "referral was closed after a telephone conversation with {mother}.|A social worker "
        "visited {mother} and concluded that no further action was needed.]",
        r,
        x,
    )


def ev_dv_antenatal(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Midwifery", _e(
        "{mother}, who was {weeks} weeks pregnant, told the midwife that {father} had "
        "[pushed her|hit her during an argument|threatened her]. [The midwife gave her the "
        "number of a domestic abuse helpline.|The disclosure was recorded in the hand-held notes "
        "only.|The information was not shared with the health visitor.]",
        r,
        x,
    )


def ev_mh_antenatal(c: Case, r: random.Random, x: dict[str, str]) -> tuple[str, str]:
    return "Midwifery", _e(
        "at an antenatal appointment {mother} told the midwife that she had a history of "
        "[depression|anxiety and depression|self-harm]. [No referral to the perinatal mental "
        "health service was made.|The GP was asked to review her medication.|This was not "
        "passed on to the health visitor.]",
        r,
        x,
    )


PRENATAL: list[tuple[Gen, float]] = [
    (ev_antenatal, 2.0),
    (ev_gp_parent, 0.8),
    (ev_prebirth, 0.4),
]
PRENATAL_THEMED: dict[str, list[tuple[Gen, float]]] = {
    "domestic_violence": [(ev_dv_antenatal, 1.0), (ev_marac, 0.3)],
    "parental_substance_misuse": [(ev_substance, 1.2)],
    "parental_mental_ill_health": [(ev_mh_antenatal, 0.8)],
    "teenage_parents": [(ev_teen, 1.0)],
    "poverty": [(ev_poverty, 0.6)],
}


def _draw(
    case: Case,
    rng: random.Random,
    pool: list[tuple[Gen, float]],
    days: list[dt.date],
    ctx: dict[str, str],
) -> list[Event]:
    gens = [g for g, _ in pool]
    weights = [w for _, w in pool]
    out = []
    for day in days:
        gen = rng.choices(gens, weights)[0]
        weeks = case.gestation_weeks - (case.birth - day).days // 7
        agency, text = gen(case, rng, ctx | {"weeks": str(max(6, weeks))})
        out.append(Event(day, agency, text, significant=gen in SIGNIFICANT))
    return out


def chronology(case: Case, rng: random.Random, n: int) -> list[Event]:
    """About `n` dated events from the start of the review period to the day before the incident.

    Nothing about the child is dated before the birth: a review that starts in pregnancy draws
    its antenatal months from antenatal and parent-centred events only.
    """
    ctx = case.ctx()
    band = case.plan.age_band
    young = band in ("under_1", "1_5")
    events: list[Event] = []
    prenatal_days: list[dt.date] = []
    if band == "under_1" or (young and rng.random() < 0.5):
        booking_weeks = rng.randint(9, 16)
        booking = case.birth - dt.timedelta(weeks=case.gestation_weeks - booking_weeks)
        start = case.birth + dt.timedelta(days=15)
        events.append(Event(booking, *ev_booking(case, rng, ctx | {"weeks": str(booking_weeks)})))
        events.append(Event(case.birth, *ev_birth(case, rng, ctx)))
        events.append(
            Event(
                case.birth + dt.timedelta(days=rng.randint(10, 14)),
                *ev_new_birth_visit(case, rng, ctx),
            )
        )
        pre_span = (case.birth - booking).days - 2
        n_pre = min(max(4, n // 5), pre_span // 4)
        prenatal_days = sorted(
            booking + dt.timedelta(days=rng.randint(1, pre_span)) for _ in range(n_pre)
        )
        n -= n_pre
    else:
        start = add_months(case.incident, -rng.randint(18, 30))
    pool: list[tuple[Gen, float]] = [g for g in GENERIC]
    if not young:
        pool = [(g, w) for g, w in pool if g not in (ev_hv_dna, ev_immunisation, ev_hv_contact)]
        pool += [(ev_school, 1.6), (ev_school_nurse, 0.6)]
        if band == "11_plus":
            pool.append((ev_missing, 0.6))
    elif band == "1_5":
        pool += [(ev_nursery, 0.9), (ev_speech, 0.4)]
    if case.has("neglect") or rng.random() < 0.3:
        pool.append((ev_conference, 0.3))
    pre_pool = list(PRENATAL)
    for theme in sorted(case.themes):
        for g, w in THEMED.get(theme, []):
            if theme == "teenage_parents" and not young:
                continue
            if g is ev_pnd and band != "under_1":
                continue
            pool.append((g, w * 1.4))
        pre_pool.extend(PRENATAL_THEMED.get(theme, []))
    events += _draw(case, rng, pre_pool, prenatal_days, ctx)
    span = (case.incident - start).days - 1
    if span > 0:
        n = min(n, max(6, span // 2))  # at most one event every other day, on average
        days = sorted(start + dt.timedelta(days=rng.randint(0, span - 1)) for _ in range(n))
        events += _draw(case, rng, pool, days, ctx)
    events.sort(key=lambda e: e.date)
    # author's comments on a few events: the analysis voice inside the chronology
    for ev in events:
        if rng.random() < 0.12:
            ev.comment = expand(rng.choice(COMMENTS), rng, ctx)
    return events


SIGNIFICANT = {
    ev_prebirth,
    ev_dv_antenatal,
    ev_ed_minor,
    ev_ed_concern,
    ev_csc_referral,
    ev_csc_closure,
    ev_strategy,
    ev_conference,
    ev_dv_police,
    ev_dv_disclosure,
    ev_marac,
    ev_substance,
    ev_intoxicated,
    ev_mh,
    ev_cmht,
    ev_pnd,
    ev_hidden_man,
    ev_partner_history,
    ev_neglect,
    ev_poor_env,
    ev_school,
    ev_nursery,
    ev_missing,
    ev_hv_dna,
    ev_poverty,
}

COMMENTS = [
    "[This was a missed opportunity to|This was an opportunity to] [consider the wider picture|"
    "share information with other agencies|seek the views of {child}].",
    "The IMR author [notes|comments] that [this should have prompted|this could have led to] "
    "[a discussion with a manager|a referral to children's social care|further enquiry].",
    "[With hindsight|In hindsight], [the significance of this|this episode] [was not "
    "recognised|was underestimated] at the time.",
    "[There is no evidence that|It is not clear whether] this information was shared with "
    "[the GP|the health visitor|children's social care].",
    "[The panel considers|The review considers] that [practice here was of a good "
    "standard|this was appropriate practice at the time].",
]


def event_line(ev: Event, style: int) -> str:
    """One chronology paragraph with its date, in the report's date style."""
    d = fmt_date(ev.date, style)
    body = ev.text
    lead = body[:1].upper() + body[1:]
    if style == 1:
        return f"{d}: {lead}"
    return f"On {d}, {body}"
