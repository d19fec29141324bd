"""The app's forms: F on the meetings list writes each unit's form for the meeting into a
folder the notice names, G reads the filled ones back; the preview lists the units still
owing answers (only on screen, never in what is exported)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from tests.app_support import demo_database, screen_name, until
from tests.form_support import fill_docx
from tui.app.app import AgendaApp
from tui.app.forms_out import forms_folder
from tui.app.screens.preview import PreviewScreen
from tui.storage.repository import Repository


async def test_f_writes_the_forms_and_the_preview_lists_who_owes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = demo_database(tmp_path)  # 102 prepared: 總務組 and 公共事務管理中心 own its cases
    monkeypatch.chdir(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: screen_name(app) == "MeetingsScreen")
        await pilot.pause(0.2)
        await pilot.press("F")
        folder = forms_folder(102)
        await until(pilot, lambda: len(list(folder.glob("*.docx"))) == 2)
        await until(pilot, lambda: any(str(folder) in str(n.message) for n in app._notifications))
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, PreviewScreen) and app.screen.text)
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        shown = screen.query_one(TextArea).text
        assert "Not yet answered: 總務組（10101）、公共事務管理中心（12616）" in shown
        assert "Not yet answered" not in screen.text  # what is exported
        await pilot.press("escape")
        await until(pilot, lambda: screen_name(app) == "MeetingsScreen")
        fill_docx(folder / "第102次處務會議填報表-總務組.docx", {1: ("辦理中。", "建議繼續列管")})
        await pilot.press("G")
        await until(
            pilot, lambda: any("1 of 2 forms" in str(n.message) for n in app._notifications)
        )
    case = Repository.open(db).case(10101)
    assert case is not None and case.decision_at(102).answered_from  # type: ignore[union-attr]
