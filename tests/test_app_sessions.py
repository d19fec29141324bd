"""Two sessions on one meeting: one edits, the other reads; a dead holder frees it; take over.

The sessions here share this process (Pilot) or run in a real terminal (pexpect); the hold is
an flock either way, on a separate open of DB/holds/0102.lock for each session.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

import tui.app.scheduler as scheduler_module
from tests.app_support import demo_database, screen_name, stored, type_text, until
from tests.test_app_pty import Terminal, needs_pty, open_meeting_102
from tui.app.app import AgendaApp
from tui.app.screens.editor import EditorScreen
from tui.app.widgets.outline import MeetingOutline
from tui.storage.hold import MeetingHold, who_am_i
from tui.storage.repository import Repository

CONCLUSION = "請總務組於月底前完成盤點"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


def editor_of(app: AgendaApp) -> EditorScreen:
    assert isinstance(app.screen, EditorScreen), screen_name(app)
    return app.screen


def status_of(app: AgendaApp) -> str:
    return str(editor_of(app).query_one("#editor-status", Static).content)


def told(app: AgendaApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def conclusions_of_2_1(db: Path) -> list[str]:
    return [c.text for c in stored(db, 102).sections[1].items[0].conclusions]


def ready(app: AgendaApp) -> bool:
    """The editor is up: its outline has the keys and stands on the editor's place."""
    if not isinstance(app.screen, EditorScreen):
        return False
    outlines = app.screen.query(MeetingOutline)
    if not outlines:
        return False
    outline = outlines.first()
    return (
        app.focused is outline
        and outline.cursor_node is not None
        and outline.cursor_node.data == app.screen.place
    )


async def open_102_from_the_list(app: AgendaApp, pilot: Pilot[None]) -> EditorScreen:
    """A first session: the meetings list, Enter on 102 (the newest, on top)."""
    await until(pilot, lambda: app.workspace is not None and screen_name(app) == "MeetingsScreen")
    await pilot.pause(0.2)
    await pilot.press("enter")
    await until(pilot, lambda: ready(app))
    return editor_of(app)


async def to_item_2_1(app: AgendaApp, pilot: Pilot[None]) -> EditorScreen:
    editor = editor_of(app)
    await pilot.press("down", "down")
    await until(pilot, lambda: editor.place == "2.1")
    assert app.workspace is not None and app.workspace.writer.flush()  # the place remembered
    return editor


async def reopened(app: AgendaApp, pilot: Pilot[None], timeout: float = 5.0) -> EditorScreen:
    """A later session lands on the meeting and item this user left off at."""
    await until(pilot, lambda: ready(app), timeout)
    editor = editor_of(app)
    assert editor.opened.number == 102
    return editor


async def test_a_second_session_only_reads_and_names_the_holder(db: Path) -> None:
    a = AgendaApp(db)
    async with a.run_test(size=(80, 24)) as pilot_a:
        editor_a = await open_102_from_the_list(a, pilot_a)
        assert editor_a.opened.hold.held
        await to_item_2_1(a, pilot_a)
        on_disk = stored(db, 102)

        b = AgendaApp(db)
        started = time.monotonic()
        async with b.run_test(size=(80, 24)) as pilot_b:
            editor_b = await reopened(b, pilot_b)
            await until(pilot_b, lambda: "read-only" in status_of(b), timeout=1.0)
            assert time.monotonic() - started < 1.0
            assert not editor_b.opened.hold.held
            assert editor_b.place == "2.1"
            assert f"held by {who_am_i()}" in status_of(b)
            assert any(who_am_i() in message for message in told(b))

            def refusals() -> int:
                return sum(m.startswith(f"Read-only: held by {who_am_i()}") for m in told(b))

            before = refusals()
            await pilot_b.press("a")  # an edit attempt: refused, with the holder named
            await until(pilot_b, lambda: refusals() == before + 1, timeout=1.0)
            assert editor_b.typing is None
            assert editor_b.live.meeting.sections[1].items[0].conclusions == []
            await pilot_b.pause(1.0)  # longer than any save would wait
            assert b.workspace is not None and b.workspace.writer.flush()
        assert stored(db, 102) == on_disk

        # The holder still edits.
        assert editor_a.opened.hold.held
        await pilot_a.press("a")
        await type_text(pilot_a, CONCLUSION)
        await pilot_a.press("enter")
        await pilot_a.pause(0.1)
        assert a.workspace is not None and a.workspace.writer.flush()
        assert conclusions_of_2_1(db) == [CONCLUSION]


