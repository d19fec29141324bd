"""A month of an office's meeting through the app's keys and dialogs at 80×24 (issue 13's
first "Done when"): meeting 102 of the demo prepared as a real office prepares it, recorded
at the meeting, the last record confirmed with a correction, and the agenda and the record
rendered in md, txt, ODT and DOCX. The rendered texts are compared with files written by
hand in the reference record's style (tests/expected/month-*)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from tests.app_support import demo_database, open_editor, stored, type_text, until
from tests.cli_support import agenda
from tests.document_support import shown
from tui.app.app import AgendaApp
from tui.app.screens.editor import EditorScreen
from tui.domain.model import Amendment, MeetingStatus, Report

EXPECTED = Path(__file__).resolve().parent / "expected"
PROPOSAL = "修正本處會議室使用管理要點案，提請討論。"


async def in_dialog(pilot: Pilot[None], name: str) -> None:
    await until(pilot, lambda: type(pilot.app.screen).__name__ == name)


async def to_place(pilot: Pilot[None], editor: EditorScreen, place: str) -> None:
    """Up or down the outline, key by key, until `place` ("2", "2.4") is highlighted."""
    editor.outline.focus()
    await pilot.pause()
    for _ in range(30):
        await until(pilot, lambda: bool(editor.outline.place))
        here = editor.outline.place
        if here == place:
            await until(pilot, lambda: editor.place == place)
            return
        order = [
            node.data
            for section in editor.outline.root.children
            for node in (section, *section.children)
        ]
        await pilot.press("down" if order.index(place) > order.index(here) else "up")
    raise AssertionError(f"the outline never reached {place}")


async def replace(pilot: Pilot[None], field: Input, text: str) -> None:
    field.focus()
    await pilot.pause()
    field.value = ""
    await type_text(pilot, text)


async def typed(pilot: Pilot[None], text: str, *keys: str) -> None:
    await type_text(pilot, text)
    await pilot.press(*keys)


def flushed(app: AgendaApp) -> bool:
    return app.workspace is not None and app.workspace.writer.flush()


async def prepare(pilot: Pilot[None], app: AgendaApp, editor: EditorScreen, db: Path) -> None:
    """Before the meeting: the header, who is away, a 討論事項 with a proposal, a 專題報告,
    and a standing item renamed for this meeting."""
    await pilot.press("h")
    await in_dialog(pilot, "HeaderDialog")
    await replace(pilot, app.screen.query_one("#when", Input), "110/7/22 14:30")
    await replace(pilot, app.screen.query_one("#chair", Input), "陳志銘(請假)王主秘(代)")
    await pilot.press("ctrl+s")
    await until(pilot, lambda: stored(db, 102).chair == "陳志銘(請假)王主秘(代)")

    await pilot.press("A")
    await in_dialog(pilot, "AttendanceDialog")
    await typed(pilot, "人事室楊主任（李專員代）", "tab", "tab")
    await typed(pilot, "國際事務組陳組長（公假）、會計室潘主任", "enter")
    await until(pilot, lambda: len(stored(db, 102).attendance.absent) == 2)

    await to_place(pilot, editor, "2")
    await pilot.press("S")
    await in_dialog(pilot, "NameDialog")
    await typed(pilot, "討論事項", "enter")
    await until(pilot, lambda: editor.place == "3")
    await pilot.press("i")
    await in_dialog(pilot, "ItemDialog")
    await typed(pilot, PROPOSAL, "enter", "enter")  # no presenter: on to 說明
    await typed(pilot, "(一)配合視訊會議需求，調整會議室借用程序。", "enter")
    await typed(pilot, "(二)新增設備損壞賠償規定，由借用單位負責修復。", "tab")
    await typed(pilot, "奉核後實施。", "enter")
    await until(pilot, lambda: editor.place == "3.1")

    await to_place(pilot, editor, "2")
    await pilot.press("i")
    await in_dialog(pilot, "ItemDialog")
    await pilot.press("shift+tab", "enter", "down", "enter", "tab")  # the kind: 專題報告
    await typed(pilot, "市民請見系統資通系統防護基準導入情形", "enter")
    await typed(pilot, "市民服務組黃組長", "enter")
    await until(pilot, lambda: editor.place == "2.5")

    await to_place(pilot, editor, "2.1")
    await pilot.press("R")
    await in_dialog(pilot, "NameDialog")
    await pilot.press("ctrl+u")
    await typed(pilot, "宣達 7 月份市政會議裁指示事項。", "enter")
    await until(pilot, lambda: stored(db, 102).sections[1].items[0].title.startswith("宣達 7"))


async def conclude(pilot: Pilot[None], editor: EditorScreen, *texts: str) -> None:
    for text in texts:
        await pilot.press("a")
        await until(pilot, lambda: editor.typing is not None)
        await typed(pilot, text, "enter")
        await until(pilot, lambda: editor.typing is None)


async def decide_cases(pilot: Pilot[None], editor: EditorScreen, keys: str) -> None:
    """From the first case of the item, one key a case: r or k moves on to the next; `e`
    types the highlighted case's progress first."""
    editor.pane.entries.focus()
    await pilot.press("home")
    for key in re.findall(r"e:.*?(?= [rk](?: |$)|$)|\S+", keys):
        if key.startswith("e:"):
            await pilot.press("e")
            await until(pilot, lambda: editor.typing is not None)
            await typed(pilot, key[2:], "enter")
            await until(pilot, lambda: editor.typing is None)
            continue
        await pilot.press(key)
        await pilot.pause(0.1)


