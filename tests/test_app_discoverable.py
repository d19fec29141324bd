"""Every key discoverable: the key bar shows the keys that act on the highlighted entry, live
meeting keys first, dropping the least important whole when the terminal is narrow; `?` lists
the screen's keys grouped; the palette lists each action once; y / Y copy over OSC 52."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.app_support import demo_database, open_editor, type_text, until
from tui.app.app import AgendaApp
from tui.app.screens.copying import shortened
from tui.app.screens.editor import EditorScreen
from tui.app.screens.keys import KeysScreen
from tui.app.widgets.keybar import Key, KeyBar, fitting
from tui.domain.model import Conclusion, TrackedCase


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


def _bar(app: AgendaApp) -> list[str]:
    """The keys on the bar, as written there (a, e, ^z, ?)."""
    bar = app.screen.query_one(KeyBar)
    text = str(bar.render())
    return [key.shown for key in bar._keys if f" {key.shown} {key.description} " in text]


async def test_an_empty_item_shows_no_key_for_an_entry(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await until(pilot, lambda: editor.current() is None and _bar(app))
        shown = _bar(app)
        for key in ("e", "r", "k", "t", "d", "y", "[", "]"):
            assert key not in shown
        assert shown[:5] == ["a", "n", "m", "b", "x"]
        assert {"c", "/", "?"} <= set(shown)


async def test_a_case_shows_its_decisions_and_no_conclusion_keys(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "down", "tab")
        await until(pilot, lambda: isinstance(editor.target(), TrackedCase))
        await until(pilot, lambda: "r" in _bar(app))
        shown = _bar(app)
        assert shown[:4] == ["a", "e", "r", "k"]
        assert "t" not in shown and "d" not in shown and "[" not in shown
        assert shown[-1] == "?"


async def test_a_conclusion_shows_track_delete_and_no_decisions(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "tab", "a")
        await type_text(pilot, "同意備查。")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(editor.target(), Conclusion))
        await until(pilot, lambda: "t" in _bar(app))
        shown = _bar(app)
        assert shown[:4] == ["a", "e", "t", "d"]
        assert "r" not in shown and "k" not in shown
        assert editor.check_action("copy_entry", ())
        assert not editor.check_action("release", ())


async def test_a_narrow_terminal_drops_the_least_important_keys_first(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(40, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await until(pilot, lambda: editor.current() is None and _bar(app))
        text = str(app.screen.query_one(KeyBar).render())
        assert cell_len(text) <= 40
        assert _bar(app) == ["a", "n", "m", "?"]  # 12 + 10 + 10 + 8 columns
        assert text.startswith(" a Conclude  n Report  m Motion  ? Keys")
        assert text.rstrip().endswith("? Keys")
        await pilot.resize_terminal(100, 24)
        await until(pilot, lambda: "v" in _bar(app))
        # Strictly by importance: "Y Copy all" does not fit, so nothing after it shows either.
        assert _bar(app) == ["a", "n", "m", "b", "x", "c", "/", "v", "?"]


def test_fitting_counts_wide_characters_as_two_columns_and_keeps_the_keys_key() -> None:
    keys = (
        Key("a", "a", "新增結論", "", True, 0),  # " a 新增結論 " is 12 columns
        Key("e", "e", "編輯", "", True, 1),  # 8
        Key("r", "r", "解除列管", "", True, 2),  # 12
        Key("?", "?", "按鍵", "", True, -1),  # 8
    )
    assert [k.key for k in fitting(keys, 40)] == ["a", "e", "r", "?"]
    assert [k.key for k in fitting(keys, 39)] == ["a", "e", "?"]
    assert [k.key for k in fitting(keys, 27)] == ["a", "?"]
    assert [k.key for k in fitting(keys, 5)] == ["?"]


def test_a_notice_quotes_at_most_forty_columns_never_half_a_character() -> None:
    assert shortened("同意備查。") == "同意備查。"
    long = shortened("請" * 30)
    assert cell_len(long) <= 40 and long.endswith("…") and "請" * 19 in long
    assert shortened("一行\n二行") == "一行…"


async def test_question_mark_lists_the_editors_keys_first_grouped(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, KeysScreen))
        screen = app.screen
        assert isinstance(screen, KeysScreen)
        rows = screen.rows
        assert rows[0] == ("Recording", "", "")
        assert rows[1] == ("a", "Conclude", "Add a conclusion (會議結論) to this item")
        assert rows[2][:2] == ("e", "Edit")
        groups = [shown for shown, description, _ in rows if shown and not description]
        assert groups == ["Recording", "Typing", "Cases", "Agenda", "Navigation", "App"]
        typing = rows[rows.index(("Typing", "", "")) + 1 :][:4]
        assert [row[0] for row in typing] == ["⏎", "^j", "^e", "esc ^s"]
        assert not any(shown in ("home", "end", "pgup") for shown, _, _ in rows)
        scroll = screen.query_one("#keys")
        assert scroll.has_focus
        await pilot.press("pagedown")
        await until(pilot, lambda: scroll.scroll_y > 0)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))


async def test_the_palette_lists_each_action_once_with_its_key(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        for screen in (editor, app.meetings):
            titles = [command.title for command in app.get_system_commands(screen)]
            names = [title.split(" (")[0] for title in titles]
            assert len(names) == len(set(names)), titles
            assert "Keys (?)" in titles and "Quit (^q)" in titles
        titles = [command.title for command in app.get_system_commands(editor)]
        for wanted in ("Copy (y)", "Copy all (Y)", "Up ([)", "Search (/)", "Undo (^z)"):
            assert wanted in titles


async def test_y_copies_the_entry_and_capital_y_the_record(db: Path) -> None:
    app = AgendaApp(db)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign,assignment]
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "tab", "a")
        await type_text(pilot, "同意備查。")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(editor.target(), Conclusion))
        await pilot.press("y")
        await until(pilot, lambda: len(copied) == 1)
        assert copied == ["(一)同意備查。"]
        notices = [n.message for n in app._notifications]
        assert "Copied to your clipboard: (一)同意備查。" in notices
        await pilot.press("Y")
        await until(pilot, lambda: len(copied) == 2, timeout=10)
        assert "第 102 次處務會議紀錄" in copied[1] and "同意備查。" in copied[1]
        said = "Copied the record of meeting 102 to your clipboard"
        await until(pilot, lambda: any(said in n.message for n in app._notifications))


async def test_capital_y_on_a_draft_not_begun_copies_its_agenda(db: Path) -> None:
    app = AgendaApp(db)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign,assignment]
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("Y")
        await until(pilot, lambda: bool(copied), timeout=10)
        assert copied[0].startswith("臺北市政府秘書處第 102 次處務會議議程")


async def test_capital_y_copies_the_record_as_preview_renders_it(db: Path) -> None:
    from tui import secretary

    app = AgendaApp(db)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign,assignment]
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot, rows_down=1)
        await pilot.press("Y")
        await until(pilot, lambda: bool(copied), timeout=10)
        assert app.workspace is not None
        meeting = app.workspace.repo.load_meeting(101)
        assert meeting is not None
        record = secretary.render_meeting(app.workspace.repo, meeting, agenda=False, format="md")
        assert copied == [record]
        assert editor.live.meeting.number == 101


async def test_y_on_a_case_copies_no_placeholder(db: Path) -> None:
    app = AgendaApp(db)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign,assignment]
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "down", "tab")
        await until(pilot, lambda: isinstance(editor.target(), TrackedCase))
        await pilot.press("y")
        await until(pilot, lambda: bool(copied))
        assert copied[0].startswith("列管案號 ") and copied[0].endswith("辦理情形：")


async def test_deleting_the_last_entry_takes_its_keys_off_the_bar(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "tab", "a")
        await until(pilot, lambda: editor.typing is not None)
        await pilot.press("x", "enter")
        await until(pilot, lambda: "d" in _bar(app))
        await pilot.press("d")
        await until(pilot, lambda: editor.current() is None)
        await pilot.pause(0.1)
        assert "d" not in _bar(app) and "e" not in _bar(app)
