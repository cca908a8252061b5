"""`python -m corpus.real.agreement_report`: how far the two blind annotators agree (the ceiling
the learned coder is judged against), per theme and per code type."""

from __future__ import annotations

from corpus.real.agreement import cohen_kappa, per_code_scores, set_scores
from corpus.real.annotations import annotator_pairs


def agreement_rows() -> tuple[dict, dict[str, dict], dict[str, float]]:
    first, second = {}, {}
    for _, a, b in annotator_pairs():
        first.update(a)
        second.update(b)
    ids = sorted(first)
    theme_a = [first[i].themes for i in ids]
    theme_b = [second[i].themes for i in ids]
    codes = sorted(set().union(*theme_a, *theme_b))
    singles: dict[str, float] = {}
    for field in ("agency", "layer"):
        codes_a = [getattr(first[i], field) for i in ids]
        codes_b = [getattr(second[i], field) for i in ids]
        agreed = sum(x == y for x, y in zip(codes_a, codes_b, strict=True))
        singles[f"{field} agreement"] = agreed / len(ids)
        singles[f"{field} kappa"] = cohen_kappa(codes_a, codes_b)
    singles["items"] = len(ids)
    return set_scores(theme_a, theme_b), per_code_scores(theme_a, theme_b, codes), singles


def main() -> int:
    micro, per_theme, singles = agreement_rows()
    print(f"items coded twice: {singles['items']}")
    print(f"theme micro-F1 between annotators: {micro['f1']:.3f}")
    for name in ("agency agreement", "agency kappa", "layer agreement", "layer kappa"):
        print(f"{name}: {singles[name]:.3f}")
    print(f"{'theme':26s} {'n(A)':>5s} {'kappa':>6s} {'F1':>6s}")
    for code, row in sorted(per_theme.items(), key=lambda kv: -kv[1]["support"]):
        print(f"{code:26s} {row['support']:5d} {row['kappa']:6.3f} {row['f1']:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
