"""The search screen driven by keys: type, pick a result, land on its item in the editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests import edit_support as edits
from tests.app_support import demo_database, open_editor, screen_name, type_text, until
from tui.app.app import AgendaApp
from tui.app.screens.editor import EditorScreen
from tui.app.screens.search import SearchScreen
from tui.app.widgets.entries import EntryList
from tui.domain.model import CaseDecision, Conclusion, Item, Report, TrackedCase
from tui.storage.repository import Repository


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = demo_database(tmp_path)
    edits.decide(Repository.open(path), 102, 9805, CaseDecision.KEEP, progress="簽約作業辦理中")
    return path


async def search_for(app: AgendaApp, pilot: object, text: str) -> SearchScreen:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("slash")
    await until(pilot, lambda: screen_name(app) == "SearchScreen")
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    await type_text(pilot, text)
    await until(pilot, lambda: bool(screen.hits) and screen._shown == text, timeout=15)
    return screen


def landed(app: AgendaApp) -> tuple[int, str, object]:
    editor = app.screen
    assert isinstance(editor, EditorScreen)
    entry = editor.query_one(EntryList).current
    return editor.opened.number, editor.place, entry.target if entry else None


async def test_a_result_opens_the_editor_on_its_conclusion(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        screen = await search_for(app, pilot, "出納配合")
        assert [(h.meeting, h.place, h.field, h.entry) for h in screen.hits] == [
            (101, "3.3", "conclusion", 1)
        ]
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        number, place, target = landed(app)
        assert (number, place) == (101, "3.3")
        assert isinstance(target, Conclusion) and target.text == "本案列管，請總務組出納配合改正。"
        assert app.focused is app.screen.query_one(EntryList)


async def test_the_arrows_pick_among_results_while_typing_goes_on(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        screen = await search_for(app, pilot, "預算")
        wanted = screen.hits[1]
        await pilot.press("down", "enter")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        number, place, target = landed(app)
        assert (number, place) == (wanted.meeting, wanted.place)
        assert isinstance(target, Conclusion | Report) and "預算" in target.text


async def test_a_progress_report_opens_on_its_case(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        await search_for(app, pilot, "簽約作業")
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        number, place, target = landed(app)
        assert (number, place) == (102, "2.2")
        assert isinstance(target, TrackedCase) and target.number == 9805


async def test_from_the_editor_to_another_meeting_and_back_to_the_list(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        assert editor.opened.number == 102 and editor.opened.hold.held
        await search_for(app, pilot, "員工薪資單")
        await pilot.press("enter")
        await until(
            pilot,
            lambda: screen_name(app) == "EditorScreen" and app.screen is not editor,
        )
        assert not editor.opened.hold.held  # the meeting left is free for others
        assert landed(app)[:2] == (101, "3.3")
        await pilot.press("escape")
        await until(pilot, lambda: screen_name(app) == "MeetingsScreen")


async def test_within_the_same_meeting_the_editor_moves_to_the_item(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot, rows_down=1)
        assert editor.opened.number == 101
        screen = await search_for(app, pilot, "兩公約")
        assert screen.hits[0].meeting == 101
        place = screen.hits[0].place
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is editor and editor.place == place)
        assert len(app.screen_stack) == 3  # the default screen, the meetings, this editor
        target = landed(app)[2]  # the motion that names it: its words, the first entry
        assert isinstance(target, Item) and "兩公約" in target.title


async def test_the_search_screen_fits_80_by_24_and_escape_goes_back(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        screen = await search_for(app, pilot, "會議")
        options = screen.query_one(OptionList)
        assert options.size.height >= 14 and options.size.width <= 80
        assert options.option_count == len(screen.hits) >= 8
        await pilot.press("escape")
        await until(pilot, lambda: screen_name(app) == "MeetingsScreen")
        # The query is kept for the next search.
        await pilot.press("slash")
        await until(pilot, lambda: screen_name(app) == "SearchScreen")
        again = app.screen
        assert isinstance(again, SearchScreen)
        await until(pilot, lambda: again._shown == "會議" and bool(again.hits))


def test_every_search_binding_has_an_id_a_description_and_a_tooltip() -> None:
    for binding in SearchScreen.BINDINGS:
        assert not isinstance(binding, tuple)
        assert binding.id and binding.id.startswith("search.")
        assert binding.description and binding.tooltip


async def test_the_palette_offers_search_on_the_meetings_and_in_the_editor(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        assert "Search (/)" in [c.title for c in app.get_system_commands(app.screen)]
        editor = await open_editor(app, pilot)
        assert "Search (/)" in [c.title for c in app.get_system_commands(editor)]


async def test_a_users_keymap_moves_search_to_another_key(db: Path) -> None:
    app = AgendaApp(db, keymap={"meetings.search": "ctrl+f"})
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        await pilot.press("ctrl+f")
        await until(pilot, lambda: screen_name(app) == "SearchScreen")
