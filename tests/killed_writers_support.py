"""Writers to SIGKILL at random moments, and what is checked after each kill.

Shared by tests/test_killed_writers.py and benchmarks/reliability.py. Run as a script,

    python tests/killed_writers_support.py MODE DB START

this module is a writer on meeting 102 of the database DB. It prints "ready", then one
line per edit it knows to be on disk, numbering its edits from START:

    ack N               the conclusion conclusion_text(N) is in item 2.1
    ack N case C        ... tracked as case C (a second document in the same commit)
    ack N motion P      the temporary motion motion_text(N) is at place P
    typed N             (app) conclusion N typed; Enter and its save come next
    fail N STATUS ...   an edit that failed (never expected)

MODE is one of
    cli     `agenda --db DB conclude 102 2.1 TEXT` run again and again; "ack N" once it exits 0
    inproc  tui.secretary.conclude / add_motion called in this process, some tracked
    app     the Textual app driven by Pilot: meeting 102, item 2.1, conclusions typed in
            (a, the text, enter), "ack N" once app.workspace.writer.flush() says it is saved
    app-blank  the app on item 2.1: a pressed, nothing typed; "saved" once the writer is idle
"""

from __future__ import annotations

import contextlib
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MEETING = 102
PLACE = "2.1"
MODES = ("cli", "inproc", "app")
SPAWN_STRIDE = 100_000  # each writer numbers its edits from its own block
TRACK_LIMIT = 90  # meeting 102 has 99 case numbers; leave some for nobody in particular


def conclusion_text(n: int) -> str:
    return f"請總務組辦理第{n}項。"


def motion_text(n: int) -> str:
    return f"臨時動議第{n}項"


def agenda_command() -> list[str]:
    """The installed `agenda` beside this interpreter, else `python -m tui`."""
    script = Path(sys.executable).with_name("agenda")
    if script.exists():
        return [str(script)]
    found = shutil.which("agenda")
    return [found] if found else [sys.executable, "-m", "tui"]


# -- the writers (each runs in its own process) ------------------------------------


def say(line: str) -> None:
    """Straight to fd 1: the app's run replaces sys.stdout with its own capture."""
    os.write(1, (line + "\n").encode())


