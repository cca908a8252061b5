"""Recommendation phrasing: verb phrases per theme, the words for agencies, and sentence frames.

Each verb phrase is tagged with EVERY theme a careful coder would give it (first = primary), so a
recommendation's truth is just the union of its template's tags and its topic's tag. Phrases were
written to avoid the signal words of other themes (a training phrase never mentions referral,
recording, supervision...). Slots: {staff} the addressee's own staff, {partner} another agency,
{topic} a training/awareness topic (may carry a theme), {poss} its/their, {audit_obj} what an audit
looks at (may carry a theme), {nat_topic} a national-policy topic (may carry a theme).
"""

from __future__ import annotations

# (verb phrase in base form, themes). "[a|b]" marks a free wording choice.
VP: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "training": [
        ("ensure that [all|] {staff} receive training on {topic}", ()),
        ("provide refresher training for {staff} on {topic}", ()),
        (
            "include {topic} in the [single-agency|level 3|core|mandatory] safeguarding training for {staff}",
            (),
        ),
        ("raise awareness among {staff} of {topic}", ()),
        (
            "deliver [a briefing|briefing sessions|a series of learning events] for {staff} on {topic}",
            (),
        ),
        ("commission [multi-agency|inter-agency] training on {topic}", ()),
        (
            "review {poss} safeguarding training [programme|strategy] [so that|to make sure that] it covers {topic}",
            (),
        ),
        (
            "disseminate the learning from this review to {staff} through [team briefings|training sessions|a programme of learning events]",
            (),
        ),
        ("make [level 3|specialist] child protection training mandatory for {staff}", ()),
        ("develop an e-learning module on {topic} [for|to be completed by] {staff}", ()),
        (
            "ensure that newly appointed {staff} complete induction training that [includes|covers] {topic}",
            (),
        ),
        (
            "run [awareness-raising|practice development] sessions for {staff} [about|on] {topic}",
            (),
        ),
        ("ensure that {staff} [are aware of|have a good understanding of] {topic}", ()),
    ],
    "information_sharing": [
        (
            "ensure that information about [children subject to a child protection plan|children with a child protection plan] is shared with {partner} [routinely|as a matter of course]",
            (),
        ),
        ("review {poss} arrangements for sharing information with {partner}", ()),
        (
            "ensure that {staff} understand that concerns about a child's safety override [issues of consent|the need for consent] when deciding whether to share information",
            (),
        ),
        ("develop an information sharing protocol with {partner}", ()),
        (
            "put in place a system for notifying {partner} when a child [subject to a child protection plan|with a child protection plan] changes address",
            (),
        ),
        (
            "ensure that {staff} share relevant information with {partner} [when they become aware of concerns about a child|where they have concerns about a child's welfare]",
            (),
        ),
        (
            "establish clear arrangements for the exchange of information [between {partner} and {partner2}|with {partner}]",
            (),
        ),
        (
            "ensure that relevant information held by {partner} is made available to [those|practitioners] completing assessments",
            (),
        ),
        (
            "improve communication [between {partner} and {partner2}|with {partner}] about children [known to both|they both work with]",
            (),
        ),
        (
            "ensure that GPs are informed when a child [is made subject to|ceases to be subject to] a child protection plan",
            (),
        ),
        (
            "make sure that {staff} are clear about what information can be shared [lawfully|without consent] to protect a child",
            (),
        ),
        (
            "ensure that information [passed on|given] by [relatives|neighbours and relatives] is shared with the professionals working with the family",
            (),
        ),
    ],
    "recording": [
        (
            "ensure that all contacts with the family are recorded [accurately|fully] [on the electronic record|in the case file]",
            (),
        ),
        (
            "ensure that case records include a [chronology|clear chronology] of significant events",
            (),
        ),
        ("improve the standard of record keeping [by {staff}|across the service]", ()),
        (
            "ensure that the [reasons for decisions|rationale for decisions] [are|is] recorded [clearly|on the file]",
            (),
        ),
        ("ensure that records clearly distinguish between fact and opinion", ()),
        ("introduce a [standard template|single format] for recording home visits", ()),
        (
            "ensure that paper and electronic records are [merged|linked] [so that a complete record is available|so that practitioners can see the full record]",
            (),
        ),
        (
            "ensure that [alerts|flags] are placed on the records of children subject to a child protection plan",
            (),
        ),
        ("ensure that entries in [case notes|the records] are signed, dated and legible", ()),
        (
            "review the [electronic recording system|recording system] so that significant events can be [easily identified|found quickly]",
            (),
        ),
    ],
    "management_supervision": [
        (
            "ensure that [safeguarding|child protection] supervision is [provided to|available to] {staff} on a regular basis",
            (),
        ),
        (
            "ensure that managers [review|oversee] cases in which there are [repeated concerns|concerns about a child]",
            (),
        ),
        (
            "[strengthen|improve] management oversight of [case decisions|complex cases|cases open to the service]",
            (),
        ),
        (
            "ensure that supervision [includes|provides space for] reflective discussion of complex cases",
            (),
        ),
        ("ensure that {staff} have access to [regular|reflective] safeguarding supervision", ()),
        (
            "review the [supervision policy|arrangements for supervision] so that {staff} are supported when working with complex families",
            (),
        ),
        ("ensure that key decisions are [endorsed|authorised] by a manager", ()),
        (
            "ensure that [first-line|team] managers are [equipped|supported] to provide [effective|reflective|good quality] supervision",
            (),
        ),
        ("introduce [group|peer] supervision for {staff}", ()),
        (
            "ensure that senior managers maintain oversight of the quality of front-line practice",
            (),
        ),
    ],
    "staff_roles": [
        (
            "clarify the roles and responsibilities of {staff} in [child protection enquiries|multi-agency child protection work]",
            (),
        ),
        (
            "clarify the role of the [named nurse|named doctor|family support worker|school nurse] in child protection work",
            (),
        ),
        (
            "ensure that {staff} are clear about [their own|each other's] roles and responsibilities when working with children subject to a child protection plan",
            (),
        ),
        ("produce guidance setting out the respective roles of {partner} and {partner2}", ()),
        (
            "define the role of the [safeguarding lead|named professional for safeguarding] within [the organisation|the service|each team]",
            (),
        ),
        (
            "ensure that job descriptions for {staff} set out their safeguarding responsibilities",
            (),
        ),
        (
            "review the respective roles of [health visitors and community nursery nurses|midwives and health visitors] in the early weeks after a baby's birth",
            (),
        ),
        ("set out clearly the role of the designated safeguarding lead in schools", ()),
        ("clarify the role of police officers in joint visits with social workers", ()),
    ],
    "whole_picture": [
        (
            "ensure that assessments [take account of|consider] the family's history, including [previous agency involvement|involvement with agencies in other areas]",
            (),
        ),
        (
            "ensure that {staff} [obtain|seek] information about the wider family[ and its networks|, including grandparents and other relatives]",
            (),
        ),
        (
            "ensure that assessments consider the cumulative [history|pattern of concerns] rather than each incident in isolation",
            (),
        ),
        (
            "ensure that the history of the family is [reviewed|considered] whenever a new concern is raised",
            (),
        ),
        (
            "ensure that [the parents'|parents'] own [childhood experiences|histories] are considered in assessments",
            (),
        ),
        (
            "ensure that information from [other local authorities|previous areas of residence] is obtained when a family moves into the area",
            ("information_sharing",),
        ),
        (
            "adopt a whole-family approach to assessment in which the needs of all the children are considered together",
            (),
        ),
        (
            "ensure that {staff} build a full picture of the family's circumstances before [reaching conclusions|making decisions] about risk",
            (),
        ),
        (
            "ensure that assessments explore the [relationships|dynamics] within the family and the extended family",
            (),
        ),
        (
            "ensure that assessments of [siblings|each child in the family] are informed by knowledge of the whole family",
            (),
        ),
    ],
    "referral": [
        ("ensure that telephone referrals to children's social care are confirmed in writing", ()),
        (
            "review the [referral pathway|referral process] from {partner} to children's social care",
            (),
        ),
        (
            "ensure that {staff} [know how to|understand how to] make a referral to children's social care",
            (),
        ),
        (
            "ensure that [the outcome of|feedback on] every referral is [given|provided] to the referrer",
            (),
        ),
        ("develop a [single|standard] multi-agency referral form", ()),
        (
            "ensure that repeated concerns about the same child result in a referral to children's social care rather than being managed within the agency",
            (),
        ),
        (
            "ensure that referrers [follow up|check the outcome of] referrals [when they have not received a response|that receive no response]",
            (),
        ),
        (
            "improve the quality of referrals made by {staff}, so that the concern and the evidence for it are [clearly stated|set out clearly]",
            (),
        ),
        (
            "ensure that referrals from [members of the public|relatives and neighbours] are treated with the same seriousness as referrals from professionals",
            (),
        ),
        (
            "ensure that referrals made by {partner} are accepted and acted upon [consistently|in line with the procedures]",
            (),
        ),
    ],
    "audit": [
        ("undertake an audit of {audit_obj}", ()),
        ("commission a [multi-agency|joint] audit of {audit_obj}", ()),
        ("repeat the audit of {audit_obj} to test whether practice has improved", ()),
        (
            "audit compliance with [the LSCB child protection procedures|the organisation's safeguarding policy]",
            (),
        ),
        ("include {audit_obj} in {poss} annual audit programme", ()),
        ("report the findings of a case file audit of {audit_obj} to the LSCB", ()),
        (
            "carry out regular case file audits to [test|assess] the quality of safeguarding practice",
            (),
        ),
        (
            "test the [implementation|impact] of the learning from this review through [audit|a programme of audits]",
            (),
        ),
        ("undertake a dip-sample audit of {audit_obj}", ()),
    ],
    "case_drift": [
        (
            "ensure that every child subject to a child protection plan has an allocated social worker",
            (),
        ),
        (
            "ensure that cases are not closed without a clear plan [for the child|agreed with the family]",
            (),
        ),
        (
            "ensure that there is [always|] a named lead professional [with responsibility for|responsible for] coordinating work with the family",
            (),
        ),
        (
            "ensure that responsibility for [a case|cases] remains clear when [it is|they are] transferred between teams",
            (),
        ),
        (
            "put in place arrangements to avoid drift where plans for children are not progressing",
            (),
        ),
        (
            "ensure that unallocated cases are reviewed [regularly|each week] so that they do not drift",
            (),
        ),
        (
            "ensure that the transfer of cases between [teams|services] takes place without [any loss of case responsibility|a gap in case responsibility]",
            (),
        ),
        (
            "ensure that [plans|child in need plans] [specify|set out] the professional responsible for each action",
            (),
        ),
        (
            "ensure that cases are handed over without a gap in responsibility when a key worker leaves",
            (),
        ),
        ("review {poss} case transfer protocol with {partner}", ()),
    ],
    "caf": [
        ("promote the use of the Common Assessment Framework [by|among] {staff}", ()),
        (
            "ensure that a CAF is [considered|initiated] where a child has additional needs [that are not being met|which a single agency cannot meet]",
            (),
        ),
        (
            "ensure that {staff} are confident in [using|completing] the Common Assessment Framework",
            (),
        ),
        (
            "review the local CAF [process|arrangements] so that [it is|they are] used consistently across agencies",
            (),
        ),
        (
            "ensure that CAFs are completed with families [where there are emerging concerns about a child's development|whose needs are not met by universal services]",
            (),
        ),
        (
            "make sure that the Common Assessment Framework is used to [coordinate|plan] early help for families with [additional|emerging] needs",
            (),
        ),
        (
            "ensure that completed CAFs are [shared with|made available to] other professionals working with the family",
            ("information_sharing",),
        ),
        (
            "ensure that the CAF is not used [as a substitute for|in place of] a referral to children's social care where a child may be at risk of significant harm",
            ("referral",),
        ),
        (
            "clarify when the Common Assessment Framework should be used rather than a single-agency assessment",
            (),
        ),
        ("ensure that {staff} consider a CAF when they identify [unmet|additional] needs", ()),
    ],
    "meeting_representation": [
        (
            "ensure that a practitioner who knows the family attends every child protection conference about a child known to the service",
            (),
        ),
        ("ensure that {staff} [attend|are represented at] core group meetings", ()),
        (
            "ensure that GPs are represented at child protection conferences, in person or by a written report",
            (),
        ),
        ("ensure that the police are represented at every initial child protection conference", ()),
        ("ensure that strategy discussions involve [health|all relevant agencies]", ()),
        (
            "ensure that the right professionals are invited to [child protection conferences|multi-agency meetings]",
            (),
        ),
        (
            "ensure that [a representative attending|representatives at] multi-agency meetings [has|have] the authority to commit resources",
            (),
        ),
        ("monitor attendance by {staff} at child protection conferences and core groups", ()),
        (
            "ensure that practitioners working with the adults in the family are invited to child protection conferences",
            (),
        ),
    ],
    "focus_on_child": [
        (
            "ensure that children are seen and spoken to [alone|on their own] [where appropriate|whenever possible]",
            (),
        ),
        (
            "ensure that the [voice|wishes and feelings] of the child [is|are] [evident|reflected] in [assessments|plans]",
            (),
        ),
        (
            "ensure that assessments [consider|describe] [the child's lived experience|what daily life is like for the child]",
            (),
        ),
        (
            "ensure that {staff} keep the child at the centre of their work, [particularly|even] when the needs of the parents are [pressing|complex]",
            (),
        ),
        (
            "ensure that {staff} observe the interaction between the child and [the carers|the parents] at every home visit",
            (),
        ),
        (
            "ensure that [processes of assessment and review|assessments and reviews] are always informed by [attempts|an attempt] to understand the situation from the viewpoint of the child",
            (),
        ),
        (
            "ensure that children's views are [sought|obtained] and taken into account [in decisions about them|when decisions are made about their care]",
            (),
        ),
        (
            "ensure that {staff} consider [the impact on the child of the parents' behaviour|how the child is experiencing the family's circumstances]",
            (),
        ),
        ("adopt a child-centred approach [to|in] assessment and planning", ()),
    ],
    "timescales": [
        (
            "ensure that initial assessments are completed within [the required timescales|seven working days]",
            (),
        ),
        (
            "ensure that core assessments are completed within [the statutory timescales|35 working days]",
            (),
        ),
        (
            "ensure that strategy discussions take place within [the timescales set out in the procedures|one working day]",
            (),
        ),
        (
            "ensure that initial child protection conferences are held within 15 working days of the strategy discussion",
            (),
        ),
        ("ensure that decisions on referrals are made within 24 hours of receipt", ("referral",)),
        ("monitor [performance against|compliance with] statutory timescales for assessments", ()),
        (
            "ensure that child protection medicals take place on the same day [when|where] physical abuse is [suspected|alleged]",
            (),
        ),
        (
            "ensure that reviews of child protection plans take place within the timescales set out in Working Together",
            (),
        ),
        ("reduce delays in allocating [assessments|cases for assessment]", ()),
    ],
    "hard_to_engage": [
        (
            "introduce a policy for following up children who are not brought to [appointments|health appointments]",
            (),
        ),
        (
            "ensure that {staff} [follow up|act on] repeated failures to attend [appointments|health appointments]",
            (),
        ),
        (
            "ensure that {staff} have guidance on working with [hostile and resistant|uncooperative] families",
            (),
        ),
        (
            "ensure that {staff} have a clear plan for what to do when parents refuse [access to the home|to engage with services]",
            (),
        ),
        (
            "ensure that a pattern of [cancelled or missed|missed] [home visits|appointments] is recognised as a possible indicator of risk",
            (),
        ),
        (
            "ensure that, where parents withdraw from the service, the case is discussed with the safeguarding lead before the child is discharged",
            (),
        ),
        ("review {poss} 'was not brought' policy so that it covers all children under five", ()),
        (
            "develop [practice guidance|a protocol] on working with families who are reluctant to engage",
            (),
        ),
        (
            "ensure that {staff} do not discharge families solely because parents do not respond to appointment letters",
            (),
        ),
        ("consider the use of unannounced home visits when families avoid contact", ()),
    ],
    "professional_challenge": [
        (
            "ensure that {staff} feel able to challenge the decisions of other agencies when they disagree",
            (),
        ),
        (
            "[promote|re-launch] the multi-agency escalation procedure for resolving professional disagreements",
            (),
        ),
        (
            "ensure that {staff} challenge explanations from parents that do not fit the injuries seen",
            (),
        ),
        (
            "ensure that {staff} test what parents tell them against other evidence rather than accepting it at face value",
            (),
        ),
        (
            "encourage a culture of [healthy scepticism|respectful uncertainty] in which practitioners question each other's conclusions",
            (),
        ),
        (
            "ensure that unresolved professional disagreements are escalated under the LSCB procedure",
            (),
        ),
        ("[monitor|report on] the use of the escalation procedure", ()),
        (
            "ensure that health professionals are prepared to challenge decisions by children's social care to take no further action",
            (),
        ),
        ("support {staff} to challenge apparent cooperation by parents", ()),
    ],
    "staffing_workforce": [
        ("ensure that only qualified social workers undertake child protection enquiries", ()),
        (
            "review staffing levels in [the assessment teams|front-line teams|the safeguarding team]",
            (),
        ),
        ("ensure that caseloads [are manageable|do not exceed an agreed level]", ()),
        ("address the high [vacancy|vacancy and turnover] rates among {staff}", ()),
        (
            "ensure that [agency|locum] staff have the competence required for the work they are given",
            (),
        ),
        ("review the use of unqualified staff in child protection work", ()),
        (
            "develop a [workforce|recruitment and retention] strategy to reduce reliance on temporary staff",
            (),
        ),
        (
            "ensure that {staff} have the [skills and experience|competencies] required for the complexity of the work allocated to them",
            (),
        ),
        ("ensure that health visiting caseloads remain at a level that allows safe practice", ()),
    ],
    "out_of_hours": [
        ("review the arrangements for out-of-hours social work cover", ()),
        (
            "ensure that there is a [robust|reliable] response to child protection concerns at weekends and on bank holidays",
            (),
        ),
        (
            "ensure that out-of-hours GP services can identify children subject to a child protection plan",
            (),
        ),
        ("put in place arrangements to support vulnerable children during school holidays", ()),
        (
            "ensure that safeguarding advice is available to {staff} [out of hours|at weekends and overnight]",
            (),
        ),
        (
            "ensure that the handover of work between daytime teams and the Emergency Duty Team [is robust|works effectively]",
            (),
        ),
        (
            "ensure that a paediatrician is available out of hours to examine children who present with injuries",
            (),
        ),
        ("review {poss} [weekend and bank holiday|out-of-hours] cover for safeguarding work", ()),
    ],
    "thresholds_access": [
        (
            "review the multi-agency threshold document so that it is applied consistently [by all agencies|across the partnership]",
            (),
        ),
        (
            "ensure that the thresholds for access to children's social care are understood by {staff}",
            (),
        ),
        ("ensure that threshold decisions at the front door are applied consistently", ()),
        (
            "ensure that children whose needs fall below the threshold for children's social care are offered an alternative service",
            (),
        ),
        (
            "publish [clear|revised] guidance on the thresholds for children's social care intervention",
            (),
        ),
        ("develop a shared understanding of thresholds across agencies", ()),
        (
            "review the accessibility of children's social care to [partner agencies|other professionals]",
            (),
        ),
        (
            "examine whether the threshold for intervention in cases of neglect is set too high",
            ("neglect",),
        ),
    ],
    "professional_knowledge": [
        (
            "ensure that {staff} seek specialist advice when a situation is beyond their expertise",
            (),
        ),
        ("ensure that {staff} can draw on expert advice on child development", ()),
        (
            "ensure that {staff} recognise the limits of their own [knowledge|expertise] and seek advice [accordingly|when needed]",
            (),
        ),
        (
            "ensure that a paediatric opinion is obtained before conclusions are reached about the cause of injuries",
            (),
        ),
        (
            "make specialist advice on [child development|developmental delay] available to {staff}",
            (),
        ),
        (
            "ensure that {staff} consult the named or designated professionals when faced with unfamiliar situations",
            (),
        ),
        ("ensure that decisions are informed by research evidence and specialist knowledge", ()),
        ("develop a directory of specialist advisers that {staff} can consult", ()),
    ],
    "hidden_men": [
        ("ensure that assessments identify all men living in or visiting the household", ()),
        ("ensure that fathers and male partners are included in assessments and plans", ()),
        (
            "ensure that {staff} ask about any new partner [at every contact|when visiting the home]",
            (),
        ),
        ("ensure that background checks are completed on men who join the household", ()),
        ("ensure that the risks posed by male carers are assessed", ()),
        ("develop practice guidance on engaging fathers and male carers", ()),
        (
            "ensure that men who have a significant role in the child's life are known to professionals",
            (),
        ),
        (
            "ensure that {staff} establish the composition of the household, including any man who stays there [regularly|part of the time]",
            (),
        ),
        (
            "ensure that [antenatal assessments|maternity booking assessments] include details of the baby's father",
            (),
        ),
    ],
    "domestic_violence": [
        (
            "ensure that routine enquiry about domestic abuse takes place at antenatal appointments",
            (),
        ),
        (
            "ensure that police notifications of domestic abuse incidents in households with children are shared with health visitors and schools",
            ("information_sharing",),
        ),
        ("ensure that a DASH risk assessment is completed after every domestic abuse incident", ()),
        (
            "ensure that [cases of high-risk domestic abuse|all high-risk domestic abuse cases] are [discussed|heard] at MARAC",
            (),
        ),
        (
            "ensure that the impact of domestic [abuse|violence] on the children in the household is assessed",
            (),
        ),
        (
            "review {poss} domestic abuse [policy|procedures] to ensure that children living with domestic abuse are considered",
            (),
        ),
        (
            "ensure that perpetrators of domestic abuse are offered [a perpetrator programme|appropriate programmes]",
            (),
        ),
        (
            "ensure that a pattern of domestic abuse incidents is recognised rather than each being treated as an isolated event",
            (),
        ),
        ("ensure that women are asked about domestic abuse when their partner is not present", ()),
        ("develop a domestic abuse [strategy|pathway] which addresses the safety of children", ()),
    ],
    "substance_misuse": [
        (
            "ensure that drug and alcohol services establish whether their clients are parents or have caring responsibilities for children",
            (),
        ),
        (
            "ensure that the impact of parental [substance misuse|drug and alcohol use] on parenting capacity is assessed",
            (),
        ),
        (
            "review the joint working protocol between substance misuse services and children's social care",
            (),
        ),
        (
            "ensure that methadone prescribed to parents is kept safely away from children, with lockable boxes provided",
            (),
        ),
        (
            "ensure that parental [alcohol|drug] misuse is recognised as a risk factor when assessing risk to children",
            (),
        ),
        (
            "ensure that expectant mothers who misuse drugs or alcohol are offered specialist support during pregnancy",
            (),
        ),
        (
            "ensure that the Hidden Harm [agenda|guidance] is embedded within adult drug and alcohol services",
            (),
        ),
        (
            "ensure that toxicology results are used to inform child protection planning where parents are misusing drugs",
            (),
        ),
    ],
    "parental_mental_health": [
        (
            "ensure that adult mental health [practitioners|services] consider the safety of any children of patients who are parents",
            (),
        ),
        (
            "ensure that [maternal|perinatal] mental health is assessed at antenatal and postnatal contacts",
            (),
        ),
        (
            "ensure that the impact of [parental mental illness|a parent's mental ill health] on parenting is assessed",
            (),
        ),
        (
            "strengthen joint working between adult mental health services and children's services where a parent has a mental illness",
            (),
        ),
        (
            "ensure that postnatal depression is recognised early and that mothers receive support",
            (),
        ),
        (
            "ensure that GPs take account of any children in the household when treating a parent for [depression|mental illness]",
            (),
        ),
        ("ensure that a 'Think Family' approach is adopted in adult mental health services", ()),
        (
            "agree a protocol on assessing parenting capacity where a parent has a serious mental illness",
            (),
        ),
    ],
    "young_parents": [
        (
            "ensure that teenage parents are offered additional support through [the Family Nurse Partnership|the teenage pregnancy service]",
            (),
        ),
        (
            "ensure that the vulnerability of teenage parents is assessed alongside the needs of their baby",
            (),
        ),
        (
            "ensure that young mothers who are themselves children in need receive their own assessment",
            (),
        ),
        ("develop a support service for teenage parents after the birth of their baby", ()),
        (
            "ensure that {staff} take account of the particular pressures faced by teenage parents",
            (),
        ),
        ("ensure that maternity services for young mothers are tailored to their needs", ()),
        ("review the support available to teenage parents who are care leavers", ()),
        (
            "ensure that the parenting capacity of young parents is assessed taking account of their own developmental needs",
            (),
        ),
    ],
    "vulnerable_babies": [
        (
            "ensure that the particular vulnerability of premature and low birth weight babies is taken into account in assessments",
            (),
        ),
        ("ensure that bruising in a non-mobile baby is treated as a child protection concern", ()),
        ("ensure that babies leaving the neonatal unit have a planned follow-up", ()),
        (
            "ensure that pre-birth assessments are completed where there are concerns about an unborn baby",
            (),
        ),
        (
            "ensure that parents of premature babies receive extra health visiting support after discharge",
            (),
        ),
        (
            "ensure that the vulnerability of very young babies is reflected in child protection plans",
            (),
        ),
        (
            "ensure that the weight of low birth weight babies is monitored closely after discharge",
            (),
        ),
        ("develop guidance on responding to bruising in non-mobile babies", ()),
    ],
    "disabled_children": [
        (
            "ensure that disabled children receive the same safeguarding response as other children",
            (),
        ),
        (
            "ensure that signs of abuse in disabled children are not attributed to their disability",
            (),
        ),
        (
            "ensure that the safeguarding needs of disabled children are addressed by the disabled children's team",
            (),
        ),
        (
            "improve joint working between the different health services working with disabled children",
            (),
        ),
        (
            "ensure that short break services for disabled children follow clear safeguarding procedures",
            (),
        ),
        ("ensure that transition planning for disabled young people addresses their safety", ()),
        (
            "ensure that the multi-agency guidance on safeguarding disabled children is refreshed",
            (),
        ),
        (
            "ensure that the care arrangements of disabled children are considered as part of child protection planning",
            (),
        ),
    ],
    "neglect": [
        ("develop a multi-agency neglect strategy", ()),
        (
            "ensure that [the Graded Care Profile|a recognised neglect assessment tool] is used in cases of neglect",
            (),
        ),
        ("ensure that the long-term impact of neglect on children is recognised", ()),
        (
            "ensure that children living with chronic neglect do not remain on plans for long periods without evidence of improvement",
            (),
        ),
        ("ensure that {staff} recognise the early signs of neglect in young children", ()),
        ("produce multi-agency practice guidance on working with neglect", ()),
        ("ensure that concerns about neglect are addressed at an early stage", ()),
        ("ensure that plans for children in neglect cases set clear goals for the parents", ()),
    ],
    "poverty_housing": [
        (
            "ensure that the impact of financial hardship on the family is considered in assessments",
            (),
        ),
        (
            "ensure that the condition of the home is assessed as part of child protection assessments",
            (),
        ),
        ("work with housing providers to address overcrowding where children are at risk", ()),
        ("ensure that families with rent arrears receive welfare rights advice", ()),
        ("ensure that the impact of poverty on family functioning is taken into account", ()),
        (
            "ensure that families placed in temporary accommodation remain registered with health services",
            (),
        ),
        (
            "examine how agencies can respond to the material needs of families living in poverty",
            (),
        ),
        (
            "ensure that housing officers pass on concerns about poor conditions in homes where children live",
            ("information_sharing",),
        ),
    ],
    "safer_sleeping": [
        (
            "ensure that safe sleeping advice is given to parents at the new birth visit and reinforced at later contacts",
            (),
        ),
        ("ensure that parents are told of the dangers of sharing a bed with a baby", ()),
        ("develop a multi-agency safer sleeping message for parents", ()),
        ("ensure that the sleeping arrangements for babies are checked during home visits", ()),
        (
            "ensure that safe sleeping advice includes the dangers of falling asleep on a sofa with a baby",
            (),
        ),
        ("ensure that parents who smoke receive specific advice on safe sleeping", ()),
        (
            "ensure that safe sleeping information is discussed with parents on postnatal wards before discharge",
            (),
        ),
        ("include safer sleeping messages in all work with parents of infants", ()),
    ],
    "shaken_babies": [
        ("ensure that all new parents receive information about the dangers of shaking a baby", ()),
        ("implement a programme to prevent non-accidental head injury in babies", ()),
        (
            "ensure that parents are given advice on coping with a crying baby and the dangers of shaking",
            (),
        ),
        ("deliver a public health message on the dangers of shaking babies", ()),
        (
            "ensure that the dangers of shaking babies are explained to parents before discharge from the maternity unit",
            (),
        ),
        (
            "ensure that health visitors repeat the message about the dangers of shaking babies at the new birth visit",
            (),
        ),
        (
            "ensure that leaflets about infant crying and the danger of shaking are available in GP surgeries",
            (),
        ),
        ("consider introducing a shaken baby prevention programme across the area", ()),
    ],
    "national_policy": [
        ("issue national guidance on {nat_topic}", ()),
        ("revise the national minimum standards for children's homes", ()),
        (
            "consider amending Working Together to Safeguard Children to clarify expectations on {nat_topic}",
            (),
        ),
        ("develop a national protocol on {nat_topic}", ()),
        ("review national guidance on the safeguarding of vulnerable migrant children", ()),
        (
            "consider how the armed forces can play a fuller part in safeguarding children in service families",
            (),
        ),
        (
            "review, with the Crown Prosecution Service, the effect of plea bargaining and reduced sentences on the safety of children",
            (),
        ),
        ("commission national guidance for general practice on {nat_topic}", ()),
    ],
}

