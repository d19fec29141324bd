"""Each `agenda` command's whole-process time over its library floor, measured in one run.

The floor of a command is a Python process that imports the libraries the command cannot
do without (TinyDB, the standard library's argparse, gettext, json and tomllib; Jinja2 to
render; python-docx or odfpy for a document; sqlite3 to search; dateutil's rrule to
prepare), timed the same way. A ratio near 1 means the command costs little beyond its
libraries. `prepare` runs on a fresh copy of the database each time (the copying untimed).
Also `cases --json` against the standard library loading the case documents and dumping
their rows.

    .venv/bin/python benchmarks/command_floor.py [--meetings 60] [--runs 11] [--db DB]

Without --db, an archive of --meetings records (benchmarks/archive.py) is imported first.
The command and its floor run in turn, so that a busy machine slows both; each figure is
a median, of the wall time (the target) and of the CPU time (user + system, which other
processes on a shared machine disturb less), and the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.agenda_command import AGENDA  # noqa: E402
from benchmarks.archive import write_archive  # noqa: E402

PYTHON = sys.executable
BASE = "import argparse, gettext, json, tomllib, tinydb"
FLOORS = {
    "base": BASE,
    "render": f"{BASE}; import jinja2, jinja2.sandbox",
    "docx": f"{BASE}; import jinja2, jinja2.sandbox, docx",
    "odt": f"{BASE}; import jinja2, jinja2.sandbox, odf.opendocument",
    "search": f"{BASE}; import sqlite3",
    "prepare": f"{BASE}; import dateutil.rrule",  # the next meeting's date, by the schedule's rule
}
# What `prepare` cannot leave out under the house's rule that every change is an operation
# of the edit service: the service and its operation, imported and nothing done.
EDIT_PATH = "import tui.edits.service, tui.edits.creation"
# Loading every case document and dumping its rows: what `cases --json` must at least do.
CASES_FLOOR = """
import json, pathlib, sys
rows = []
for path in sorted(pathlib.Path(sys.argv[1], "cases").rglob("*.json")):
    tables = json.loads(path.read_bytes())["tables"]
    rows += [row for table in tables.values() for row in table.values()]
sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
"""


def commands(newest: int, scratch: Path) -> list[tuple[str, list[str], str]]:
    """(label, agenda arguments, floor) for each command timed."""
    out = str(scratch / "out")
    return [
        ("meetings", ["meetings"], "base"),
        ("meetings --json", ["meetings", "--json"], "base"),
        ("show --json", ["show", str(newest), "--json"], "base"),
        ("show", ["show", str(newest)], "base"),
        ("cases", ["cases"], "base"),
        ("render md", ["render", str(newest)], "render"),
        ("render docx", ["render", str(newest), "--format", "docx", "-o", f"{out}.docx"], "docx"),
        ("render odt", ["render", str(newest), "--format", "odt", "-o", f"{out}.odt"], "odt"),
        ("search", ["search", "列管"], "search"),
    ]


Timing = tuple[float, float]  # wall, CPU (ms)


def once(command: list[str], env: dict[str, str]) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, env=env, cwd=ROOT)
    took = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 3):  # search: 3 when nothing is found
        raise SystemExit(f"{command}: status {result.returncode}\n{result.stderr.decode()}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return took, cpu * 1000


def side_by_side(
    command: list[str],
    floor: list[str],
    runs: int,
    env: dict[str, str],
    before: Callable[[], object] = lambda: None,
) -> tuple[Timing, Timing]:
    """Medians of the command and its floor, run in turn so a busy machine slows both,
    after one run of each that warms the caches; `before` each run of the command, untimed."""
    pairs = [(_after(before, command, env), once(floor, env)) for _ in range(runs + 1)][1:]
    return _medians([p[0] for p in pairs]), _medians([p[1] for p in pairs])


def edit_path(runs: int, env: dict[str, str]) -> tuple[Timing, Timing]:
    """The edit service and its operation imported and nothing done (EDIT_PATH), and
    `prepare`'s floor, side by side."""
    return side_by_side([PYTHON, "-c", EDIT_PATH], [PYTHON, "-c", FLOORS["prepare"]], runs, env)


def _after(before: Callable[[], object], command: list[str], env: dict[str, str]) -> Timing:
    before()
    return once(command, env)


def preparing(db: Path, scratch: Path) -> tuple[list[str], Callable[[], object]]:
    """`agenda prepare` (its arguments) and what gives each run a fresh copy of db to change."""
    work = scratch / "prepared"

    def fresh_copy() -> None:
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(db, work)

    return ["--db", str(work), "prepare"], fresh_copy


def _medians(timings: list[Timing]) -> Timing:
    return statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings)


def load() -> str:
    return " ".join(f"{figure:.2f}" for figure in os.getloadavg())


def imported_db(scratch: Path, meetings: int, env: dict[str, str]) -> Path:
    folder, db = scratch / "records", scratch / "db"
    write_archive(folder, 101, meetings, extras=False)
    subprocess.run(
        [*AGENDA, "--db", str(db), "import", str(folder)],
        check=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
    )
    return db


def child_env(scratch: Path) -> dict[str, str]:
    """Bytecode cached (outside the source tree), as on an installed system; pipes, not a tty."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), AGENDA_LANG="en")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=60)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--db", type=Path, help="time the commands on this database instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="agenda-floor-") as name:
        scratch = Path(name)
        env = child_env(scratch)
        db = args.db or imported_db(scratch, args.meetings, env)
        newest = max(int(p.stem) for p in (db / "meetings").glob("*.json"))
        started = load()
        print("| command | whole process ms | floor ms | ÷ floor | target | CPU ÷ floor |")
        print("|---|---|---|---|---|---|")
        agenda = [*AGENDA, "--db", str(db)]
        measured: dict[str, tuple[Timing, Timing]] = {}
        for label, agenda_args, floor in commands(newest, scratch):
            took, least = side_by_side(
                [*agenda, *agenda_args], [PYTHON, "-c", FLOORS[floor]], args.runs, env
            )
            measured[label] = took, least
            target = 1.5 if floor == "docx" else 1.3
            print(_row(f"`{label}`", took, least, f"≤ {target}"))
        # Once its frame is kept, a document's render imports neither python-docx nor odfpy.
        for label in ("render docx", "render odt"):
            print(
                _row(
                    f"`{label}` ÷ `render md`'s floor",
                    measured[label][0],
                    measured["render md"][1],
                    "—",
                )
            )
        arguments, fresh_copy = preparing(db, scratch)
        took, least = side_by_side(
            [*AGENDA, *arguments],
            [PYTHON, "-c", FLOORS["prepare"]],
            args.runs,
            env,
            fresh_copy,
        )
        print(_row("`prepare`", took, least, "≤ 1.3"))
        path, least = edit_path(args.runs, env)
        print(_row("`prepare`'s edit service, imported only", path, least, "—"))
        cases, least = side_by_side(
            [*agenda, "cases", "--json"], [PYTHON, "-c", CASES_FLOOR, str(db)], args.runs, env
        )
        print(_row("`cases --json` ÷ json load+dump", cases, least, "≤ 2"))
        print(f"\n{newest - 100} meetings in {db}; medians of {args.runs} runs")
        print(f"load average (1, 5, 15 min): {started} before, {load()} after")


def _row(label: str, took: Timing, least: Timing, target: str) -> str:
    ratio, cpu = took[0] / least[0], took[1] / least[1]
    return f"| {label} | {took[0]:.0f} | {least[0]:.0f} | {ratio:.2f} | {target} | {cpu:.2f} |"


if __name__ == "__main__":
    main()
