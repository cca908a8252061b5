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
from corpus.events import Event, chronology, event_line
from corpus.layout import (
    AGENCY_COLUMN,
    AGENCY_HEADINGS,
    auto_ok,
    choose_layout,
    label,
    theme_layers,
)
from corpus.model import (
    Block,
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
        self.chapter = 0
        self.para_no = 0

    # --- recommendations ------------------------------------------------------------------
    def write_recommendations(self) -> tuple[list[Rec], list[Rec], dict[str, list[Rec]]]:
        """The review's recommendations by section (overview, national, agency), framed and
        worded, with every required theme covered."""
        rng, lay, case = self.rng, self.lay, self.case
        recs = plan_recommendations(case, rng)
        allowed = set(self.plan.required_themes)
        lscb = [r for r in recs if r.section == "lscb"]
        nat = [r for r in recs if r.section == "national"]
        agency: dict[str, list[Rec]] = {}
        for r in recs:
            if r.section == "agency":
                agency.setdefault(r.agency, []).append(r)
        self._choose_frames(lscb, nat, agency)
        used: set[str] = set()
        for r in recs:
            realise(r, case, rng, allowed, used)
        ensure_coverage(recs, case, rng, used)
        if lay.sub_actions and lay.overview_style != "table" and lay.agency_style != "table":
            for r in recs:
                if r.frame != "bare" and rng.random() < 0.08:
                    add_sub_actions(r, rng)
        return lscb, nat, agency

    def _choose_frames(self, lscb: list[Rec], nat: list[Rec], agency: dict[str, list[Rec]]) -> None:
        """How each recommendation's sentence is framed: naming its addressee, under an agency
        heading, as an assurance request, or bare (joined in one run-on paragraph)."""
        rng, lay = self.rng, self.lay
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
    ) -> tuple[list[Block], list[Block], list[RecItem], RunPara | None]:
        """(blocks of the recommendations chapter, blocks of an appendix, the overview list's
        items and its semicolon run), the last two for an executive summary to restate."""
        lay = self.lay
        ov = lay.overview_style
        run = [r for r in lscb if r.frame == "bare"]
        listed = [r for r in lscb if r.frame != "bare"]
        if lay.national_place == "overview" and ov != "table":
            listed = listed + nat
            nat_separate: list[Rec] = []
        else:
            nat_separate = [] if ov == "table" else nat

        if ov == "table":
            main, items = self._recs_table(listed, agency, nat)
            return main, [], items[: len(listed)], None

        main, overview_items, next_k = self._overview_list(listed)
        run_block = self._run_para(run) if run else None
        if run_block is not None:
            main.append(run_block)
        ag_blocks, next_k = self._agency_blocks(agency, next_k)
        nat_blocks = self._national_blocks(nat_separate, next_k) if nat_separate else []

        appendix: list[Block] = []
        if lay.agency_in_appendix and ag_blocks:
            first = ag_blocks[0]
            assert isinstance(first, Heading)  # _agency_blocks starts with its heading
            ag_blocks[0] = Heading(1, "Appendix: " + first.text)
            appendix.extend(ag_blocks)
            main.append(
                Para(
                    expand(
                        "The recommendations made by individual agencies are set out in the appendix[ to this report|].",
                        self.rng,
                        self.case.ctx(),
                    )
                )
            )
            main.extend(nat_blocks)
        else:
            main.extend(ag_blocks)
            main.extend(nat_blocks)
        return main, appendix, overview_items, run_block

    def _recs_table(
        self, listed: list[Rec], agency: dict[str, list[Rec]], nat: list[Rec]
    ) -> tuple[list[Block], list[RecItem]]:
        """Every recommendation in one numbered table with a column naming its agency."""
        rng, ctx = self.rng, self.case.ctx()
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
        intro = Para(
            expand(
                "[The recommendations of the review are set out in the table below.|"
                "The panel makes the following recommendations. The agency responsible for each is shown in the table.]",
                rng,
                ctx,
            )
        )
        return [intro, Table(head, rows, [0.08, 0.67, 0.25], kind="recs")], items

    def _overview_list(self, listed: list[Rec]) -> tuple[list[Block], list[RecItem], int]:
        """The overview (Board's) list with its introduction, its items, and the number the
        next list continues from when numbering runs on."""
        rng, lay = self.rng, self.lay
        ov = lay.overview_style
        ov_auto = lay.auto and auto_ok(ov, self.fmt)
        intro = Para(
            expand(
                "[The panel makes the following recommendations [to|for] {lscb_short}.|"
                "The following recommendations are made to the LSCB and its partner agencies.|"
                "{lscb} is asked to accept the following recommendations.|"
                "The overview recommendations are:]",
                rng,
                self.case.ctx(),
            )
        )
        if ov == "nested":
            items = self._nested_items(listed, 1)
        else:
            items = self._items(listed, ov, 1, ov_auto)
        for it, r in zip(items, listed, strict=True):
            self._record(it, r)
        next_k = (
            int(items[-1].truth_label.split(".")[0].lstrip("R"))
            if items and ov in ("num", "R", "recn", "nested")
            else len(items)
        ) + 1
        return [intro, RecList(ov, items, auto=ov_auto)], list(items), next_k

    def _run_para(self, run: list[Rec]) -> RunPara:
        """The bare recommendations joined in one paragraph, labelled (a), (b), ..."""
        rng = self.rng
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
            self.case.ctx(),
        )
        ritems = []
        for i, r in enumerate(run):
            lab = f"({alpha(i)})"
            ritems.append(RecItem(lab, lab, r.text, 0, "", [], i + 1))
        for it, r in zip(ritems, run, strict=True):
            self._record(it, r)
        return RunPara(intro, ritems)

    def _agency_blocks(self, agency: dict[str, list[Rec]], next_k: int) -> tuple[list[Block], int]:
        """The single-agency recommendations in the layout's style (none when the report leaves
        them out), and the next number after them."""
        style = self.lay.agency_style
        if style == "none" or not agency:
            return [], next_k
        rng, ctx = self.rng, self.case.ctx()
        blocks: list[Block] = [
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
        ]
        blocks.append(
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
            lists, next_k = self._agency_lists(agency, next_k)
        elif style == "table":
            lists, next_k = self._agency_table(agency, next_k)
        else:  # flat: the sentence names the agency
            lists, next_k = self._agency_flat_list(agency, next_k)
        return blocks + lists, next_k

    def _agency_lists(self, agency: dict[str, list[Rec]], next_k: int) -> tuple[list[Block], int]:
        """One heading and list per agency, numbered on from the overview list, restarting at 1,
        or hierarchically (agency 2's third is 2.3)."""
        rng, lay, ctx = self.rng, self.lay, self.case.ctx()
        style = lay.agency_style
        blocks: list[Block] = []
        for a_i, (ag, rs) in enumerate(agency.items(), 1):
            title = cap(expand(rng.choice(AGENCY_HEADINGS[ag]), rng, ctx))
            if style == "hier":
                blocks.append(Heading(3, title, number=str(a_i)))
                its = [
                    RecItem(
                        f"{a_i}.{j}", f"{a_i}.{j}", r.text, 1, r.sub_intro, list(r.sub_items), j
                    )
                    for j, r in enumerate(rs, 1)
                ]
                lst = RecList("hier", its, auto=False)
            else:
                blocks.append(Heading(3, title))
                st = lay.overview_style if style == "continue" else lay.restart_style
                st = "num" if st == "nested" else st
                auto = lay.auto and auto_ok(st, self.fmt)
                start = next_k if style == "continue" else 1
                lst = RecList(st, self._items(rs, st, start, auto), auto=auto)
                if style == "continue":
                    next_k += len(rs)
            for it, r in zip(lst.items, rs, strict=True):
                self._record(it, r)
            blocks.append(lst)
        return blocks, next_k

    def _agency_table(self, agency: dict[str, list[Rec]], next_k: int) -> tuple[list[Block], int]:
        """Every agency's recommendations in one numbered table with an agency column."""
        rng, ctx = self.rng, self.case.ctx()
        rows = []
        flat = [r for rs in agency.values() for r in rs]
        start = next_k if self.plan.has_action_plan else 1
        for k, r in enumerate(flat, start):
            item = RecItem(str(k), str(k), r.text, 0, "", [], k)
            self._record(item, r)
            rows.append([str(k), r.text, expand(rng.choice(AGENCY_COLUMN[r.agency]), rng, ctx)])
        table = Table(["No.", "Recommendation", "Agency"], rows, [0.08, 0.67, 0.25], kind="recs")
        return [table], start + len(flat)

    def _agency_flat_list(
        self, agency: dict[str, list[Rec]], next_k: int
    ) -> tuple[list[Block], int]:
        """Every agency's recommendations shuffled into one list; each sentence names its agency."""
        rng, lay = self.rng, self.lay
        flat = [r for rs in agency.values() for r in rs]
        rng.shuffle(flat)
        st = "num" if self.plan.has_action_plan else lay.restart_style
        start = next_k if self.plan.has_action_plan else 1
        auto = lay.auto and auto_ok(st, self.fmt)
        its = self._items(flat, st, start, auto)
        for it, r in zip(its, flat, strict=True):
            self._record(it, r)
        return [RecList(st, its, auto=auto)], start + len(flat)

    def _national_blocks(self, nat: list[Rec], next_k: int) -> list[Block]:
        """The recommendations to national bodies under their own heading."""
        rng = self.rng
        blocks: list[Block] = [
            Heading(
                2,
                rng.choice(
                    (
                        "National recommendations",
                        "Recommendations for national bodies",
                        "Recommendations to government",
                    )
                ),
            ),
            Para(
                expand(
                    "[The panel identified issues that can only be addressed nationally. {lscb_short} is asked to bring the following to the attention of the relevant bodies.|The following recommendations are addressed to national bodies.]",
                    rng,
                    self.case.ctx(),
                )
            ),
        ]
        st = (
            "num"
            if self.plan.has_action_plan or self.lay.overview_style in ("table",)
            else rng.choice(("num", "R", "alpha"))
        )
        start = next_k if self.plan.has_action_plan else 1
        auto = self.lay.auto and auto_ok(st, self.fmt)
        its = self._items(nat, st, start, auto)
        for it, r in zip(its, nat, strict=True):
            self._record(it, r)
        blocks.append(RecList(st, its, auto=auto))
        return blocks

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
        """The review's document (title page, contents, narrative chapters, recommendations,
        appendices) and its ground truth. Every part draws on the one seeded generator in a fixed
        order, so the same plan always gives the same bytes."""
        lscb, nat, agency = self.write_recommendations()
        rec_main, rec_appendix, overview_items, run_block = self.rec_blocks(lscb, nat, agency)
        title = self._title()
        front = self._title_page(title)
        body: list[Block] = []
        if self.lay.exec_summary:
            body += self._executive_summary(overview_items, run_block)
        body += self._introduction()
        body += self._terms_of_reference()
        body += self._family()
        chronology_blocks, events = self._chronology()
        body += chronology_blocks
        body += self._analysis(events)
        body += self._findings_and_conclusions()
        body += self._recommendations_chapter(rec_main)
        body += rec_appendix
        plan_rows: list[PlanRow] = []
        if self.plan.has_action_plan:
            plan_rows = action_plan(self.case, self.rng, self.labelled)
            body += self._action_plan_appendix(plan_rows)
        body += self._closing_appendices()
        contents = [
            (b.level, (b.number + " " if b.number else "") + b.text)
            for b in body
            if isinstance(b, Heading) and b.level == 1
        ]
        blocks = [*front, Contents(contents), PageBreak(), *body]
        filename = self.filename()
        doc = self._document(title, blocks)
        return doc, self._truth(filename, title, plan_rows)

    def _title(self) -> str:
        rng, ctx = self.rng, self.case.ctx()
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
        if self.plan.year >= 2019 and rng.random() < 0.5:
            title = expand("Child Safeguarding Practice Review: {child}", rng, ctx)
        return title

    def _title_page(self, title: str) -> list[Block]:
        rng, case = self.rng, self.case
        return [
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

    def _executive_summary(
        self, overview_items: list[RecItem], run_block: RunPara | None
    ) -> list[Block]:
        """The summary; it may restate the overview recommendations (they count once)."""
        rng, case, lay = self.rng, self.case, self.lay
        body: list[Block] = [Heading(1, "Executive summary"), Para(nar.incident_text(case, rng))]
        body.append(
            Para(
                expand(
                    "[This summary sets out the main findings and recommendations of the review.|The "
                    "key findings of the review are:]",
                    rng,
                    case.ctx(),
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
        return body

    def _introduction(self) -> list[Block]:
        body: list[Block] = [self.chapter_heading("Introduction")]
        body += [self.para(p) for p in nar.introduction(self.case, self.rng)]
        return body

    def _terms_of_reference(self) -> list[Block]:
        rng, case = self.rng, self.case
        body: list[Block] = [
            self.chapter_heading(
                rng.choice(
                    (
                        "Terms of reference and process",
                        "The review process",
                        "Terms of reference and methodology",
                    )
                )
            )
        ]
        tor_paras, tor_q = nar.terms_of_reference(case, rng)
        body += [self.para(p) for p in tor_paras]
        body.append(Bullets(tor_q))
        body.append(
            Heading(2, rng.choice(("Process", "Methodology", "How the review was conducted")))
        )
        body += [self.para(p) for p in nar.process(case, rng, self.involved_agencies())]
        return body

    def _family(self) -> list[Block]:
        rng, case = self.rng, self.case
        body: list[Block] = [
            self.chapter_heading(
                rng.choice(("The family", "Family background", "Family composition and background"))
            ),
            Table(
                ["Name", "Relationship", "Age at the time of the incident"],
                nar.family_rows(case),
                [0.3, 0.4, 0.3],
                kind="generic",
                caption="Family members referred to in this report",
            ),
        ]
        body += [self.para(p) for p in nar.family_background(case, rng)]
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
            body += [self.para(p) for p in nar.background_history(case, rng)]
        return body

    def _chronology(self) -> tuple[list[Block], list[Event]]:
        """The chapter of agencies' involvement (a table or dated paragraphs) and its events,
        which the analysis's key practice episodes draw on."""
        rng, case, plan = self.rng, self.case, self.plan
        body: list[Block] = [
            self.chapter_heading(
                rng.choice(
                    (
                        "Summary of agency involvement",
                        "Chronology of key events",
                        "The facts: agencies' involvement with the family",
                    )
                )
            )
        ]
        n_events = min(340, 205 + int(plan.recommendation_total * 0.9) + rng.randint(0, 60))
        events = chronology(case, rng, n_events)
        if self.lay.chronology_table:
            body += self._chronology_table(events)
        else:
            body += self._chronology_paragraphs(events)
        body.append(
            Heading(2, rng.choice(("The incident", "The events of " + fmt_date(case.incident, 0))))
        )
        body.append(
            self.para(
                expand(
                    "[The events of {d} are described in the introduction to this report.|"
                    "What happened on {d} is set out in the introduction.] {aftermath}",
                    rng,
                    case.ctx()
                    | {"d": fmt_date(case.incident, 0), "aftermath": nar.aftermath(case, rng)},
                )
            )
        )
        return body, events

    def _chronology_table(self, events: list[Event]) -> list[Block]:
        case = self.case
        rows = []
        for ev in events:
            text = ev.text[:1].upper() + ev.text[1:]
            if ev.comment:
                text += " " + ev.comment
            rows.append([fmt_date(ev.date, case.date_style), ev.agency, text])
        intro = self.para(
            expand(
                "[The table below summarises the key events.|Key events are summarised in the table below, drawn from the agencies' chronologies.]",
                self.rng,
                case.ctx(),
            )
        )
        return [
            intro,
            Table(["Date", "Agency", "Event"], rows, [0.14, 0.14, 0.72], kind="chronology"),
        ]

    def _chronology_paragraphs(self, events: list[Event]) -> list[Block]:
        """One paragraph per event, most years under a heading of their own."""
        rng = self.rng
        body: list[Block] = []
        period = None
        for ev in events:
            yr = ev.date.year
            if yr != period and rng.random() < 0.8:
                period = yr
                body.append(Heading(2, f"{yr}" if rng.random() < 0.5 else f"Events in {yr}"))
            body.append(self.para(event_line(ev, self.case.date_style)))
            if ev.comment:
                body.append(Para(ev.comment, style="quote"))
        return body

    def _analysis(self, events: list[Event]) -> list[Block]:
        """Key practice episodes, each agency's involvement, cross-cutting themes, research and
        the family's views."""
        rng, case = self.rng, self.case
        body: list[Block] = [
            self.chapter_heading(
                rng.choice(
                    ("Analysis", "Analysis of agency involvement", "Analysis and key issues")
                )
            )
        ]
        if rng.random() < 0.75:
            body.append(Heading(2, rng.choice(("Key practice episodes", "Significant events"))))
            for head, paras in nar.key_episodes(case, rng, events, rng.randint(5, 11)):
                body.append(Heading(3, head))
                body += [self.para(p) for p in paras]
        body += self._agency_analysis()
        for head, paras in nar.theme_analysis(case, rng, rng.randint(5, 8)):
            body.append(Heading(2, head))
            body += [self.para(p) for p in paras]
        if rng.random() < 0.7:
            body.append(
                Heading(2, rng.choice(("Research and national context", "What research tells us")))
            )
            body += [self.para(p) for p in nar.research_context(case, rng)]
        if rng.random() < 0.6:
            body.append(Heading(2, rng.choice(("The family's views", "Views of the family"))))
            body += [self.para(p) for p in nar.family_views(case, rng)]
        return body

    def _agency_analysis(self) -> list[Block]:
        """A section per involved agency; it may state how many recommendations its IMR made."""
        rng, case, plan = self.rng, self.case, self.plan
        body: list[Block] = []
        counts = dict(plan.agency_counts)
        for ag in self.involved_agencies():
            body.append(Heading(2, cap(case.orgs[nar.AGENCY_LONG[ag]])))
            n_imr = counts.get(ag) if plan.has_agency_recommendations else rng.randint(3, 12)
            if rng.random() < 0.5 and plan.has_agency_recommendations:
                n_imr = None
            body += [
                self.para(p) for p in nar.agency_analysis(case, rng, ag, rng.randint(12, 24), n_imr)
            ]
        return body

    def _findings_and_conclusions(self) -> list[Block]:
        rng, case = self.rng, self.case
        body: list[Block] = [
            self.chapter_heading(
                rng.choice(("Findings and lessons learned", "Lessons learned", "Findings"))
            )
        ]
        fs = nar.findings(case, rng, rng.randint(4, 7))
        if rng.random() < 0.5:
            body += [self.para(f"Finding {i}: {f}") for i, f in enumerate(fs, 1)]
        else:
            body.append(Bullets(fs))
        body.append(self.para(nar.earlier_review(case, rng)))
        if rng.random() < 0.6:
            body.append(Heading(2, "Good practice"))
            body.append(Bullets(nar.good_practice(case, rng)))
        body.append(self.chapter_heading(rng.choice(("Conclusions", "Conclusion"))))
        body += [self.para(p) for p in nar.conclusion(case, rng)]
        return body

    def _recommendations_chapter(self, rec_main: list[Block]) -> list[Block]:
        """The chapter heading, a note when agency recommendations are not reproduced, and the
        recommendation blocks."""
        rng = self.rng
        rec_title = rng.choice(
            (
                "Recommendations",
                "Recommendations",
                "Learning and actions for the Board",
                "Recommendations for the LSCB",
                "Recommendations of the review",
            )
        )
        body: list[Block] = [self.chapter_heading(rec_title)]
        if not self.plan.has_agency_recommendations:
            body.append(
                self.para(
                    expand(
                        "[Each agency that contributed an IMR made recommendations for its own service. "
                        "These are being monitored by the LSCB through single-agency action plans and are "
                        "not reproduced in this report.|The individual agency recommendations are "
                        "contained in the IMRs and are not repeated here.]",
                        rng,
                        self.case.ctx(),
                    )
                )
            )
        return body + rec_main

    def _action_plan_appendix(self, rows: list[PlanRow]) -> list[Block]:
        rng, case = self.rng, self.case
        body: list[Block] = [
            PageBreak(),
            Heading(
                1,
                rng.choice(
                    (
                        "Appendix: Action plan",
                        "Appendix: LSCB action plan",
                        "Serious case review action plan",
                    )
                ),
            ),
            Para(
                expand(
                    "[This action plan was agreed by {lscb_short} on {d}.|The action plan sets out how each recommendation will be implemented.] [Progress is reported to the Board quarterly.|]",
                    rng,
                    case.ctx() | {"d": fmt_date(case.report_date, 0)},
                )
            ),
        ]
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
        return body

    def _closing_appendices(self) -> list[Block]:
        """Panel membership (sometimes), the glossary and (usually) the references."""
        rng, case = self.rng, self.case
        body: list[Block] = []
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
        return body

    def _document(self, title: str, blocks: list[Block]) -> Document:
        rng, case = self.rng, self.case
        ctx = case.ctx()
        return Document(
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
            numbered_headings=self.lay.numbered_paras,
        )

    def _truth(self, filename: str, title: str, rows: list[PlanRow]) -> dict[str, object]:
        """The ground truth of the review: what an extractor should find in the document."""
        plan = self.plan
        return {
            "file": filename,
            "review_id": plan.review_id,
            "title": title,
            "outcome": plan.outcome,
            "child_sex": plan.child_sex,
            "child_age_years": plan.child_age_years,
            "age_band": plan.age_band,
            "area": self.case.lscb,
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
