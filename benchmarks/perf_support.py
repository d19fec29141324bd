"""What the performance benchmarks share: the synthetic histories, cached; the child
processes' environment; the table of figures against their targets."""

from __future__ import annotations

import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.agenda_command import AGENDA as AGENDA  # noqa: E402  (for the benchmarks)
from benchmarks.synthetic import build  # noqa: E402

CACHE_VERSION = "v3"  # bump when benchmarks/synthetic.py or the layout changes what it writes
ROWS, COLS = 24, 80


def child_env(cache: Path) -> dict[str, str]:
    """The environment of every process timed: bytecode cached, as on an installed system.

    With PYTHONDONTWRITEBYTECODE set (as in some CI and sandbox shells) every start
    compiles each module from source, which is not what the office sees. The .pyc files
    go to the cache folder, never into the source tree.
    """
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLS), LINES=str(ROWS))
    env["AGENDA_LANG"] = "en"  # the markers waited for are English; the figures are not
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    return env


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- databases ----------------------------------------------------------------


def cached_db(cache: Path, size: int) -> Path:
    """The history of `size` meetings, built once and kept in the cache folder."""
    db = cache / f"{CACHE_VERSION}-{size}"
    if db.is_dir():  # built in a folder of its own, and renamed here once done
        return db
    staging = cache / f"{CACHE_VERSION}-{size}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    started = time.perf_counter()
    log(f"building {size} meetings in {db} …")
    build(staging, size, progress=True)
    shutil.rmtree(db, ignore_errors=True)
    staging.rename(db)
    log(f"built {size} meetings in {time.perf_counter() - started:.1f} s")
    return db


def working_copy(db: Path, work: Path) -> Path:
    """A copy to change: the cached history stays as built."""
    target = work / db.name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(db, target)
    return target


def percentile(times: list[float], fraction: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Table:
    def __init__(self) -> None:
        self.rows: list[str] = []
        self.unmeasured = 0

    def add(self, figure: str, measured: float | None, target: float, unit: str = "") -> None:
        if measured is None:
            self.unmeasured += 1
            self.rows.append(f"| {figure} | not measured | ≤ {target:g}{unit} | no |")
            return
        shown = f"{measured:.2f}{unit}" if unit != " KB" else f"{measured:.2f} KB"
        ok = "yes" if measured <= target else "no"
        self.rows.append(f"| {figure} | {shown} | ≤ {target:g}{unit} | {ok} |")

    def print(self) -> None:
        print("| figure | measured | target | ok |")
        print("|---|---|---|---|")
        for row in self.rows:
            print(row)


def attempt(what: str, action: Callable[[], object]) -> object | None:
    """Run one measurement; a failure is reported and leaves its figures unmeasured."""
    try:
        return action()
    except Exception:
        log(f"{what} failed:\n{traceback.format_exc()}")
        return None
