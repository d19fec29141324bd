"""Does the cost of one meeting's work grow with the office's history? Measured in one run
on archives of 60 and 1,200 meetings (benchmarks/archive.py: its two outside cases, 市長室
12601 and 12616, gain an event at every meeting and are never closed).

  - an archive import's CPU time per meeting (records read beforehand, storing timed; the
    two imports' commits, a year of records each, made in turn in one process, a 60-meeting
    import begun afresh each time it ends, so that the machine's drift weighs on both);
  - `agenda prepare` of the next meeting, as a whole process, on a copy;
  - one case-progress save (辦理情形 of case 12601, and of an internal case) on the
    prepared agenda, durable, in process.

The other figures' two sizes are measured in turn, run by run, so that other work on the
machine weighs on both alike; each is a median. The import's is the CPU of --imports whole
imports of the larger archive, each a commit at a time, against that of the smaller
archive's imports made between them.

    .venv/bin/python benchmarks/history_cost.py [--sizes 60 1200] [--saves 30] [--imports 3]
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.agenda_command import AGENDA  # noqa: E402
from benchmarks.archive import write_archive  # noqa: E402
from tui import archive, secretary  # noqa: E402
from tui.domain.model import CaseKind  # noqa: E402
from tui.edits.cases import WriteProgress  # noqa: E402
from tui.importer.record import ImportedRecord  # noqa: E402
from tui.storage.repository import Repository  # noqa: E402

FIRST = 101


def archive_records(scratch: Path, size: int) -> list[ImportedRecord]:
    """An archive of `size` records written and read, in meeting order."""
    found = write_archive(scratch / f"records-{size}", FIRST, size, extras=False)
    records = archive.read_all(sorted(found.records.values()), (), archive.ArchiveImport())
    return sorted(records, key=lambda r: r.meeting.number)


def imported(scratch: Path, size: int, records: list[ImportedRecord]) -> Path:
    """A database of the records imported (untimed)."""
    db = scratch / f"db-{size}"
    archive.store_all(Repository.open(db), records, False, archive.ArchiveImport())
    return db


def import_cpu(
    scratch: Path, records: dict[int, list[ImportedRecord]], imports: int
) -> dict[int, float]:
    """CPU ms a meeting of each size's import, their commits made in turn (see the top);
    `records` holds the smaller archive's first."""
    small, large = records
    batches = {size: _in_years(found) for size, found in records.items()}
    used = {size: 0.0 for size in records}
    stored = {size: 0 for size in records}
    for run in range(imports):
        big = Repository.open(scratch / f"timed-{large}-{run}")
        os.sync()
        for turn, batch in enumerate(batches[large]):
            used[large] += _stored_cpu(big, batch)
            stored[large] += len(batch)
            count = len(batches[small])
            if turn % count == 0:
                little = Repository.open(scratch / f"timed-{small}-{run}-{turn}")
            used[small] += _stored_cpu(little, batches[small][turn % count])
            stored[small] += len(batches[small][turn % count])
    return {size: used[size] / stored[size] for size in records}


def _in_years(records: list[ImportedRecord]) -> list[list[ImportedRecord]]:
    """The records a commit's worth at a time, as the import stores them."""
    return [records[i : i + archive.BATCH] for i in range(0, len(records), archive.BATCH)]


def _stored_cpu(repo: Repository, batch: list[ImportedRecord]) -> float:
    started = time.process_time()
    archive.store_all(repo, batch, False, archive.ArchiveImport())
    return (time.process_time() - started) * 1000


def copy(db: Path, scratch: Path, name: str) -> Path:
    target = scratch / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(db, target)
    return target


def prepare_once(db: Path, scratch: Path, env: dict[str, str]) -> float:
    work = copy(db, scratch, "prepare")
    started = time.perf_counter()
    subprocess.run(
        [*AGENDA, "--db", str(work), "prepare"],
        check=True,
        capture_output=True,
        env=env,
    )
    return (time.perf_counter() - started) * 1000


def in_turn(
    sizes: list[int],
    runs: int,
    measure: Callable[[int, int], float],
    pick: Callable[[list[float]], float] = statistics.median,
) -> list[float]:
    """measure(size, run) for each size in turn, run after run; each size's median (or
    what `pick` takes)."""
    found: dict[int, list[float]] = {size: [] for size in sizes}
    for run in range(runs):
        for size in sizes:
            found[size].append(measure(size, run))
    return [pick(found[size]) for size in sizes]


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


LABELS = {
    "import": ("archive import, CPU per meeting", 1.3),
    "prepare": ("`agenda prepare`, whole process", 1.2),
    "save 12601": ("progress save of 市長室 case 12601", 1.2),
    "save 12601 cpu": ("the same, CPU", 1.2),
    "save internal": ("progress save of an internal case", 1.2),
    "save internal cpu": ("the same, CPU", 1.2),
}
Figures = dict[int, dict[str, float]]  # size: figure (a LABELS key): ms


def measure(sizes: list[int], runs: int, saves: int, imports: int, env: dict[str, str]) -> Figures:
    """Every figure of LABELS at each size, the sizes measured in turn."""
    figures: Figures = {size: {} for size in sizes}
    with tempfile.TemporaryDirectory(prefix="agenda-history-") as name:
        scratch = Path(name)
        records = {size: archive_records(scratch, size) for size in sizes}
        dbs = {size: imported(scratch, size, found) for size, found in records.items()}
        medians = {"import": list(import_cpu(scratch, records, imports).values())}
        medians["prepare"] = in_turn(  # the first run of each warms the caches
            sizes, runs + 1, lambda size, run: prepare_once(dbs[size], scratch, env)
        )
        for size in sizes:
            subprocess.run(
                [*AGENDA, "--db", str(dbs[size]), "prepare"],
                check=True,
                capture_output=True,
                env=env,
            )
            newest = FIRST + size - 1
            mayor = save_ms(dbs[size], scratch, 12601, CaseKind.MAYOR, saves)
            internal = save_ms(dbs[size], scratch, newest * 100 + 1, CaseKind.INTERNAL, saves)
            figures[size] = {
                "save 12601": mayor[0],
                "save 12601 cpu": mayor[1],
                "save internal": internal[0],
                "save internal cpu": internal[1],
            }
        for key, values in medians.items():
            for size, value in zip(sizes, values, strict=True):
                figures[size][key] = value
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[60, 1200])
    parser.add_argument("--saves", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--imports", type=int, default=3)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT), AGENDA_LANG="en")
    figures = measure(args.sizes, args.runs, args.saves, args.imports, env)
    for size in args.sizes:
        said = ", ".join(f"{k} {v:.1f} ms" for k, v in figures[size].items())
        print(f"{size} meetings: {said}", file=sys.stderr)
    small, large = args.sizes
    print(f"| figure | {small} meetings | {large} meetings | ÷ | target |")
    print("|---|---|---|---|---|")
    for key, (label, target) in LABELS.items():
        a, b = figures[small][key], figures[large][key]
        print(f"| {label} | {a:.1f} ms | {b:.1f} ms | {b / a:.2f} | ≤ {target} |")


if __name__ == "__main__":
    main()
