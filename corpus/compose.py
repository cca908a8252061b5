"""Compose one review: choose its layout, write its recommendations and narrative, label
everything, and return the format-neutral document together with its ground truth.
"""

from __future__ import annotations

import random
import re

from corpus import narrative as nar
from corpus.actionplan import PlanRow, action_plan
from corpus.calibration import ReviewPlan
from corpus.case import Case, build_case
from corpus.events import chronology, event_line
from corpus.layout import (
    AGENCY_COLUMN,
    AGENCY_HEADINGS,
    auto_ok,
    choose_layout,
    label,
    theme_layers,
)
from corpus.model import (
    Bullets,
    Contents,
    Document,
    Heading,
    PageBreak,
    Para,
    RecItem,
    RecList,
    RunPara,
    Table,
    TitlePage,
)
from corpus.recommend import Rec, add_sub_actions, ensure_coverage, plan_recommendations, realise
from corpus.textkit import alpha, cap, expand, fmt_date, month_year

EXT = {"pdf": "pdf", "docx": "docx", "html": "html", "md": "md", "txt": "txt"}


class Composer:
    """Builds one review's document and truth; one instance per review."""

    def __init__(self, plan: ReviewPlan) -> None:
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.case: Case = build_case(plan, self.rng)
        self.lay = choose_layout(plan, self.rng)
        self.fmt = plan.fmt
        self.truth_recs: list[dict[str, object]] = []
        self.labelled: list[tuple[str, Rec]] = []
        self.blocks: list[object] = []
        self.chapter = 0
        self.para_no = 0

    # --- recommendations ------------------------------------------------------------------
    def write_recommendations(self) -> tuple[list[Rec], list[Rec], dict[str, list[Rec]]]:
        rng, lay, case = self.rng, self.lay, self.case
        recs = plan_recommendations(case, rng)
        allowed = set(self.plan.required_themes)
        lscb = [r for r in recs if r.section == "lscb"]
        nat = [r for r in recs if r.section == "national"]
        agency: dict[str, list[Rec]] = {}
        for r in recs:
            if r.section == "agency":
                agency.setdefault(r.agency, []).append(r)
        for r in lscb:
            r.frame = "assurance" if rng.random() < 0.28 else "named"
        if lay.run and len(lscb) >= 5:
            for r in lscb[-rng.randint(2, 3) :]:
                r.frame = "bare"
        for r in nat:
            r.frame = "named"
        for rs in agency.values():
            for r in rs:
                if lay.agency_style == "flat":
                    r.frame = "named"
                else:
                    r.frame = "heading" if rng.random() < 0.78 else "named"
        if lay.overview_style == "table":
            for r in lscb:
                r.frame = "heading" if rng.random() < 0.4 else r.frame
        used: set[str] = set()
        for r in recs:
            realise(r, case, rng, allowed, used)
        ensure_coverage(recs, case, rng, used)
        if lay.sub_actions and lay.overview_style != "table" and lay.agency_style != "table":
            for r in recs:
                if r.frame != "bare" and rng.random() < 0.08:
                    add_sub_actions(r, rng)
        return lscb, nat, agency

    def _record(self, item: RecItem, rec: Rec) -> None:
        """The truth row of a printed recommendation (first printing only)."""
        layers = theme_layers()
        layer = "regional_national" if rec.agency == "regional_national" else layers[rec.themes[0]]
        self.truth_recs.append(
            {
                "label": item.truth_label,
                "text": rec.full_text,
                "section": rec.section,
                "agency_code": rec.agency,
                "theme_codes": list(rec.themes),
                "layer_code": layer,
            }
        )
        self.labelled.append((item.truth_label, rec))

    def _items(self, recs: list[Rec], style: str, start: int, auto: bool) -> list[RecItem]:
        items = []
        for i, r in enumerate(recs):
            printed, truth = label(style, start + i, self.lay, self.fmt, auto)
            items.append(
                RecItem(printed, truth, r.text, 0, r.sub_intro, list(r.sub_items), start + i)
            )
        return items

    def _nested_items(self, recs: list[Rec], start: int) -> list[RecItem]:
        """Parents numbered k, some followed by sub-recommendations k.1, k.2 (each its own)."""
        items: list[RecItem] = []
        k = start - 1
        i = 0
        while i < len(recs):
            k += 1
            r = recs[i]
            items.append(RecItem(f"{k}.", str(k), r.text, 0, r.sub_intro, list(r.sub_items), k))
            i += 1
            if i < len(recs) and self.rng.random() < 0.4:
                for j in range(1, self.rng.randint(1, 3) + 1):
                    if i >= len(recs):
                        break
                    s = recs[i]
                    items.append(
                        RecItem(
                            f"{k}.{j}", f"{k}.{j}", s.text, 1, s.sub_intro, list(s.sub_items), j
                        )
                    )
                    i += 1
        return items

    def rec_blocks(
        self, lscb: list[Rec], nat: list[Rec], agency: dict[str, list[Rec]]
    ) -> tuple[list[object], list[object], list[RecItem], RunPara | None]:
        """(blocks of the recommendations chapter, blocks of an appendix, the overview list's
        items and its semicolon run), the last two for an executive summary to restate."""
        lay, rng, fmt, case = self.lay, self.rng, self.fmt, self.case
        ctx = case.ctx()
        main: list[object] = []
        appendix: list[object] = []
        ov = lay.overview_style
        ov_auto = lay.auto and auto_ok(ov, fmt)
        run = [r for r in lscb if r.frame == "bare"]
        listed = [r for r in lscb if r.frame != "bare"]
        if lay.national_place == "overview" and ov != "table":
            listed = listed + nat
            nat_separate: list[Rec] = []
        else:
            nat_separate = [] if ov == "table" else nat

        if ov == "table":
            rows: list[list[str]] = []
            everything = listed + [r for a in agency.values() for r in a] + nat
            items = []
            for k, r in enumerate(everything, 1):
                item = RecItem(str(k), str(k), r.text, 0, "", [], k)
                items.append(item)
                self._record(item, r)
                col = expand(rng.choice(AGENCY_COLUMN[r.agency]), rng, ctx)
                rows.append([str(k), r.text, col])
            head = rng.choice(
                (
                    ["No.", "Recommendation", "Agency"],
                    ["Ref", "Recommendation", "Lead agency"],
                    ["No", "Recommendation", "Responsible agency"],
                )
            )
            main.append(
                Para(
                    expand(
                        "[The recommendations of the review are set out in the table below.|"
                        "The panel makes the following recommendations. The agency responsible for each is shown in the table.]",
                        rng,
                        ctx,
                    )
                )
            )
            main.append(Table(head, rows, [0.08, 0.67, 0.25], kind="recs"))
            return main, appendix, items[: len(listed)], None

        # overview list
        main.append(
            Para(
                expand(
                    "[The panel makes the following recommendations [to|for] {lscb_short}.|"
                    "The following recommendations are made to the LSCB and its partner agencies.|"
                    "{lscb} is asked to accept the following recommendations.|"
                    "The overview recommendations are:]",
                    rng,
                    ctx,
                )
            )
        )
        if ov == "nested":
            items = self._nested_items(listed, 1)
        else:
            items = self._items(listed, ov, 1, ov_auto)
        for it, r in zip(items, listed, strict=True):
            self._record(it, r)
        main.append(RecList(ov, items, auto=ov_auto))
        overview_items = list(items)
        run_block: RunPara | None = None
        next_k = (
            int(items[-1].truth_label.split(".")[0].lstrip("R"))
            if items and ov in ("num", "R", "recn", "nested")
            else len(items)
        ) + 1
        if run:
            intro = expand(
                rng.choice(
                    (
                        "In addition, the panel recommends that the LSCB should:",
                        "The Board should also:",
                        "{lscb} is further asked to:",
                        "It is also recommended that the Board should:",
                    )
                ),
                rng,
                ctx,
            )
            ritems = []
            for i, r in enumerate(run):
                lab = f"({alpha(i)})"
                ritems.append(RecItem(lab, lab, r.text, 0, "", [], i + 1))
            for it, r in zip(ritems, run, strict=True):
                self._record(it, r)
            run_block = RunPara(intro, ritems)
            main.append(run_block)

        # single-agency recommendations
        ag_blocks: list[object] = []
        style = lay.agency_style
        if style != "none" and agency:
            ag_blocks.append(
                Heading(
                    2,
                    rng.choice(
                        (
                            "Single agency recommendations",
                            "Individual agency recommendations",
                            "Recommendations from the individual management reviews",
                            "Agency recommendations",
                        )
                    ),
                )
            )
            ag_blocks.append(
                Para(
                    expand(
                        rng.choice(
                            (
                                "Each agency that provided an IMR made recommendations for its own service. The panel has considered them and endorses them; they are reproduced below.",
                                "The following recommendations were made by the individual agencies in their IMRs[ and have been endorsed by the panel|].",
                                "The panel endorses the recommendations made in the individual management reviews, which are set out below by agency.",
                            )
                        ),
                        rng,
                        ctx,
                    )
                )
            )
            if style in ("continue", "restart", "hier"):
                for a_i, (ag, rs) in enumerate(agency.items(), 1):
                    title = expand(rng.choice(AGENCY_HEADINGS[ag]), rng, ctx)
                    title = cap(title)
                    if style == "hier":
                        ag_blocks.append(Heading(3, title, number=str(a_i)))
                        its = [
                            RecItem(
                                f"{a_i}.{j}",
                                f"{a_i}.{j}",
                                r.text,
                                1,
                                r.sub_intro,
                                list(r.sub_items),
                                j,
                            )
                            for j, r in enumerate(rs, 1)
                        ]
                        lst = RecList("hier", its, auto=False)
                    else:
                        ag_blocks.append(Heading(3, title))
                        st = ov if style == "continue" else lay.restart_style
                        st = "num" if st == "nested" else st
                        auto = lay.auto and auto_ok(st, fmt)
                        start = next_k if style == "continue" else 1
                        its = self._items(rs, st, start, auto)
                        lst = RecList(st, its, auto=auto)
                        if style == "continue":
                            next_k += len(rs)
                    for it, r in zip(lst.items, rs, strict=True):
                        self._record(it, r)
                    ag_blocks.append(lst)
            elif style == "table":
                rows = []
                flat = [r for rs in agency.values() for r in rs]
                start = next_k if self.plan.has_action_plan else 1
                for k, r in enumerate(flat, start):
                    item = RecItem(str(k), str(k), r.text, 0, "", [], k)
                    self._record(item, r)
                    rows.append(
                        [str(k), r.text, expand(rng.choice(AGENCY_COLUMN[r.agency]), rng, ctx)]
                    )
                next_k = start + len(flat)
                ag_blocks.append(
                    Table(
                        ["No.", "Recommendation", "Agency"], rows, [0.08, 0.67, 0.25], kind="recs"
                    )
                )
            else:  # flat: the sentence names the agency
                flat = [r for rs in agency.values() for r in rs]
                rng.shuffle(flat)
                st = "num" if self.plan.has_action_plan else lay.restart_style
                start = next_k if self.plan.has_action_plan else 1
                auto = lay.auto and auto_ok(st, fmt)
                its = self._items(flat, st, start, auto)
                for it, r in zip(its, flat, strict=True):
                    self._record(it, r)
                next_k = start + len(flat)
                ag_blocks.append(RecList(st, its, auto=auto))

        nat_blocks: list[object] = []
        if nat_separate:
            nat_blocks.append(
                Heading(
                    2,
                    rng.choice(
                        (
                            "National recommendations",
                            "Recommendations for national bodies",
                            "Recommendations to government",
                        )
                    ),
                )
            )
            nat_blocks.append(
                Para(
                    expand(
                        "[The panel identified issues that can only be addressed nationally. {lscb_short} is asked to bring the following to the attention of the relevant bodies.|The following recommendations are addressed to national bodies.]",
                        rng,
                        ctx,
                    )
                )
            )
            st = (
                "num"
                if self.plan.has_action_plan or ov in ("table",)
                else rng.choice(("num", "R", "alpha"))
            )
            start = next_k if self.plan.has_action_plan else 1
            auto = lay.auto and auto_ok(st, fmt)
            its = self._items(nat_separate, st, start, auto)
            for it, r in zip(its, nat_separate, strict=True):
                self._record(it, r)
            nat_blocks.append(RecList(st, its, auto=auto))

        if lay.agency_in_appendix and ag_blocks:
            ag_blocks[0] = Heading(1, "Appendix: " + ag_blocks[0].text)  # type: ignore[union-attr]
            appendix.extend(ag_blocks)
            main.append(
                Para(
                    expand(
                        "The recommendations made by individual agencies are set out in the appendix[ to this report|].",
                        rng,
                        ctx,
                    )
                )
            )
            main.extend(nat_blocks)
        else:
            main.extend(ag_blocks)
            main.extend(nat_blocks)
        return main, appendix, overview_items, run_block

    # --- narrative chapters -------------------------------------------------------------------
    def chapter_heading(self, text: str) -> Heading:
        self.chapter += 1
        self.para_no = 0
        return Heading(1, text, number=str(self.chapter) if self.lay.numbered_paras else "")

    def para(self, text: str) -> Para:
        if self.lay.numbered_paras and self.chapter:
            self.para_no += 1
            return Para(text, number=f"{self.chapter}.{self.para_no}")
        return Para(text)

    def involved_agencies(self) -> list[str]:
        core = [
            "childrens_social_care",
            "community_health",
            "health_overview",
            "police",
            "hospital_ambulance",
        ]
        extra = [
            a
            for a, _ in self.plan.agency_counts
            if a not in ("lscb_all_agencies", "regional_national")
        ]
        if self.case.has("parental_substance_misuse") or self.case.has(
            "parental_mental_ill_health"
        ):
            extra.append("adult_mh_substance")
        if self.plan.age_band in ("6_10", "11_plus"):
            extra.append("education")
        return list(dict.fromkeys(core + extra))

    def build(self) -> tuple[Document, dict[str, object]]:
        rng, case, lay, plan = self.rng, self.case, self.lay, self.plan
        ctx = case.ctx()
        lscb, nat, agency = self.write_recommendations()
        rec_main, rec_appendix, overview_items, run_block = self.rec_blocks(lscb, nat, agency)

        title = expand(
            rng.choice(
                (
                    "Serious Case Review: {child}",
                    "Serious Case Review in respect of {child}",
                    "Overview Report: Serious Case Review concerning {child}",
                    "{child}: A Serious Case Review",
                )
            ),
            rng,
            ctx,
        )
        if plan.year >= 2019 and rng.random() < 0.5:
            title = expand("Child Safeguarding Practice Review: {child}", rng, ctx)
        blocks: list[object] = [
            TitlePage(
                [
                    ("subtitle", case.lscb),
                    ("title", title),
                    (
                        "subtitle",
                        rng.choice(
                            (
                                "Overview Report",
                                "Final Overview Report",
                                "Overview report for publication",
                            )
                        ),
                    ),
                    (
                        "meta",
                        expand(
                            "[Author|Independent author]: {a}",
                            rng,
                            {
                                "a": rng.choice(
                                    (
                                        "Jane Marlow",
                                        "David Ashcroft",
                                        "Helen Okoro",
                                        "Graham Pryce",
                                        "Susan Whitfield",
                                    )
                                )
                            },
                        ),
                    ),
                    (
                        "meta",
                        expand(
                            "[Date of report|Final version]: {d}",
                            rng,
                            {"d": fmt_date(case.report_date, 0)},
                        ),
                    ),
                    (
                        "meta",
                        rng.choice(("Published", "Publication date"))
                        + ": "
                        + month_year(case.publication),
                    ),
                ]
            ),
            PageBreak(),
        ]
        body: list[object] = []

        # executive summary (may restate the overview recommendations: they count once)
        if lay.exec_summary:
            body.append(Heading(1, "Executive summary"))
            body.append(Para(nar.incident_text(case, rng)))
            body.append(
                Para(
                    expand(
                        "[This summary sets out the main findings and recommendations of the review.|The "
                        "key findings of the review are:]",
                        rng,
                        ctx,
                    )
                )
            )
            body.append(Bullets(nar.findings(case, rng, rng.randint(3, 5))))
            if lay.exec_restates and overview_items and lay.overview_style != "table":
                body.append(Heading(2, "Recommendations"))
                restated = [
                    RecItem(
                        i.printed,
                        i.truth_label,
                        i.text,
                        i.level,
                        i.sub_intro,
                        list(i.sub_items),
                        i.ordinal,
                    )
                    for i in overview_items
                ]
                ov_auto = lay.auto and auto_ok(lay.overview_style, self.fmt)
                body.append(RecList(lay.overview_style, restated, auto=ov_auto))
                if run_block is not None:
                    body.append(RunPara(run_block.intro, list(run_block.items)))
            else:
                body.append(
                    Para(
                        expand(
                            "[The recommendations are set out in full in the final section of this report.|The full recommendations appear at the end of this report.]",
                            rng,
                        )
                    )
                )
            body.append(PageBreak())

        body.append(self.chapter_heading("Introduction"))
        for p in nar.introduction(case, rng):
            body.append(self.para(p))

        body.append(
            self.chapter_heading(
                rng.choice(
                    (
                        "Terms of reference and process",
                        "The review process",
                        "Terms of reference and methodology",
                    )
                )
            )
        )
        tor_paras, tor_q = nar.terms_of_reference(case, rng)
        for p in tor_paras:
            body.append(self.para(p))
        body.append(Bullets(tor_q))
        body.append(
            Heading(2, rng.choice(("Process", "Methodology", "How the review was conducted")))
        )
        for p in nar.process(case, rng, self.involved_agencies()):
            body.append(self.para(p))

        body.append(
            self.chapter_heading(
                rng.choice(("The family", "Family background", "Family composition and background"))
            )
        )
        body.append(
            Table(
                ["Name", "Relationship", "Age at the time of the incident"],
                nar.family_rows(case),
                [0.3, 0.4, 0.3],
                kind="generic",
                caption="Family members referred to in this report",
            )
        )
        for p in nar.family_background(case, rng):
            body.append(self.para(p))
        if rng.random() < 0.8:
            body.append(
                Heading(
                    2,
                    rng.choice(
                        (
                            "Background history",
                            "Agency involvement before the period under review",
                            "Earlier history",
                        )
                    ),
                )
            )
            for p in nar.background_history(case, rng):
                body.append(self.para(p))

        # chronology
        body.append(
            self.chapter_heading(
                rng.choice(
                    (
                        "Summary of agency involvement",
                        "Chronology of key events",
                        "The facts: agencies' involvement with the family",
                    )
                )
            )
        )
        n_events = min(340, 205 + int(plan.recommendation_total * 0.9) + rng.randint(0, 60))
        events = chronology(case, rng, n_events)
        if lay.chronology_table:
            rows = []
            for ev in events:
                text = ev.text[:1].upper() + ev.text[1:]
                if ev.comment:
                    text += " " + ev.comment
                rows.append([fmt_date(ev.date, case.date_style), ev.agency, text])
            body.append(
                self.para(
                    expand(
                        "[The table below summarises the key events.|Key events are summarised in the table below, drawn from the agencies' chronologies.]",
                        rng,
                        ctx,
                    )
                )
            )
            body.append(
                Table(["Date", "Agency", "Event"], rows, [0.14, 0.14, 0.72], kind="chronology")
            )
        else:
            period = None
            for ev in events:
                yr = ev.date.year
                if yr != period and rng.random() < 0.8:
                    period = yr
                    body.append(Heading(2, f"{yr}" if rng.random() < 0.5 else f"Events in {yr}"))
                body.append(self.para(event_line(ev, case.date_style)))
                if ev.comment:
                    body.append(Para(ev.comment, style="quote"))
        body.append(
            Heading(2, rng.choice(("The incident", "The events of " + fmt_date(case.incident, 0))))
        )
        body.append(
            self.para(
                expand(
                    "[The events of {d} are described in the introduction to this report.|"
                    "What happened on {d} is set out in the introduction.] {aftermath}",
                    rng,
                    ctx | {"d": fmt_date(case.incident, 0), "aftermath": nar.aftermath(case, rng)},
                )
            )
        )

        # analysis: key practice episodes, each agency's involvement, cross-cutting themes
        body.append(
            self.chapter_heading(
                rng.choice(
                    ("Analysis", "Analysis of agency involvement", "Analysis and key issues")
                )
            )
        )
        if rng.random() < 0.75:
            body.append(Heading(2, rng.choice(("Key practice episodes", "Significant events"))))
            for head, paras in nar.key_episodes(case, rng, events, rng.randint(5, 11)):
                body.append(Heading(3, head))
                for p in paras:
                    body.append(self.para(p))
        counts = dict(plan.agency_counts)
        for ag in self.involved_agencies():
            body.append(Heading(2, cap(case.orgs[nar.AGENCY_LONG[ag]])))
            n_imr = counts.get(ag) if plan.has_agency_recommendations else rng.randint(3, 12)
            if rng.random() < 0.5 and plan.has_agency_recommendations:
                n_imr = None
            for p in nar.agency_analysis(case, rng, ag, rng.randint(12, 24), n_imr):
                body.append(self.para(p))
        for head, paras in nar.theme_analysis(case, rng, rng.randint(5, 8)):
            body.append(Heading(2, head))
            for p in paras:
                body.append(self.para(p))
        if rng.random() < 0.7:
            body.append(
                Heading(2, rng.choice(("Research and national context", "What research tells us")))
            )
            for p in nar.research_context(case, rng):
                body.append(self.para(p))
        if rng.random() < 0.6:
            body.append(Heading(2, rng.choice(("The family's views", "Views of the family"))))
            for p in nar.family_views(case, rng):
                body.append(self.para(p))

        body.append(
            self.chapter_heading(
                rng.choice(("Findings and lessons learned", "Lessons learned", "Findings"))
            )
        )
        fs = nar.findings(case, rng, rng.randint(4, 7))
        if rng.random() < 0.5:
            for i, f in enumerate(fs, 1):
                body.append(self.para(f"Finding {i}: {f}"))
        else:
            body.append(Bullets(fs))
        body.append(self.para(nar.earlier_review(case, rng)))
        if rng.random() < 0.6:
            body.append(Heading(2, "Good practice"))
            body.append(Bullets(nar.good_practice(case, rng)))

        body.append(self.chapter_heading(rng.choice(("Conclusions", "Conclusion"))))
        for p in nar.conclusion(case, rng):
            body.append(self.para(p))

        rec_title = rng.choice(
            (
                "Recommendations",
                "Recommendations",
                "Learning and actions for the Board",
                "Recommendations for the LSCB",
                "Recommendations of the review",
            )
        )
        body.append(self.chapter_heading(rec_title))
        if not plan.has_agency_recommendations:
            body.append(
                self.para(
                    expand(
                        "[Each agency that contributed an IMR made recommendations for its own service. "
                        "These are being monitored by the LSCB through single-agency action plans and are "
                        "not reproduced in this report.|The individual agency recommendations are "
                        "contained in the IMRs and are not repeated here.]",
                        rng,
                        ctx,
                    )
                )
            )
        body.extend(rec_main)

        # appendices
        body.extend(rec_appendix)
        rows: list[PlanRow] = []
        if plan.has_action_plan:
            rows = action_plan(case, rng, self.labelled)
            body.append(PageBreak())
            body.append(
                Heading(
                    1,
                    rng.choice(
                        (
                            "Appendix: Action plan",
                            "Appendix: LSCB action plan",
                            "Serious case review action plan",
                        )
                    ),
                )
            )
            body.append(
                Para(
                    expand(
                        "[This action plan was agreed by {lscb_short} on {d}.|The action plan sets out how each recommendation will be implemented.] [Progress is reported to the Board quarterly.|]",
                        rng,
                        ctx | {"d": fmt_date(case.report_date, 0)},
                    )
                )
            )
            head = rng.choice(
                (
                    [
                        "Rec. no.",
                        "Action",
                        "Lead officer",
                        "Target date",
                        "Success measure / evidence",
                        "Status",
                    ],
                    ["Ref", "Action required", "Lead", "Timescale", "Outcome measure", "Progress"],
                    [
                        "Recommendation",
                        "Actions",
                        "Responsible officer",
                        "Completion date",
                        "Evidence of completion",
                        "RAG status",
                    ],
                )
            )
            body.append(
                Table(
                    head,
                    [
                        [r.recommendation_label, r.action, r.lead, r.timescale, r.measure, r.status]
                        for r in rows
                    ],
                    [0.09, 0.31, 0.17, 0.12, 0.19, 0.12],
                    kind="actionplan",
                )
            )
        if rng.random() < 0.5:
            body.append(
                Heading(
                    1, rng.choice(("Appendix: Panel membership", "Membership of the review panel"))
                )
            )
            body.append(
                Table(
                    ["Role", "Agency"],
                    nar.panel_rows(case, rng, self.involved_agencies()),
                    [0.45, 0.55],
                )
            )
        body.append(Heading(1, rng.choice(("Glossary", "Appendix: Glossary of terms"))))
        body.append(Table(["Term", "Meaning"], nar.glossary(case), [0.25, 0.75]))
        if rng.random() < 0.7:
            body.append(Heading(1, "References"))
            body.append(Bullets(list(nar.REFERENCES)))

        contents = [
            (b.level, (b.number + " " if b.number else "") + b.text)
            for b in body
            if isinstance(b, Heading) and b.level == 1
        ]
        blocks.append(Contents(contents))
        blocks.append(PageBreak())
        blocks.extend(body)

        filename = self.filename()
        doc = Document(
            title=title,
            header=expand(
                "[{lscb}|{lscb_short}] [–|-] [Serious Case Review|SCR] [–|-] {child}", rng, ctx
            ),
            footer=expand(
                "[Final report|Overview report] [–|-] [published|] {m}",
                rng,
                ctx | {"m": month_year(case.publication)},
            ),
            blocks=blocks,
            author=rng.choice(("Independent overview author", case.lscb)),
            numbered_headings=lay.numbered_paras,
        )
        truth = {
            "file": filename,
            "review_id": plan.review_id,
            "title": title,
            "outcome": plan.outcome,
            "child_sex": plan.child_sex,
            "child_age_years": plan.child_age_years,
            "age_band": plan.age_band,
            "area": case.lscb,
            "year": plan.year,
            "case_themes": sorted(plan.case_themes),
            "has_agency_recommendations": plan.has_agency_recommendations,
            "has_action_plan": plan.has_action_plan,
            "recommendations": self.truth_recs,
            "action_plan_items": [
                {
                    "recommendation_label": r.recommendation_label,
                    "action": r.action,
                    "lead": r.lead,
                    "timescale": r.timescale,
                    "measure": r.measure,
                    "status": r.status,
                    "smart": r.smart,
                }
                for r in rows
            ],
        }
        return doc, truth

    def filename(self) -> str:
        child = re.sub(r"[^A-Za-z0-9]+", "_", self.case.child.ref).strip("_")
        style = self.rng.choice(
            (
                "{n}_{area}_SCR_{child}_overview_report",
                "{n}_SCR_{child}_{area}",
                "{n}_{area}_LSCB_{child}",
            )
        )
        name = style.format(n=f"{self.plan.index + 1:04d}", area=self.case.area, child=child)
        return f"{name}.{EXT[self.fmt]}"


def compose(plan: ReviewPlan) -> tuple[Document, dict[str, object]]:
    """The document and the truth of one planned review."""
    return Composer(plan).build()
