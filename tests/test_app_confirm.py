"""宣讀 in the app: the last record confirmed from the meeting that reads it, by `f` (with
its 修正之點 typed in a dialog) or by typing 紀錄確定。 under 壹; ctrl+z takes it back."""

from __future__ import annotations

from pathlib import Path

from tests.app_support import demo_database, open_editor, screen_name, stored, type_text, until
from tui.app.app import AgendaApp
from tui.domain.model import Amendment, MeetingStatus


def _read_item(db: Path) -> list[str]:
    body = stored(db, 102).sections[0].body
    assert body is not None
    return [c.text for c in body.conclusions]


async def test_typing_the_confirmation_under_the_read_item_confirms_the_last_record(
    tmp_path: Path,
) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        assert editor.place == "1"  # 壹、宣讀 110 年 6 月 17 日第 101 次處務會議紀錄。
        await pilot.press("a")
        await type_text(pilot, "紀錄確定。")
        await pilot.press("enter")
        await until(pilot, lambda: stored(db, 101).status is MeetingStatus.CONFIRMED)
        assert app.workspace is not None and app.workspace.writer.flush()
        assert _read_item(db) == ["紀錄確定。"]
        await pilot.press("ctrl+z")
        await until(pilot, lambda: stored(db, 101).status is MeetingStatus.RECORDED)
        assert _read_item(db) == ["紀錄確定。"]  # what was typed stays; ctrl+z again takes it


async def test_f_confirms_the_last_record_with_a_correction(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "f")  # from anywhere: the 宣讀 item is shown after
        await until(pilot, lambda: screen_name(app) == "ConfirmRecordDialog")
        await type_text(pilot, "貳、一")
        await pilot.press("enter")
        await type_text(pilot, "沒有的字")
        await pilot.press("enter")
        await type_text(pilot, "准予備查")
        await pilot.press("enter")  # refused in the dialog: the words are not in 貳、一
        assert screen_name(app) == "ConfirmRecordDialog"
        dialog = app.screen
        await pilot.press(*["backspace"] * 4)
        await type_text(pilot, "同意備查")
        dialog.query_one("#new").focus()
        await pilot.press("enter")
        await pilot.press("enter")  # on the empty 位置: done
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        await until(pilot, lambda: stored(db, 101).status is MeetingStatus.CONFIRMED)
        said = "修正後確定，修正之點：貳、一「同意備查」修正為「准予備查」。"
        await until(pilot, lambda: editor.place == "1" and said in _pane(editor))
    record = stored(db, 101)
    assert record.confirmation is not None
    assert record.confirmation.corrections == [Amendment("2.1", "同意備查", "准予備查")]
    assert record.sections[1].items[0].conclusions[0].text == "准予備查。"
    assert _read_item(db) == [said]


async def test_f_says_why_when_the_last_record_is_confirmed_already(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("f")
        await until(pilot, lambda: screen_name(app) == "ConfirmRecordDialog")
        await pilot.press("enter")  # nothing typed: 紀錄確定
        await until(pilot, lambda: stored(db, 101).status is MeetingStatus.CONFIRMED)
        await pilot.press("f")
        await until(
            pilot, lambda: any("confirmed already" in n.message for n in app._notifications)
        )
        assert screen_name(app) == "EditorScreen"


def _pane(editor: object) -> str:
    from tui.app.screens.editor import EditorScreen

    assert isinstance(editor, EditorScreen)
    entries = editor.pane.entries
    options = [entries.get_option_at_index(i) for i in range(entries.option_count)]
    return "\n".join(getattr(o.prompt, "plain", str(o.prompt)) for o in options)


async def test_the_read_item_says_f_confirms_the_last_record(tmp_path: Path) -> None:
    from textual.widgets import Static

    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        assert editor.place == "1"
        await pilot.pause(0.2)
        said = str(editor.query_one("#item-title", Static).content)
    assert "f: confirm the last record" in said
