"""Short, realistic review reports for the report/export/BI tests, and one shared warehouse.

Each test module needs a published warehouse built by the real pipeline. A run takes about half a
minute, so the first module to ask builds it under the session's temporary folder and later
modules reuse that file (the warehouse is opened read-only by every test).
"""

from __future__ import annotations

from pathlib import Path

import pytest

HOSTILE_TITLE = "<script>alert(1)</script>"

REVIEW_A = f"""Serious Case Review {HOSTILE_TITLE}: Child A
Northshire Local Safeguarding Children Board
Published: March 2010

1. Introduction
1.1 This serious case review was commissioned by Northshire Local Safeguarding Children Board
after the death of Child A, a girl aged 7 months, in January 2009. Child A died at home from a
head injury. Her mother was 19 years old and her mother's partner was not known to services.

2. The case
2.1 The family was known to the health visitor and to children's social care. There was a
history of domestic violence between the mother and her partner; the police attended the home
three times after reports of domestic abuse. The mother missed several appointments with the
health visitor and the GP.
2.2 Professionals did not share information about the domestic violence incidents, and the
referral to children's social care was not followed by an assessment within timescales.

3. Recommendations

Northshire Local Safeguarding Children Board
1. The LSCB should ensure that all agencies provide training on domestic violence and its impact
on babies.
2. The LSCB should audit the quality of information sharing between agencies in cases of
domestic abuse.

Individual agency recommendations

Children's Social Care
3. Children's social care must ensure that every referral is followed by an initial assessment
within the timescales set out in Working Together.
4. Managers in children's social care should provide regular supervision to social workers and
record their decisions on the case file.

Police
5. The police should share information about domestic violence incidents with children's social
care and the health visitor within 24 hours where a child lives at the address.
6. The police public protection unit should ensure that officers are trained to recognise the
risks to babies of domestic abuse.

Health Visiting Service
7. The health visiting service should follow up missed appointments and record the reasons for
non-attendance.

4. Conclusion
4.1 The review found that the death of Child A could not have been predicted, but lessons can be
learned about information sharing.
"""

REVIEW_B = """Serious Case Review: Child B
Southvale Local Safeguarding Children Board
Published: June 2010

1. Introduction
1.1 Southvale Local Safeguarding Children Board commissioned this serious case review after
Child B, a boy aged 4 years, suffered serious injuries in March 2009. Child B survived and is now
in foster care. His mother misused alcohol and drugs and suffered from depression.

2. The case
2.1 Child B lived with his mother and her partner. The school nurse and the nursery noticed
that he was often hungry and unkempt. There was neglect of his basic needs over a long period,
and the family lived in poor housing. Police were called to incidents of domestic violence.

3. Recommendations

Southvale Local Safeguarding Children Board
1. The LSCB should ensure that all partner agencies have guidance on neglect and on the use of
the Common Assessment Framework.
2. The LSCB should review the training offered to staff on parental substance misuse.

Individual agency recommendations

Children's Social Care
3. Children's social care should ensure that the child is seen and spoken to alone at every
visit and that his views are recorded.

Education
4. The school should refer concerns about neglect to children's social care without delay.

Police
5. The police should notify children's social care of every domestic violence incident where a
child is present.

4. Conclusion
4.1 These recommendations will be monitored by the Board through its action plan.
"""

REVIEW_C = """Serious Case Review: Child C
Eastmoor Local Safeguarding Children Board
Published: September 2010

1. Introduction
1.1 Eastmoor Local Safeguarding Children Board commissioned this serious case review after the
death of Child C, a boy aged 12 years, in May 2009. Child C died after an overdose. His father
had a long history of mental illness and the family had moved between areas several times.

2. The case
2.1 Child C was known to the school, to child and adolescent mental health services and to
the youth offending team. Agencies did not share the concerns they had, and nobody held a whole
picture of the family.

3. Recommendations

Eastmoor Local Safeguarding Children Board
1. The LSCB should seek assurance that agencies share information when a family moves between
areas.
2. The LSCB should ensure that professionals challenge each other when concerns are not acted
upon.

Individual agency recommendations

Education
3. Schools should record every concern about a pupil's welfare and share it with the designated
safeguarding lead.

Youth Offending Service
4. The youth offending team should assess the mental health of every young person it works with.

Children's Social Care
5. Children's social care should ensure that assessments take account of parental mental ill
health and gather the whole picture of the family.
6. Managers should audit case files every quarter to prevent drift.

4. Conclusion
4.1 The Board will publish an action plan.
"""

REVIEWS = {
    "review_a.txt": REVIEW_A,
    "review_b.txt": REVIEW_B,
    "review_c.txt": REVIEW_C,
}


def write_inbox(inbox: Path, reviews: dict[str, str] | None = None) -> Path:
    """Write the sample reviews (or `reviews`) into `inbox` as text files."""
    inbox.mkdir(parents=True, exist_ok=True)
    for name, text in (reviews or REVIEWS).items():
        (inbox / name).write_text(text, encoding="utf-8")
    return inbox


def shared_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The published file of one pipeline run on the sample reviews, built once per session."""
    from orchestration.run import run_pipeline
    from warehouse.paths import WarehousePaths

    root = tmp_path_factory.getbasetemp() / "scr-report-warehouse"
    paths = WarehousePaths(root / "wh")
    if not paths.published.exists():
        inbox = write_inbox(root / "inbox")
        outcome = run_pipeline(inbox=str(inbox), warehouse_dir=str(paths.root), workers=1)
        assert outcome.published, outcome.render()
    return paths.published
