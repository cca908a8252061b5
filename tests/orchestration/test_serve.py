"""End to end as deployed: `make serve`'s webserver and daemon, a report dropped in the inbox."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import duckdb
import pytest

from orchestration.settings import PROJECT_ROOT
from warehouse.paths import WarehousePaths

REPORT = """\
Northshire Local Safeguarding Children Board
Serious Case Review: Child T

1. Introduction
1.1 Child T, a girl aged 7 months, died in March 2010 after a head injury at home.
Her mother's partner was not known to the health visitor.

2. Recommendations
1. The LSCB should seek assurance that health visitors ask about every adult living in the home.
2. Children's social care must record the reasons for closing a referral and share them with the referrer.
3. The police should attend child protection conferences when they hold information about a parent.
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _reset_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, [])


def _wait_for(predicate, timeout: float, what: str, log) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(2)
    log.flush()
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}; log:\n{_tail(log.name)}")


def _tail(path, lines=60) -> str:
    with open(path, errors="replace") as handle:
        return "".join(handle.readlines()[-lines:])


def _webserver_up(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


def _published_texts(paths: WarehousePaths) -> list[str]:
    if not paths.published.exists():
        return []
    try:
        with duckdb.connect(str(paths.published), read_only=True) as con:
            rows = con.execute("select text from reporting.recommendations").fetchall()
            return [row[0] for row in rows]
    except duckdb.Error:
        return []


@pytest.mark.slow
def test_sensor_publishes_a_report_dropped_into_the_inbox(tmp_path):
    inbox, home = tmp_path / "inbox", tmp_path / "dagster_home"
    inbox.mkdir()
    home.mkdir()
    shutil.copyfile(PROJECT_ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    paths = WarehousePaths(tmp_path / "wh")
    port = _free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "SCR_INBOX": str(inbox),
        "SCR_WAREHOUSE_DIR": str(paths.root),
        "SCR_WORKERS": "1",
    }
    log = open(tmp_path / "serve.log", "w")  # noqa: SIM115 (closed in finally)
    serve = subprocess.Popen(
        [sys.executable, "-m", "orchestration.serve", "--port", str(port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        preexec_fn=_reset_signals,
        start_new_session=True,
    )
    try:
        _wait_for(lambda: _webserver_up(port), 120, "the webserver", log)
        (inbox / "child-t.txt").write_text(REPORT)
        _wait_for(lambda: len(_published_texts(paths)) >= 3, 300, "the published report", log)
        texts = _published_texts(paths)
        assert any("every adult living in the home" in text for text in texts)
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
        log.close()
    assert serve.returncode == 0
