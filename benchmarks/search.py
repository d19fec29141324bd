"""Search at 3,000 meetings: index build (and at a tenth of the meetings, for the ratio), the
index's size against the documents', query times by query length, the cost of keeping the
index current after an edit, the whole `agenda search` command, and the app's memory around
its first search (benchmarks/search_memory.py).

    .venv/bin/python benchmarks/search.py [--meetings 3000] [--queries 200] [--cache DIR]

Uses the synthetic history of benchmarks/synthetic.py, built once into the cache folder
(shared with benchmarks/perf.py) and copied before anything is indexed, so the cache stays
as built. Queries are cut from the text the history is written from (found) and strung from
its 40 commonest characters (mostly not found: the slow case of a phrase). Each query time
is `SearchIndex.search(query, 20)` in process, the up-to-date check included. A build's CPU
time counts the child process it runs in. Prints figures only and always exits 0: it is not
a test.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import search_memory  # noqa: E402
from benchmarks.perf_support import AGENDA, cached_db, child_env, percentile, working_copy  # noqa: E402
from benchmarks.synthetic import PHRASES, SUBJECTS  # noqa: E402
from tui import secretary  # noqa: E402
from tui.edits import requests  # noqa: E402
from tui.edits.ops import WriteProgress  # noqa: E402
from tui.search.grams import folded  # noqa: E402
from tui.search.index import SearchIndex  # noqa: E402
from tui.search.sources import FOLDERS  # noqa: E402
from tui.storage.layout import MEETINGS, SEARCH_INDEX_FILE  # noqa: E402
from tui.storage.names import SUFFIX  # noqa: E402
from tui.storage.repository import Repository  # noqa: E402

LENGTHS = (1, 2, 3, 5)
LIMIT = 20


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def queries(length: int, count: int, rng: random.Random) -> list[str]:
    """Half cut from the history's own text, half strung from its commonest characters."""
    corpus = [folded(text) for text in PHRASES + SUBJECTS]
    common = [c for c, _ in Counter("".join(corpus)).most_common(40)]
    found = []
    while len(found) < count // 2:
        text = rng.choice(corpus)
        if len(text) >= length:
            start = rng.randrange(len(text) - length + 1)
            found.append(text[start : start + length])
    strung = ["".join(rng.choice(common) for _ in range(length)) for _ in range(count // 2)]
    return found + strung


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


@dataclass(frozen=True)
class Build:
    cpu_s: float  # this process and its children
    wall_s: float
    index_bytes: int  # search.sqlite with its log files, once closed
    documents_bytes: int  # the documents it indexes


def build(db: Path) -> Build:
    before, started = os.times(), time.perf_counter()
    index = SearchIndex(db)
    index.refresh()
    index.close()
    wall, after = time.perf_counter() - started, os.times()
    cpu = sum(after[:4]) - sum(before[:4])  # user, system, children's user and system
    files = [db / (SEARCH_INDEX_FILE + end) for end in ("", "-wal", "-shm")]
    held = sum(path.stat().st_size for path in files if path.exists())
    documents = sum(
        path.stat().st_size for folder in FOLDERS for path in (db / folder).glob("*" + SUFFIX)
    )
    return Build(cpu, wall, held, documents)


def query_ms(index: SearchIndex, texts: list[str]) -> tuple[list[float], int]:
    times, hits = [], 0
    for text in texts:
        started = time.perf_counter()
        found = index.search(text, LIMIT)
        times.append((time.perf_counter() - started) * 1000)
        hits += bool(found.hits)
    return times, hits


def after_edits(db: Path, index: SearchIndex, runs: int) -> dict[str, list[float]]:
    """One edit, made durable; then the refresh that brings the index up to date with it."""
    repo = Repository.open(db)
    newest = repo.meeting_numbers()[-1]
    found: dict[str, list[float]] = {"edit": [], "refresh": [], "refresh, case progress": []}
    for round in range(runs):
        text = f"請總務組於下次會議提出報告（第 {round} 次）。"
        found["edit"].append(
            timed(partial(requests.conclude, secretary.editor(repo), newest, "2.4", text))
        )
        found["refresh"].append(timed(index.refresh))
        assert index.search(f"第 {round} 次）", 5).hits
    case = next(c for c in repo.open_cases() if c.decision_at(newest) is not None)
    service = secretary.editor(repo)
    for round in range(runs):
        # As the app saves a typed progress report: one operation on the case.
        service.apply(WriteProgress(newest, case.number, f"進度報告第 {round} 次"))
        found["refresh, case progress"].append(timed(index.refresh))
    return found


def unchanged_ms(db: Path, index: SearchIndex, runs: int) -> dict[str, float]:
    """The up-to-date check alone: folders settled (three stats), and every file stat'ed."""
    time.sleep(1.1)  # the last edit's folder mtime settles
    index.refresh()
    settled = statistics.median(timed(index.refresh) for _ in range(runs))
    listed = []
    for _ in range(runs):
        (db / MEETINGS).touch()  # an unsettled folder: every document's stamp is compared
        listed.append(timed(index.refresh))
    return {"settled": settled, "listed": statistics.median(listed)}


def command_ms(db: Path, args: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run([*AGENDA, "--db", str(db), *args], capture_output=True, env=env)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=3000)
    parser.add_argument("--queries", type=int, default=200, help="per query length")
    parser.add_argument("--runs", type=int, default=30, help="edits, refreshes and commands")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "agenda-perf-cache"
    )
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="agenda-search-"))
    try:
        measure(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def builds(args: argparse.Namespace, work: Path, db: Path, rows: list[tuple[str, str]]) -> None:
    small = args.meetings // 10
    log(f"building the index of {small} meetings …")
    few = build(working_copy(cached_db(args.cache, small), work))
    log(f"building the index of {args.meetings} meetings …")
    many = build(db)
    for size, built in ((small, few), (args.meetings, many)):
        rows.append(
            (
                f"index build from nothing, {size} meetings: CPU / wall",
                f"{built.cpu_s:.1f} s / {built.wall_s:.1f} s",
            )
        )
    rows.append(
        (
            f"index build CPU, {args.meetings} ÷ {small} meetings (target ≤ 11)",
            f"{many.cpu_s / few.cpu_s:.2f}",
        )
    )
    rows.append(
        (
            f"index size ÷ the documents' size, {args.meetings} meetings (target ≤ 1.0)",
            f"{many.index_bytes / many.documents_bytes:.2f} "
            f"({many.index_bytes / 2**20:.0f} MiB ÷ {many.documents_bytes / 2**20:.0f} MiB)",
        )
    )


def app_memory(args: argparse.Namespace, work: Path, rows: list[tuple[str, str]]) -> None:
    log(f"the app's first search at {args.meetings} meetings, no index yet …")
    db = working_copy(cached_db(args.cache, args.meetings), work / "app")
    found = search_memory.first_search(db, args.meetings, child_env(args.cache))
    rows.append(
        (
            f"app RSS after its first search ÷ before it, {args.meetings} meetings (target ≤ 1.15)",
            f"{found.ratio:.2f} ({found.after_kib / 1024:.1f} MiB ÷ "
            f"{found.before_kib / 1024:.1f} MiB; peak {found.peak_kib / 1024:.1f} MiB; "
            f"results after {found.search_s:.1f} s)",
        )
    )


def measure(args: argparse.Namespace, work: Path) -> None:
    db = working_copy(cached_db(args.cache, args.meetings), work)
    rows: list[tuple[str, str]] = []
    builds(args, work, db, rows)
    index = SearchIndex(db)
    rng = random.Random(3000)
    for length in LENGTHS:
        texts = queries(length, args.queries, rng)
        query_ms(index, texts[:10])  # warm the page cache
        times, hits = query_ms(index, texts)
        p50, p99 = percentile(times, 0.5), percentile(times, 0.99)
        log(f"  {length}-character queries: {hits} of {len(texts)} found something")
        rows.append(
            (
                f"query, {length} character{'s' * (length > 1)} (p50 / p99)",
                f"{p50:.2f} / {p99:.2f} ms",
            )
        )
    log("editing and refreshing …")
    edits = after_edits(db, index, args.runs)
    for name, times in edits.items():
        label = "one edit made durable" if name == "edit" else f"index update after it ({name})"
        rows.append(
            (
                f"{label} (p50 / p99)",
                f"{percentile(times, 0.5):.2f} / {percentile(times, 0.99):.2f} ms",
            )
        )
    checks = unchanged_ms(db, index, args.runs)
    rows.append(
        ("up-to-date check, nothing changed, folders settled", f"{checks['settled']:.2f} ms")
    )
    rows.append(("up-to-date check, every file's stamp compared", f"{checks['listed']:.2f} ms"))
    index.close()
    env = child_env(args.cache)
    version = command_ms(db, ["--version"], args.runs // 3, env)
    for text in ("預", "預算", "總務組", "請總務組會"):
        took = command_ms(db, ["search", text], args.runs // 3, env)
        rows.append((f"`agenda search {text}`, whole process (median)", f"{took:.0f} ms"))
    rows.append(("`agenda --version`, whole process (median)", f"{version:.0f} ms"))
    shutil.rmtree(db)
    app_memory(args, work, rows)
    print(f"| {args.meetings} meetings | measured |")
    print("|---|---|")
    for figure, value in rows:
        print(f"| {figure} | {value} |")


if __name__ == "__main__":
    main()
