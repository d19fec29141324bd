"""The app in a real terminal, killed while the secretary types: nothing typed is lost.

Each test runs `python -m tui --db DB demo` in a pseudo-terminal of 80×24 and reads what
it draws through a terminal emulator (pyte), as a person would see it.
"""

from __future__ import annotations

import getpass
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte
import pytest

from tests.app_support import stored
from tui.storage.repository import Repository

ROOT = Path(__file__).resolve().parent.parent
DOWN = "\x1b[B"
ENTER = "\r"
CONCLUSION = "請總務組於月底前完成盤點"
ITEM = "宣達市政會議裁指示事項"  # 貳、一: the outline's second line down from 壹
ITEM_LINE = "一、宣達"  # its line in the outline, which may cut the title short
BORDER = "▕"  # between the outline and the item


def _can_spawn() -> bool:
    try:
        child = pexpect.spawn(sys.executable, ["-c", "pass"], timeout=10)
        child.expect(pexpect.EOF)
        child.close()
    except (OSError, pexpect.ExceptionPexpect):
        return False
    return True


needs_pty = pytest.mark.skipif(not _can_spawn(), reason="no pseudo-terminal to run the app in")


class Terminal:
    """`agenda --db DB demo` in a pseudo-terminal; what it drew kept on an emulated screen."""

    def __init__(self, db: Path) -> None:
        self.screen = pyte.Screen(80, 24)
        self._stream = pyte.ByteStream(self.screen)
        env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
        env["AGENDA_KEYMAP"] = str(db.parent / "no-keymap.toml")  # the default keys only
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "tui", "--db", str(db), "demo"],
            dimensions=(24, 80),
            env=env,
            cwd=str(ROOT),
            timeout=10,
        )

    @property
    def pid(self) -> int:
        return int(self.child.pid)

    def text(self) -> str:
        return "\n".join(self.screen.display).replace("\xa0", " ")

    def item_pane(self) -> str:
        """The right of the editor, its lines joined: a title wrapped over two lines is whole."""
        lines = self.screen.display[1 : self.screen.lines - 2]
        return "".join(line.split(BORDER, 1)[-1].strip() for line in lines).replace("\xa0", " ")

    def _border(self) -> int:
        for y in range(1, self.screen.lines - 2):
            for x in range(self.screen.columns):
                if self.screen.buffer[y][x].data == BORDER:
                    return x
        raise AssertionError(f"no outline on the screen\n{self.text()}")

    def read(self, seconds: float) -> None:
        """Take in what the app draws for `seconds`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._read_some()

    def _read_some(self) -> None:
        try:
            self._stream.feed(self.child.read_nonblocking(65536, timeout=0.02))
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            time.sleep(0.02)

    def wait_for(self, *wanted: str, timeout: float = 15.0) -> None:
        """Until every one of `wanted` is on the screen; fail, showing the screen, after timeout."""
        self.wait_until(lambda: all(text in self.text() for text in wanted), str(wanted), timeout)

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"never on the screen: {what}\n{self.text()}")
            self._read_some()

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def outline_cursor(self) -> str:
        """The outline's highlighted line: the one whose background differs from the pane's."""
        marked = self._highlighted()
        assert len(marked) == 1, f"not one highlighted outline line: {marked}\n{self.text()}"
        return marked[0]

    def _highlighted(self) -> list[str]:
        rows = range(1, self.screen.lines - 2)
        width = self._border()
        cells = [self.screen.buffer[y][x].bg for y in rows for x in range(width)]
        pane = Counter(cells).most_common(1)[0][0]
        return [
            self.screen.display[y].split(BORDER, 1)[0].strip()
            for y in rows
            if any(self.screen.buffer[y][x].bg != pane for x in range(width))
        ]

    def wait_for_outline_on(self, line: str) -> None:
        """Until the outline's cursor is on `line`: the editor is ready for keys."""
        self.wait_until(
            lambda: BORDER in self.text() and [line in h for h in self._highlighted()] == [True],
            f"the outline's cursor on {line}",
        )

    def stop(self, signum: int) -> float:
        """Send `signum`; return how long the app took to be gone."""
        self.child.kill(signum)
        return self._gone(f"signal {signum}")

    def drop(self) -> float:
        """Close the terminal, as a dropped SSH link does: the app is sent SIGHUP and its
        terminal is gone; return how long the app took to be gone."""
        self.child.ptyproc.fileobj.close()
        return self._gone("its terminal closed")

    def _gone(self, after: str, timeout: float = 10.0) -> float:
        sent = time.monotonic()
        while self.child.ptyproc.isalive():
            if time.monotonic() - sent > timeout:
                self.child.ptyproc.kill(signal.SIGKILL)
                raise AssertionError(f"still running {timeout} s after {after}")
            if self.child.ptyproc.fileobj.closed:
                time.sleep(0.02)
            else:
                self._read_some()
        return time.monotonic() - sent

    @property
    def exit_status(self) -> int | None:
        """The exit status; None when a signal ended the app."""
        status: int | None = self.child.ptyproc.exitstatus
        return status

    @property
    def ended_by(self) -> int | None:
        signum: int | None = self.child.ptyproc.signalstatus
        return signum

    def close(self) -> None:
        if self.child.ptyproc.isalive():
            self.child.ptyproc.kill(signal.SIGKILL)
            self.child.ptyproc.wait()
        if not self.child.ptyproc.fileobj.closed:
            self.child.close(force=True)


