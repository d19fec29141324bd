"""Issue 18's figures that follow the history for benchmarks/perf.py: an archive's import,
`prepare` and a case's save (history_cost), `cases --json` against the standard library
(cases_json), and the search index and the app's memory around its first search (search,
search_memory)."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from benchmarks import cases_json, history_cost, search, search_memory
from benchmarks.command_floor import CASES_FLOOR
from benchmarks.perf_support import AGENDA, ROOT, Table, attempt, log, working_copy


def history(table: Table, sizes: list[int], runs: int, env: dict[str, str]) -> None:
    small, large = sizes
    log(f"importing archives of {small} and {large} meetings …")
    env = dict(env, PYTHONPATH=str(ROOT), AGENDA_LANG="en")
    found = attempt("history", partial(history_cost.measure, sizes, runs, runs * 6, 3, env))
    figures = found if isinstance(found, dict) else None
    for key, (label, target) in history_cost.LABELS.items():
        ratio = figures[large][key] / figures[small][key] if figures else None
        table.add(f"{label}, {large} ÷ {small} imported meetings", ratio, target)


def cases_listing(
    table: Table, db: Path, size: int, runs: int, work: Path, env: dict[str, str]
) -> None:
    log(f"cases --json at {size} meetings …")
    db = working_copy(db, work)
    env = dict(env, PYTHONPATH=str(ROOT), AGENDA_LANG="en")
    commands = [
        [*AGENDA, "--db", str(db), "cases", "--json"],
        [sys.executable, "-c", CASES_FLOOR, str(db)],
    ]
    found = attempt("cases --json", lambda: cases_json.in_turn(commands, runs, env))
    ratio = found[0][0] / found[1][0] if isinstance(found, list) else None
    table.add(f"`cases --json` at {size} meetings ÷ json loading and dumping the same", ratio, 2)


def index(table: Table, dbs: dict[int, Path], work: Path, env: dict[str, str]) -> None:
    """The index built from nothing at the two largest sizes, and the app's memory around
    its first search at the largest."""
    middle, large = sorted(dbs)[-2:]
    log(f"building the search index of {middle}, {large} and {middle} meetings again …")
    # The smaller build made before and after the larger one, so that the machine's drift over
    # the larger one's half minute weighs on both (one build each, in process, gave ratios
    # from 9.3 to 11.4 in six runs).
    before = attempt(f"index {middle}", partial(_built, dbs[middle], work))
    many = attempt(f"index {large}", partial(_built, dbs[large], work))
    after = attempt(f"index {middle}", partial(_built, dbs[middle], work))
    size_ratio = build_ratio = None
    if isinstance(many, search.Build):
        size_ratio = many.index_bytes / many.documents_bytes
        if isinstance(before, search.Build) and isinstance(after, search.Build):
            build_ratio = many.cpu_s / ((before.cpu_s + after.cpu_s) / 2)
            log(f"  build CPU: {before.cpu_s:.1f} s, {many.cpu_s:.1f} s, {after.cpu_s:.1f} s")
    table.add(f"search index size ÷ the documents' size, {large} meetings", size_ratio, 1.0)
    table.add(f"search index build CPU, {large} ÷ {middle} meetings", build_ratio, 11)
    log(f"the app's first search at {large} meetings …")
    copy = working_copy(dbs[large], work / "app")
    memory = attempt("app memory", lambda: search_memory.first_search(copy, large, env))
    table.add(
        f"app memory after a search ÷ before it, {large} meetings",
        memory.ratio if isinstance(memory, search_memory.Memory) else None,
        1.15,
    )


def _built(db: Path, work: Path) -> search.Build:
    return search.build(working_copy(db, work))
