"""Signal words of each recommendation theme: a phrase that contains one expresses that theme.

Used by the tests to check that every phrase in the text banks carries exactly the themes its
tags say (a careful coder's reading, approximated by unmistakable words)."""

import re

SIGNALS = {
    "training": r"\btrain|\bawareness\b|\b(are|be|is) aware of\b|good understanding of|\bbriefing|learning events?\b|\binduction\b|e-learning|disseminate|practice development",
    "information_sharing": r"\bshare (relevant )?information|information shar|sharing information|shared with|\bnotif|informed when|can be shared|exchange of information|communication|pass on|made available to|information from",
    "recording": r"\brecord(s|ed|ing)?\b|record keeping|case notes|chronolog",
    "management_supervision": r"supervision|(?<!offender )\bmanagers?\b|management oversight",
    "staff_roles": r"roles? and responsibilit|\brole of\b|respective roles|job descriptions|designated safeguarding lead",
    "whole_picture": r"\bhistory\b|wider family|whole[- ]family|extended family|full picture|whole picture|other local authorities|cumulative|childhood experiences|histories|previous areas|moves into the area",
    "referral": r"\breferr(al|als|ed|ers?)\b|\brefer\b",
    "audit": r"\baudit",
    "case_drift": r"\bdrift\b|allocated social worker|lead professional|case responsibility|responsibility for (a case|cases)|case transfer|transfer of cases|unallocated|cases are (not )?closed|handed over|responsible for each action",
    "caf": r"\bCAFs?\b|Common Assessment Framework",
    "meeting_representation": r"attends every|attendance (by|at)|attend core|attending child protection|represented at|are invited to|core group meetings|strategy discussions involve|authority to commit resources",
    "focus_on_child": r"child is experiencing|voice of the child|wishes and feelings|seen and spoken to|child's lived experience|daily life is like|centre of their work|viewpoint of the child|child-centred|children's views|interaction between the child|impact on the child of",
    "timescales": r"timescales?|timeliness|working days?|within 24 hours|same day|delays",
    "hard_to_engage": r"not brought|failures to attend|hostile|resistant|uncooperative|refuse|missed|withdraw from|reluctant to engage|do not respond|avoid contact",
    "professional_challenge": r"\bchalleng|escalat|scepticism|respectful uncertainty|face value|disagree",
    "staffing_workforce": r"qualified|staffing levels|caseloads|vacanc|locum|agency staff|temporary staff|workforce|competen|skills and experience",
    "out_of_hours": r"out[- ]of[- ]hours|out of hours|weekends?|bank holidays|school holidays|Emergency Duty Team|overnight",
    "thresholds_access": r"threshold|accessibility of children's social care",
    "professional_knowledge": r"specialist advice|expert advice|limits of their own|beyond their expertise|paediatric opinion|research evidence|specialist advisers|named or designated professionals|child development|developmental delay",
    "hidden_men": r"\bm[ae]n\b|\bfathers?\b|male|new partner|baby's father",
    "domestic_violence": r"domestic (abuse|violence)|\bDASH\b|MARAC|perpetrators?",
    "substance_misuse": r"drug|alcohol|substance|methadone|toxicology|Hidden Harm",
    "parental_mental_health": r"mental (health|illness|ill health)|postnatal depression|depression|Think Family",
    "young_parents": r"teenage|young (parents|mothers|fathers)",
    "vulnerable_babies": r"premature|low birth weight|non-mobile|neonatal|unborn|very young babies",
    "disabled_children": r"disab",
    "neglect": r"neglect|Graded Care Profile",
    "poverty_housing": r"poverty|financial hardship|overcrowding|rent arrears|temporary accommodation|material needs|condition of the home|poor conditions|poor housing",
    "safer_sleeping": r"sleep|co-sleeping|sharing a bed",
    "shaken_babies": r"shak|crying|head injury",
    "national_policy": r"national|amending Working Together|Crown Prosecution|armed forces|plea bargaining|migrant",
}
COMPILED = {k: re.compile(v, re.IGNORECASE) for k, v in SIGNALS.items()}


def signalled(text: str) -> set[str]:
    """Themes whose signal words occur in the text."""
    return {k for k, rx in COMPILED.items() if rx.search(text)}
