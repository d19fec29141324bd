"""Rich's and Textual's texts strip their control codes as before, looked for first
(tui/app/control_codes.py), and the app puts that in place."""

from __future__ import annotations

from pathlib import Path

import rich.text
import textual.content
from hypothesis import given
from hypothesis import strategies as st
from rich.control import _CONTROL_STRIP_TRANSLATE as RICH_CODES
from textual.content import _CONTROL_STRIP_TRANSLATE as TEXTUAL_CODES

from tui.app.control_codes import stripping

TEXTS = st.text(alphabet=st.sampled_from("\x07\x08\x0b\x0c\r\n\t\x1b a本案，。「」\u3000"))


@given(TEXTS)
def test_as_rich_strips(text: str) -> None:
    assert stripping(RICH_CODES)(text) == text.translate(RICH_CODES)


@given(st.text() | TEXTS)
def test_as_textual_strips(text: str) -> None:
    assert stripping(TEXTUAL_CODES)(text) == text.translate(TEXTUAL_CODES)


def test_a_text_without_codes_is_left_as_it_is() -> None:
    paragraph = "本案持續辦理中。" * 100
    assert stripping(RICH_CODES)(paragraph) is paragraph


def test_the_app_strips_quickly(tmp_path: Path) -> None:
    from tui.app.app import AgendaApp

    AgendaApp(tmp_path / "db")
    assert vars(rich.text)["strip_control_codes"].__module__ == "tui.app.control_codes"
    assert vars(textual.content)["_strip_control_codes"].__module__ == "tui.app.control_codes"
    assert rich.text.Text("第\r一\x07案").plain == "第一案"
    assert textual.content.Content("第\x0c一\x08案").plain == "第一案"


def test_anything_else_is_translated_as_the_libraries_do() -> None:
    from enum import StrEnum

    class Word(StrEnum):
        CASE = "列管"

    strip = stripping(RICH_CODES)
    assert strip("abc", {97: None}) == "bc"  # a table of the caller's own
    assert type(strip(Word.CASE)) is str  # a str of another kind comes back a plain str
    assert strip(Word.CASE) == "列管"