def open_meeting_102(terminal: Terminal) -> None:
    """From the first start's meetings list into meeting 102's editor."""
    terminal.wait_for("議程草案", "102", "101")  # the list: 102 prepared, on top
    terminal.read(0.3)
    terminal.send(ENTER)
    terminal.wait_for("第 102 次", "貳、報告事項", BORDER)
    terminal.wait_for_outline_on("壹、")


def on_item_2_1(terminal: Terminal) -> bool:
    return f"貳、報告事項一{ITEM}" in terminal.item_pane().replace(" ", "")


def type_a_conclusion(terminal: Terminal) -> None:
    """Down to 貳、一, `a`, and the conclusion typed, without Enter."""
    terminal.send(DOWN)  # 貳、報告事項: a heading, not an item
    terminal.read(0.2)
    terminal.send(DOWN)
    terminal.wait_until(lambda: on_item_2_1(terminal), "item 貳、一")
    assert ITEM_LINE in terminal.outline_cursor()
    terminal.send("a")
    terminal.wait_for("會議結論")  # the text box's title
    terminal.send(CONCLUSION)
    # In the box and in the item's list: the app has taken every key.
    terminal.wait_until(
        lambda: terminal.text().count(CONCLUSION) == 2 and f"(一) {CONCLUSION}" in terminal.text(),
        "the conclusion typed, in the box and in the list",
    )


def conclusions_of_2_1(db: Path) -> list[str]:
    return [c.text for c in stored(db, 102).sections[1].items[0].conclusions]


def assert_reopens_on_the_conclusion(db: Path) -> None:
    """A new start lands on 102, item 貳、一, with the conclusion there and typing over."""
    terminal = Terminal(db)
    try:
        terminal.wait_for("第 102 次", f"(一) {CONCLUSION}")
        terminal.wait_until(lambda: on_item_2_1(terminal), "item 貳、一")
        terminal.wait_for_outline_on(ITEM_LINE)
        assert terminal.text().count(CONCLUSION) == 1, terminal.text()  # no text box open
    finally:
        terminal.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "db"


@needs_pty
def test_killed_while_typing_the_conclusion_is_kept(db: Path) -> None:
    terminal = Terminal(db)
    try:
        open_meeting_102(terminal)
        type_a_conclusion(terminal)
        terminal.read(1.5)  # no Enter: saved as typed
        terminal.stop(signal.SIGKILL)
        assert terminal.ended_by == signal.SIGKILL
    finally:
        terminal.close()

    assert conclusions_of_2_1(db) == [CONCLUSION]
    assert Repository.open(db).ui_state(getpass.getuser())["item"] == "2.1"
    assert_reopens_on_the_conclusion(db)
    assert conclusions_of_2_1(db) == [CONCLUSION]


@needs_pty
@pytest.mark.parametrize("how", ["SIGHUP", "terminal closed"])
def test_a_hangup_saves_what_was_just_typed(db: Path, how: str) -> None:
    terminal = Terminal(db)
    try:
        open_meeting_102(terminal)
        type_a_conclusion(terminal)
        # At once: the typing's save timer has not run; only the hangup can save it.
        gone_after = terminal.stop(signal.SIGHUP) if how == "SIGHUP" else terminal.drop()
        assert (terminal.exit_status, terminal.ended_by) == (0, None), terminal.text()
        assert gone_after < 5
    finally:
        terminal.close()

    assert conclusions_of_2_1(db) == [CONCLUSION]
    assert_reopens_on_the_conclusion(db)
