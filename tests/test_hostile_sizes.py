"""Issue 17, sizes: a meeting holds no more entries than the ladders number and no text longer
than the app shows at once; a file or a command giving more is refused in one line."""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.cli_support import agenda, one_error_line, snapshot
from tests.conftest import REFERENCE
from tui.app.widgets.entries import Entry, conclusion_text
from tui.app.widgets.wrapped import Wrapped
from tui.archive import MOST_FILES
from tui.domain.limits import LONGEST_TEXT, MOST_ENTRIES
from tui.domain.model import Conclusion
from tui.domain.numerals import Ladder, label
from tui.importer.decode import MOST_BYTES

FIRST_CONCLUSIONS = "- (一) 紀錄確定。\n- (二) 請人事室統計本處同仁申請「一卡、一通、一付」情形。"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    return db


def record(tmp_path: Path, conclusions: str) -> Path:
    text = REFERENCE.read_text(encoding="utf-8").replace("第 101 次", "第 102 次", 1)
    assert FIRST_CONCLUSIONS in text
    path = tmp_path / "102.md"
    path.write_text(text.replace(FIRST_CONCLUSIONS, conclusions, 1), encoding="utf-8")
    return path


def test_more_conclusions_than_the_ladder_numbers_are_refused(db: Path, tmp_path: Path) -> None:
    many = "\n".join(f"{n}. 第 {n} 項。" for n in range(1, MOST_ENTRIES + 2))
    before = snapshot(db)
    result = agenda("import", record(tmp_path, many), db=db, env={"AGENDA_LANG": "en"})
    assert result.returncode == 2
    assert "10,000" in one_error_line(result) and "9,999" in one_error_line(result)
    assert snapshot(db) == before


def test_a_text_of_megabytes_is_refused(db: Path, tmp_path: Path) -> None:
    huge = "- (一) 紀錄確定" + "長" * 5_000_000 + "。"
    started = time.monotonic()
    result = agenda("import", record(tmp_path, huge), db=db, env={"AGENDA_LANG": "en"})
    assert result.returncode == 2
    assert f"{LONGEST_TEXT:,}" in one_error_line(result)
    assert time.monotonic() - started < 20


def test_a_command_giving_a_text_too_long_is_refused(db: Path) -> None:
    before = snapshot(db)
    text = "長" * (LONGEST_TEXT + 1)
    result = agenda("conclude", "101", "貳、一", text, db=db, env={"AGENDA_LANG": "en"})
    assert result.returncode == 2
    assert f"{LONGEST_TEXT:,}" in one_error_line(result)
    assert snapshot(db) == before


@contextlib.contextmanager
def cpu_seconds() -> Iterator[Callable[[], float]]:
    """This thread's CPU time over the block, the collector held off meanwhile."""
    collecting = gc.isenabled()
    gc.disable()
    started = time.thread_time()
    ended: list[float] = []
    try:
        yield lambda: ended[0] - started
    finally:
        ended.append(time.thread_time())
        if collecting:
            gc.enable()


def test_the_longest_text_allowed_is_laid_out_in_linear_work() -> None:
    """The fault this guards against took 10 s to lay out the longest text; now some 50 ms.
    Counted in this thread's CPU time, not the clock's, and without the collector sweeping
    what the tests before it left: a CI run with every core busy took 1 s once."""
    text = "(一)\u00a0" + "會議結論，" * (LONGEST_TEXT // 5)
    with cpu_seconds() as took:
        Wrapped(text).lines(76)
    assert took() < 1.0


@pytest.mark.parametrize("ladder", list(Ladder))
def test_every_rung_numbers_the_most_entries(ladder: Ladder) -> None:
    assert label(ladder, MOST_ENTRIES)


def test_a_device_or_a_pipe_is_refused_at_once(db: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    for path in (Path("/dev/zero"), pipe):
        started = time.monotonic()
        result = agenda("import", path, db=db, env={"AGENDA_LANG": "en"})
        assert result.returncode == 2
        assert "not a regular file" in one_error_line(result)
        assert time.monotonic() - started < 20


def test_a_file_of_many_megabytes_is_refused_unread(db: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with big.open("wb") as file:
        file.truncate(MOST_BYTES + 1)
    result = agenda("import", big, db=db, env={"AGENDA_LANG": "en"})
    assert result.returncode == 2
    assert "larger than 16 MB" in one_error_line(result)


def test_an_entry_stored_before_the_limits_is_shown_in_part_at_once() -> None:
    """A conclusion of 5 MB, the 10,000th of its item: stored before the limits, shown cut
    (it took 10 s of CPU before; this thread's CPU time, not the clock's, see above)."""
    with cpu_seconds() as took:
        text = conclusion_text(Conclusion("長" * 5_000_000), MOST_ENTRIES + 1, {})
        shown = Entry(Conclusion(""), text)
        assert isinstance(shown.prompt, Wrapped)
        shown.prompt.lines(76)
    assert took() < 1.0
    assert shown.prompt.plain.startswith("(10000)")
    assert len(shown.prompt.plain) < LONGEST_TEXT + 100


def test_a_folder_of_more_files_than_any_archive_is_refused_unread(
    db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "everything"
    folder.mkdir()
    for n in range(MOST_FILES + 1):
        (folder / f"{n}.md").touch()
    started = time.monotonic()
    result = agenda("import", folder, db=db, env={"AGENDA_LANG": "en"})
    assert result.returncode == 2
    assert f"more than {MOST_FILES:,} files" in one_error_line(result)
    assert time.monotonic() - started < 20
