"""The editor's item pane wraps Chinese by the record's rules, as drawn at 80 columns: no
line starts with 「，」 or another closing mark, no numeral 「(二)」 is left alone on a line
above its text, a number stays with its unit, and a point's lines hang under its text."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from tests.app_support import demo_database, open_editor, until
from tui.app.app import AgendaApp
from tui.app.widgets.entries import EntryList
from tui.domain.places import placed_items

CLOSING_OR_PAUSE = "，。、；：！？」』）〕】》〉"
IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")
ALONE = re.compile(r"^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+\.)\s*$")


def drawn(entries: EntryList) -> list[str]:
    return [entries.render_line(y).text.rstrip() for y in range(entries.size.height)]


async def test_the_item_pane_wraps_by_the_rules(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    app = AgendaApp(db)
    problems: list[str] = []
    async with app.run_test(size=(80, 80)) as pilot:
        editor = await open_editor(app, pilot, rows_down=1)
        assert editor.opened.number == 101
        entries = editor.pane.entries
        for place, _heading, _item in list(placed_items(editor.live.meeting)):
            editor.place = place
            editor.show_item()
            await pilot.pause(0.1)
            await until(pilot, lambda: entries.option_count > 0)
            lines = [line.removesuffix("▇▇").rstrip() for line in drawn(entries)]
            lines = [line for line in lines if line.strip(" ─")]
            for line, after in pairwise(lines):
                if after.lstrip()[:1] in CLOSING_OR_PAUSE:
                    problems.append(f"{place}: starts with a pause: {after!r}")
                if ALONE.match(line):
                    problems.append(f"{place}: a numeral alone: {line!r}")
                if line[-1:].isdigit() and IDEOGRAPH.match(after.lstrip()[:1]):
                    problems.append(f"{place}: a number parted from its unit: {line!r}")
            points = [i for i, line in enumerate(lines) if line.startswith("(二)")]
            for at in points:
                following = lines[at + 1] if at + 1 < len(lines) else "("
                if not following.startswith(("(", "─", " " * 4)):  # under the text after (二)
                    problems.append(f"{place}: not hanging under its text: {following!r}")
    assert problems == []


async def test_the_log_wraps_each_change_whole_under_its_text(tmp_path: Path) -> None:
    """The log (l) at 80×24: each change whole, not cut short by 「…」 on each line (it
    lost the 自 of 「自 8 月 1 日」), its lines hanging under its text, and 「16 時」 kept
    together."""
    from tui import secretary
    from tui.edits.ops import Adjourn, CorrectTimes, WriteConclusion
    from tui.storage.repository import Repository

    db = demo_database(tmp_path)
    edits = secretary.editor(Repository.open(db))
    said = "照案通過，自 8 月 1 日起實施，並請各組室於 7 月底前完成借用程序之調整及宣導。"
    edits.apply(WriteConclusion(102, "i2.1", "c-long", said))
    edits.apply(Adjourn(102, "11:00"))
    edits.apply(CorrectTimes(102, start="14:30", end="16:05"))
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("l")
        await until(pilot, lambda: type(app.screen).__name__ == "LogScreen")
        from textual.widgets import OptionList

        box = app.screen.query_one(OptionList)
        await until(pilot, lambda: box.option_count > 1)
        await pilot.pause(0.2)
        lines = [box.render_line(y).text.rstrip() for y in range(box.size.height)]
    shown = "".join(line.strip() for line in lines).replace(" ", "")
    for change in edits.log(102):
        assert change.summary.replace(" ", "") in shown
    problems = []
    for line, after in pairwise(line for line in lines if line.strip()):
        if after.lstrip()[:1] in CLOSING_OR_PAUSE:
            problems.append(f"starts with a pause: {after!r}")
        if line[-1:].isdigit() and IDEOGRAPH.match(after.lstrip()[:1]):
            problems.append(f"a number parted from its unit: {line!r}")
    assert problems == [], "\n".join(problems)
    continued = [line for line in lines if line.startswith(" " * 20)]
    assert continued, lines  # a long change's lines hang under its text


@pytest.mark.parametrize("language", ["en", "zh-TW"])
async def test_a_section_s_keys_stay_with_what_they_do(
    tmp_path: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On 貳 at 80×24 the pane says what can be done there; no line ends on a key and its
    colon (「S：」 above 「新增段落」)."""
    from textual.widgets import Static

    from tui import i18n

    monkeypatch.setenv("AGENDA_LANG", language)
    i18n.choose()
    try:
        app = AgendaApp(demo_database(tmp_path))
        async with app.run_test(size=(80, 24)) as pilot:
            editor = await open_editor(app, pilot)
            await pilot.press("down")
            await until(pilot, lambda: editor.place == "2")
            title = editor.query_one("#item-title", Static)
            await pilot.pause(0.2)
            lines = [title.render_line(y).text.rstrip() for y in range(title.size.height)]
    finally:
        monkeypatch.setenv("AGENDA_LANG", "en")
        i18n.choose()
    assert any("S" in line for line in lines), lines
    assert [line for line in lines if line.endswith(("：", ":"))] == []


async def test_a_notice_wraps_by_the_rules(tmp_path: Path) -> None:
    """A notice at 80×24 (its box 40 columns wide): 「第 102 次」 is not parted, and no line
    starts with 「、」 (Textual moved 「次會議紀錄：…」 whole to a line and cut it anywhere)."""
    from textual.widgets._toast import Toast

    app = AgendaApp(demo_database(tmp_path))
    said = "第 101 次會議紀錄：修正後確定，修正之點：貳、二「提送處長參考」修正為「提送處長參閱」。"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        app.notify(said)
        await until(pilot, lambda: bool(app.screen.query(Toast)))
        await pilot.pause(0.2)
        toast = app.screen.query_one(Toast)
        lines = [toast.render_line(y).text.strip(" ▌") for y in range(toast.size.height)]
    lines = [line for line in lines if line]
    assert "".join(lines).replace(" ", "") == said.replace(" ", "")
    assert lines[0].startswith("第 101 次"), lines
    assert [line for line in lines[1:] if line[:1] in CLOSING_OR_PAUSE] == [], lines


async def test_the_box_one_types_in_wraps_by_the_rules(tmp_path: Path) -> None:
    """The box at 80×24 (47 columns): 「7 月」 and 「24 日」 stay together (Textual broke
    at the space before 月, leaving 「… 自 7」 above 「月起…」) and no line starts with 「，」."""
    from tests.app_support import type_text

    app = AgendaApp(demo_database(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("a")
        await until(pilot, lambda: editor.typing is not None)
        await type_text(pilot, "員工薪資單電子郵件自七月起標示給付項目明細，並自 7 月起")
        await type_text(pilot, "實施；市政大樓 7 月 24 日停電檢修，請各組室預為因應。")
        await pilot.pause(0.2)
        box = editor.pane.editor
        lines = [box.render_line(y).text.strip() for y in range(box.size.height)]
        await pilot.press("escape")
    lines = [line for line in lines if line.strip("─│╭╮╰╯ ")]
    problems = []
    for line, after in pairwise(lines):
        if after[:1] in CLOSING_OR_PAUSE:
            problems.append(f"starts with a pause: {after!r}")
        if line[-1:].isdigit() and IDEOGRAPH.match(after[:1]):
            problems.append(f"a number parted from its unit: {line!r} / {after!r}")
    assert problems == [], "\n".join(problems + lines)
