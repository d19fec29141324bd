"""Recording live in the app: the entry list, motions, points, stamps, as the secretary
types them at 80×24."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_support import demo_database, open_editor, type_text, until
from tui.app.app import AgendaApp
from tui.domain.model import TrackedCase
from tui.storage.repository import Repository


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


def progress(db: Path, case: int, meeting: int = 102) -> str:
    found = Repository.open(db).case(case)
    assert found is not None
    event = found.decision_at(meeting)
    return event.progress if event else ""


async def test_down_on_the_last_entry_stays_and_e_opens_that_entry_s_own_text(db: Path) -> None:
    """The cases of 貳、二 are 9805, 9903, 9904 and 10101: down on 10101 does not wrap to
    9805, and the progress typed after `e` is 10101's, not appended to 9805's."""
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "down", "tab")
        await until(pilot, lambda: editor.place == "2.2")
        entries = editor.pane.entries
        await pilot.press("e")
        await type_text(pilot, "已簽辦。")
        await pilot.press("enter")
        await pilot.press("end")
        last = entries.highlighted
        current = editor.current()
        assert current is not None and isinstance(current.target, TrackedCase)
        assert current.target.number == 10101
        await pilot.press("down", "down")
        assert entries.highlighted == last
        await pilot.press("e")
        assert editor.pane.editor.text == ""  # 10101's progress: none yet
        await type_text(pilot, "刻正辦理中。")
        await pilot.press("enter")
        await pilot.press("home", "up")
        assert entries.highlighted == 0
        await pilot.pause(1.2)
        assert app.workspace is not None and app.workspace.writer.flush()
    assert progress(db, 9805) == "已簽辦。"
    assert progress(db, 10101) == "刻正辦理中。"
