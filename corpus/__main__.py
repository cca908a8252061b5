"""`python -m corpus generate --reviews N --seed S --out DIR`."""

from corpus.cli import main

raise SystemExit(main())
