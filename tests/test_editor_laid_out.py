"""The meeting as stored can reach the editor before its pane has laid out its entries (a
busy machine, the writer's first read): it is shown once they are, not a crash."""

from __future__ import annotations

from pathlib import Path

from tests.app_support import demo_database, open_editor
from tui import secretary
from tui.app.app import AgendaApp
from tui.app.live import Snapshot
from tui.app.widgets.entries import EntryList
from tui.edits import requests
from tui.storage.repository import Repository


async def test_a_stored_meeting_before_the_entries_are_laid_out_waits_for_them(
    tmp_path: Path,
) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        number = editor.opened.number
        await editor.query_one(EntryList).remove()  # as the pane is before it is laid out
        repo = Repository.open(db)
        requests.conclude(secretary.editor(repo), number, "2.1", "另一位秘書的結論。")
        snapshot = Snapshot.read(repo, number)
        assert snapshot is not None
        editor.stored(snapshot, 0)  # raised NoMatches: the pane had no entry list
        assert editor.live.meeting == snapshot.meeting
