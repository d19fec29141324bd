"""Search at 3,000 meetings: index build, query times by query length, the cost of keeping
the index current after an edit, and the whole `agenda search` command.

    .venv/bin/python benchmarks/search.py [--meetings 3000] [--queries 200] [--cache DIR]

Uses the synthetic history of benchmarks/synthetic.py, built once into the cache folder
(shared with benchmarks/perf.py) and copied before anything is indexed, so the cache stays
as built. Queries are cut from the text the history is written from (found) and strung from
its 40 commonest characters (mostly not found: the slow case of a phrase). Each query time
is `SearchIndex.search(query, 20)` in process, the up-to-date check included. Prints
figures only and always exits 0: it is not a test.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.perf import AGENDA, cached_db, child_env, percentile, working_copy  # noqa: E402
from benchmarks.synthetic import PHRASES, SUBJECTS  # noqa: E402
from tui import secretary  # noqa: E402
from tui.edits import requests  # noqa: E402
from tui.edits.ops import WriteProgress  # noqa: E402
from tui.search.grams import folded  # noqa: E402
from tui.search.index import SearchIndex  # noqa: E402
from tui.storage.layout import MEETINGS, SEARCH_INDEX_FILE  # noqa: E402
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


def build_ms(db: Path) -> float:
    index = SearchIndex(db)
    took = timed(index.refresh)
    index.close()
    return took


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


def measure(args: argparse.Namespace, work: Path) -> None:
    db = working_copy(cached_db(args.cache, args.meetings), work)
    rows: list[tuple[str, str]] = []
    log(f"building the index of {args.meetings} meetings …")
    build = build_ms(db)
    size = (db / SEARCH_INDEX_FILE).stat().st_size / 2**20
    rows.append(("index build, from nothing", f"{build / 1000:.1f} s ({size:.0f} MiB)"))
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
    print(f"| {args.meetings} meetings | measured |")
    print("|---|---|")
    for figure, value in rows:
        print(f"| {figure} | {value} |")


if __name__ == "__main__":
    main()
