"""The Preview screen cycles to ODT and DOCX and exports the document itself."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

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
        await until(pilot, lambda: preview.agenda is True)  # 102 is a draft: its agenda
        await pilot.press(*["f"] * presses)
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


class ServedApp(AgendaApp):
    """The app as `agenda serve` runs it for a browser, with what it delivers recorded.

    Only the driver is stood in for: whether the app is in a browser, and the download."""

    delivered: list[tuple[str, bytes]]

    @property
    def is_web(self) -> bool:
        return True

    def deliver_binary(self, path_or_file: object, **options: Any) -> str | None:
        assert isinstance(path_or_file, io.BytesIO)
        self.delivered.append((str(options["save_filename"]), path_or_file.getvalue()))
        return None


async def test_in_a_browser_an_export_is_a_download_not_a_file_on_the_server(
    tmp_path: Path,
) -> None:
    db = demo_database(tmp_path)
    app = ServedApp(db)
    app.delivered = []
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace and screen_name(app) == "MeetingsScreen")
        await pilot.pause(0.2)
        await pilot.press("v")
        await until(pilot, lambda: screen_name(app) == "PreviewScreen")
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        await until(pilot, lambda: preview.agenda is True)  # 102 is a draft: its agenda
        await pilot.press("f", "f")
        await until(pilot, lambda: preview.format == "odt" and "議程" in preview.text)
        await pilot.press("s")
        await until(pilot, lambda: app.delivered)
        assert not preview.query_one("#export-path", Input).display  # no path to ask for
    name, data = app.delivered[0]
    assert name == "agenda-102.odt"
    assert shown(data, "odt")[0].text == "臺北市政府秘書處第 102 次處務會議議程"
