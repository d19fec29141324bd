"""Keys that arrive in one burst (as over SSH) while a screen is on its way are not lost."""

from __future__ import annotations

import fcntl
import getpass
import os
import time
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import DataTable

from tests import edit_support as edits
from tests.app_support import demo_database, open_editor, screen_name, stored, until
from tui.app import keyhold
from tui.app.app import AgendaApp
from tui.app.screens.editor import EditorScreen
from tui.app.screens.meetings import MeetingsScreen
from tui.domain.model import Conclusion
from tui.storage.repository import Repository


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


def burst(app: AgendaApp, *keys: str, text: str = "", end: str = "") -> None:
    """Keys, text, then a last key, all handed to the app at once: no pause for any to land."""
    assert app._driver is not None
    presses = [(key, None) for key in keys] + [
        (char if char.isalnum() else _character_to_key(char), char) for char in text
    ]
    presses += [(end, None)] if end else []
    for key, char in presses:
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


async def open_and_conclude_in_one_burst(app: AgendaApp, pilot: Pilot[None]) -> None:
    """On the list: enter, tab, a and a conclusion in one burst; then enter ends it."""
    burst(app, "enter", "tab", "a", text="同意備查。")
    await until(pilot, lambda: screen_name(app) == "EditorScreen")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause(1.2)


def first_item_conclusions(db: Path) -> list[str]:
    """Meeting 102's 壹、宣讀: where the editor opens."""
    item = stored(db, 102).items()[0]
    return [c.text for c in item.conclusions if isinstance(c, Conclusion)]


async def test_typing_on_while_the_meeting_opens_reaches_its_editor(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(
            pilot, lambda: app.workspace is not None and screen_name(app) == "MeetingsScreen"
        )
        await pilot.pause(0.3)
        await open_and_conclude_in_one_burst(app, pilot)
    assert first_item_conclusions(db) == ["同意備查。"]


async def test_typing_on_while_the_app_starts_reaches_the_meeting_left_off_at(db: Path) -> None:
    Repository.open(db).save_ui_state(getpass.getuser(), {"meeting": 102, "item": "1"})
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "a", text="散會前再議。")  # before the meeting left off at is open again
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(1.2)
    assert first_item_conclusions(db) == ["散會前再議。"]


async def test_a_new_conclusion_and_its_words_in_one_burst(db: Path) -> None:
    """`a` and the words after it, letters that are keys of the screen among them."""
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        burst(app, "a", text="meet at noon / team", end="enter")
        await until(pilot, lambda: first_item_conclusions(db) == ["meet at noon / team"], 5)


