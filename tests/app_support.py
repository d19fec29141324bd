"""Helpers for driving the real app with Pilot on a real demo database."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual.css.query import NoMatches
from textual.pilot import Pilot

from tui.app.app import AgendaApp
from tui.app.launch import seed_demo
from tui.app.screens.editor import EditorScreen
from tui.domain.model import Meeting
from tui.storage.repository import Repository


def demo_database(folder: Path) -> Path:
    db = folder / "db"
    seed_demo(db, reset=False)
    return db


async def until(pilot: Pilot[None], condition: Callable[[], object], timeout: float = 5.0) -> None:
    """Let the app run until `condition()` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not _holds(condition):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        await pilot.pause(0.05)


def _holds(condition: Callable[[], object]) -> object:
    """The condition, false while what it looks at is not mounted yet (a screen pushed, its
    widgets still being composed)."""
    try:
        return condition()
    except NoMatches:
        return False


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` as a terminal sends it, one character a key.

    Pilot.press cannot send CJK punctuation (。，、): it loses the character on the way.
    """
    from textual import events
    from textual.keys import _character_to_key

    app = pilot.app
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        event = events.Key(key, char)
        event.set_sender(app)
        assert app._driver is not None
        app._driver.send_message(event)
        await pilot.pause()


async def open_editor(app: AgendaApp, pilot: Pilot[None], rows_down: int = 0) -> EditorScreen:
    """From the meetings list, open the meeting `rows_down` below the newest."""
    await until(pilot, lambda: app.workspace is not None and screen_name(app) == "MeetingsScreen")
    await pilot.pause(0.2)
    await pilot.press(*["down"] * rows_down, "enter")
    await until(pilot, lambda: screen_name(app) == "EditorScreen")
    assert isinstance(app.screen, EditorScreen)
    return app.screen


def stored(db: Path, number: int) -> Meeting:
    meeting = Repository.open(db).load_meeting(number)
    assert meeting is not None
    return meeting


def screen_name(app: AgendaApp) -> str:
    return type(app.screen).__name__