def cli_writer(db: Path, start: int) -> None:
    command = [*agenda_command(), "--db", str(db), "conclude", str(MEETING), PLACE]
    say("ready")
    n = start
    while True:
        done = subprocess.run(
            [*command, conclusion_text(n)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        if done.returncode == 0:
            say(f"ack {n}")
        elif done.returncode > 0:  # a negative status is our own kill arriving
            message = " ".join(done.stderr.split())
            say(f"fail {n} {done.returncode} {message}")
        n += 1


def in_process_writer(db: Path, start: int) -> None:
    from tests import edit_support as edits
    from tui.storage.repository import Repository

    repo = Repository.open(db)
    say("ready")
    n = start
    while True:
        if n % 7 == 3:
            place = edits.add_motion(repo, MEETING, "秘書室", motion_text(n))
            say(f"ack {n} motion {place}")
        else:
            tracked = n % 5 == 0 and len(repo.case_numbers_of_meeting(MEETING)) < TRACK_LIMIT
            case = edits.conclude(repo, MEETING, PLACE, conclusion_text(n), tracked=tracked)
            say(f"ack {n}" if case is None else f"ack {n} case {case.number}")
        n += 1


def app_writer(db: Path, start: int) -> None:
    import asyncio

    asyncio.run(_drive_app(db, start))


def blank_app_writer(db: Path, start: int) -> None:
    """Press a (add a conclusion), type nothing, say "saved" once the writer is idle."""
    import asyncio

    asyncio.run(_drive_app(db, start, blank=True))


async def _drive_app(db: Path, start: int, *, blank: bool = False) -> None:
    import asyncio

    from tests.app_support import screen_name, type_text, until
    from tui.app.app import AgendaApp
    from tui.app.screens.editor import EditorScreen
    from tui.app.screens.meetings import MeetingsScreen
    from tui.domain.outline import outline_places

    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:

        def settled() -> bool:
            # The list loads, then opens the meeting this user left off at, in one worker.
            if isinstance(app.screen, EditorScreen):
                return True
            busy = any(worker.is_running for worker in app.workers)
            return isinstance(app.screen, MeetingsScreen) and app.workspace is not None and not busy

        await until(pilot, settled, timeout=30)
        await pilot.pause(0.1)
        if not isinstance(app.screen, EditorScreen):
            await pilot.press("enter")
            await until(pilot, lambda: screen_name(app) == "EditorScreen", timeout=30)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        if not editor.opened.hold.held:
            say(f"fail {start} readonly held by {editor.opened.holder}")
            sys.exit(3)
        places = outline_places(editor.live.meeting)  # sections are places too
        for _ in range(3 * len(places)):
            if editor.place == PLACE:
                break
            before = places.index(editor.place) < places.index(PLACE)
            await pilot.press("down" if before else "up")
        await until(pilot, lambda: editor.place == PLACE, timeout=10)
        say("ready")
        workspace = app.workspace
        assert workspace is not None
        if blank:
            await pilot.press("a")
            await pilot.pause(1.0)  # longer than the editor's quiet time before it saves
            await asyncio.to_thread(workspace.writer.flush, 10.0)
            say("saved")
            await asyncio.sleep(60)
            return
        n = start
        while True:
            await pilot.press("a")
            await until(pilot, lambda: editor.typing is not None, timeout=10)
            await type_text(pilot, conclusion_text(n))
            say(f"typed {n}")  # Enter next, and the save: a moment for the parent to aim at
            await pilot.press("enter")
            # Enter ends the entry and hands the meeting to the writer thread (save_now).
            await until(
                pilot,
                lambda: editor.typing is None and not editor.scheduler.waiting,
                timeout=10,
            )
            if await asyncio.to_thread(workspace.writer.flush, 10.0):
                say(f"ack {n}")
            else:
                say(f"fail {n} flush timed out")
            n += 1


WRITERS: dict[str, Callable[[Path, int], None]] = {
    "cli": cli_writer,
    "inproc": in_process_writer,
    "app": app_writer,
    "app-blank": blank_app_writer,
}


# -- the parent: spawn, kill, check -------------------------------------------------


@dataclass(frozen=True)
class Ack:
    n: int
    text: str
    case: int | None = None
    motion: bool = False


def parse_ack(line: str) -> Ack | None:
    parts = line.split()
    if len(parts) < 2 or parts[0] != "ack":
        return None
    n = int(parts[1])
    if len(parts) == 4 and parts[2] == "motion":
        return Ack(n, motion_text(n), motion=True)
    if len(parts) == 4 and parts[2] == "case":
        return Ack(n, conclusion_text(n), case=int(parts[3]))
    return Ack(n, conclusion_text(n))


@dataclass
class Figures:
    """What the kills did to one database, summed over every kill."""

    kills: int = 0
    by_mode: Counter[str] = field(default_factory=Counter)
    acked: int = 0
    unreadable: int = 0  # checks whose database did not open or load whole
    lost: int = 0  # acknowledged edits missing (each counted once)
    temps_left: int = 0  # *.tmp-* files found right after the next Store.open
    journals_left: int = 0  # journal.json found right after the next Store.open
    warnings: int = 0  # store warnings on the next start (a damaged file repaired)
    duplicates: int = 0  # an edit or a case number found twice
    strangers: int = 0  # text in item 2.1 that no writer wrote
    empty: int = 0  # empty conclusions a killed app left behind (most at once)
    found_journal: int = 0  # kills mid-commit: the next start finished a journal
    found_temps: int = 0  # kills mid-write: the next start swept temporary files
    hold_stuck: int = 0  # a killed app's hold on the meeting still in force
    failures: int = 0  # writers that failed an edit, hung, or died on their own
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def losses(self) -> int:
        return (
            self.unreadable
            + self.lost
            + self.temps_left
            + self.journals_left
            + self.warnings
            + self.duplicates
            + self.strangers
            + self.hold_stuck
            + self.failures
        )


class KillLoop:
    """Writers on one database, SIGKILLed one after another; the database checked each time."""

    def __init__(self, db: Path, rng: random.Random, log: Path | None = None) -> None:
        self.db = db
        self.rng = rng
        self.log = log or db.parent / f"{db.name}-writers.log"
        self.figures = Figures()
        self.acked: dict[int, Ack] = {}
        self.in_flight: dict[int, str] = {}  # the edit each killed writer was making
        self.typed: set[str] = set()  # in-flight app text, which may be on disk half typed
        self._spawns = 0
        self._lost: set[int] = set()
        self._strange: set[str] = set()
        self._baseline = Counter(self._conclusions())

    # -- one kill ---------------------------------------------------------------

    def kill_once(self, mode: str) -> None:
        self._spawns += 1
        start = self._spawns * SPAWN_STRIDE
        child, lines = self._spawn(mode, start)
        seen: list[str] = []
        timing = _TIMING[mode]
        aim = self.rng.random()
        if aim < 0.2:  # may land in the start: Store.open and its recovery
            time.sleep(self.rng.uniform(0, timing.startup))
        else:
            # After "ready" and some acks, or (the app) right after Enter, as it saves.
            word, gap = ("typed", timing.save_gap) if aim < timing.at_save else ("ack", timing.gap)
            wanted = self.rng.randint(0 if word == "ack" else 1, timing.acks)
            if not _wait_for(lines, seen, word, wanted, deadline=time.monotonic() + 60):
                self._problem(f"{mode} writer gave {seen[-3:]} and then nothing for 60 s")
            time.sleep(self.rng.uniform(0, gap))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        status = child.wait(timeout=30)
        _wait_group_gone(child.pid)
        _wait_for(lines, seen, "", sys.maxsize, deadline=time.monotonic() + 30)
        if status != -signal.SIGKILL:
            self._problem(f"{mode} writer ended by itself with status {status}: {seen[-3:]}")
        self._note(mode, start, seen)
        self.figures.kills += 1
        self.figures.by_mode[mode] += 1
        self.check(app=mode == "app")

    def _spawn(self, mode: str, start: int) -> tuple[subprocess.Popen[bytes], _Lines]:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        command = [sys.executable, __file__, mode, str(self.db), str(start)]
        with self.log.open("ab") as log:
            log.write(f"--- {mode} {start}\n".encode())
            child = subprocess.Popen(
                command,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=log,
                start_new_session=True,  # its own process group: the kill takes `agenda` too
            )
        lines: _Lines = queue.Queue()

        def pump() -> None:
            assert child.stdout is not None
            for raw in child.stdout:
                lines.put(raw.decode("utf-8", "replace").strip())
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        return child, lines

    def _note(self, mode: str, start: int, seen: list[str]) -> None:
        last = start - 1
        for line in seen:
            ack = parse_ack(line)
            if ack is not None:
                self.acked[ack.n] = ack
                self.figures.acked += 1
                last = max(last, ack.n)
            elif line.startswith("fail "):
                self._problem(f"{mode} writer: {line}")
        n = last + 1
        self.in_flight[n] = (
            motion_text(n) if mode == "inproc" and n % 7 == 3 else conclusion_text(n)
        )
        if mode == "app":
            self.typed.add(conclusion_text(n))

    def kill_when(self, mode: str, word: str) -> list[str]:
        """Kill a writer right after it says word; return its lines."""
        self._spawns += 1
        child, lines = self._spawn(mode, self._spawns * SPAWN_STRIDE)
        seen: list[str] = []
        if not _wait_for(lines, seen, word, 1, deadline=time.monotonic() + 60):
            self._problem(f"{mode} writer gave {seen[-3:]} and then nothing for 60 s")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        _wait_group_gone(child.pid)
        _wait_for(lines, seen, "", sys.maxsize, deadline=time.monotonic() + 30)
        self.figures.kills += 1
        self.figures.by_mode[mode] += 1
        return seen

    def run_cli(self) -> None:
        """One real `agenda conclude` between kills; it must succeed and its edit be kept."""
        self._spawns += 1
        n = self._spawns * SPAWN_STRIDE
        text = conclusion_text(n)
        command = [*agenda_command(), "--db", str(self.db), "conclude", str(MEETING), PLACE, text]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if done.returncode == 0:
            self.acked[n] = Ack(n, text)
            self.figures.acked += 1
        else:
            self._problem(f"agenda conclude after a kill: {done.returncode} {done.stderr.strip()}")

    # -- the checks -------------------------------------------------------------

    def check(self, *, app: bool = False) -> None:
        """Open the database as the next start would, load everything, look for leftovers."""
        from tui.domain.model import ItemKind
        from tui.storage.repository import Repository

        figures = self.figures
        figures.found_journal += (self.db / "journal.json").exists()
        figures.found_temps += any(".tmp-" in p.name for p in self.db.rglob("*"))
        try:
            repo = Repository.open(self.db)
            numbers = repo.meeting_numbers()
            meetings = {number: repo.load_meeting(number) for number in numbers}
            cases = repo.all_cases()
            repo.summaries()
        except Exception as error:
            figures.unreadable += 1
            self._problem(
                f"the database did not open: {type(error).__name__}: {error}", count=False
            )
            return
        missing = [number for number, meeting in meetings.items() if meeting is None]
        meeting = meetings.get(MEETING)
        if missing or meeting is None:
            figures.unreadable += 1
            self._problem(f"meetings that did not load: {missing or [MEETING]}", count=False)
            return
        temps = [p for p in self.db.rglob("*") if ".tmp-" in p.name or ".damaged-" in p.name]
        figures.temps_left += len(temps)
        if temps:
            self._problem(f"left after the next start: {[str(p) for p in temps]}", count=False)
        if (self.db / "journal.json").exists():
            figures.journals_left += 1
            self._problem("journal.json left after the next start", count=False)
        if repo.store.warnings:
            figures.warnings += len(repo.store.warnings)
            self._problem(f"store warnings: {repo.store.warnings}", count=False)
        if app:
            self._check_hold()

        item = meeting.sections[1].items[0]
        texts = Counter(c.text for c in item.conclusions)
        motions = Counter(
            i.title for s in meeting.sections if s.kind is ItemKind.MOTIONS for i in s.items
        )
        by_text = {c.text: c for c in item.conclusions}
        case_numbers = {c.number for c in cases}
        for ack in self.acked.values():
            if ack.n in self._lost:
                continue
            present = motions[ack.text] if ack.motion else texts[ack.text]
            case_kept = ack.case is None or (
                ack.text in by_text
                and by_text[ack.text].case == ack.case
                and ack.case in case_numbers
            )
            if not present or not case_kept:
                self._lost.add(ack.n)
                figures.lost += 1
                self._problem(f"acknowledged edit lost: {ack}", count=False)
        twice = [t for t, k in (texts - self._baseline).items() if k > 1]
        twice += [t for t, k in motions.items() if k > 1]
        numbered = [c.case for c in item.conclusions if c.case is not None]
        twice += [str(n) for n, k in Counter(numbered).items() if k > 1]
        for text in twice:
            if text not in self._strange:
                self._strange.add(text)
                figures.duplicates += 1
                self._problem(f"found twice: {text}", count=False)
        written = {a.text for a in self.acked.values()} | set(self.in_flight.values())
        for text in list((texts - self._baseline).keys()) + list(motions.keys()):
            if (
                text.strip()
                and text not in written
                and not self._half_typed(text)
                and text not in self._strange
            ):
                self._strange.add(text)
                figures.strangers += 1
                self._problem(f"text no writer wrote: {text!r}", count=False)
        empty = sum(k for t, k in (texts - self._baseline).items() if not t.strip())
        figures.empty = max(figures.empty, empty)

    def _half_typed(self, text: str) -> bool:
        """The app saves as the secretary types, so a killed one may leave part of its text."""
        return any(typed.startswith(text) for typed in self.typed)

    def _check_hold(self) -> None:
        from tui.storage.hold import MeetingHold

        hold = MeetingHold(self.db, MEETING, "the checker")
        holder = hold.holder()
        if holder or not hold.acquire():
            self.figures.hold_stuck += 1
            self._problem(f"meeting {MEETING} still held after the kill: {holder!r}", count=False)
            return
        hold.release()

    def _conclusions(self) -> list[str]:
        from tui.storage.repository import Repository

        meeting = Repository.open(self.db).load_meeting(MEETING)
        assert meeting is not None, f"no meeting {MEETING} in {self.db}"
        return [c.text for c in meeting.sections[1].items[0].conclusions]

    def _problem(self, message: str, *, count: bool = True) -> None:
        if count:
            self.figures.failures += 1
        self.figures.problems.append(message)


@dataclass(frozen=True)
class _Timing:
    startup: float  # a kill during the start lands this soon at most
    acks: int  # else after "ready" and up to this many acks
    gap: float  # and then this long at most
    at_save: float = 0.0  # (the app) how often to aim at a save instead: after "typed N"
    save_gap: float = 0.0  # and then this long at most


_TIMING = {
    "cli": _Timing(startup=0.6, acks=3, gap=0.25),
    "inproc": _Timing(startup=0.4, acks=8, gap=0.05),
    "app": _Timing(startup=2.5, acks=3, gap=0.6, at_save=0.6, save_gap=0.25),
}

_Lines = queue.Queue[str | None]


def _wait_for(lines: _Lines, seen: list[str], word: str, count: int, deadline: float) -> bool:
    """Move lines into seen until "ready" and then count lines starting with word have come;
    False when the output ended or the deadline passed first."""
    ready = any(line == "ready" for line in seen)
    found = 0
    while not (ready and found >= count):
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return False
        if line is None:
            lines.put(None)
            return False
        seen.append(line)
        ready = ready or line == "ready"
        found += ready and line.startswith(word) and line != "ready"
    return True


def _wait_group_gone(group: int, timeout: float = 10.0) -> None:
    """Every process of the killed writer's group is gone (an `agenda` it ran included)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)
    raise AssertionError(f"process group {group} outlived SIGKILL")


def kill_loop(
    db: Path, modes: list[str], rng: random.Random, *, cli_after_app: bool = False
) -> Figures:
    """Kill a writer of each mode in turn on db; check the database after every kill."""
    started = time.monotonic()
    loop = KillLoop(db, rng)
    for mode in modes:
        loop.kill_once(mode)
        if mode == "app" and cli_after_app:
            loop.run_cli()  # the killed app's hold must not stop the CLI
    loop.figures.seconds = time.monotonic() - started
    return loop.figures


def mixed_modes(kills: int, cli_every: int = 3) -> list[str]:
    """Mostly in-process writers (fast), every cli_every-th kill a real `agenda` command."""
    return ["cli" if k % cli_every == cli_every - 1 else "inproc" for k in range(kills)]


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    WRITERS[sys.argv[1]](Path(sys.argv[2]), int(sys.argv[3]))
