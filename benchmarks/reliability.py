"""Killed writers and concurrent writers, run longer than the tests run them.

    .venv/bin/python benchmarks/reliability.py [--kills 200] [--app-kills 50]
        [--store-kills 200] [--writers 2,4,8] [--changes 100] [--seed N] [--dir /some/disk]

1. Writers SIGKILLed at random moments on one database (tests/killed_writers_support.py):
   in-process tui.secretary calls, every --cli-every-th a loop of real
   `agenda conclude 102 2.1 TEXT` commands, then the app driven by Pilot typing
   conclusions. After each kill the next start must open the database and load every
   meeting and case, find every acknowledged edit, and leave no temporary file.
2. The storage-level kill test (tests/test_store_kill.py) with --store-kills kills.
3. 2, 4 and 8 processes each making --changes changes to meeting 102 at once with
   tui.secretary: every change present, no case number given twice.

Prints one Markdown table of figures; exits 1 when any loss figure is not 0 (the problems
go to stderr). Use --dir on the disk the office really uses.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import test_store_kill
from tests.killed_writers_support import REPO, Figures, kill_loop, mixed_modes
from tui.app.launch import seed_demo
from tui.domain.model import ItemKind
from tui.storage.layout import JOURNAL_FILE
from tui.storage.repository import Repository
from tui.storage.store import Store

# Like tests/test_concurrent_secretaries.py's writer, but tracking every tenth change only:
# meeting 102 has 99 case numbers, and 8 writers tracking every fifth would need 104.
WRITER = """
import sys
from pathlib import Path
from tui import secretary
from tui.edits import requests
from tui.storage.repository import Repository
db, me, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
repo = Repository.open(db)
for n in range(count):
    text = f"請總務組辦理第 {me}-{n} 項。"
    if n % 3 == 0:
        requests.add_motion(secretary.editor(repo), 102, f"{me}號", text)
    else:
        requests.conclude(secretary.editor(repo), 102, "2.1", text, tracked=n % 10 == 1)
