"""The Preview screen cycles to ODT and DOCX and exports the document itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.app_support import demo_database, screen_name, until
from tests.document_support import shown
from tui.app.app import AgendaApp
from tui.app.screens.preview import PreviewScreen


@pytest.mark.parametrize(("presses", "format"), [(2, "odt"), (3, "docx")])
async def test_preview_exports_the_agenda_as_a_document(
    tmp_path: Path, presses: int, format: str
) -> None:
    db = demo_database(tmp_path)
    exported = tmp_path / f"agenda-102.{format}"
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(
            pilot, lambda: app.workspace is not None and screen_name(app) == "MeetingsScreen"
        )
        await pilot.pause(0.2)
        await pilot.press("v")
        await until(pilot, lambda: screen_name(app) == "PreviewScreen")
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        await pilot.press("a", *["f"] * presses)
        await until(pilot, lambda: preview.format == format and "議程" in preview.text)
        status = preview.query_one("#preview-status", Static)
        await until(pilot, lambda: "(seen as Markdown) · s: export" in str(status.render()))
        assert "第 102 次處務會議議程" in preview.text  # the Markdown view of the document
        await pilot.press("s")
        field = preview.query_one("#export-path", Input)
        assert field.value.endswith(f"agenda-102.{format}")
        field.value = str(exported)
        await pilot.press("enter")
        await until(pilot, exported.exists)
    paragraphs = shown(exported.read_bytes(), format)
    assert paragraphs[0].text == "臺北市政府秘書處第 102 次處務會議議程" and paragraphs[0].centred
    assert [p.text[:2] for p in paragraphs if p.heading] == ["壹、", "貳、", "參、"]
