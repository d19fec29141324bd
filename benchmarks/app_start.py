"""Time from `agenda` starting to its first painted screen, against an empty Textual app.

Run: .venv/bin/python benchmarks/app_start.py [--sizes 3 300] [--runs 5]
Each run starts a real process in a pseudo-terminal (80x24) and stops the clock at the first
frame that shows the meetings list; the empty app is timed the same way.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.agenda_command import AGENDA
from benchmarks.history import build_history

EMPTY_APP = """
from textual.app import App
from textual.widgets import Static
class Empty(App):
    def compose(self):
        yield Static("meetings")
Empty().run()
"""


def first_paint(command: list[str], marker: str) -> float:
    start = time.perf_counter()
    child = pexpect.spawn(command[0], command[1:], dimensions=(24, 80), encoding="utf-8")
    child.expect(marker, timeout=30)
    elapsed = time.perf_counter() - start
    child.terminate(force=True)
    return elapsed * 1000


def median(command: list[str], marker: str, runs: int) -> float:
    return statistics.median(first_paint(command, marker) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[3, 300])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "empty.py"
        script.write_text(EMPTY_APP, encoding="utf-8")
        empty = median([sys.executable, str(script)], "meetings", args.runs)
        print(f"| app | meetings | first paint ms (median of {args.runs}) | ÷ empty app |")
        print("|---|---|---|---|")
        print(f"| empty Textual app | - | {empty:.0f} | 1.00 |")
        for size in args.sizes:
            db = Path(folder) / f"db{size}"
            build_history(db, size)
            command = [*AGENDA, "--db", str(db)]
            took = median(command, r"\d+ meetings", args.runs)
            print(f"| agenda | {size} | {took:.0f} | {took / empty:.2f} |")


if __name__ == "__main__":
    main()
