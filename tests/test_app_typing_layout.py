"""Typing a long conclusion does not lay the whole screen out again at each line the entry
gains (a whole-screen layout and repaint cost some 13 ms a time at 80×24, the typing echo's
p99): the box's size is fixed, only its scrollbar's thumb changes; the screen is laid out
when the scrollbar first shows. What is typed is still shown whole, the cursor in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import Screen

from tests.app_support import demo_database, open_editor, until
from tui.app.app import AgendaApp
from tui.app.widgets.entry_editor import EntryEditor

TYPED = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 200))  # some ten lines of the box


async def test_a_long_entry_lays_the_screen_out_once_not_at_each_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layouts: list[str] = []
    laid_out = Screen._refresh_layout

    def counted(screen: Screen[object], *args: object, **kwargs: object) -> None:
        layouts.append(type(screen).__name__)
        laid_out(screen, *args, **kwargs)  # type: ignore[arg-type]

    app = AgendaApp(demo_database(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("tab", "a")
        box = app.screen.query_one(EntryEditor)
        await until(pilot, lambda: box.has_focus)
        await pilot.pause(0.3)
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        for at in range(0, len(TYPED), 3):  # as an input method commits them
            await pilot.press(*TYPED[at : at + 3])
        await pilot.pause(0.3)
        lines = box.wrapped_document.height
        assert lines >= 8
        assert box.text == TYPED
        assert box.virtual_size.height == lines
        assert box.scroll_y == box.max_scroll_y > 0  # the last line, where the cursor is, shown
        assert box.show_vertical_scrollbar
    # The scrollbar shown, the item's list redrawn at a pause: not a layout a line (11 before).
    assert len(layouts) <= 3 < lines // 2, layouts
