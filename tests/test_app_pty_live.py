"""Recording live in a real terminal (pexpect + pyte): keys that arrive in one read, as over
SSH (each burst written to the pseudo-terminal in one `write`), and a text opened in the
user's own editor, the app suspended meanwhile."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.app_support import stored
from tests.test_app_pty import DOWN, ENTER, Terminal, needs_pty, open_meeting_102
from tui.domain.model import Point

CTRL_E = "\x05"


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


EDITOR_SCRIPT = """\
import sys
from pathlib import Path

folder, path = Path(sys.argv[1]), Path(sys.argv[2])
text = path.read_text("utf-8")
with open(folder / "seen", "a", encoding="utf-8") as seen:
    seen.write(text + "\\f")
lines = (folder / "lines").read_text("utf-8").splitlines()
(folder / "lines").write_text("\\n".join(lines[1:]), "utf-8")
path.write_text(text.rstrip("\\n") + "\\n" + lines[0] + "\\n", "utf-8")
"""


@needs_pty
def test_a_conclusion_opened_in_the_user_s_editor_comes_back_with_its_points(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ctrl+e in the box, then E on the list: $EDITOR gets the text with its points as they
    are typed, and what it saves comes back as the conclusion's text and points."""
    script = tmp_path / "editor.py"
    script.write_text(EDITOR_SCRIPT, "utf-8")
    (tmp_path / "lines").write_text("1. 子項\n2. 丑項", "utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script} {tmp_path}")
    monkeypatch.delenv("VISUAL", raising=False)
    terminal = Terminal(db)
    try:
        open_meeting_102(terminal)
        terminal.send("a請各組室配合：")
        terminal.wait_for("請各組室配合：")
        terminal.send(CTRL_E)
        terminal.wait_for("(一) 請各組室配合：", "1.子項")
        terminal.read(0.5)
        terminal.send("E")  # the list has the focus, on the conclusion, after it ended
        terminal.wait_for("2.丑項")
        terminal.read(1.5)
    finally:
        terminal.close()
    conclusion = stored(db, 102).items()[0].conclusions[0]
    assert conclusion.text == "請各組室配合："
    assert conclusion.points == [Point("子項"), Point("丑項")]
    seen = (tmp_path / "seen").read_text("utf-8").split("\f")
    assert seen[:2] == ["請各組室配合：\n", "請各組室配合：\n1. 子項\n"]


@needs_pty
def test_every_character_an_input_method_commits_is_shown_at_once(db: Path) -> None:
    """Two characters in one write, as an input method commits them, into an entry longer
    than the box: each is on the screen before the next commit (one that wrapped onto a
    new last line stayed below the box until the next key)."""
    terminal = Terminal(db)
    missed = []
    try:
        open_meeting_102(terminal)
        terminal.send(DOWN)
        terminal.read(0.2)
        terminal.send(DOWN)
        terminal.read(0.3)
        terminal.send("a")
        terminal.wait_for("會議結論")
        terminal.send("測" * 300)
        terminal.read(1.0)
        for at in range(40):
            commit = chr(0x5000 + 2 * at) + chr(0x5001 + 2 * at)
            terminal.send(commit)
            terminal.read(0.3)
            if commit[1] not in terminal.text():
                missed.append(commit)
    finally:
        terminal.close()
    assert missed == []
