"""`make serve`: the Dagster webserver and daemon, together, until interrupted.

The daemon runs the schedule and the inbox sensor; the webserver shows runs, assets and checks.
Both stop when this process gets SIGINT or SIGTERM.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

MODULE = "orchestration.definitions"


def _start(command: list[str]) -> subprocess.Popen:
    # Reset signal dispositions in the child: a process started in the background here may
    # inherit ignored SIGINT/SIGTERM (see docs/stack-notes.md), and must still stop when told.
    def reset() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, [])

    return subprocess.Popen(command, preexec_fn=reset)


def _create_storage() -> None:
    """Create the instance's storage once, before the daemon, the webserver and their code
    servers start: on a new DAGSTER_HOME they would otherwise all create the SQLite storage at
    once and can leave it with two migration heads ("more than one head present")."""
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        instance.get_runs(limit=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="3000")
    args = parser.parse_args(argv)
    if not os.environ.get("DAGSTER_HOME"):
        parser.error("DAGSTER_HOME must be set (make serve sets it to warehouse/dagster_home)")
    _create_storage()
    bin_dir = Path(sys.executable).parent
    children = [
        _start([str(bin_dir / "dagster-daemon"), "run", "-m", MODULE]),
        _start(
            [str(bin_dir / "dagster-webserver"), "-m", MODULE, "-h", args.host, "-p", args.port]
        ),
    ]
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT, signal.SIGTERM])
    try:
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.5)
    finally:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
