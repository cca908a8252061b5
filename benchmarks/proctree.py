"""Memory and CPU of a process and all its descendants, sampled from /proc (Linux).

ru_maxrss gives the peak of the largest single process; a pipeline run is several processes at
once (the run, the extraction workers, dbt), so its peak is the largest sum over the tree.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")
_TICK = os.sysconf("SC_CLK_TCK")
_PR_SET_CHILD_SUBREAPER = 36


def _stat(pid: int) -> tuple[int, float, int] | None:
    """(parent pid, user+system CPU seconds, resident bytes) of one process, or None if gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()  # the command name may hold spaces
    ppid = int(fields[1])
    cpu = (int(fields[11]) + int(fields[12])) / _TICK
    rss = int(fields[21]) * _PAGE
    return ppid, cpu, rss


def _children_of(pid: int) -> list[int] | None:
    """Children of `pid` from /proc/PID/task/*/children (None when the kernel lacks the file)."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
        except FileNotFoundError:
            return None
        except OSError:
            continue
        found.extend(int(child) for child in text.split())
    return found


def _tree_by_scan(root: int) -> dict[int, tuple[float, int]]:
    """The tree from every process's parent pid (slower: reads all of /proc)."""
    stats: dict[int, tuple[int, float, int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            found = _stat(int(entry.name))
            if found is not None:
                stats[int(entry.name)] = found
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    tree, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in stats and pid not in tree:
            tree[pid] = (stats[pid][1], stats[pid][2])
            todo.extend(children.get(pid, []))
    return tree


def process_tree(root: int) -> dict[int, tuple[float, int]]:
    """CPU seconds and resident bytes of `root` and every descendant alive now."""
    tree: dict[int, tuple[float, int]] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        if pid in tree:
            continue
        found = _stat(pid)
        if found is None:
            continue
        tree[pid] = (found[1], found[2])
        children = _children_of(pid)
        if children is None:
            return _tree_by_scan(root)
        todo.extend(children)
    return tree


def role_of(pid: int, root: int) -> str:
    """What a process of a pipeline run is: the run itself, dbt, or a multiprocessing helper."""
    if pid == root:
        return "run"
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "other"
    if b"dbt" in cmdline:
        return "dbt"
    if b"multiprocessing" in cmdline:
        return "pool"
    return "other"


@dataclass
class TreeSampler:
    """Samples a process tree every `interval` seconds in a thread until stopped.

    Besides the peak of the whole tree it keeps, per role (see role_of), the peak resident memory
    of one process and when a process of that role was first seen, so that a run that is killed
    still tells when dbt started and how much memory it took.
    """

    root: int
    interval: float = 0.1
    peak_rss_bytes: int = 0
    peak_processes: int = 0
    samples: int = 0
    cpu_by_pid: dict[int, float] = field(default_factory=dict)
    peak_rss_by_role: dict[str, int] = field(default_factory=dict)
    first_seen_s: dict[str, float] = field(default_factory=dict)
    _roles: dict[int, str] = field(default_factory=dict)
    _started: float = field(default_factory=time.perf_counter)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def _sample(self) -> None:
        tree = process_tree(self.root)
        if not tree:
            return
        self.samples += 1
        self.peak_rss_bytes = max(self.peak_rss_bytes, sum(rss for _, rss in tree.values()))
        self.peak_processes = max(self.peak_processes, len(tree))
        now = time.perf_counter() - self._started
        for pid, (cpu, rss) in tree.items():
            self.cpu_by_pid[pid] = cpu
            role = self._roles.get(pid)
            if role is None:
                role = self._roles[pid] = role_of(pid, self.root)
            self.first_seen_s.setdefault(role, now)
            self.peak_rss_by_role[role] = max(self.peak_rss_by_role.get(role, 0), rss)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._sample()
            time.sleep(self.interval)

    def start(self) -> TreeSampler:
        self._started = time.perf_counter()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    @property
    def cpu_seconds(self) -> float:
        """CPU of every process seen (each to its last sample: a lower bound)."""
        return sum(self.cpu_by_pid.values())


def become_subreaper() -> bool:
    """Adopt orphaned descendants (Linux prctl), so their CPU time reaches RUSAGE_CHILDREN.

    The pipeline's extraction pool runs under a multiprocessing forkserver that nobody reaps: it
    outlives the run's main process, and without this its workers' CPU would be lost.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def direct_children(pid: int | None = None) -> set[int]:
    """Pids whose parent is `pid` (default: this process), zombies included."""
    parent = os.getpid() if pid is None else pid
    found = set()
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None and stat[0] == parent:
                found.add(int(entry.name))
    return found


def reap_adopted(known: set[int], wait_seconds: float = 10.0) -> int:
    """Wait for and reap children that were adopted (not in `known`); how many were reaped."""
    reaped = 0
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        adopted = direct_children() - known
        if not adopted:
            break
        for pid in adopted:
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                continue
            reaped += bool(done)
        time.sleep(0.05)
    return reaped
