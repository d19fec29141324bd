"""`agenda cases --json` on a large history over the standard library loading the case
documents and dumping their rows (benchmarks/command_floor.py's CASES_FLOOR), in one run:
whole-process wall time and CPU time (user + system), medians, the two run in turn.

    .venv/bin/python benchmarks/cases_json.py [--meetings 3000] [--runs 5] [--db DB]

Without --db, perf.py's cached history of --meetings synthetic meetings is copied (the
cached copy is never changed; perf.py builds it when it is missing).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.agenda_command import AGENDA  # noqa: E402
from benchmarks.command_floor import CASES_FLOOR  # noqa: E402
from benchmarks.perf_support import cached_db, working_copy  # noqa: E402

CACHE = Path(os.environ.get("AGENDA_PERF_CACHE", "/tmp/agenda-perf-cache"))


def once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU ms of one run, its output thrown away."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def in_turn(commands: list[list[str]], runs: int, env: dict[str, str]) -> list[tuple[float, float]]:
    """Each command's median wall and CPU ms, the commands run in turn, run after run (so
    that other work on the machine weighs on each alike), after one round that warms the
    caches."""
    found: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs + 1):
        for times, command in zip(found, commands, strict=True):
            times.append(once(command, env))
    return [
        (statistics.median(w for w, _ in t[1:]), statistics.median(c for _, c in t[1:]))
        for t in found
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT), AGENDA_LANG="en")
    with tempfile.TemporaryDirectory(prefix="agenda-cases-json-") as scratch:
        db = args.db or working_copy(cached_db(CACHE, args.meetings), Path(scratch))
        agenda = [*AGENDA, "--db", str(db), "cases", "--json"]
        floor_command = [sys.executable, "-c", CASES_FLOOR, str(db)]
        ours, floor = in_turn([agenda, floor_command], args.runs, env)
    print("| figure | `cases --json` | json load+dump | ÷ | target |")
    print("|---|---|---|---|---|")
    for n, label in enumerate(("wall", "CPU")):
        print(f"| {label} ms | {ours[n]:.0f} | {floor[n]:.0f} | {ours[n] / floor[n]:.2f} | ≤ 2 |")
    print(f"\n{db}; medians of {args.runs} runs; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