async def record(pilot: Pilot[None], app: AgendaApp, editor: EditorScreen, db: Path) -> None:
    """At the meeting, item by item; the stamps b and x set to the hour by their dialogs."""
    await pilot.press("b")  # in session, stamped now
    await until(pilot, lambda: stored(db, 102).status is MeetingStatus.IN_SESSION)
    await pilot.press("b")  # again: the start as it was
    await in_dialog(pilot, "TimesDialog")
    await pilot.press("ctrl+u")
    await typed(pilot, "14:30", "enter")
    await in_dialog(pilot, "EditorScreen")

    await to_place(pilot, editor, "1")
    await pilot.press("f")
    await in_dialog(pilot, "ConfirmRecordDialog")
    await typed(pilot, "貳、二", "enter")
    await typed(pilot, "提送處長參考", "enter")
    await typed(pilot, "提送處長參閱", "enter")
    await pilot.press("enter")  # on the empty 位置: done
    await in_dialog(pilot, "EditorScreen")
    await until(pilot, lambda: stored(db, 101).status is MeetingStatus.CONFIRMED)

    await to_place(pilot, editor, "2.1")
    await conclude(pilot, editor, "同意備查。")
    await to_place(pilot, editor, "2.2")
    await conclude(pilot, editor, "同意備查。")
    await decide_cases(pilot, editor, "k k r e:已於 7 月薪資單電子郵件標示給付項目明細。 r")
    await to_place(pilot, editor, "2.3")
    await conclude(pilot, editor, "同意備查。")
    await decide_cases(pilot, editor, "k k")

    await to_place(pilot, editor, "2.4")
    editor.pane.entries.focus()
    await pilot.press("home", "down", "down", "s")  # 總務組組長
    await in_dialog(pilot, "ReportDialog")
    await pilot.press("ctrl+u")
    await typed(pilot, "總務組王組長", "enter")
    await in_dialog(pilot, "EditorScreen")
    await pilot.press("e")
    await until(pilot, lambda: editor.typing is not None)
    await pilot.press("ctrl+j")
    await typed(pilot, "公務車輛報廢規劃已彙整全府 111 至 115 年資料。", "enter")
    await typed(pilot, "員工薪資單電子郵件自 7 月起標示給付項目明細。", "enter")
    await typed(pilot, "市政大樓 7 月 24 日停電檢修，請各組室預為因應。", "escape")
    await until(pilot, lambda: editor.typing is None)
    await conclude(pilot, editor, "同意備查。")
    await to_place(pilot, editor, "2.5")
    await conclude(pilot, editor, "洽悉。")
    await to_place(pilot, editor, "3.1")
    await conclude(pilot, editor, "照案通過。", "自 8 月 1 日起實施。")

    await motions(pilot, editor, db)

    await pilot.press("x")  # 散會, stamped now
    await until(pilot, lambda: stored(db, 102).status is MeetingStatus.RECORDED)
    await pilot.press("x")  # again: the times as they were
    await in_dialog(pilot, "TimesDialog")
    await pilot.press("enter", "ctrl+u")  # the start stays; on to 散會
    await typed(pilot, "16:05", "enter")
    await in_dialog(pilot, "EditorScreen")
    await until(pilot, lambda: str(stored(db, 102).end) == "16:05:00")
    assert flushed(app)