async def test_keys_after_a_refused_key_go_on_at_once(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`a` on a confirmed record opens nothing: the `v` behind it is not held for the safety
    time (made a minute here, so only the refusal can let it through)."""
    monkeypatch.setattr(keyhold, "SAFETY_SECONDS", 60.0)
    edits.confirm(Repository.open(db), 101)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot, rows_down=1)  # 101, below 102
        burst(app, "a", "v")
        await until(pilot, lambda: screen_name(app) == "PreviewScreen")


async def test_enter_right_after_typing_a_search_opens_what_was_typed(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace and screen_name(app) == "MeetingsScreen")
        await pilot.pause(0.3)
        burst(app, "slash", text="市長室", end="enter")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        await pilot.pause(0.5)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        item = editor.live.meeting.items()[3]  # 貳、三, the only item that names 市長室
        assert editor.place == "2.3" and "市長室" in item.title


async def test_the_list_is_filled_when_the_database_opens_behind_the_palette(db: Path) -> None:
    """Another process holds the database past the keys' safety time; meanwhile ctrl+p
    opens the palette. The database, once open, still goes to the meetings list."""
    lock = os.open(db / ".lock", os.O_RDWR)
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        app = AgendaApp(db)
        async with app.run_test(size=(80, 24)) as pilot:
            burst(app, "ctrl+p")
            await until(pilot, lambda: isinstance(app.screen, CommandPalette), 5)
            fcntl.flock(lock, fcntl.LOCK_UN)
            await until(pilot, lambda: app.workspace is not None)
            await pilot.press("escape")
            await until(pilot, lambda: screen_name(app) == "MeetingsScreen")
            table = app.screen.query_one(DataTable)
            await until(pilot, lambda: table.row_count == 2)
    finally:
        os.close(lock)


async def test_down_down_tab_a_and_text_in_one_burst_lands_on_the_item_moved_to(
    tmp_path: Path,
) -> None:
    """Over SSH the outline's moves and the keys after them arrive together: the conclusion
    goes to the item the cursor reached (2.1), typed whole."""
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        assert editor.place == "1"
        keys = [("down", None), ("down", None), ("tab", "\t"), ("a", "a")]
        keys += [(c if c.isalnum() else _character_to_key(c), c) for c in "同意備查。"]
        keys += [("enter", "\r")]
        assert app._driver is not None
        for key, char in keys:  # all at once, as one read of the SSH channel
            event = events.Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)
        await until(pilot, lambda: editor.typing is None and editor.place == "2.1")
        assert app.workspace is not None and app.workspace.writer.flush()
    conclusions = stored(db, 102).sections[1].items[0].conclusions
    assert [c.text for c in conclusions] == ["同意備查。"]


async def test_keys_typed_while_a_slow_workspace_opens_wait_for_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list is painted before the workspace opens; on a loaded machine the workspace of
    a long history can take longer than the keys' safety hold. `enter` on the list then
    opens the meeting once the workspace is there, and the keys after it reach its editor
    (here the safety hold is shortened and the opening made slower than it)."""
    from tui.app.workspace import Workspace

    monkeypatch.setattr(keyhold, "SAFETY_SECONDS", 0.3)
    opening = Workspace.open.__func__  # type: ignore[attr-defined]

    def slowly(cls: type[Workspace], /, *args: object, **kwargs: object) -> Workspace:
        time.sleep(1.0)
        return opening(cls, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(Workspace, "open", classmethod(slowly))
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query_one(DataTable).row_count == 2)
        assert app.workspace is None
        await pilot.pause(0.5)  # past the safety hold: the keys would be let go
        await open_and_conclude_in_one_burst(app, pilot)
    assert first_item_conclusions(db) == ["同意備查。"]


async def test_a_workspace_that_fails_unexpectedly_ends_the_app_with_its_reason(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever stops the workspace from opening, the app says what and ends: it does not
    stay on a list whose keys are held for a workspace that never comes."""
    from tui.app.workspace import Workspace

    def broken(cls: type[Workspace], /, *args: object, **kwargs: object) -> Workspace:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(Workspace, "open", classmethod(broken))
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.return_code is not None)
        said = [str(message) for message in app._exit_renderables]
    assert app.return_code == 1
    assert said == ["agenda: error: RuntimeError: the disk went away"]


async def test_enter_while_the_list_is_read_again_opens_the_meeting(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list is read again whenever it comes back to the front; an `enter` typed
    meanwhile (or replayed when the keys held at the start go on, which happens just before
    that reading ends) opens the meeting, as at any other time."""
    from tui.app.workspace import Workspace

    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(
            pilot, lambda: app.workspace is not None and screen_name(app) == "MeetingsScreen"
        )
        await pilot.pause(0.3)
        summaries = Workspace.summaries

        def slowly(self: Workspace) -> list[dict[str, object]]:
            time.sleep(1.0)
            return summaries(self)

        monkeypatch.setattr(Workspace, "summaries", slowly)
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        screen.reload()
        await pilot.pause(0.2)
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")


async def test_enter_typed_before_the_app_has_the_terminal_opens_the_meeting(db: Path) -> None:
    """Keys typed right after `agenda⏎`, before the app puts the terminal in raw mode, come
    through the terminal's line discipline, which turns Enter into a newline: Textual reads
    it as ctrl+j. Held from the start, it is taken for the Enter it was (ctrl+j means
    nothing on the list), and the keys after it reach the meeting's editor."""
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "ctrl+j", "tab", "a", text="同意備查。")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(1.2)
    assert first_item_conclusions(db) == ["同意備查。"]