# What national bodies are asked to do about public-health themes.
NATIONAL_VP: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "safer_sleeping": [
        (
            "commission a national public health campaign on safe sleeping and the dangers of co-sleeping",
            ("national_policy",),
        ),
        (
            "ensure that the safe sleeping advice given to parents is consistent across all health services",
            (),
        ),
        (
            "consider how the safer sleeping message can reach parents who are not in contact with health services",
            (),
        ),
    ],
    "shaken_babies": [
        ("fund a national programme to prevent the shaking of babies", ("national_policy",)),
        (
            "commission a national public health campaign on the dangers of shaking babies",
            ("national_policy",),
        ),
        (
            "consider making advice on coping with a crying baby part of the routine postnatal care of every family",
            (),
        ),
    ],
}

# Themes a recommendation to a national body may lead with.
NATIONAL_PRIMARY = ("national_policy", "safer_sleeping", "shaken_babies")

# Only these addressees use a phrase (others may use any phrase).
VP_AGENCIES: dict[str, tuple[str, ...]] = {
    "clarify the role of police officers in joint visits with social workers": (
        "police",
        "lscb_all_agencies",
    ),
    "set out clearly the role of the designated safeguarding lead in schools": (
        "education",
        "lscb_all_agencies",
    ),
    "ensure that health visiting caseloads remain at a level that allows safe practice": (
        "community_health",
        "health_overview",
    ),
    "ensure that out-of-hours GP services can identify children subject to a child protection plan": (
        "health_overview",
        "lscb_all_agencies",
    ),
    "ensure that GPs are represented at child protection conferences, in person or by a written report": (
        "health_overview",
        "lscb_all_agencies",
    ),
    "ensure that the police are represented at every initial child protection conference": (
        "police",
        "lscb_all_agencies",
    ),
    "ensure that only qualified social workers undertake child protection enquiries": (
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "ensure that initial assessments are completed within": ("childrens_social_care",),
    "ensure that core assessments are completed within": ("childrens_social_care",),
    "ensure that initial child protection conferences are held within": (
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "ensure that every child subject to a child protection plan has an allocated social worker": (
        "childrens_social_care",
    ),
    "ensure that threshold decisions at the front door": (
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "ensure that drug and alcohol services establish": ("adult_mh_substance", "lscb_all_agencies"),
    "ensure that the Hidden Harm": ("adult_mh_substance", "lscb_all_agencies"),
    "ensure that adult mental health [practitioners|services] consider": (
        "adult_mh_substance",
        "lscb_all_agencies",
    ),
    "ensure that a 'Think Family' approach": ("adult_mh_substance", "lscb_all_agencies"),
    "ensure that GPs take account of": ("health_overview", "lscb_all_agencies"),
    "ensure that [maternal|perinatal] mental health is assessed": (
        "community_health",
        "hospital_ambulance",
        "health_overview",
    ),
    "ensure that routine enquiry about domestic abuse takes place at antenatal": (
        "community_health",
        "hospital_ambulance",
        "health_overview",
    ),
    "ensure that police notifications of domestic abuse": ("police", "lscb_all_agencies"),
    "ensure that a DASH risk assessment is completed": ("police", "lscb_all_agencies"),
    "ensure that perpetrators of domestic abuse are offered": (
        "probation",
        "lscb_all_agencies",
        "voluntary",
    ),
    "ensure that methadone prescribed": (
        "adult_mh_substance",
        "health_overview",
        "lscb_all_agencies",
    ),
    "ensure that expectant mothers who misuse": (
        "community_health",
        "hospital_ambulance",
        "adult_mh_substance",
    ),
    "ensure that toxicology results": ("childrens_social_care", "lscb_all_agencies"),
    "ensure that [antenatal assessments|maternity booking assessments] include": (
        "community_health",
        "hospital_ambulance",
    ),
    "ensure that maternity services for young mothers": (
        "hospital_ambulance",
        "community_health",
        "health_overview",
    ),
    "ensure that teenage parents are offered additional support": (
        "community_health",
        "lscb_all_agencies",
        "connexions",
        "health_overview",
    ),
    "ensure that babies leaving the neonatal unit": ("hospital_ambulance", "community_health"),
    "ensure that parents of premature babies receive extra health visiting": ("community_health",),
    "ensure that the weight of low birth weight babies": ("community_health",),
    "ensure that the safeguarding needs of disabled children are addressed by the disabled children's team": (
        "childrens_social_care",
    ),
    "ensure that short break services": ("childrens_social_care", "voluntary", "lscb_all_agencies"),
    "work with housing providers": ("childrens_social_care", "lscb_all_agencies", "housing"),
    "ensure that housing officers pass on": ("housing",),
    "ensure that families with rent arrears": ("housing", "childrens_social_care", "voluntary"),
    "ensure that safe sleeping advice is given to parents at the new birth visit": (
        "community_health",
    ),
    "ensure that safe sleeping information is discussed with parents on postnatal wards": (
        "hospital_ambulance",
    ),
    "ensure that the sleeping arrangements for babies": (
        "community_health",
        "childrens_social_care",
        "early_years",
    ),
    "ensure that the dangers of shaking babies are explained to parents before discharge": (
        "hospital_ambulance",
    ),
    "ensure that health visitors repeat the message": ("community_health", "lscb_all_agencies"),
    "ensure that leaflets about infant crying": ("health_overview",),
    "ensure that a paediatrician is available out of hours": ("hospital_ambulance",),
    "ensure that child protection medicals take place": (
        "hospital_ambulance",
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "review the arrangements for out-of-hours social work cover": (
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "ensure that the handover of work between daytime teams and the Emergency Duty Team": (
        "childrens_social_care",
    ),
    "put in place arrangements to support vulnerable children during school holidays": (
        "education",
        "lscb_all_agencies",
        "early_years",
    ),
    "review the respective roles of [health visitors": ("community_health",),
    "ensure that telephone referrals to children's social care": ("lscb_all_agencies",),
    "review the referral pathway": (),
    "ensure that strategy discussions involve": (
        "childrens_social_care",
        "police",
        "lscb_all_agencies",
    ),
    "ensure that strategy discussions take place within": (
        "childrens_social_care",
        "police",
        "lscb_all_agencies",
    ),
    "ensure that the multi-agency guidance on safeguarding disabled children": (
        "lscb_all_agencies",
    ),
    "develop a multi-agency neglect strategy": ("lscb_all_agencies",),
    "produce multi-agency practice guidance on working with neglect": ("lscb_all_agencies",),
    "[promote|re-launch] the multi-agency escalation procedure": ("lscb_all_agencies",),
    "ensure that unresolved professional disagreements are escalated": (
        "lscb_all_agencies",
        "childrens_social_care",
        "community_health",
        "health_overview",
    ),
    "ensure that health professionals are prepared to challenge": (
        "community_health",
        "health_overview",
        "hospital_ambulance",
    ),
    "review the multi-agency threshold document": ("lscb_all_agencies",),
    "publish [clear|revised] guidance on the thresholds": ("lscb_all_agencies",),
    "develop a shared understanding of thresholds": ("lscb_all_agencies",),
    "review the accessibility of children's social care": (
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "ensure that children whose needs fall below": ("childrens_social_care", "lscb_all_agencies"),
    "examine whether the threshold for intervention": (
        "lscb_all_agencies",
        "childrens_social_care",
    ),
    "develop a [single|standard] multi-agency referral form": ("lscb_all_agencies",),
    "ensure that referrals made by {partner} are accepted": ("childrens_social_care",),
    "review the local CAF": ("lscb_all_agencies",),
    "commission [multi-agency|inter-agency] training": ("lscb_all_agencies", "health_overview"),
    "commission a [multi-agency|joint] audit": ("lscb_all_agencies", "health_overview"),
    "report the findings of a case file audit": tuple(
        a
        for a in (
            "community_health",
            "childrens_social_care",
            "early_years",
            "housing",
            "health_overview",
            "hospital_ambulance",
            "adult_mh_substance",
            "education",
            "connexions",
            "youth_offending",
            "police",
            "probation",
            "voluntary",
            "miscellaneous",
        )
    ),
    "review staffing levels in": (
        "childrens_social_care",
        "community_health",
        "police",
        "hospital_ambulance",
    ),
    "ensure that caseloads": (
        "childrens_social_care",
        "community_health",
        "probation",
        "youth_offending",
    ),
    "address the high": ("childrens_social_care", "community_health"),
    "ensure that [agency|locum] staff": (
        "childrens_social_care",
        "community_health",
        "hospital_ambulance",
    ),
    "review the use of unqualified staff": (
        "childrens_social_care",
        "police",
        "community_health",
        "lscb_all_agencies",
    ),
    "develop a [workforce|recruitment": (
        "childrens_social_care",
        "lscb_all_agencies",
        "community_health",
    ),
    "review the [supervision policy": (),
    "develop a domestic abuse [strategy": ("lscb_all_agencies",),
    "review the joint working protocol between substance": (
        "adult_mh_substance",
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "strengthen joint working between adult mental health": (
        "adult_mh_substance",
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "agree a protocol on assessing parenting capacity": ("lscb_all_agencies",),
    "develop a support service for teenage parents": (
        "lscb_all_agencies",
        "childrens_social_care",
        "voluntary",
        "connexions",
        "community_health",
    ),
    "review the support available to teenage parents who are care leavers": (
        "childrens_social_care",
        "connexions",
    ),
    "ensure that young mothers who are themselves children in need": ("childrens_social_care",),
    "ensure that pre-birth assessments": (
        "childrens_social_care",
        "lscb_all_agencies",
        "community_health",
        "hospital_ambulance",
    ),
    "develop guidance on responding to bruising": ("lscb_all_agencies", "health_overview"),
    "improve joint working between the different health services": (
        "health_overview",
        "community_health",
        "hospital_ambulance",
    ),
    "ensure that transition planning for disabled young people": (
        "childrens_social_care",
        "education",
        "lscb_all_agencies",
    ),
    "examine how agencies can respond to the material needs": ("lscb_all_agencies",),
    "ensure that families placed in temporary accommodation": (
        "housing",
        "community_health",
        "health_overview",
    ),
    "develop a multi-agency safer sleeping message": ("lscb_all_agencies", "health_overview"),
    "ensure that parents who smoke receive": (
        "community_health",
        "hospital_ambulance",
        "health_overview",
    ),
    "implement a programme to prevent non-accidental head injury": (
        "lscb_all_agencies",
        "hospital_ambulance",
        "health_overview",
    ),
    "deliver a public health message": ("lscb_all_agencies", "health_overview"),
    "consider introducing a shaken baby prevention programme": ("lscb_all_agencies",),
    "ensure that all new parents receive information about the dangers": (
        "community_health",
        "hospital_ambulance",
        "lscb_all_agencies",
        "health_overview",
    ),
    "ensure that parents are given advice on coping with a crying baby": (
        "community_health",
        "hospital_ambulance",
        "early_years",
        "health_overview",
    ),
    "encourage a culture of": (
        "lscb_all_agencies",
        "childrens_social_care",
        "community_health",
        "police",
    ),
    "[monitor|report on] the use of the escalation procedure": ("lscb_all_agencies",),
    "ensure that GPs are informed when a child": ("childrens_social_care", "lscb_all_agencies"),
    "ensure that the right professionals are invited": (
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "ensure that practitioners working with the adults in the family are invited": (
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "ensure that a practitioner who knows the family attends": (
        "community_health",
        "education",
        "hospital_ambulance",
        "adult_mh_substance",
        "early_years",
        "health_overview",
        "housing",
        "probation",
        "voluntary",
    ),
    "ensure that cases are not closed without": (
        "childrens_social_care",
        "community_health",
        "adult_mh_substance",
        "youth_offending",
        "voluntary",
    ),
    "ensure that unallocated cases": (
        "childrens_social_care",
        "community_health",
        "probation",
        "youth_offending",
    ),
    "ensure that, where parents withdraw from the service": (
        "community_health",
        "hospital_ambulance",
        "health_overview",
        "adult_mh_substance",
        "early_years",
    ),
    "ensure that {staff} do not discharge families": (
        "community_health",
        "hospital_ambulance",
        "health_overview",
        "adult_mh_substance",
    ),
    "introduce a policy for following up children who are not brought": (
        "community_health",
        "hospital_ambulance",
        "health_overview",
        "lscb_all_agencies",
    ),
    "review {poss} 'was not brought' policy": (
        "community_health",
        "hospital_ambulance",
        "health_overview",
    ),
    "ensure that repeated concerns about the same child result": (
        "community_health",
        "education",
        "hospital_ambulance",
        "early_years",
        "health_overview",
        "police",
        "housing",
        "voluntary",
        "adult_mh_substance",
    ),
    "review the arrangements for out-of-hours": ("childrens_social_care", "lscb_all_agencies"),
    "ensure that the police are represented": ("police", "lscb_all_agencies"),
    "revise the national minimum standards": ("regional_national",),
    "ensure that the impact of parental [substance misuse": (
        "childrens_social_care",
        "lscb_all_agencies",
        "community_health",
        "adult_mh_substance",
        "health_overview",
    ),
    "monitor [performance against|compliance with] statutory timescales": (
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "reduce delays in allocating": ("childrens_social_care", "community_health"),
    "ensure that reviews of child protection plans take place": (
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "ensure that decisions on referrals are made within 24 hours": (
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "ensure that [plans|child in need plans] [specify": (
        "childrens_social_care",
        "lscb_all_agencies",
    ),
    "ensure that assessments of [siblings|each child in the family]": (
        "childrens_social_care",
        "community_health",
        "lscb_all_agencies",
        "education",
        "early_years",
    ),
    "ensure that CAFs are completed with families": (
        "education",
        "early_years",
        "community_health",
        "lscb_all_agencies",
        "childrens_social_care",
        "health_overview",
        "voluntary",
    ),
    "consider the use of unannounced home visits": (
        "childrens_social_care",
        "community_health",
        "lscb_all_agencies",
    ),
    "ensure that the impact of [parental mental illness": (
        "childrens_social_care",
        "lscb_all_agencies",
        "community_health",
        "adult_mh_substance",
        "health_overview",
    ),
    "ensure that the impact of domestic [abuse|violence] on the children": (
        "childrens_social_care",
        "lscb_all_agencies",
        "community_health",
        "police",
        "health_overview",
        "probation",
    ),
    "ensure that the parenting capacity of young parents": (
        "childrens_social_care",
        "community_health",
        "lscb_all_agencies",
    ),
    "ensure that the vulnerability of teenage parents is assessed": (
        "childrens_social_care",
        "community_health",
        "lscb_all_agencies",
        "hospital_ambulance",
    ),
    "ensure that the condition of the home is assessed": (
        "childrens_social_care",
        "community_health",
        "lscb_all_agencies",
        "housing",
    ),
    "ensure that the impact of financial hardship": (
        "childrens_social_care",
        "community_health",
        "lscb_all_agencies",
        "housing",
        "voluntary",
    ),
    "ensure that a paediatric opinion is obtained before conclusions": (
        "hospital_ambulance",
        "childrens_social_care",
        "police",
        "health_overview",
    ),
}

# Training topics: (phrase, theme or None).
TOPICS: list[tuple[str, str | None]] = [
    ("the recognition of physical abuse", None),
    ("the signs and indicators of abuse", None),
    ("the LSCB child protection procedures", None),
    ("the learning from this review", None),
    ("the assessment of risk of significant harm", None),
    ("fabricated or induced illness", None),
    ("the significance of unexplained injuries in children", None),
    ("their safeguarding responsibilities", None),
    ("the legal framework for child protection", None),
    ("the findings of this serious case review", None),
    ("domestic abuse and its impact on children", "domestic_violence"),
    ("the use of the DASH risk identification checklist", "domestic_violence"),
    ("recognising and responding to domestic violence", "domestic_violence"),
    ("the effects of parental drug and alcohol misuse on children", "substance_misuse"),
    ("working with parents who misuse drugs or alcohol", "substance_misuse"),
    ("the impact of parental mental illness on children", "parental_mental_health"),
    ("postnatal depression and maternal mental health", "parental_mental_health"),
    ("the importance of identifying and assessing fathers and male partners", "hidden_men"),
    ("engaging with the men in a child's household", "hidden_men"),
    ("the needs of teenage parents", "young_parents"),
    ("the particular vulnerability of premature and low birth weight babies", "vulnerable_babies"),
    ("the significance of bruising in non-mobile babies", "vulnerable_babies"),
    ("safeguarding disabled children", "disabled_children"),
    ("the recognition of neglect", "neglect"),
    ("the use of the Graded Care Profile in cases of neglect", "neglect"),
    ("the impact of poverty and poor housing on children", "poverty_housing"),
    ("safe sleeping advice and the risks of co-sleeping", "safer_sleeping"),
    ("the dangers of shaking a baby", "shaken_babies"),
    ("professional challenge and the escalation procedure", "professional_challenge"),
    ("the voice of the child", "focus_on_child"),
    ("information sharing and consent", "information_sharing"),
    ("good record keeping", "recording"),
    ("making a good quality referral to children's social care", "referral"),
    ("the Common Assessment Framework", "caf"),
    ("working with hostile and resistant families", "hard_to_engage"),
    ("the thresholds for children's social care", "thresholds_access"),
    ("the purpose of safeguarding supervision", "management_supervision"),
    ("the roles and responsibilities of other agencies", "staff_roles"),
    ("the importance of a full family history", "whole_picture"),
    ("the statutory timescales for assessments", "timescales"),
    ("the importance of attending child protection conferences", "meeting_representation"),
    ("child development and when to seek specialist advice", "professional_knowledge"),
]

AUDIT_OBJECTS: list[tuple[str, str | None]] = [
    ("a sample of child protection plans", None),
    ("cases in which children were subject to section 47 enquiries", None),
    ("cases of children with unexplained injuries", None),
    ("the quality of case recording", "recording"),
    ("referrals from health services to children's social care", "referral"),
    ("the use of the Common Assessment Framework", "caf"),
    ("attendance at child protection conferences", "meeting_representation"),
    ("the timeliness of assessments", "timescales"),
    ("the quality of safeguarding supervision", "management_supervision"),
    ("cases involving domestic abuse", "domestic_violence"),
    ("cases in which parents misuse drugs or alcohol", "substance_misuse"),
    ("cases of children living with neglect", "neglect"),
    ("information sharing between agencies", "information_sharing"),
    ("the use of the escalation procedure", "professional_challenge"),
]

NATIONAL_TOPICS: list[tuple[str, str | None]] = [
    ("the safeguarding of children in private fostering arrangements", None),
    ("the safeguarding of children educated at home", None),
    ("the regulation of independent fostering agencies", None),
    ("information sharing between adult and children's services", "information_sharing"),
    ("the protection of disabled children", "disabled_children"),
    ("the assessment of men who join households with children", "hidden_men"),
    ("safe sleeping and the dangers of co-sleeping", "safer_sleeping"),
    ("the children of parents with a serious mental illness", "parental_mental_health"),
]

# --- How agencies are named ----------------------------------------------------------------------
# Subjects: (phrase, plural?). "{area}" etc. are filled from the review's organisation names.
SUBJECTS: dict[str, list[tuple[str, bool]]] = {
    "lscb_all_agencies": [
        ("The LSCB", False),
        ("The Board", False),
        ("{lscb}", False),
        ("All agencies", True),
        ("All partner agencies", True),
        ("Member agencies of the LSCB", True),
        ("{lscb_short}", False),
    ],
    "community_health": [
        ("Health visitors", True),
        ("The health visiting service", False),
        ("{community_trust}", False),
        ("Community midwives", True),
        ("The school nursing service", False),
        ("The Family Nurse Partnership", False),
    ],
    "childrens_social_care": [
        ("Children's social care", False),
        ("{csc}", False),
        ("Social workers", True),
        ("The children's social care service", False),
        ("The Independent Reviewing Service", False),
    ],
    "early_years": [
        ("{nursery}", False),
        ("Children's centres", True),
        ("The Early Years and Childcare Service", False),
        ("Early years providers", True),
    ],
    "housing": [
        ("{housing}", False),
        ("The housing department", False),
        ("Housing providers", True),
    ],
    "health_overview": [
        ("{pct}", False),
        ("GP practices", True),
        ("The designated nurse", False),
        ("Health commissioners", True),
        ("The named GP for safeguarding", False),
    ],
    "hospital_ambulance": [
        ("{hospital}", False),
        ("The Emergency Department", False),
        ("The maternity unit", False),
        ("{ambulance}", False),
        ("The acute trust", False),
    ],
    "adult_mh_substance": [
        ("Adult mental health services", True),
        ("{mh_trust}", False),
        ("The Community Drug and Alcohol Team", False),
        ("Substance misuse services", True),
        ("The Community Mental Health Team", False),
    ],
    "education": [
        ("Schools", True),
        ("{school}", False),
        ("The local authority's education service", False),
        ("The Education Welfare Service", False),
    ],
    "connexions": [
        ("Connexions", False),
        ("The Connexions service", False),
        ("{connexions}", False),
    ],
    "youth_offending": [
        ("The Youth Offending Service", False),
        ("The YOT", False),
        ("{yot}", False),
    ],
    "police": [("{police}", False), ("The police", True), ("The Public Protection Unit", False)],
    "probation": [
        ("{probation}", False),
        ("The Probation Service", False),
        ("Offender managers", True),
    ],
    "voluntary": [
        ("{charity}", False),
        ("Voluntary sector providers", True),
        ("{charity2}", False),
    ],
    "miscellaneous": [("Cafcass", False), ("{misc}", False)],
    "regional_national": [
        ("The Department for Education", False),
        ("The Department of Health", False),
        ("Ofsted", False),
        ("The Home Office", False),
        ("Government", False),
        ("The Department for Children, Schools and Families", False),
    ],
}

# Nouns a recommendation under an agency heading may use instead of the agency's name.
HEADING_NOUNS: dict[str, list[str]] = {
    "community_health": ["The service", "The Trust", "The provider"],
    "childrens_social_care": ["The service", "The department", "The local authority"],
    "early_years": ["The setting", "The service"],
    "housing": ["The organisation", "The service"],
    "health_overview": ["The commissioners", "The PCT"],
    "hospital_ambulance": ["The Trust", "The hospital"],
    "adult_mh_substance": ["The service", "The Trust"],
    "education": ["The school", "The service"],
    "connexions": ["The service"],
    "youth_offending": ["The service"],
    "police": ["The force", "The Constabulary"],
    "probation": ["The Trust", "The service"],
    "voluntary": ["The organisation", "The project"],
    "miscellaneous": ["The organisation"],
}

STAFF: dict[str, list[str]] = {
    "lscb_all_agencies": [
        "practitioners in all agencies",
        "front-line practitioners",
        "practitioners across the partnership",
        "staff in all partner agencies",
        "practitioners at all levels",
    ],
    "community_health": [
        "health visitors and school nurses",
        "health visiting staff",
        "community midwives",
        "community nursery nurses",
        "health visitors",
    ],
    "childrens_social_care": [
        "social workers and senior practitioners",
        "children's social care staff",
        "front-line social workers",
        "social workers",
        "staff in the assessment teams",
    ],
    "early_years": ["nursery staff", "children's centre staff", "early years practitioners"],
    "housing": ["housing officers", "housing staff"],
    "health_overview": ["GPs and practice staff", "primary care staff", "GPs", "practice nurses"],
    "hospital_ambulance": [
        "Emergency Department staff",
        "midwifery and paediatric staff",
        "ward staff",
        "ambulance crews",
        "hospital staff",
    ],
    "adult_mh_substance": [
        "care coordinators",
        "community psychiatric nurses",
        "recovery workers",
        "clinicians",
    ],
    "education": [
        "teachers and other school staff",
        "school staff",
        "teachers",
        "education welfare officers",
    ],
    "connexions": ["personal advisers"],
    "youth_offending": ["youth offending team workers", "YOT case workers"],
    "police": [
        "officers in the Public Protection Unit",
        "front-line officers",
        "call handlers and response officers",
        "police officers",
    ],
    "probation": ["offender managers", "probation officers"],
    "voluntary": ["project workers and volunteers", "staff and volunteers"],
    "miscellaneous": ["Family Court Advisers", "staff"],
    "regional_national": ["professionals"],
}

PARTNERS: dict[str, str] = {
    "community_health": "health visitors",
    "childrens_social_care": "children's social care",
    "early_years": "early years settings",
    "housing": "housing services",
    "health_overview": "GPs",
    "hospital_ambulance": "the Emergency Department",
    "education": "schools",
    "police": "the police",
    "probation": "the Probation Service",
    "lscb_all_agencies": "partner agencies",
}

# Sentence frames. "named": the text names its addressee; "heading": the addressee is only in the
# sub-heading above it; the assurance frame is for recommendations to the Board about others.
MODALS_NAMED = ["should", "should", "should", "must", "to", "is asked to", "should", "will"]
ASSURANCE_FRAMES = [
    "The LSCB should seek assurance that {obj} {vp3}.",
    "The Board should seek assurance from {obj} that {obj_pron} {vp3}.",
    "{lscb} should satisfy itself that {obj} {vp3}.",
    "The LSCB must be assured that {obj} {vp3}.",
]
# objects of the assurance frame: (phrase, agency whose {staff} fills the slot, plural?)
ASSURANCE_OBJECTS = [
    ("children's social care", "childrens_social_care", False),
    ("all agencies", "lscb_all_agencies", True),
    ("health agencies", "community_health", True),
    ("the police", "police", True),
    ("partner agencies", "lscb_all_agencies", True),
    ("health providers", "hospital_ambulance", True),
]
