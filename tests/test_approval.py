"""陳核 / 核定: the chair approves a finished record (who and when logged); after it, the
record changes only under a logged correction; it is confirmed as before, and the approval
can be taken back (undo). Records stored before approval existed load as not approved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import agenda, one_error_line, snapshot
from tests.conftest import REFERENCE
from tests.edit_support import meeting, service
from tui.domain.model import MeetingStatus
from tui.edits import EditError
from tui.edits.ops import Approve, Correct, SetHeader
from tui.storage.repository import Repository


def ok(db: Path, *args: str | Path) -> str:
    result = agenda(*args, db=db)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "db"
    ok(db, "import", REFERENCE)
    ok(db, "prepare")
    return db


def test_the_chair_approves_and_the_log_says_who_and_when(db: Path) -> None:
    out = ok(db, "approve", "101")
    assert out.strip() == "record of meeting 101 approved by 陳志銘"
    record = meeting(Repository.open(db), 101)
    assert record.approval is not None and record.approval.by == "陳志銘"
    assert record.status is MeetingStatus.RECORDED
    assert "approved by 陳志銘" in ok(db, "log", "101").splitlines()[-1]
    assert "  核定：陳志銘（民國 " in ok(db, "show", "101")
    shown = json.loads(ok(db, "show", "101", "--json"))
    assert shown["approval"]["by"] == "陳志銘"


def test_after_approval_a_change_needs_a_logged_correction(db: Path) -> None:
    ok(db, "approve", "101", "--by", "王主秘")
    repo = Repository.open(db)
    before = snapshot(db)
    with pytest.raises(EditError, match="is approved; change it only with a logged correction"):
        service(repo).apply(SetHeader(101, place="第一會議室"))
    line = one_error_line(agenda("edit", "101", "--place", "第一會議室", db=db))
    assert "approved" in line and "correction" in line
    assert snapshot(db) == before
    service(repo).apply(Correct(101, "地點誤植，更正為第一會議室"))
    service(repo).apply(SetHeader(101, place="第一會議室", correction=1))
    record = meeting(repo, 101)
    assert record.place == "第一會議室"
    assert [c.what for c in record.corrections] == ["地點誤植，更正為第一會議室"]


def test_approving_twice_or_an_unfinished_record_is_refused(db: Path) -> None:
    ok(db, "approve", "101")
    assert "already approved" in one_error_line(agenda("approve", "101", db=db))
    line = one_error_line(agenda("approve", "102", db=db))
    assert "not finished yet" in line
    repo = Repository.open(db)
    with pytest.raises(EditError):
        service(repo).apply(Approve(102))


def test_an_approved_record_is_confirmed_with_its_corrections(db: Path) -> None:
    ok(db, "approve", "101")
    ok(db, "status", "102", "recorded", "--end", "11:00")
    ok(db, "confirm", "101", "--correction", "貳、一=同意備查=准予備查")
    record = meeting(Repository.open(db), 101)
    assert record.status is MeetingStatus.CONFIRMED
    assert record.approval is not None
    assert "准予備查" in ok(db, "render", "101", "--format", "txt")


def test_the_approval_is_taken_back_by_undo(db: Path) -> None:
    ok(db, "approve", "101")
    ok(db, "undo", "101")
    assert meeting(Repository.open(db), 101).approval is None
    ok(db, "edit", "101", "--place", "第一會議室")


def test_an_approved_record_is_not_moved_back(db: Path) -> None:
    ok(db, "approve", "101")
    line = one_error_line(agenda("status", "101", "in_session", "--reason", "漏記", db=db))
    assert "approved" in line


def test_a_meeting_stored_before_approval_existed_loads(db: Path) -> None:
    stored = db / "meetings"
    files = [p for p in stored.rglob("*.json") if "101" in p.name]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(',"approval":null', ""), encoding="utf-8")
        assert '"approval"' not in path.read_text(encoding="utf-8")
    assert meeting(Repository.open(db), 101).approval is None
    ok(db, "approve", "101")
