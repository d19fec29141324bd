"""Keys that arrive in one read, as over SSH, in a real terminal (pexpect + pyte): each
burst is written to the pseudo-terminal in one `write`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_support import stored
from tests.test_app_pty import DOWN, ENTER, Terminal, needs_pty, open_meeting_102


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "db"


def conclusions(db: Path, place: int) -> list[str]:
    """Meeting 102's conclusions at the place-th item (0: 壹, 1: 貳、一)."""
    return [c.text for c in stored(db, 102).items()[place].conclusions]


def settle(terminal: Terminal, db: Path, wanted: list[str], place: int) -> None:
    """Until the app has shown and stored what the burst typed (or the time is up)."""
    terminal.wait_until(
        lambda: f"(一) {wanted[0]}" in terminal.text(), f"the conclusion {wanted[0]}", 10
    )
    terminal.read(1.5)  # typed text is on disk within a second


@needs_pty
def test_keys_typed_with_enter_on_the_meetings_list_reach_the_editor(db: Path) -> None:
    """Enter, down, down, `a`, a conclusion and Enter in one write: the downs move the
    editor's outline to 貳、一 (they used to be undone as the outline reached its place)."""
    terminal = Terminal(db)
    try:
        terminal.wait_for("議程草案", "102", "101")
        terminal.read(0.3)
        terminal.send(ENTER + DOWN + DOWN + "a" + "甲結論。" + ENTER)
        settle(terminal, db, ["甲結論。"], 1)
    finally:
        terminal.close()
    assert conclusions(db, 0) == []
    assert conclusions(db, 1) == ["甲結論。"]


@needs_pty
def test_enter_ends_the_conclusion_before_the_keys_after_it_are_read(db: Path) -> None:
    """`a`, a conclusion, Enter, `a`, another, Enter in one write: two conclusions (the
    second used to be typed into the first: 「甲結論。a乙結論。」)."""
    terminal = Terminal(db)
    try:
        open_meeting_102(terminal)
        terminal.send("a甲結論。" + ENTER + "a乙結論。" + ENTER)
        settle(terminal, db, ["甲結論。", "乙結論。"], 0)
        terminal.wait_for("(二) 乙結論。")
    finally:
        terminal.close()
    assert conclusions(db, 0) == ["甲結論。", "乙結論。"]
