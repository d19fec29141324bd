"""Keyboard first: every action has a footer key and a palette entry, and can be remapped."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from tests.app_support import demo_database, open_editor, type_text, until
from tui.app.app import AgendaApp
from tui.app.keymap import KeymapError, load_keymap
from tui.app.screens.editor import EditorScreen
from tui.app.screens.keys import KeysScreen
from tui.app.widgets.keybar import KeyBar


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


def test_every_editor_binding_has_an_id_and_a_description() -> None:
    for binding in EditorScreen.BINDINGS:
        assert not isinstance(binding, tuple)
        assert binding.id and binding.id.startswith("editor.")
        assert binding.description and binding.tooltip


async def test_the_palette_offers_the_screens_actions(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        titles = [command.title for command in app.get_system_commands(editor)]
        for wanted in ("Conclude (a)", "Release (r)", "Keep (k)", "Motion (m)", "Preview (v)"):
            assert wanted in titles


async def test_question_mark_shows_the_keys(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, KeysScreen))
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))


async def test_a_users_keymap_moves_an_action_to_another_key(db: Path) -> None:
    app = AgendaApp(db, keymap={"editor.add_conclusion": "n"})
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "down", "tab", "n")
        await until(pilot, lambda: editor.typing is not None)
        await type_text(pilot, "改鍵新增結論")
        assert editor.typing is not None
        assert editor.pane.editor.text == "改鍵新增結論"


async def test_the_terminal_cursor_follows_typing_for_the_ime(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("down", "down", "tab", "a")
        await type_text(pilot, "會議結論")
        area = app.screen.query_one("#entry-editor", TextArea)
        await pilot.pause()
        assert app.cursor_position == area.cursor_screen_offset
        # Four CJK characters are eight columns: the IME window opens after them.
        start = area.content_region.x
        assert app.cursor_position.x - start == 8


def test_a_keymap_file(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"editor.release" = "1"\n', encoding="utf-8")
    assert load_keymap(path) == {"editor.release": "1"}
    path.write_text("[keys]\nrelease = 1\n", encoding="utf-8")
    with pytest.raises(KeymapError, match=r"keymap\.toml"):
        load_keymap(path)
    assert load_keymap(tmp_path / "missing.toml") == {}


def _key_bar_text(app: AgendaApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_the_key_bar_follows_the_highlighted_entry(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        assert "Release" not in _key_bar_text(app)
        await pilot.press("down", "down", "down", "tab")  # 貳 二, the case report
        await until(pilot, lambda: "Release" in _key_bar_text(app))
        assert "Keep" in _key_bar_text(app)


async def test_clicking_a_key_in_the_bar_does_what_the_key_does(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None and "Cases" in _key_bar_text(app))
        bar = app.screen.query_one(KeyBar)
        column = _key_bar_text(app).index(" c Cases")
        await pilot.hover(KeyBar, offset=(column + 2, 0))
        assert bar.tooltip == "Tracked cases (列管案件)"
        await pilot.click(KeyBar, offset=(column + 2, 0))
        await until(pilot, lambda: type(app.screen).__name__ == "CasesScreen")
