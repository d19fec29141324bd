"""Recording live in the app: the entry list, motions, points, stamps, as the secretary
types them at 80×24."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Select

from tests.app_support import demo_database, open_editor, stored, type_text, until
from tui import secretary
from tui.app.app import AgendaApp
from tui.app.screens.editor import EditorScreen
from tui.app.widgets.entries import plain_text
from tui.domain.identity import find_entry
from tui.domain.model import Conclusion, Item, MeetingStatus, Point, Report, TrackedCase
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


def entry_of(db: Path, number: int, entry_id: str) -> Conclusion | Report:
    found = find_entry(stored(db, number), entry_id)
    assert found is not None
    return found[1]


async def to_item(pilot: Pilot[None], editor: EditorScreen, downs: int, place: str) -> None:
    await pilot.press(*["down"] * downs, "tab")
    await until(pilot, lambda: editor.place == place)


async def test_a_report_s_points_are_typed_with_enter_and_ctrl_j(db: Path) -> None:
    """Enter on a point begins the next; ctrl+j one level in; Enter on an empty point goes
    one level out, and at the top ends the report."""
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await to_item(pilot, editor, 5, "2.4")
        await pilot.press("e")  # 國際事務組組長, the first report
        await type_text(pilot, "報告如下：")
        await pilot.press("ctrl+j")
        await type_text(pilot, "場地已安排。")
        await pilot.press("enter")
        await type_text(pilot, "口譯人員：")
        await pilot.press("ctrl+j")
        await type_text(pilot, "已聯繫。")
        await pilot.press("enter", "enter")  # an empty 2.: out to (三)
        await type_text(pilot, "隔離板明日放置。")
        assert editor.pane.editor.text == (
            "報告如下：\n(一) 場地已安排。\n(二) 口譯人員：\n  1. 已聯繫。\n(三) 隔離板明日放置。"
        )
        await pilot.press("enter", "enter")  # an empty (四): the report ends
        assert editor.typing is None and not editor.pane.editor.display
        await pilot.pause(1.2)
        assert app.workspace is not None and app.workspace.writer.flush()
    report = entry_of(db, 102, "r2.4.1")
    assert report.text == "報告如下："
    assert report.points == [
        Point("場地已安排。"),
        Point("口譯人員：", [Point("已聯繫。")]),
        Point("隔離板明日放置。"),
    ]


async def test_pasted_lines_stay_lines_and_labelled_ones_become_points(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("a")
        await until(pilot, lambda: app.focused is editor.pane.editor)
        app.post_message(events.Paste("第一行\n第二行"))
        await until(pilot, lambda: editor.pane.editor.text == "第一行\n第二行")
        await pilot.press("enter", "shift+tab")  # back to the outline
        await to_item(pilot, editor, 5, "2.4")
        await pilot.press("down", "e")  # 機要組組長
        await until(pilot, lambda: app.focused is editor.pane.editor)
        app.post_message(events.Paste("議會報告：\n（一）備詢資料\n（二）模擬題"))
        await until(pilot, lambda: "模擬題" in editor.pane.editor.text)
        await pilot.press("enter", "enter")
        await pilot.pause(1.2)
        assert app.workspace is not None and app.workspace.writer.flush()
    conclusion = stored(db, 102).items()[0].conclusions[0]
    assert (conclusion.text, conclusion.points) == ("第一行\n第二行", [])
    report = entry_of(db, 102, "r2.4.2")
    assert report.text == "議會報告："
    assert report.points == [Point("備詢資料"), Point("模擬題")]


async def test_an_imported_report_s_points_are_shown_and_edited(db: Path) -> None:
    """Meeting 101's 政風室劉主任 report is four points under no text: no （待記錄） above
    them, and `e` opens them, (一) to (四), for editing."""
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot, rows_down=1)
        await to_item(pilot, editor, 5, "2.4")
        await pilot.press("down", "down", "down")
        current = editor.current()
        assert current is not None and isinstance(current.target, Report)
        shown = plain_text(current)
        assert shown.startswith("政風室劉主任補充報告：\n(一)居家辦公係新的辦公形態")
        assert "（待記錄）" not in str(current.prompt)
        await pilot.press("e")
        box = editor.pane.editor
        assert box.text.startswith("(一) 居家辦公係新的辦公形態")
        assert box.text.count("\n(") == 3  # (二) (三) (四)
        box.move_cursor((3, len(box.document.get_line(3))))
        await pilot.press("enter")
        await type_text(pilot, "本室將持續宣導。")
        await pilot.press("enter", "enter")
        await pilot.pause(1.2)
        assert app.workspace is not None and app.workspace.writer.flush()
    report = entry_of(db, 101, "r2.4.4")
    assert report.text == "" and len(report.points) == 5
    assert report.points[3].text.startswith("府級資訊稽核因疫情延至 8 月實施")
    assert report.points[4] == Point("本室將持續宣導。")


def motions_of(db: Path) -> list[tuple[str, str, str, list[str]]]:
    return [
        (m.presenter, m.presenter_kind, m.title, [c.text for c in m.conclusions])
        for m in stored(db, 102).sections[-1].items
    ]


async def in_dialog(pilot: Pilot[None], name: str) -> None:
    await until(pilot, lambda: type(pilot.app.screen).__name__ == name)


async def test_a_motion_is_edited_concluded_moved_and_deleted(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("m")
        await in_dialog(pilot, "MotionDialog")
        await type_text(pilot, "總務組王組長口頭報告")
        assert app.screen.query_one("#kind", Select).value == "口頭報告"
        await pilot.press("enter", "enter")  # its words: later
        await until(pilot, lambda: editor.place == "3.1")
        current = editor.current()
        assert current is not None and isinstance(current.target, Item)
        assert "總務組王組長口頭報告：（待記錄）" in str(current.prompt)
        await pilot.press("e")  # the motion: its dialog, filled in
        await in_dialog(pilot, "MotionDialog")
        assert app.screen.query_one("#presenter", Input).value == "總務組王組長"
        await pilot.press("tab")
        await type_text(pilot, "薪資單請標示明細。")
        await pilot.press("enter")
        await in_dialog(pilot, "EditorScreen")
        await pilot.press("a")
        await type_text(pilot, "請總務組改正。")
        await pilot.press("enter")
        await pilot.press("m")
        await in_dialog(pilot, "MotionDialog")
        await type_text(pilot, "法制王視察")
        await pilot.press("enter")
        await type_text(pilot, "兩公約課程。")
        await pilot.press("enter")
        await until(pilot, lambda: editor.place == "3.2")
        await pilot.press("left_square_bracket")  # the motion up, before 總務組
        await until(pilot, lambda: editor.place == "3.1")
        await pilot.pause(1.2)
        assert app.workspace is not None and app.workspace.writer.flush()
        assert motions_of(db) == [
            ("法制王視察", "口頭報告", "兩公約課程。", []),
            ("總務組王組長", "口頭報告", "薪資單請標示明細。", ["請總務組改正。"]),
        ]
        await pilot.press("shift+tab", "down")  # 參、二 in the outline
        await until(pilot, lambda: editor.place == "3.2")
        await pilot.press("d")
        await until(pilot, lambda: len(editor.live.meeting.sections[-1].items) == 1)
        assert editor.place == "3.1"
        await pilot.pause(1.2)
        assert app.workspace.writer.flush()
        assert [m[0] for m in motions_of(db)] == ["法制王視察"]
        await pilot.press("ctrl+z")
        await until(pilot, lambda: len(motions_of(db)) == 2)
    assert motions_of(db)[1][3] == ["請總務組改正。"]


async def test_a_report_s_speaker_is_renamed_and_its_kind_changed_with_s(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await to_item(pilot, editor, 5, "2.4")
        await pilot.press("down", "s")  # 機要組組長
        await in_dialog(pilot, "ReportDialog")
        assert app.screen.query_one("#speaker", Input).value == "機要組組長"
        await pilot.press("ctrl+u")
        await type_text(pilot, "機要組莊組長書面報告")
        await pilot.press("enter")
        await in_dialog(pilot, "EditorScreen")
        await pilot.pause(1.2)
        assert app.workspace is not None and app.workspace.writer.flush()
    report = entry_of(db, 102, "r2.4.2")
    assert isinstance(report, Report)
    assert (report.speaker, report.kind) == ("機要組莊組長", "書面報告")


async def test_the_times_are_corrected_and_the_adjournment_taken_back(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("b")  # a draft: in session now
        await until(pilot, lambda: stored(db, 102).status is MeetingStatus.IN_SESSION, 3)
        await pilot.press("b")  # again: the start corrected
        await in_dialog(pilot, "TimesDialog")
        await pilot.press("ctrl+u")
        await type_text(pilot, "14:30")
        await pilot.press("enter")
        await in_dialog(pilot, "EditorScreen")
        await pilot.press("x")  # 散會, now
        await until(pilot, lambda: stored(db, 102).end is not None, 3)
        await pilot.press("x")  # again: the times corrected
        await in_dialog(pilot, "TimesDialog")
        await pilot.press("enter", "ctrl+u")  # to 散會
        await type_text(pilot, "下午4時5分")
        await pilot.press("enter")
        await in_dialog(pilot, "EditorScreen")
        await until(pilot, lambda: str(stored(db, 102).end) == "16:05:00", 3)
        assert stored(db, 102).start.strftime("%H:%M") == "14:30"
        await pilot.press("b")  # after 散會: back in session, and why
        await in_dialog(pilot, "BackInSessionDialog")
        await type_text(pilot, "主席宣布續會")
        await pilot.press("enter")
        await until(pilot, lambda: stored(db, 102).status is MeetingStatus.IN_SESSION, 3)
        assert stored(db, 102).end is None
        await pilot.press("ctrl+z")
        await until(pilot, lambda: stored(db, 102).status is MeetingStatus.RECORDED, 3)
    assert str(stored(db, 102).end) == "16:05:00"
    log = secretary.editor(Repository.open(db)).log(102)
    assert any("主席宣布續會" in line.summary for line in log)


async def test_x_says_so_when_its_time_is_before_the_start(db: Path) -> None:
    """散會 stamped now, before the start typed earlier (a record typed up at night): the
    notice says so and how to correct it, instead of a record with 散會 before 開會."""
    from tui.edits.ops import Begin

    secretary.editor(Repository.open(db)).apply(Begin(102, "23:59"))
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("x")
        await until(pilot, lambda: stored(db, 102).end is not None, 3)
        await until(pilot, lambda: any("before the start" in n.message for n in app._notifications))
