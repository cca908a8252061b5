"""Where the team's read-only shared folder is: beside the checkout (as CI lays it out), else
/work/shared (a developer's machine)."""

from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    for candidate in (_ROOT.parent / "shared", Path("/work/shared")):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"the shared folder is neither at {_ROOT.parent / 'shared'} nor at /work/shared: "
        "the real-document tests need it"
    )
