"""The app shows a case's stored details: its owner after the meeting is reopened."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.app_support import demo_database, open_editor, screen_name, type_text, until
from tests.cli_support import agenda
from tui.app.app import AgendaApp
from tui.app.screens.case_dialog import CaseDialog
from tui.app.screens.dialogs import TrackDialog
from tui.app.screens.editor import EditorScreen
from tui.app.widgets.entries import EntryList
from tui.domain.model import TrackedCase
from tui.storage.repository import Repository


def _entries(app: AgendaApp) -> str:
    listing = app.screen.query_one(EntryList)
    return "\n".join(
        str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)
    )


async def test_the_owner_of_a_tracked_conclusion_shows_when_the_meeting_is_reopened(
    tmp_path: Path,
) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "tab")
        await until(pilot, lambda: editor.place == "2.1")
        await pilot.press("a")
        await type_text(pilot, "請總務組統計全府車輛報廢數。")
        await pilot.press("enter")
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TrackDialog))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))
        await until(pilot, lambda: "（總務組）" in _entries(app))
        await pilot.press("escape")
        await until(pilot, lambda: screen_name(app) == "MeetingsScreen")
        await until(pilot, lambda: (c := Repository.open(db).case(10201)) and c.owner == "總務組")
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "tab")
        await until(pilot, lambda: editor.place == "2.1")
        await until(pilot, lambda: "列管案號 10201" in _entries(app))
        assert "（總務組）" in _entries(app), _entries(app)


async def test_the_owner_of_a_case_shows_in_a_new_session(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "tab")
        await until(pilot, lambda: editor.place == "2.1")
        await pilot.press("a")
        await type_text(pilot, "統計全府車輛報廢數。")
        await pilot.press("enter")
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TrackDialog))
        await pilot.press("shift+tab", "enter", "down", "down", "down", "enter")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))
        await until(pilot, lambda: "列管案號 10201" in _entries(app))
        shown = _entries(app)
    owner = Repository.open(db).case(10201)
    assert owner is not None and owner.owner in shown
    app = AgendaApp(db)
    async with app.run_test(size=(100, 30)) as pilot:  # lands where the last one left
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        await until(pilot, lambda: "列管案號 10201" in _entries(app))
        assert f"（{owner.owner}）" in _entries(app), _entries(app)


async def test_the_owner_of_a_case_shows_on_the_next_meetings_case_report(
    tmp_path: Path,
) -> None:
    db = demo_database(tmp_path)
    tracked = agenda(
        "conclude", "102", "貳、一", "統計車輛報廢數。", "--track", "--owner", "總務組", db=db
    )
    assert tracked.returncode == 0, tracked.stderr
    assert agenda("prepare", "--force", db=db).returncode == 0
    app = AgendaApp(db)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(app, pilot)
        assert editor.opened.number == 103
        for _ in range(12):
            if "列管案號 10201" in _entries(app):
                break
            await pilot.press("down")
            await pilot.pause(0.1)
        assert "列管案號 10201（總務組）" in _entries(app), _entries(app)


async def test_k_changes_a_cases_details_and_ctrl_z_takes_the_deadline_back(
    tmp_path: Path,
) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(100, 36)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "down", "tab")
        await until(pilot, lambda: editor.place == "2.2")
        await until(pilot, lambda: isinstance(editor.target(), TrackedCase))
        target = editor.target()
        assert isinstance(target, TrackedCase)
        number = target.number
        await pilot.press("K")
        await until(pilot, lambda: isinstance(app.screen, CaseDialog))
        subject = app.screen.query_one("#subject", Input)
        subject.focus()
        await until(pilot, lambda: subject.has_focus)
        await type_text(pilot, "辦公室節能")
        app.screen.query_one("#co_owners", Input).focus()
        await type_text(pilot, "人事室、會計室")
        app.screen.query_one("#deadline", Input).focus()
        await type_text(pilot, "110/9/30")
        await pilot.press("ctrl+s")  # no reason: refused, the reason asked for
        reason = app.screen.query_one("#reason", Input)
        await until(pilot, lambda: reason.has_focus)
        await type_text(pilot, "廠商延遲交貨")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))
        await until(pilot, lambda: "列管期限：110/9/30" in _entries(app))
        assert "協辦：人事室、會計室" in _entries(app)

        def stored() -> TrackedCase:
            found = Repository.open(db).case(number)
            assert found is not None
            return found

        await until(pilot, lambda: stored().deadline is not None)
        case = stored()
        assert (case.subject, case.co_owners) == ("辦公室節能", ["人事室", "會計室"])
        assert [c.reason for c in case.deadline_changes] == ["廠商延遲交貨"]
        await pilot.press("ctrl+z")
        await until(pilot, lambda: stored().deadline is None)
        assert stored().deadline_changes == []
        assert stored().subject == "辦公室節能"
