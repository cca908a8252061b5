"""Case narratives written for these tests, in the manner of serious case review reports."""

NARRATIVE_BABY_K = """Northshire Safeguarding Children Board

Serious Case Review
Baby K

Final report, published March 2012

1. Introduction
1.1 This review was commissioned by Northshire Safeguarding Children Board after the death of Baby K, a nine-week-old girl, in October 2010. Baby K was taken to hospital by ambulance after her mother found her unresponsive, and she died two days later. The post-mortem examination found injuries consistent with shaking.
1.2 The independent chair agreed that the criteria for a review were met because a child has died and abuse or neglect is known or suspected.

2. The family
2.1 Baby K was born at 31 weeks and spent four weeks in the special care baby unit. Her mother was 17 when she gave birth and had herself been in foster care. Baby K's maternal grandmother died in 2008.
2.2 There was no evidence of domestic violence between the parents. The mother's partner, Mr L, moved into the flat shortly after the birth; he was unknown to professionals and was never assessed.
2.3 When the health visitor called, she found the flat cluttered and dirty, with dog faeces on the kitchen floor.

3. Recommendations
3.1 Health visitors should give advice on drug misuse and on mental health to all parents.
3.2 Agencies should provide debt advice to families in financial difficulty.
"""

NARRATIVE_CHILD_S = """Westvale Local Safeguarding Children Board
Serious Case Review in respect of Child S
Date of report: 14 June 2011

Introduction
This review concerns Child S, a boy who was admitted to hospital in January 2010 with a fractured skull and bleeding on the brain. Child S (2 years 3 months) survived his injuries and now lives with foster carers. His half-sister, then aged 7, was not injured.

Background
Child S's mother had suffered from postnatal depression after the birth of her first child and was prescribed antidepressants. His father used heroin and was on a methadone programme. The family had rent arrears and had been threatened with eviction. The two-bedroom flat was overcrowded.
Police were called to the address twice following arguments between the parents, and on the second occasion the father assaulted the mother.
Child S had global developmental delay and was awaiting an assessment for autism.
"""

NARRATIVE_TWINS = """Eastmoor Safeguarding Children Partnership
Child Safeguarding Practice Review: Child A and Child B

1. Introduction
1.1 This review concerns two children, Child A and Child B, twins aged 3 months, who sustained serious injuries in May 2019, including fractures to their ribs and legs. Both children survived.
1.2 Their mother, aged 24, told professionals that she was managing well. There were no concerns about drug or alcohol use and no history of mental health problems. Domestic abuse was not a feature of this case.
1.3 The twins' father worked away and was rarely seen; the family had no financial problems.
"""

NARRATIVE_TEENAGER = """Southbridge LSCB

Serious Case Review: Child M
Published 2014

Summary
Child M, aged 14, died in hospital in 2013 after taking an overdose of her mother's medication. She had been known to children's social care since early childhood because of neglect: she was often hungry and came to school in dirty clothes. Her brother, aged 16, lived with their father.
Child M's mother drank heavily and was frequently drunk when professionals visited. Child M had a learning disability and a statement of special educational needs.
"""

NARRATIVE_OTHER_FORMS = """Riverside Safeguarding Children Board
Serious case review: Infant D

Infant D died at the age of 3 months old. He was the mother's son from a previous relationship. Infant D weighed 2.1kg at birth.
"""
