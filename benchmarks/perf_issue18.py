"""Issue 18's figures for benchmarks/perf.py: typing in the editor, whole commands against
their library floors."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from benchmarks import command_floor, typing_echo
from benchmarks.perf_support import AGENDA, ROOT, Table, attempt, log, working_copy
from tui.storage.repository import Repository


def typing(table: Table, dbs: dict[int, Path], keys: int, env: dict[str, str]) -> None:
    """Every typing mode at both terminal sizes at the largest history (typing_echo), and
    the app's peak memory after typing at the smallest and the largest."""
    log("typing in the minutes editor …")
    small, large = min(dbs), max(dbs)
    peaks: dict[int, int] = {}
    for term in TERMINALS:
        for mode in typing_echo.MODES:
            found = attempt(
                f"typing {mode} {term}",
                partial(typing_echo.typing_session, dbs[large], mode, term, keys, env),
            )
            typed = found if isinstance(found, typing_echo.Typing) else None
            if typed:
                log("  " + typing_echo.row(typed))
                peaks[large] = max(peaks.get(large, 0), typed.peak_kb)
            where = f"{mode}, {term}, {large} meetings"
            table.add(
                f"keystroke echo p99 ({keys} keys), {where}",
                typing_echo.percentile(typed.echo_ms, 0.99) if typed else None,
                16,
                " ms",
            )
            table.add(f"echoes missed, {where}", typed.missed if typed else None, 0)
            if mode == "single":
                bound = TERMINALS[term]
                shown = typed.bytes_per_char / 1000 if typed else None
                table.add(f"bytes written per typed character, {term}", shown, bound, " KB")
    found = attempt(
        "typing at the smallest",
        partial(typing_echo.typing_session, dbs[small], "single", "80x24", keys, env),
    )
    if isinstance(found, typing_echo.Typing):
        peaks[small] = found.peak_kb
    table.add(
        f"peak memory of the app, {large} ÷ {small} meetings",
        peaks[large] / peaks[small] if large in peaks and small in peaks else None,
        1.3,
    )


def whole_commands(
    table: Table, db: Path, size: int, runs: int, work: Path, env: dict[str, str]
) -> None:
    """Each command's whole process over its library floor (command_floor), on a copy;
    `prepare` on a fresh copy each run."""
    log("timing whole commands …")
    db = working_copy(db, work)
    newest = Repository.open(db).meeting_numbers()[-1]
    env = dict(env, PYTHONPATH=str(ROOT), AGENDA_LANG="en")
    timed = [
        (label, [*AGENDA, "--db", str(db), *args], floor, lambda: None)
        for label, args, floor in command_floor.commands(newest, work)
    ]
    arguments, fresh_copy = command_floor.preparing(db, work)
    timed.append(("prepare", [*AGENDA, *arguments], "prepare", fresh_copy))
    floors: dict[str, float] = {}
    for label, command, floor, before in timed:
        least = [sys.executable, "-c", command_floor.FLOORS[floor]]
        found = attempt(
            label, partial(command_floor.side_by_side, command, least, runs, env, before)
        )
        ratio = None
        if isinstance(found, tuple):
            (took, _cpu), (floor_ms, _floor_cpu) = found  # wall and CPU time, in ms
            ratio = took / floor_ms
            floors.setdefault(floor, floor_ms)
            log(f"  {label}: {took:.0f} ms, floor {floor_ms:.0f} ms")
            if floor in ("docx", "odt") and "render" in floors:
                # Once its frame is kept a document's render imports neither python-docx nor
                # odfpy: its figure over the floor of `render` md too, for what it is worth.
                log(f"  {label} ÷ the floor of `render` md: {took / floors['render']:.2f}")
        table.add(
            f"`agenda {label}` at {size} meetings, whole process ÷ its library floor",
            ratio,
            1.5 if floor == "docx" else 1.3,
        )
    _edit_path(runs, env)


def _edit_path(runs: int, env: dict[str, str]) -> None:
    """Logged beside `prepare`: the edit service and its operation imported, nothing done,
    over prepare's floor; what the house's one way to change a meeting costs at the least."""
    found = attempt("edit path", partial(command_floor.edit_path, runs, env))
    if isinstance(found, tuple):
        (took, _cpu), (floor_ms, _floor_cpu) = found
        log(f"  prepare's edit service imported only: {took:.0f} ms, floor {floor_ms:.0f} ms,")
        log(f"    {took / floor_ms:.2f} of prepare's floor before any work")


TERMINALS = {"80x24": 3.0, "160x48": 6.0}  # terminal size: KB a typed character may cost
