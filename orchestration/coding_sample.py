"""`scr coding sample`: the recommendations the model is least sure of, ready to code by hand.

Each sampled recommendation gets three rows (agency, theme, layer) with the machine's codes and
confidences beside an empty `code` cell. A researcher fills `code` (several themes separated by
`;`) and `coder`; the next run reads the file as manual codes (blank cells are skipped as not yet
coded), they override the machine, feed `scr coding train --with-manual-codes`, and are compared
with the machine in `reporting.coding_agreement` and `reporting.coder_performance`.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ingestion.codebook import load_codebook
from ingestion.coding.features import text_features
from ingestion.coding.model import load_coder
from warehouse.build import connect_read_only

COLUMNS = [
    "recommendation_id",
    "code_type",
    "code",
    "coder",
    "machine_code",
    "machine_confidence",
    "least_sure_of",
    "text",
]


@dataclass(frozen=True)
class Uncertain:
    recommendation_id: str
    text: str
    margin: float  # how close the model came to deciding otherwise: small is unsure
    theme: str  # the theme it is least sure of


def rank_uncertain(rows: list[tuple[str, str]]) -> list[Uncertain]:
    """Every recommendation with the model's smallest margin to a threshold."""
    codebook = load_codebook()
    coder = load_coder()
    head = coder.heads["theme"]
    found = []
    for rec_id, text in rows:
        features = text_features(text, codebook)
        p = coder.scores("theme", features)
        distances = abs(p - head.thresholds)
        k = int(distances.argmin())
        agency = float(coder.scores("agency", features).max())
        layer = float(coder.scores("layer", features).max())
        margin = min(float(distances[k]), agency - 0.5, layer - 0.5)
        found.append(Uncertain(rec_id, text, round(margin, 6), head.labels[k]))
    return found


def stratified(candidates: list[Uncertain], n: int) -> list[Uncertain]:
    """The `n` least sure, taken in turn from each theme's least-sure group (deterministic)."""
    groups: dict[str, list[Uncertain]] = defaultdict(list)
    for c in sorted(candidates, key=lambda c: (c.margin, c.recommendation_id)):
        groups[c.theme].append(c)
    order = sorted(groups, key=lambda t: (groups[t][0].margin, t))
    picked: list[Uncertain] = []
    while len(picked) < n and any(groups.values()):
        for theme in order:
            if groups[theme] and len(picked) < n:
                picked.append(groups[theme].pop(0))
    return picked


def write_sample(published: Path, out: Path, n: int) -> int:
    """Write the sample CSV; returns the number of recommendations in it."""
    with connect_read_only(published) as con:
        rows = con.execute(
            "select recommendation_id, text from reporting.recommendations order by 1"
        ).fetchall()
        codes = con.execute(
            "select recommendation_id, 'theme', string_agg(theme_code, ';' order by theme_code), "
            "min(confidence) from reporting.recommendation_themes group by 1 "
            "union all select recommendation_id, 'agency', agency_code, null "
            "from reporting.recommendations "
            "union all select recommendation_id, 'layer', layer_code, null "
            "from reporting.recommendations"
        ).fetchall()
    machine = {(rec_id, kind): (code, conf) for rec_id, kind, code, conf in codes}
    picked = stratified(rank_uncertain(rows), n)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for item in picked:
            for kind in ("agency", "theme", "layer"):
                code, conf = machine.get((item.recommendation_id, kind), ("", None))
                writer.writerow(
                    {
                        "recommendation_id": item.recommendation_id,
                        "code_type": kind,
                        "code": "",
                        "coder": "",
                        "machine_code": code or "",
                        "machine_confidence": "" if conf is None else conf,
                        "least_sure_of": item.theme,
                        "text": " ".join(item.text.split()),
                    }
                )
    return len(picked)