async def motions(pilot: Pilot[None], editor: EditorScreen, db: Path) -> None:
    """Two temporary motions: the second deleted, the first's words edited, then concluded."""
    for presenter, words in (
        ("文書組林組長口頭報告", "公文線上簽核比率已達九成。"),
        ("政風室劉主任口頭報告", "請同仁注意個資保護。"),
    ):
        await pilot.press("m")
        await in_dialog(pilot, "MotionDialog")
        await typed(pilot, presenter, "enter")
        await typed(pilot, words, "enter")
        await in_dialog(pilot, "EditorScreen")
    await until(pilot, lambda: editor.place == "4.2")
    await pilot.press("d")
    await until(pilot, lambda: len(stored(db, 102).sections[-1].items) == 1)
    await to_place(pilot, editor, "4.1")
    editor.pane.entries.focus()
    await pilot.press("home", "e")
    await in_dialog(pilot, "MotionDialog")
    await pilot.press("tab", "ctrl+u")
    await typed(pilot, "本處公文線上簽核比率已達 9 成，請各組室持續推動。", "enter")
    await in_dialog(pilot, "EditorScreen")
    await conclude(pilot, editor, "請文書組持續推動公文線上簽核。")


def rendered(db: Path, folder: Path, *which: str) -> dict[str, str]:
    """Meeting 102 rendered by the command, md and txt as text, ODT and DOCX as the text of
    their paragraphs, one a line."""
    texts: dict[str, str] = {}
    for format in ("md", "txt", "odt", "docx"):
        out = folder / f"{'-'.join(which) or 'record'}-102.{format}"
        result = agenda("render", "102", *which, "--format", format, "-o", out, db=db)
        assert result.returncode == 0, result.stderr
        if format in ("md", "txt"):
            texts[format] = out.read_text(encoding="utf-8")
        else:
            texts[format] = "\n".join(p.text for p in shown(out.read_bytes(), format)) + "\n"
    return texts


def expected(name: str) -> str:
    return (EXPECTED / name).read_text(encoding="utf-8")


def paragraphs_of(markdown: str) -> str:
    """What a document's paragraphs say, from the Markdown: no list marks, no bold, a tab
    after a point's label."""
    lines = []
    for line in markdown.splitlines():
        if line.startswith("|"):  # the 列管 table is a table in a document, not paragraphs
            continue
        line = re.sub(r"^\s*- ", "", line).replace("**", "")
        line = re.sub(r"^(\([一二三四五六七八九十]+\)) ", "\\1\t", line)
        if line.strip():
            lines.append(line)
    return "\n".join(lines) + "\n"


def differences(got: dict[str, str], name: str) -> list[str]:
    """Line by line, where each rendered text is not what the office writes."""
    markdown = expected(f"{name}.md")
    wanted = {
        "md": markdown,
        "txt": expected(f"{name}.txt"),
        "odt": paragraphs_of(markdown),
        "docx": paragraphs_of(markdown),
    }
    found = []
    for format, text in wanted.items():
        diff = difflib.unified_diff(
            text.rstrip().splitlines(), got[format].rstrip().splitlines(), lineterm="", n=0
        )
        found += [f"{name}.{format}: {line}" for line in list(diff)[2:]]
    return found


async def test_a_month_of_the_office_s_meeting(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await prepare(pilot, app, editor, db)
        assert flushed(app)
        agenda_texts = rendered(db, tmp_path, "--agenda")  # circulated before the meeting
        await record(pilot, app, editor, db)
    problems = differences(agenda_texts, "month-agenda-102")
    problems += differences(rendered(db, tmp_path), "month-record-102")
    assert problems == [], "\n".join(problems)
    confirmed = stored(db, 101)
    assert confirmed.confirmation is not None
    assert confirmed.confirmation.corrections == [Amendment("2.2", "提送處長參考", "提送處長參閱")]
    report = stored(db, 102).sections[1].items[3].reports[2]
    assert isinstance(report, Report) and report.speaker == "總務組王組長"