"""


@dataclass
class StoreFigures:
    kills: int = 0
    acked: int = 0
    unreadable: int = 0
    lost: int = 0
    temps_left: int = 0
    inconsistent: int = 0  # test_store_kill.check found a broken invariant
    found_journal: int = 0
    found_temps: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def losses(self) -> int:
        return self.unreadable + self.lost + self.temps_left + self.inconsistent


@dataclass
class Concurrency:
    writers: int
    expected: int = 0
    present: int = 0
    duplicate_cases: int = 0
    failed_writers: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def losses(self) -> int:
        return self.expected - self.present + self.duplicate_cases + self.failed_writers


def store_kills(root: Path, kills: int, rng: random.Random) -> StoreFigures:
    figures = StoreFigures()
    started = time.monotonic()
    acked: set[int] = set()
    lost: set[int] = set()
    for _ in range(kills):
        acked |= test_store_kill.kill_at_random(root, rng)
        figures.kills += 1
        figures.found_journal += (root / JOURNAL_FILE).exists()
        figures.found_temps += any(".tmp-" in p.name for p in root.rglob("*"))
        try:
            store = Store.open(root)
            with store.reading() as tx:
                log = {row["n"] for row in tx.db("log").table("edits").all()}
        except Exception as error:
            figures.unreadable += 1
            figures.problems.append(f"store: did not open: {type(error).__name__}: {error}")
            continue
        missing = acked - log - lost
        figures.lost += len(missing)
        lost |= missing
        temps = [p for p in root.rglob("*") if ".tmp-" in p.name]
        figures.temps_left += len(temps)
        try:
            test_store_kill.check(root, acked)
        except AssertionError as error:
            figures.inconsistent += 1
            figures.problems.append(f"store: {error!r}")
    figures.acked = len(acked)
    figures.seconds = time.monotonic() - started
    return figures


def concurrency(db: Path, writers: int, changes: int) -> Concurrency:
    seed_demo(db, reset=True)
    found = Concurrency(writers, expected=writers * changes)
    started = time.monotonic()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(w), str(changes)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(writers)
    ]
    for process in processes:
        _, err = process.communicate(timeout=600)
        if process.returncode != 0:
            found.failed_writers += 1
            found.problems.append(
                f"{writers} writers: one ended {process.returncode}: {err[-300:]}"
            )
    found.seconds = time.monotonic() - started
    repo = Repository.open(db)
    meeting = repo.load_meeting(102)
    assert meeting is not None
    conclusions = meeting.sections[1].items[0].conclusions
    motions = [i for s in meeting.sections if s.kind is ItemKind.MOTIONS for i in s.items]
    texts = Counter([c.text for c in conclusions] + [i.title for i in motions])
    expected = {f"請總務組辦理第 {w}-{n} 項。" for w in range(writers) for n in range(changes)}
    found.present = len(expected & set(texts))
    twice = [t for t in expected if texts[t] > 1]
    if twice:
        found.problems.append(f"{writers} writers: changes applied twice: {twice[:3]}")
    numbers = [c.case for c in conclusions if c.case is not None]
    stored = {c.number for c in repo.all_cases()}
    found.duplicate_cases = len(numbers) - len(set(numbers))
    if not set(numbers) <= stored:
        found.problems.append(f"{writers} writers: cases not stored: {set(numbers) - stored}")
        found.failed_writers += 1
    return found


def table(
    seed: int,
    writer: Figures,
    app: Figures,
    store: StoreFigures,
    concurrent: list[Concurrency],
    total: float,
) -> str:
    rows: list[tuple[str, str, object]] = [("run", "seed (AGENDA_KILL_SEED)", seed)]
    for name, f in (("CLI + in-process writer", writer), ("app writer (Pilot)", app)):
        if name.startswith("CLI"):
            kills = f"{f.kills} ({f.by_mode['cli']} CLI, {f.by_mode['inproc']} in-process)"
        else:
            kills = f"{f.kills} (each followed by one `agenda conclude`)"
        rows += [
            (name, "kills", kills),
            (name, "acknowledged edits", f.acked),
            (name, "kills mid-commit (journal / temp files found)", _mid(f)),
            (name, "unreadable databases", f.unreadable),
            (name, "acknowledged edits lost", f.lost),
            (name, "temp files left after next start", f.temps_left),
            (name, "journals left after next start", f.journals_left),
            (name, "store warnings (damaged files repaired)", f.warnings),
            (name, "edits or case numbers found twice", f.duplicates),
            (name, "text no writer wrote", f.strangers),
            (name, "failed edits / writers hung or died alone", f.failures),
            (name, "wall time", f"{f.seconds:.1f} s"),
        ]
        if not name.startswith("CLI"):
            rows.insert(-1, (name, "meeting still held after the kill", f.hold_stuck))
            rows.insert(-1, (name, "empty conclusions left (most at once)", f.empty))
    s = store
    rows += [
        ("storage-level kill test", "kills", s.kills),
        ("storage-level kill test", "acknowledged edits", s.acked),
        (
            "storage-level kill test",
            "kills mid-commit (journal / temp files found)",
            f"{s.found_journal} / {s.found_temps}",
        ),
        ("storage-level kill test", "unreadable databases", s.unreadable),
        ("storage-level kill test", "acknowledged edits lost", s.lost),
        ("storage-level kill test", "temp files left after next start", s.temps_left),
        ("storage-level kill test", "broken invariants", s.inconsistent),
        ("storage-level kill test", "wall time", f"{s.seconds:.1f} s"),
    ]
    for c in concurrent:
        name = f"{c.writers} concurrent writers"
        rows += [
            (name, "changes expected / present", f"{c.expected} / {c.present}"),
            (name, "duplicate case numbers", c.duplicate_cases),
            (name, "writers that failed", c.failed_writers),
            (name, "wall time", f"{c.seconds:.1f} s"),
        ]
    rows.append(("all", "wall time", f"{total:.1f} s"))
    lines = ["| check | figure | value |", "|---|---|---:|"]
    lines += [f"| {check} | {figure} | {value} |" for check, figure, value in rows]
    return "\n".join(lines)


def _mid(f: Figures) -> str:
    return f"{f.found_journal} / {f.found_temps}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200, help="CLI + in-process writer kills")
    parser.add_argument("--cli-every", type=int, default=3, help="every Nth kill a CLI loop")
    parser.add_argument("--app-kills", type=int, default=50, help="app writer kills")
    parser.add_argument("--store-kills", type=int, default=200, help="storage-level kills")
    parser.add_argument("--writers", default="2,4,8", help="concurrent writer counts")
    parser.add_argument("--changes", type=int, default=100, help="changes per writer")
    parser.add_argument("--seed", type=int, default=None, help="replay a run")
    parser.add_argument("--dir", type=Path, default=None, help="where the databases go")
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    rng = random.Random(seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="agenda-reliability-", dir=args.dir) as tmp:
        folder = Path(tmp)
        seed_demo(folder / "writers", reset=False)
        writer = kill_loop(folder / "writers", mixed_modes(args.kills, args.cli_every), rng)
        seed_demo(folder / "app", reset=False)
        app = kill_loop(folder / "app", ["app"] * args.app_kills, rng, cli_after_app=True)
        store = store_kills(folder / "store", args.store_kills, rng)
        concurrent = [
            concurrency(folder / f"concurrent-{w}", int(w), args.changes)
            for w in args.writers.split(",")
        ]
    total = time.monotonic() - started
    print(table(seed, writer, app, store, concurrent, total))
    problems = writer.problems + app.problems + store.problems
    problems += [p for c in concurrent for p in c.problems]
    for problem in problems[:50]:
        print(f"reliability: {problem}", file=sys.stderr)
    losses = writer.losses + app.losses + store.losses + sum(c.losses for c in concurrent)
    return 1 if losses or problems else 0


if __name__ == "__main__":
    sys.exit(main())
