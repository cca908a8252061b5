"""Agency sub-headings and recommendation openings written for these tests, per agency category."""

# (heading as printed, or None; recommendation text; section; expected agency)
AGENCY_EXAMPLES: list[tuple[str | None, str, str, str]] = [
    # lscb_all_agencies
    (None, "The LSCB should publish a multi-agency neglect strategy.", "lscb", "lscb_all_agencies"),
    (
        None,
        "All agencies should remind staff of the escalation procedure.",
        "lscb",
        "lscb_all_agencies",
    ),
    (
        None,
        "Partner agencies must check that their induction covers safer sleeping.",
        "agency",
        "lscb_all_agencies",
    ),
    (
        "Northshire Safeguarding Children Partnership",
        "Review the threshold document within six months.",
        "agency",
        "lscb_all_agencies",
    ),
    # community_health
    (
        None,
        "Health visitors must ask about domestic abuse at every contact.",
        "agency",
        "community_health",
    ),
    (
        None,
        "School nurses should follow up pupils who miss their health reviews.",
        "agency",
        "community_health",
    ),
    (
        "Community Health Services",
        "Ensure practitioners record the father's details.",
        "agency",
        "community_health",
    ),
    (
        None,
        "The Family Nurse Partnership should offer support to young fathers.",
        "agency",
        "community_health",
    ),
    (None, "CAMHS should accept referrals for children under five.", "agency", "community_health"),
    # childrens_social_care
    (
        None,
        "Children's social care should review the quality of pre-birth assessments.",
        "agency",
        "childrens_social_care",
    ),
    (
        "Children's Services",
        "Managers must review every case before closure.",
        "agency",
        "childrens_social_care",
    ),
    (
        None,
        "The MASH should record the reasons for each decision.",
        "agency",
        "childrens_social_care",
    ),
    (
        None,
        "Independent reviewing officers should visit looked after children before reviews.",
        "agency",
        "childrens_social_care",
    ),
    # early_years
    (
        None,
        "Nurseries should record and share concerns about unexplained marks.",
        "agency",
        "early_years",
    ),
    (
        "Early Years and Childcare",
        "All settings should have a designated safeguarding lead.",
        "agency",
        "early_years",
    ),
    (
        None,
        "Children's centres should offer outreach to families who stop attending.",
        "agency",
        "early_years",
    ),
    (None, "Childminders must be told how to make a referral.", "agency", "early_years"),
    # housing
    (
        None,
        "The housing department should tell children's social care when a family with a baby is evicted.",
        "agency",
        "housing",
    ),
    (
        "Northshire Homes (housing association)",
        "Staff who visit tenants should report poor conditions.",
        "agency",
        "housing",
    ),
    (None, "Private landlords should be given advice on reporting concerns.", "agency", "housing"),
    # health_overview
    (
        None,
        "GPs should flag the records of children subject to a child protection plan.",
        "agency",
        "health_overview",
    ),
    (
        None,
        "The Clinical Commissioning Group should assure itself that providers train their staff.",
        "agency",
        "health_overview",
    ),
    (
        "Health Overview Report",
        "Commissioners should monitor compliance with the new standard.",
        "agency",
        "health_overview",
    ),
    (
        None,
        "The designated nurse should review safeguarding supervision across health providers.",
        "agency",
        "health_overview",
    ),
    (
        None,
        "The Primary Care Trust should audit GP attendance at conferences.",
        "agency",
        "health_overview",
    ),
    # hospital_ambulance
    (
        None,
        "The emergency department should check whether a child is subject to a plan.",
        "agency",
        "hospital_ambulance",
    ),
    (
        "Northshire Hospitals NHS Foundation Trust",
        "Paediatric staff must complete level 3 training.",
        "agency",
        "hospital_ambulance",
    ),
    (
        None,
        "The ambulance service should pass on concerns seen at the scene.",
        "agency",
        "hospital_ambulance",
    ),
    (
        None,
        "Maternity services should share information about vulnerable mothers with health visitors.",
        "agency",
        "hospital_ambulance",
    ),
    (None, "A&E staff should ask about previous attendances.", "agency", "hospital_ambulance"),
    # adult_mh_substance
    (
        None,
        "Adult mental health services should consider the children of their patients.",
        "agency",
        "adult_mh_substance",
    ),
    (
        None,
        "The community mental health team should attend child protection conferences.",
        "agency",
        "adult_mh_substance",
    ),
    (
        "Drug and Alcohol Service",
        "Workers should ask clients about children in the home.",
        "agency",
        "adult_mh_substance",
    ),
    # education
    (None, "Schools should follow up unexplained absence on the first day.", "agency", "education"),
    (
        "Education",
        "Head teachers should make sure staff know the designated safeguarding lead.",
        "agency",
        "education",
    ),
    (
        None,
        "The elective home education team should see children who are educated at home.",
        "agency",
        "education",
    ),
    (
        None,
        "Designated safeguarding leads must keep child protection files separately.",
        "agency",
        "education",
    ),
    # connexions
    (
        None,
        "Connexions should offer advice to young people leaving school.",
        "agency",
        "connexions",
    ),
    (
        "Youth Support Service",
        "Youth workers should know how to raise concerns.",
        "agency",
        "connexions",
    ),
    # youth_offending
    (
        None,
        "The Youth Offending Team should assess the home circumstances of young people.",
        "agency",
        "youth_offending",
    ),
    (
        "Youth Offending Service",
        "Case managers should share risk assessments.",
        "agency",
        "youth_offending",
    ),
    # police
    (
        None,
        "The police should share notifications of domestic incidents with schools.",
        "agency",
        "police",
    ),
    (
        "Northshire Constabulary",
        "Officers attending incidents should see the children.",
        "agency",
        "police",
    ),
    (
        None,
        "The Public Protection Unit should review how referrals are screened.",
        "agency",
        "police",
    ),
    # probation
    (
        None,
        "The Probation Trust should check whether offenders live with children.",
        "agency",
        "probation",
    ),
    (
        "National Probation Service",
        "Offender managers should share licence conditions.",
        "agency",
        "probation",
    ),
    (
        None,
        "Offender managers must contact children's social care before release.",
        "agency",
        "probation",
    ),
    # voluntary
    (None, "The NSPCC should share the learning with its staff.", "agency", "voluntary"),
    (
        "Voluntary and community sector",
        "Organisations should have safeguarding policies.",
        "agency",
        "voluntary",
    ),
    (
        None,
        "Women's Aid should refer children in refuges to the health visitor.",
        "agency",
        "voluntary",
    ),
    # miscellaneous
    (
        None,
        "Cafcass should check the safeguarding history of both parents.",
        "agency",
        "miscellaneous",
    ),
    (
        None,
        "Employers of staff who care for children should carry out checks.",
        "agency",
        "miscellaneous",
    ),
    (
        "Army Welfare Service",
        "The service should share concerns about service families.",
        "agency",
        "miscellaneous",
    ),
    # regional_national
    (
        None,
        "The Department for Education should amend Working Together.",
        "national",
        "regional_national",
    ),
    (
        None,
        "The Home Office should review the guidance on police notifications.",
        "agency",
        "regional_national",
    ),
    (
        None,
        "Ofsted should consider this issue in its inspection framework.",
        "agency",
        "regional_national",
    ),
    (
        None,
        "Consider whether national guidance on bruising needs revising.",
        "national",
        "regional_national",
    ),
    (
        None,
        "The Crown Prosecution Service should consider the effect of plea bargaining on children.",
        "agency",
        "regional_national",
    ),
    (
        None,
        "The Department of Health should issue guidance on safer sleeping.",
        "agency",
        "regional_national",
    ),
]
