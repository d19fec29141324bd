"""The app in each language: AGENDA_LANG=en and AGENDA_LANG=zh-TW, on the meetings screen and
on the editor's key bar at 80×24 (CJK counted as two columns, the live keys kept)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Static

from tests.app_support import demo_database, open_editor, until
from tui import i18n
from tui.app.app import AgendaApp
from tui.app.widgets.keybar import KeyBar


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


@pytest.fixture
def speak(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield
    monkeypatch.setenv("AGENDA_LANG", "en")
    i18n.choose()


def _bar_text(app: AgendaApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


@pytest.mark.parametrize(
    ("language", "status", "keys"),
    [
        ("en", "2 meetings", " ⏎ Open  p Prepare next  c Cases "),
        ("zh-TW", "共 2 次會議", " ⏎ 開啟  p 準備下次  c 案件 "),
    ],
)
async def test_the_meetings_screen_speaks_the_language_of_the_run(
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
    speak: None,
    language: str,
    status: str,
    keys: str,
) -> None:
    monkeypatch.setenv("AGENDA_LANG", language)
    app = AgendaApp(db)
    assert i18n.language() == language
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        shown = app.screen.query_one("#meetings-status", Static)
        await until(pilot, lambda: str(shown.render()) == status)
        await until(pilot, lambda: keys in _bar_text(app))


async def test_the_chinese_key_bar_keeps_the_live_keys_at_80_columns(
    db: Path, monkeypatch: pytest.MonkeyPatch, speak: None
) -> None:
    monkeypatch.setenv("AGENDA_LANG", "zh-TW")
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await until(pilot, lambda: editor.current() is None and "按鍵" in _bar_text(app))
        text = _bar_text(app)
        assert cell_len(text) <= 80
        for live in (" a 結論 ", " n 報告 ", " m 動議 ", " b 開會 ", " x 散會 ", " ? 按鍵 "):
            assert live in text
