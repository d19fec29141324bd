"""A whole meeting driven through the keys only, checked on disk and in the rendered record."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.app_support import demo_database, open_editor, screen_name, stored, type_text, until
from tui.app.app import AgendaApp
from tui.app.screens.preview import PreviewScreen
from tui.domain.model import CaseDecision, MeetingStatus
from tui.render.document import RenderOptions, render_record
from tui.storage.repository import Repository


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


async def test_record_meeting_102_with_the_keyboard(db: Path, tmp_path: Path) -> None:
    exported = tmp_path / "record-102.txt"
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("b")
        # 貳、二: the case report
        await pilot.press("down", "down", "down", "tab")
        await until(pilot, lambda: editor.place == "2.2")
        await pilot.press("r", "r", "k", "k")
        await pilot.press("up", "e")
        await type_text(pilot, "刻正辦理中。")
        await pilot.press("enter")
        await pilot.press("a")
        await type_text(pilot, "同意備查。")
        await pilot.press("enter")
        # 貳、一: a conclusion tracked as a new case
        await pilot.press("shift+tab", "up", "tab")
        await until(pilot, lambda: editor.place == "2.1")
        await pilot.press("a")
        await type_text(pilot, "請總務組統計全府車輛報廢數。")
        await pilot.press("enter")
        await pilot.press("t")
        await until(pilot, lambda: screen_name(app) == "TrackDialog")
        await type_text(pilot, "110/9/30")
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        # a temporary motion, with its conclusion
        await pilot.press("m")
        await until(pilot, lambda: screen_name(app) == "MotionDialog")
        await type_text(pilot, "法制王視察")
        await pilot.press("enter")
        await type_text(pilot, "兩公約課程請同仁踴躍參加。")
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "EditorScreen" and editor.place == "3.1")
        await pilot.press("a")
        await type_text(pilot, "請各主管轉知同仁。")
        await pilot.press("enter")
        await pilot.press("x")
        await pilot.pause(1.2)
        assert app.workspace is not None and app.workspace.writer.flush()
        # preview the record and export it as plain text
        await pilot.press("v")
        await until(pilot, lambda: screen_name(app) == "PreviewScreen")
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        await until(pilot, lambda: "第 102 次處務會議紀錄" in preview.text)
        await pilot.press("f")
        await until(pilot, lambda: preview.format == "txt" and "**" not in preview.text)
        await pilot.press("s")
        field = preview.query_one("#export-path", Input)
        field.value = str(exported)
        await pilot.press("enter")
        await until(pilot, exported.exists)
        shown = preview.text

    meeting = stored(db, 102)
    assert meeting.status is MeetingStatus.RECORDED and meeting.end is not None
    report = meeting.sections[1].items[1]
    texts = [c.text for c in report.conclusions]
    assert "同意備查。" in texts
    assert "列管案號 9805 及 9903 均解除列管；列管案號 9904 及 10101 賡續列管。" in texts
    repo = Repository.open(db)
    kept = repo.case(10101)
    assert kept is not None and kept.decision_at(102) is not None
    assert kept.decision_at(102).decision is CaseDecision.KEEP  # type: ignore[union-attr]
    assert kept.decision_at(102).progress == "刻正辦理中。"  # type: ignore[union-attr]
    tracked = meeting.sections[1].items[0].conclusions[0]
    assert tracked.text == "請總務組統計全府車輛報廢數。" and tracked.case == 10201
    case = repo.case(10201)
    assert case is not None and case.owner == "總務組" and str(case.deadline) == "2021-09-30"
    motion = meeting.sections[2].items[0]
    assert (motion.presenter, motion.title) == ("法制王視察", "兩公約課程請同仁踴躍參加。")
    office = Repository.open(db)
    from tui import database

    text = render_record(meeting, database.profile_of(office).office, RenderOptions())
    assert "- 一、**法制王視察口頭報告**：兩公約課程請同仁踴躍參加。" in text
    assert "會議結論：請各主管轉知同仁。" in text
    assert exported.read_text(encoding="utf-8") == shown
    written = exported.read_text(encoding="utf-8")
    assert "一、法制王視察口頭報告：兩公約課程請同仁踴躍參加。" in written
    squeezed = written.replace("\n", "").replace(" ", "")
    assert "列管案號9805及9903均解除列管；列管案號9904及10101賡續列管。" in squeezed
