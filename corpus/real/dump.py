"""Write the canonical text of real documents to a scratch folder outside the repository.

For annotators and item markers: `python -m corpus.real.dump --out /tmp/realtext FILE...`. The
output holds third-party text and must never be committed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from corpus.real.text import canonical_text, sha256_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="scratch folder (not in the repo)")
    parser.add_argument("files", nargs="+", type=Path, help="real PDFs to dump")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.files:
        target = args.out / (path.stem + ".txt")
        target.write_text(canonical_text(path), encoding="utf-8")
        print(f"{sha256_of(path)}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
