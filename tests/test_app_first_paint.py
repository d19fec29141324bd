"""The meetings list is painted from the index before the workspace opens (issue 18): the
app's first paint waits neither for the edit machinery's import nor for the store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from benchmarks.synthetic import build
from tests.app_support import demo_database, until
from tests.conftest import ROOT
from tui.app.app import AgendaApp
from tui.app.screens.meetings import MeetingsScreen
from tui.storage.layout import JOURNAL_FILE
from tui.storage.repository import Repository


def test_the_app_s_first_screen_imports_no_edit_machinery() -> None:
    script = "import sys\nimport tui.app.app, tui.app.launch\nprint(' '.join(sys.modules))\n"
    env = dict(os.environ, AGENDA_LANG="en")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT
    )
    modules = set(done.stdout.split())
    assert "tui.app.app" in modules
    heavy = ("tui.edits", "tui.storage.repository", "tui.storage.store", "tui.domain.model")
    assert not [m for m in modules if m.startswith(heavy)]


class ListOnly(App[None]):
    """The meetings list with no workspace ever opened: what the first paint shows."""

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db = db

    def compose(self) -> ComposeResult:
        yield Static()

    def on_mount(self) -> None:
        self.push_screen(MeetingsScreen(self.db))


async def test_the_list_is_shown_from_the_index_before_any_workspace(tmp_path: Path) -> None:
    app = ListOnly(demo_database(tmp_path))
    async with app.run_test() as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        screen = app.screen
        assert isinstance(screen, MeetingsScreen) and screen.workspace is None
        table = screen.query_one(DataTable)
        await until(pilot, lambda: table.row_count == 2)
        status = str(screen.query_one("#meetings-status", Static).render())
        assert "2" in status


async def test_a_commit_left_half_done_is_left_to_the_workspace(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    (db / JOURNAL_FILE).write_text("{}")  # the store finishes it (or names what is wrong)
    app = ListOnly(db)
    async with app.run_test() as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.pause(0.2)
        assert app.screen.query_one(DataTable).row_count == 0


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("history") / "db"
    build(db, 60)
    return db


async def test_a_long_history_paints_a_screenful_first(history: Path) -> None:
    app = ListOnly(history)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        table = app.screen.query_one(DataTable)
        await until(pilot, lambda: table.row_count > 0)
        await pilot.pause(0.3)
        assert table.row_count == 24  # the rest waits for the workspace, after the paint


async def test_the_whole_history_is_listed_once_the_workspace_is_open(history: Path) -> None:
    app = AgendaApp(history)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        table = app.screen.query_one(DataTable)
        await until(pilot, lambda: table.row_count == 60)
        assert str(table.get_row_at(59)[0]) == str(min(Repository.open(history).meeting_numbers()))
