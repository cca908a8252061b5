"""`python -m benchmarks [--reviews 2000] [--seed 7] [--quick] [--out FILE]` (see harness)."""

from benchmarks.harness import main

if __name__ == "__main__":
    raise SystemExit(main())
