"""Several processes changing one meeting at once: every change lands, no case number twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REFERENCE
from tui import secretary
from tui.storage.repository import Repository

WRITER = """
import sys
from pathlib import Path
from tests import edit_support as edits
from tui.storage.repository import Repository
db, me, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
repo = Repository.open(db)
for n in range(count):
    tracked = n % 5 == 0
    text = f"請總務組辦理第 {me}-{n} 項。"
    if n % 3 == 0:
        edits.add_motion(repo, 102, f"{me}號", text)
    else:
        edits.conclude(repo, 102, "2.1", text, tracked=tracked)
"""

CHANGES = int(os.environ.get("AGENDA_CHANGES", "30"))


@pytest.mark.parametrize("writers", [2, 4])
def test_every_change_of_every_process_lands(tmp_path: Path, writers: int) -> None:
    db = tmp_path / "db"
    repo = Repository.open(db)
    secretary.import_records(repo, [REFERENCE], replace=False)
    secretary.prepare(repo)
    processes = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(w), str(CHANGES)])
        for w in range(writers)
    ]
    assert [p.wait(timeout=240) for p in processes] == [0] * writers

    meeting = Repository.open(db).load_meeting(102)
    assert meeting is not None
    conclusions = [c.text for c in meeting.sections[1].items[0].conclusions]
    motions = [i.title for i in meeting.sections[2].items]
    expected = {f"請總務組辦理第 {w}-{n} 項。" for w in range(writers) for n in range(CHANGES)}
    assert sorted(conclusions + motions) == sorted(expected)
    numbers = [c.case for c in meeting.sections[1].items[0].conclusions if c.case is not None]
    tracked_per_writer = len([n for n in range(CHANGES) if n % 5 == 0 and n % 3 != 0])
    assert len(numbers) == writers * tracked_per_writer
    assert len(set(numbers)) == len(numbers)
    stored = {c.number for c in Repository.open(db).open_cases()}
    assert set(numbers) <= stored
