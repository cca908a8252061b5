"""Recommendations written for these tests, in the style of serious case reviews, per theme.

Each theme has phrasings that must be coded with it (by rule or similarity)."""

THEME_EXAMPLES: dict[str, list[str]] = {
    "training": [
        "All front-line staff in the maternity unit should complete refresher child protection training every three years.",
        "The partnership will hold a series of multi-agency learning events so that practitioners understand the findings of this review.",
        "GP practices must make sure reception staff are made aware of how to respond when a parent discloses violence.",
    ],
    "information_sharing": [
        "When a child is seen in the emergency department with an injury, the hospital should send details to the GP and health visitor.",
        "Probation and children's social care should exchange information about offenders who live with children.",
        "There must be a protocol for passing on safeguarding concerns when a family moves to a new GP practice.",
    ],
    "recording": [
        "Social workers must keep accurate case records which explain why decisions were made.",
        "Health visitors should document every contact with the family in the electronic patient record on the same day.",
        "The police should ensure that the details of every domestic incident are recorded fully on the force system.",
    ],
    "management_supervision": [
        "Team managers must provide regular reflective supervision to social workers holding child protection cases.",
        "There should be management oversight of every decision to end a child in need plan.",
        "Named nurses should offer safeguarding supervision to school nurses at least every quarter.",
    ],
    "staff_roles": [
        "The roles and responsibilities of the core group members should be set out at the first meeting.",
        "Agencies must clarify who is responsible for following up a child's missed health appointments.",
        "Practitioners need to understand the respective roles of the health visitor and the family support worker.",
    ],
    "whole_picture": [
        "Pre-birth assessments should take account of the parents' histories, including previous children removed from their care.",
        "Assessments must consider all the adults who live in or regularly visit the household.",
        "Practitioners should form a holistic view of the family by drawing on information from every agency involved.",
    ],
    "referral": [
        "Any professional with concerns about a bruise on a baby must refer the child to children's social care the same day.",
        "The hospital should review its referral process so that referrals are made by the clinician who saw the child.",
        "Written confirmation should follow every telephone referral within two working days.",
    ],
    "audit": [
        "The Board should commission a multi-agency audit of cases where a baby was subject to a child protection plan.",
        "Children's social care will dip sample case files every quarter to check the quality of assessments.",
        "The LSCB should seek assurance from each agency that the new procedure has been implemented.",
    ],
    "case_drift": [
        "Every open case must have an allocated social worker and cases should not be left unallocated after a worker leaves.",
        "A lead professional should be identified to coordinate the support plan so that the case does not drift.",
        "When a family moves to another local authority, responsibility for the case must be formally transferred.",
    ],
    "caf": [
        "Schools should use the Common Assessment Framework as soon as they have concerns about a pupil's welfare.",
        "The early help assessment should be offered to families who do not meet the threshold for social care.",
        "A team around the family meeting should be convened when several agencies are working with the children.",
    ],
    "meeting_representation": [
        "The GP should be invited to every initial child protection conference and provide a written report.",
        "Strategy discussions must include representatives from health and the police as well as children's social care.",
        "Agencies should ensure that a practitioner who knows the family attends core group meetings.",
    ],
    "focus_on_child": [
        "Social workers must see and speak to the child alone on every statutory visit.",
        "Assessments should describe the daily lived experience of the child in the household.",
        "Practitioners should keep the baby in mind even when the mother's own needs are pressing.",
    ],
    "timescales": [
        "Initial assessments must be completed within the timescales set by statutory guidance.",
        "Review child protection conferences should be held within three months of the initial conference.",
        "Managers should monitor and act on any delay in convening strategy discussions.",
    ],
    "hard_to_engage": [
        "Health agencies should have a clear procedure for following up children who are not brought to appointments.",
        "Practitioners need guidance on working with parents who are hostile or who avoid contact with services.",
        "Repeated failed home visits should be escalated to a manager and discussed with the other agencies.",
    ],
    "professional_challenge": [
        "Practitioners should be supported to challenge parents when their explanations for an injury are not consistent.",
        "The LSCB should relaunch its escalation policy for resolving professional disagreements.",
        "Staff must show professional curiosity and must not accept what they are told at face value.",
    ],
    "staffing_workforce": [
        "Children's social care must reduce the caseloads of social workers in the assessment team.",
        "Unqualified staff should not be given responsibility for child protection investigations.",
        "The health visiting service should recruit to its vacancies so that every family has a named health visitor.",
    ],
    "out_of_hours": [
        "Out-of-hours services should be able to see the case records held by day-time teams.",
        "Arrangements for safeguarding advice at weekends and on bank holidays should be reviewed.",
        "Schools should consider how vulnerable pupils will be supported during the long summer holidays.",
    ],
    "thresholds_access": [
        "Partner agencies need a shared understanding of the threshold for intervention by children's social care.",
        "The levels of need document should be revised so that chronic neglect is not screened out.",
        "Referrers should be told why a referral did not meet the criteria for a statutory assessment.",
    ],
    "professional_knowledge": [
        "Social workers should seek a paediatric opinion whenever a non-mobile baby is found to have a bruise.",
        "Practitioners need a sound understanding of child development to judge whether a toddler is thriving.",
        "Staff should recognise the limits of their knowledge and consult the named doctor on medical questions.",
    ],
    "hidden_men": [
        "Assessments must identify every man who has contact with the baby, including the mother's new partner.",
        "Health visitors should ask at each visit who else is living in the household.",
        "Agencies should engage fathers and male carers in plans even when they do not live with the child.",
    ],
    "domestic_violence": [
        "Midwives should ask every pregnant woman about domestic abuse when she is seen on her own.",
        "High-risk victims identified through the DASH risk assessment must be referred to MARAC.",
        "Training should cover the effect of coercive control on children living in the household.",
    ],
    "substance_misuse": [
        "Drug and alcohol workers should ask every client whether there are children in their care.",
        "Assessments must consider the impact of the parents' heavy drinking on the care of the children.",
        "Methadone prescribed to parents must be stored safely and out of the reach of children.",
    ],
    "parental_mental_health": [
        "Adult mental health services should always consider the needs of the children of their patients.",
        "Health visitors should screen mothers for postnatal depression at the six-week contact.",
        "The psychiatric liaison team should share concerns about a parent's mental illness with children's services.",
    ],
    "young_parents": [
        "Teenage mothers who are themselves care leavers should be offered a pre-birth assessment.",
        "The Family Nurse Partnership should be offered to all first-time mothers under twenty.",
        "Services for young parents should include advice on coping with the demands of a new baby.",
    ],
    "vulnerable_babies": [
        "Premature babies discharged from neonatal care must have a planned handover to the health visitor.",
        "Practitioners should recognise the particular vulnerability of infants under one.",
        "Any injury to a non-mobile infant should be treated as a safeguarding concern.",
    ],
    "disabled_children": [
        "Agencies should recognise that disabled children are at greater risk of abuse and neglect.",
        "Practitioners must find ways to communicate with children who are non-verbal.",
        "Children with complex health needs should have a single coordinated plan across health services.",
    ],
    "neglect": [
        "The Board should adopt a neglect strategy and promote the use of the Graded Care Profile.",
        "Health visitors should act when a baby shows faltering growth and the family misses appointments.",
        "Practitioners must not allow long-standing concerns about poor hygiene and basic care to drift.",
    ],
    "poverty_housing": [
        "Assessments should consider the effect of debt and financial hardship on the parents' capacity.",
        "Housing officers should report poor home conditions to children's social care.",
        "Families placed in temporary accommodation should be told how to register with a GP.",
    ],
    "safer_sleeping": [
        "Every parent of a new baby should receive safer sleeping advice from the midwife and the health visitor.",
        "Parents should be warned of the danger of co-sleeping after drinking alcohol or taking drugs.",
        "Health visitors should look at where the baby sleeps at the first home visit.",
    ],
    "shaken_babies": [
        "All new parents, including fathers, should be told about the dangers of shaking a baby.",
        "Midwives should deliver a programme on coping with a crying baby before discharge.",
        "A public campaign should explain that shaking an infant can cause lasting brain injury.",
    ],
    "national_policy": [
        "The Department for Education should amend Working Together to require a health representative at strategy discussions.",
        "The Home Office should review national guidance on police notifications of domestic incidents to schools.",
        "The Board will write to the Secretary of State about national minimum standards for children's homes.",
    ],
}
