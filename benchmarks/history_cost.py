"""Does the cost of one meeting's work grow with the office's history? Measured in one run
on archives of 60 and 1,200 meetings (benchmarks/archive.py: its two outside cases, 市長室
12601 and 12616, gain an event at every meeting and are never closed).

  - an archive import's CPU time per meeting (records read beforehand, storing timed);
  - `agenda prepare` of the next meeting, as a whole process, on a copy;
  - one case-progress save (辦理情形 of case 12601, and of an internal case) on the
    prepared agenda, durable, in process.

    .venv/bin/python benchmarks/history_cost.py [--sizes 60 1200] [--saves 30]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.archive import write_archive  # noqa: E402
from tui import archive, secretary  # noqa: E402
from tui.domain.model import CaseKind  # noqa: E402
from tui.edits.cases import WriteProgress  # noqa: E402
from tui.storage.repository import Repository  # noqa: E402

FIRST = 101


def imported(scratch: Path, size: int) -> tuple[Path, float]:
    """A database of `size` imported meetings, and the CPU ms a meeting took to store."""
    found = write_archive(scratch / f"records-{size}", FIRST, size, extras=False)
    records = archive.read_all(sorted(found.records.values()), (), archive.ArchiveImport())
    db = scratch / f"db-{size}"
    repo = Repository.open(db)
    started = time.process_time()
    archive.store_all(repo, records, False, archive.ArchiveImport())
    return db, (time.process_time() - started) * 1000 / size


def copy(db: Path, scratch: Path, name: str) -> Path:
    target = scratch / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(db, target)
    return target


def prepare_ms(db: Path, scratch: Path, runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs + 1):
        work = copy(db, scratch, "prepare")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "tui", "--db", str(work), "prepare"],
            check=True,
            capture_output=True,
            env=env,
        )
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times[1:])


def save_ms(db: Path, scratch: Path, case: int, kind: CaseKind, saves: int) -> tuple[float, float]:
    """The median durable save of case's progress at the prepared next meeting, and its
    median CPU time (the wall time is mostly fsync, which a busy disk makes vary)."""
    work = copy(db, scratch, "saves")
    repo = Repository.open(work)
    service = secretary.editor(repo)
    meeting = repo.meeting_numbers()[-1]
    times, cpu = [], []
    for index in range(saves + 3):
        op = WriteProgress(meeting, case, f"已完成第 {index} 階段作業", kind.value)
        started, used = time.perf_counter(), time.process_time()
        service.apply(op)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return statistics.median(times[3:]), statistics.median(cpu[3:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[60, 1200])
    parser.add_argument("--saves", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT), AGENDA_LANG="en")
    figures: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="agenda-history-") as name:
        scratch = Path(name)
        for size in args.sizes:
            db, per_meeting = imported(scratch, size)
            prepared = prepare_ms(db, scratch, args.runs, env)
            subprocess.run(
                [sys.executable, "-m", "tui", "--db", str(db), "prepare"],
                check=True,
                capture_output=True,
                env=env,
            )
            newest = FIRST + size - 1
            mayor = save_ms(db, scratch, 12601, CaseKind.MAYOR, args.saves)
            internal = save_ms(db, scratch, newest * 100 + 1, CaseKind.INTERNAL, args.saves)
            figures[size] = {
                "import": per_meeting,
                "prepare": prepared,
                "save 12601": mayor[0],
                "save 12601 cpu": mayor[1],
                "save internal": internal[0],
                "save internal cpu": internal[1],
            }
            said = ", ".join(f"{k} {v:.1f} ms" for k, v in figures[size].items())
            print(f"{size} meetings: {said}", file=sys.stderr)
    small, large = args.sizes
    print(f"| figure | {small} meetings | {large} meetings | ÷ | target |")
    print("|---|---|---|---|---|")
    labels = {
        "import": ("archive import, CPU per meeting", 1.3),
        "prepare": ("`agenda prepare`, whole process", 1.2),
        "save 12601": ("progress save of 市長室 case 12601", 1.2),
        "save 12601 cpu": ("the same, CPU", 1.2),
        "save internal": ("progress save of an internal case", 1.2),
        "save internal cpu": ("the same, CPU", 1.2),
    }
    for key, (label, target) in labels.items():
        a, b = figures[small][key], figures[large][key]
        print(f"| {label} | {a:.1f} ms | {b:.1f} ms | {b / a:.2f} | ≤ {target} |")


if __name__ == "__main__":
    main()
