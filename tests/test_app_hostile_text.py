"""What a user types or pastes is shown and stored as text: no markup, no control sequences."""

from __future__ import annotations

from pathlib import Path

from textual import events

from tests.app_support import demo_database, open_editor, stored, type_text
from tui.app.app import AgendaApp
from tui.app.widgets.entries import EntryList


async def test_markup_and_escape_sequences_stay_text(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "tab", "a")
        await type_text(pilot, "[bold red]紅字[/bold red]")
        app.post_message(events.Paste("貼上\x1b[2J\x1b]0;x\x07完"))
        await pilot.pause(0.2)
        await pilot.press("enter")
        entries = editor.query_one(EntryList)
        shown = str(entries.get_option_at_index(entries.option_count - 1).prompt)
        assert "[bold red]紅字[/bold red]" in shown
        assert app.workspace is not None and app.workspace.writer.flush()
    conclusion = stored(db, 102).sections[1].items[0].conclusions[-1]
    assert conclusion.text == "[bold red]紅字[/bold red]貼上完"  # whole sequences dropped
