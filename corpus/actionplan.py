"""Action plans (chapter 5): one row or more per recommendation, each with its SMART appraisal.

SMART flags follow the project's rules and are true by construction:
specific = one concrete action; measurable = a measure or evidence is named; achievable = a named
lead; relevant = tied to a theme of its case (the recommendation it implements); timely = a date
or timescale within 12 months of the report.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from corpus.case import Case
from corpus.recommend import Rec
from corpus.textkit import MONTHS, add_months

CONCRETE: dict[str, list[str]] = {
    "training": [
        "Deliver [two|four|six] half-day training sessions on the learning from this review to {staff}",
        "Add a session on the findings of this review to the multi-agency training calendar",
        "Circulate a one-page briefing on the review's findings to all {staff}",
    ],
    "information_sharing": [
        "Agree and sign an information sharing protocol between the agencies named in the recommendation",
        "Issue a practice note to {staff} on sharing information without consent",
    ],
    "recording": [
        "Add a mandatory chronology field to the electronic case record",
        "Issue revised record-keeping standards to {staff}",
    ],
    "management_supervision": [
        "Revise the supervision policy to require monthly case supervision and circulate it to {staff}",
        "Introduce a supervision recording template for all child protection cases",
    ],
    "audit": [
        "Carry out an audit of [twenty|thirty] case files and report the findings to the LSCB",
        "Add the audit to the LSCB's quality assurance programme for the year",
    ],
    "referral": [
        "Publish the revised multi-agency referral form on the LSCB website",
        "Introduce written acknowledgement of every referral within one working day",
    ],
    "domestic_violence": [
        "Introduce routine enquiry about domestic abuse at the antenatal booking appointment",
        "Revise the domestic abuse notification procedure between the police and children's social care",
    ],
    "hidden_men": [
        "Add a section on fathers and male partners to the assessment template",
    ],
    "substance_misuse": [
        "Add a question on parental responsibilities to the substance misuse service's assessment form",
    ],
    "parental_mental_health": [
        "Add a question about dependent children to the adult mental health assessment form",
    ],
}
GENERIC_CONCRETE = [
    "Revise the relevant single-agency procedure to reflect the recommendation and circulate it to {staff}",
    "Write to all {staff} setting out the expectation in the recommendation",
    "Amend the agency's safeguarding policy to include the requirement and publish it on the intranet",
]
VAGUE = [
    "Continue to embed the learning from this review in practice",
    "Keep the issues raised by the recommendation under review",
    "Promote good practice across the service",
    "Raise the profile of the issue with staff",
    "Work with partners to improve practice in this area",
]
IRRELEVANT = [
    "Update the agency's public website",
    "Refresh the template for the LSCB annual report",
    "Review the membership of the LSCB sub-groups",
    "Re-brand the safeguarding newsletter",
]
MEASURES = [
    "Attendance figures reported to the LSCB",
    "Revised procedure published and circulated",
    "Audit of [twenty|thirty] case files shows [80%|90%] compliance",
    "Protocol signed by all agencies",
    "Briefing circulated; receipt confirmed by team managers",
    "Quarterly performance report to the LSCB",
    "Re-audit shows improvement on the baseline",
]
VAGUE_MEASURES = ["Improved practice", "Better outcomes for children", "Staff more confident", ""]
LEADS: dict[str, list[str]] = {
    "lscb_all_agencies": [
        "LSCB Business Manager",
        "Chair, Learning and Improvement Sub-group",
        "Independent Chair, {lscb_short}",
    ],
    "childrens_social_care": [
        "Service Manager, Assessment and Intervention",
        "Head of Service, Safeguarding and Quality Assurance",
        "Principal Social Worker",
    ],
    "community_health": [
        "Named Nurse, {community_trust}",
        "Head of Health Visiting",
        "Safeguarding Lead, {community_trust}",
    ],
    "hospital_ambulance": [
        "Head of Safeguarding, {hospital}",
        "Named Midwife",
        "Named Doctor, {hospital}",
    ],
    "health_overview": ["Designated Nurse, {pct}", "Named GP for Safeguarding"],
    "police": [
        "Detective Inspector, Public Protection Unit",
        "Detective Chief Inspector, Public Protection",
    ],
    "education": ["Head Teacher", "Education Safeguarding Manager"],
    "adult_mh_substance": [
        "Clinical Director, Adult Mental Health",
        "Service Manager, Drug and Alcohol Team",
    ],
    "probation": ["Assistant Chief Officer, Probation", "Senior Probation Officer"],
    "regional_national": [
        "Independent Chair, {lscb_short} (letter to the Department)",
        "LSCB Business Manager",
    ],
}
DEFAULT_LEADS = ["Service Manager", "Safeguarding Lead", "Head of Service"]
VAGUE_LEADS = ["All agencies", "TBC", "LSCB partners", "Various"]
STATUS = [
    "Complete",
    "In progress",
    "On track",
    "Not yet started",
    "Partially complete",
    "Green",
    "Amber",
]


@dataclass
class PlanRow:
    recommendation_label: str
    action: str
    lead: str
    timescale: str
    measure: str
    status: str
    smart: dict[str, bool]


def _timescale(case: Case, rng: random.Random) -> tuple[str, bool]:
    if rng.random() < 0.08:
        return rng.choice(("Ongoing", "TBC", "Annual", "Continuous")), False
    months = rng.randint(1, 12)
    when = add_months(case.report_date, months)
    form = rng.randrange(4)
    if form == 0:
        return f"{MONTHS[when.month - 1]} {when.year}", True
    if form == 1:
        return f"{when.day:02d}/{when.month:02d}/{when.year}", True
    if form == 2:
        return f"Within {months} month{'s' if months > 1 else ''}", True
    return f"By {MONTHS[when.month - 1]} {when.year}", True


def action_plan(case: Case, rng: random.Random, labelled: list[tuple[str, Rec]]) -> list[PlanRow]:
    """Rows for every recommendation: concrete or vague, with or without measure, lead, date."""
    from corpus.recbank import STAFF
    from corpus.textkit import expand

    rows: list[PlanRow] = []
    ctx = case.ctx()
    for label, rec in labelled:
        for _ in range(2 if rng.random() < 0.2 else 1):
            staff_agency = rec.agency if rec.agency in STAFF else "lscb_all_agencies"
            local = ctx | {"staff": rng.choice(STAFF[staff_agency])}
            roll = rng.random()
            if roll < 0.1:
                action, specific, relevant = expand(rng.choice(IRRELEVANT), rng, local), True, False
            elif roll < 0.35:
                action, specific, relevant = expand(rng.choice(VAGUE), rng, local), False, True
            else:
                bank = CONCRETE.get(rec.primary, []) + GENERIC_CONCRETE
                action, specific, relevant = expand(rng.choice(bank), rng, local), True, True
            measurable = rng.random() < 0.65
            measure = expand(rng.choice(MEASURES if measurable else VAGUE_MEASURES), rng, local)
            named = rng.random() < 0.85
            leads = LEADS.get(rec.agency, DEFAULT_LEADS)
            lead = expand(rng.choice(leads if named else VAGUE_LEADS), rng, local)
            timescale, timely = _timescale(case, rng)
            rows.append(
                PlanRow(
                    recommendation_label=label,
                    action=action,
                    lead=lead,
                    timescale=timescale,
                    measure=measure,
                    status=rng.choice(STATUS),
                    smart={
                        "specific": specific,
                        "measurable": measurable,
                        "achievable": named,
                        "relevant": relevant,
                        "timely": timely,
                    },
                )
            )
    return rows