@needs_pty
async def test_a_killed_holder_frees_the_meeting_at_once(db: Path) -> None:
    terminal = Terminal(db)
    try:
        open_meeting_102(terminal)
        hold = MeetingHold(db, 102)
        assert f"pid {terminal.pid}" in hold.holder()
        # Killed once it has remembered where it was, so the next session lands there too.
        deadline = time.monotonic() + 5
        while Repository.open(db).ui_state(getpass.getuser()).get("meeting") != 102:
            assert time.monotonic() < deadline, "the terminal session never saved its place"
            time.sleep(0.05)
        killed = time.monotonic()
        terminal.child.kill(signal.SIGKILL)
        while hold.holder():
            assert time.monotonic() - killed < 1.0, f"still held: {hold.holder()}"
            time.sleep(0.01)
        freed_after = time.monotonic() - killed
    finally:
        terminal.close()
    assert freed_after < 1.0

    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await reopened(app, pilot)
        assert editor.opened.hold.held and "read-only" not in status_of(app)
        await to_item_2_1(app, pilot)
        await pilot.press("a")
        await type_text(pilot, CONCLUSION)
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert app.workspace is not None and app.workspace.writer.flush()
    assert conclusions_of_2_1(db) == [CONCLUSION]


HOLDER_WITH_A_RUNAWAY_TEMPLATE = """
import os, sys, time
from pathlib import Path
from tui.storage.hold import MeetingHold
from tui.render.isolation import run_isolated

assert MeetingHold(Path(sys.argv[1]), 102).acquire()

def runaway() -> str:  # an office template that never ends, in its forked child
    print(os.getpid(), flush=True)
    time.sleep(60)
    return ""

run_isolated(runaway, 60)
"""


def test_a_killed_holder_frees_the_meeting_while_its_template_child_runs(db: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER_WITH_A_RUNAWAY_TEMPLATE, str(db)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert holder.stdout is not None
    child = int(holder.stdout.readline())
    try:
        hold = MeetingHold(db, 102)
        assert f"pid {holder.pid}" in hold.holder()
        killed = time.monotonic()
        holder.kill()
        holder.wait()
        while hold.holder():
            assert time.monotonic() - killed < 1.0, f"still held: {hold.holder()}"
            time.sleep(0.01)
        os.kill(child, 0)  # the template's child still runs: it did not keep the hold
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)
    assert hold.acquire()
    hold.release()


async def test_taking_over_saves_the_holders_typing_first(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No save on a timer: only letting go can put the holder's typing on disk.
    monkeypatch.setattr(scheduler_module, "QUIET", 60.0)
    monkeypatch.setattr(scheduler_module, "MAX_WAIT", 60.0)
    a = AgendaApp(db)
    async with a.run_test(size=(80, 24)) as pilot_a:
        editor_a = await open_102_from_the_list(a, pilot_a)
        await to_item_2_1(a, pilot_a)
        b = AgendaApp(db)
        async with b.run_test(size=(80, 24)) as pilot_b:
            editor_b = await reopened(b, pilot_b)
            await until(pilot_b, lambda: "read-only" in status_of(b), timeout=1.0)

            await pilot_a.press("a")
            await type_text(pilot_a, CONCLUSION)  # no Enter: the box stays open
            assert editor_a.typing is not None
            assert a.workspace is not None and a.workspace.writer.flush()
            assert conclusions_of_2_1(db) == []  # typed, not yet saved

            asked = time.monotonic()
            await pilot_b.press("o")
            await until(
                pilot_b,
                lambda: editor_b.opened.hold.held and "You hold this meeting now." in told(b),
                timeout=5.0,
            )
            took = time.monotonic() - asked
            assert took < 5.0

            assert conclusions_of_2_1(db) == [CONCLUSION]  # saved before A let go
            shown = editor_b.live.meeting.sections[1].items[0].conclusions
            assert [c.text for c in shown] == [CONCLUSION]
            assert "read-only" not in status_of(b)
            await until(pilot_a, lambda: "read-only" in status_of(a), timeout=2.0)
            assert not editor_a.opened.hold.held
            assert editor_a.typing is None  # A's text box closed
            assert any("took over" in m for m in told(a)), told(a)
            assert MeetingHold(db, 102).holder().startswith(who_am_i())

            # A reads only now; B edits.
            await pilot_a.press("a")
            await pilot_a.pause(0.2)
            assert editor_a.typing is None
            await pilot_b.press("a")
            await type_text(pilot_b, "同意備查。")
            await pilot_b.press("enter")
            await pilot_b.pause(0.1)
            assert b.workspace is not None and b.workspace.writer.flush()
            assert conclusions_of_2_1(db) == [CONCLUSION, "同意備查。"]
        assert a.workspace is not None and a.workspace.writer.flush()
    assert conclusions_of_2_1(db) == [CONCLUSION, "同意備查。"]
