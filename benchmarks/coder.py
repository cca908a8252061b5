"""The learned coder: how fast it codes, how fast it loads, how well it does on real text.

`python -m benchmarks.coder [--n 4000] [--cv] [--out FILE]`

- load: seconds to read the committed artifact, in a fresh process (target under 1 s);
- speed: recommendations coded per second on one core, over the generator's phrasings and the
  real labelled items (target at least 2,000/s), the whole of `code_recommendation`;
- accuracy: with `--cv`, grouped five-fold cross-validation on the real labelled set (several
  minutes; `scr evaluate --real` does the same and writes the seed), else the committed seed.
Prints a table and writes JSON (default `benchmarks/results/coder.json`).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "coder.json"
LOAD_TARGET_S = 1.0
SPEED_TARGET = 2000.0
_LOAD = (
    "import time; t = time.perf_counter(); from ingestion.coding.model import load_coder; "
    "load_coder(); print(time.perf_counter() - t)"
)


def load_seconds() -> float:
    done = subprocess.run(
        [sys.executable, "-c", _LOAD], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return float(done.stdout.strip())


def texts(n: int) -> list[str]:
    from corpus.real.training_set import generator_texts

    found = [t.text for t in generator_texts(reviews=200)]
    return (found * (n // max(1, len(found)) + 1))[:n]


def coding_speed(sample: list[str]) -> float:
    from ingestion.codebook import load_codebook
    from ingestion.coding.recommendation import code_recommendation

    codebook = load_codebook()
    code_recommendation(sample[0], None, "", codebook)  # warm: artifact, scanners
    start = time.process_time()
    for text in sample:
        code_recommendation(text, None, "", codebook)
    return len(sample) / (time.process_time() - start)


def accuracy(run_cv: bool) -> list[dict]:
    from orchestration.coder_training import PERFORMANCE_PATH, evaluate_coder
    from orchestration.coding_commands import realdocs_dir

    if run_cv:
        return evaluate_coder(realdocs_dir(), progress=lambda m: print(m, file=sys.stderr))
    with PERFORMANCE_PATH.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=4000, help="recommendations to time")
    parser.add_argument("--cv", action="store_true", help="cross-validate now (minutes)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    load = load_seconds()
    speed = coding_speed(texts(args.n))
    rows = accuracy(args.cv)
    overall = {(r["code_type"], r["code"]): float(r["f1"]) for r in rows if r["code"] == "all"}
    table = [
        ("artifact load, fresh process", f"{load:.3f} s", f"< {LOAD_TARGET_S} s", load < 1.0),
        ("coding, one core", f"{speed:,.0f} recs/s", f">= {SPEED_TARGET:,.0f}", speed >= 2000),
        ("theme micro-F1, real CV", f"{overall[('theme', 'all')]:.3f}", ">= 0.70", None),
        ("agency accuracy, real CV", f"{overall[('agency', 'all')]:.3f}", ">= 0.85", None),
        ("layer accuracy, real CV", f"{overall[('layer', 'all')]:.3f}", ">= 0.80", None),
    ]
    for name, value, target, _ in table:
        print(f"{name:32s} {value:>16s}   target {target}")
    result = {
        "load_seconds": load,
        "recommendations_per_second": speed,
        "cross_validation": rows,
        "cross_validation_source": "run now" if args.cv else "committed seed",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
