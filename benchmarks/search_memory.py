"""The app's memory around its first search: a real `agenda` app in a pseudo-terminal (80×24)
on a database with no search index yet, its resident set (VmRSS of /proc/PID/status) read at
the painted meetings list and again once the first search's results show.

    .venv/bin/python benchmarks/search_memory.py DB

DB is searched as it is (give it a copy: the first search builds its index). Used by
benchmarks/search.py; prints the figures when run alone.
"""

from __future__ import annotations

import contextlib
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.perf_support import AGENDA, COLS, ROWS  # noqa: E402

QUERY = "總務組"
SETTLE = 2.0  # seconds left idle before each reading
RESULTS = re.compile(rb"match(es)?, newest first")


@dataclass(frozen=True)
class Memory:
    before_kib: int  # at the meetings list, before any search
    after_kib: int  # once the first search's results show (its index built meanwhile)
    peak_kib: int  # the most the app held at any time (VmHWM)
    search_s: float  # from the query typed to its results shown

    @property
    def ratio(self) -> float:
        return self.after_kib / self.before_kib


def status(pid: int, field: str) -> int:
    """A /proc/PID/status figure in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def idle(child: pexpect.spawn, seconds: float) -> None:
    """Let the app settle, reading what it writes so that it never waits on the terminal."""
    until = time.monotonic() + seconds
    while (left := until - time.monotonic()) > 0:
        with contextlib.suppress(pexpect.TIMEOUT):
            child.read_nonblocking(65536, timeout=left)


def first_search(db: Path, meetings: int, env: dict[str, str]) -> Memory:
    child = pexpect.spawn(
        AGENDA[0], [*AGENDA[1:], "--db", str(db)], dimensions=(ROWS, COLS), env=env
    )
    try:
        child.expect(rf"{meetings} meetings", timeout=120)
        idle(child, SETTLE)
        before = status(child.pid, "VmRSS")
        child.send("/")
        child.expect("Search every meeting", timeout=60)
        started = time.perf_counter()
        child.send(QUERY)
        child.expect(RESULTS, timeout=600)
        took = time.perf_counter() - started
        idle(child, SETTLE)
        return Memory(before, status(child.pid, "VmRSS"), status(child.pid, "VmHWM"), took)
    finally:
        child.terminate(force=True)


def main() -> None:
    from benchmarks.perf_support import child_env

    db = Path(sys.argv[1])
    meetings = len(list((db / "meetings").glob("*.json")))
    env = child_env(Path(tempfile.gettempdir()) / "agenda-perf-cache")
    found = first_search(db, meetings, env)
    print(
        f"app RSS before the first search {found.before_kib / 1024:.1f} MiB, after "
        f"{found.after_kib / 1024:.1f} MiB (÷ {found.ratio:.2f}), peak "
        f"{found.peak_kib / 1024:.1f} MiB; results after {found.search_s:.1f} s"
    )


if __name__ == "__main__":
    main()
