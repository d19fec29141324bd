"""The header, the attendance and a draft deleted: operations applied, logged and undone."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from tests.app_support import demo_database
from tests.edit_support import meeting, service
from tui import secretary
from tui.domain.codec import to_data
from tui.domain.model import Attendance, Attendee, CaseKind
from tui.edits import ConflictError, EditError, EditService
from tui.edits.attendance import read_people
from tui.edits.ops import (
    Attend,
    Confirm,
    Decide,
    DeleteMeeting,
    SetAttendance,
    SetHeader,
    SetStatus,
    WriteConclusion,
)
from tui.storage.repository import Repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return Repository.open(demo_database(tmp_path))


def undo_last(edits: EditService, number: int = 102) -> None:
    edits.undo(number, edits.log(number)[-1].seq)


# -- the header -------------------------------------------------------------------------


def test_the_header_changes_in_one_logged_change_and_its_undo_puts_it_back(
    repo: Repository,
) -> None:
    edits = service(repo)
    before = meeting(repo)
    done = edits.apply(
        SetHeader(
            102,
            date="2021-07-22",
            time="14:30",
            place="本府北區第一會議室",
            chair="陳志銘(請假)王主秘(代)",
            recorder="王小明",
            recorder_label="記錄",
        )
    )
    after = meeting(repo)
    assert after.start == datetime(2021, 7, 22, 14, 30)
    assert (after.place, after.chair, after.recorder, after.recorder_label) == (
        "本府北區第一會議室",
        "陳志銘(請假)王主秘(代)",
        "王小明",
        "記錄",
    )
    assert done.summary == (
        "header: 時間：民國 110 年 7 月 22 日 14 時 30 分；地點：本府北區第一會議室；"
        "主席：陳志銘(請假)王主秘(代)；記錄：王小明"
    )
    line = edits.log(102)[-1]
    assert (line.op, line.undoable, line.who) == ("set_header", True, "許菁芳")
    undo_last(edits)
    restored = meeting(repo)
    assert (restored.start, restored.place, restored.chair) == (
        before.start,
        before.place,
        before.chair,
    )
    assert (restored.recorder, restored.recorder_label) == (before.recorder, "紀錄")


def test_the_date_alone_keeps_the_time_and_the_time_alone_keeps_the_date(
    repo: Repository,
) -> None:
    edits = service(repo)
    edits.apply(SetHeader(102, date="2021-07-22"))
    assert meeting(repo).start == datetime(2021, 7, 22, 10, 0)
    edits.apply(SetHeader(102, time="14:30"))
    assert meeting(repo).start == datetime(2021, 7, 22, 14, 30)


def test_an_undo_of_the_header_is_refused_when_someone_changed_it_since(
    repo: Repository,
) -> None:
    mine, theirs = service(repo, "A", "甲"), service(repo, "B", "乙")
    done = mine.apply(SetHeader(102, place="第一會議室"))
    theirs.apply(SetHeader(102, place="第二會議室"))
    assert done.seq is not None
    with pytest.raises(ConflictError, match=r"header has been changed since.*乙"):
        mine.undo(102, done.seq)
    assert meeting(repo).place == "第二會議室"


def test_a_field_unchanged_is_nothing_to_log(repo: Repository) -> None:
    edits = service(repo)
    count = len(edits.log(102))
    done = edits.apply(SetHeader(102, place="視訊會議", chair="陳志銘"))
    assert done.seq is None and len(edits.log(102)) == count


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"date": "2021-02-30"}, "not a date"),
        ({"time": "25:00"}, "not a time"),
        ({"recorder_label": "秘書"}, "紀錄、記錄、彙整"),
    ],
)
def test_a_header_that_cannot_be_is_refused(
    repo: Repository, fields: dict[str, Any], problem: str
) -> None:
    before = meeting(repo)
    with pytest.raises(EditError, match=problem):
        service(repo).apply(SetHeader(102, **fields))
    assert meeting(repo) == before


def test_re_dating_moves_the_deadline_flags_and_the_next_meetings_reading(
    repo: Repository,
) -> None:
    with repo.change() as records:
        case = records.case(12601, CaseKind.MAYOR)
        assert case is not None
        case.deadline = date(2021, 7, 20)
        records.put_cases([case])

    def agenda() -> str:
        return secretary.render_meeting(repo, meeting(repo), agenda=True, format="md")

    assert "| 110/7/20 將屆 |" in agenda() and "逾期" not in agenda()
    edits = service(repo)
    edits.apply(SetHeader(102, date="2021-07-22"))
    assert "| 110/7/20 逾期 |" in agenda() and "時間：民國 110 年 7 月 22 日 10 時 0 分" in agenda()
    # a recorded meeting re-dated: the meeting that reads it names the new date
    edits.apply(SetStatus(102, "in_session"))
    edits.apply(SetStatus(102, "recorded"))
    secretary.prepare(repo, force=True)
    assert meeting(repo, 103).sections[0].title.startswith("宣讀 110 年 7 月 22 日第 102 次")
    edits.apply(SetHeader(102, date="2021-07-29"))
    assert meeting(repo, 103).sections[0].title.startswith("宣讀 110 年 7 月 29 日第 102 次")
    undo_last(edits)
    assert meeting(repo, 103).sections[0].title.startswith("宣讀 110 年 7 月 22 日第 102 次")


# -- the attendance ---------------------------------------------------------------------


def test_marks_are_applied_to_what_is_stored_and_undone_together(repo: Repository) -> None:
    edits = service(repo)
    done = edits.apply(
        Attend(
            102,
            absent=["陳○○=公假", "林○○"],
            proxies=["李四=王五"],
            observers=["秘書室吳主任"],
            late=["張三=10:20"],
        )
    )
    attendance = meeting(repo).attendance
    assert attendance.present_as_text == "如簽到表"
    assert attendance.absent == [Attendee("陳○○", "公假"), Attendee("林○○", "請假")]
    assert attendance.present == [
        Attendee("李四", stand_in="王五"),
        Attendee("張三", arrived=time(10, 20)),
    ]
    assert attendance.observers == [Attendee("秘書室吳主任")]
    assert done.summary == (
        "attendance: 請假 陳○○（公假）、林○○；代理 李四（王五代）；列席 秘書室吳主任；"
        "遲到 張三（10 時 20 分到）"
    )
    undo_last(edits)
    assert meeting(repo).attendance.absent == []
    assert meeting(repo).attendance.present == []


def test_a_member_marked_away_leaves_the_present_line_and_comes_back(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(Attend(102, present=["王○○", "陳○○"]))
    assert meeting(repo).attendance.present_as_text == ""
    edits.apply(Attend(102, absent=["陳○○=公假"]))
    attendance = meeting(repo).attendance
    assert [p.name for p in attendance.present] == ["王○○"]
    assert attendance.absent == [Attendee("陳○○", "公假")]
    edits.apply(Attend(102, present=["陳○○"], as_signed=True))
    attendance = meeting(repo).attendance
    assert [p.name for p in attendance.present] == ["王○○", "陳○○"]
    assert attendance.absent == [] and attendance.present_as_text == "如簽到表"
    edits.apply(Attend(102, removed=["王○○"]))
    assert [p.name for p in meeting(repo).attendance.present] == ["陳○○"]


@pytest.mark.parametrize(
    ("marks", "problem"),
    [
        ({"absent": ["陳○○=病假"]}, "請假 or 公假, not 病假"),
        ({"proxies": ["李四"]}, "who stands in"),
        ({"proxies": ["李四=李四"]}, "cannot stand in for themselves"),
        ({"late": ["張三=晚一點"]}, "not a time"),
        ({"present": [" "]}, "a name is missing"),
    ],
)
def test_a_mark_that_cannot_be_is_refused_and_nothing_is_stored(
    repo: Repository, marks: dict[str, Any], problem: str
) -> None:
    before = meeting(repo)
    with pytest.raises(EditError, match=problem):
        service(repo).apply(Attend(102, **marks))
    assert meeting(repo) == before


def test_the_whole_attendance_is_set_only_over_what_it_was(repo: Repository) -> None:
    edits = service(repo)
    shown = meeting(repo).attendance
    typed = Attendance("", read_people("王○○、李四（王五代）、張三（10 時 20 分到）"))
    edits.apply(Attend(102, absent=["陳○○"]))  # someone else's mark meanwhile
    with pytest.raises(ConflictError, match="attendance has been changed since"):
        edits.apply(SetAttendance(102, to_data(typed), expect=to_data(shown)))
    current = meeting(repo).attendance
    edits.apply(SetAttendance(102, to_data(typed), expect=to_data(current)))
    assert meeting(repo).attendance == typed
    undo_last(edits)
    assert meeting(repo).attendance == current


def test_names_are_read_back_as_they_are_written() -> None:
    people = read_people("王○○、李四（王五代）、張三（10:20到）、陳○○（公假）")
    assert people == [
        Attendee("王○○"),
        Attendee("李四", stand_in="王五"),
        Attendee("張三", arrived=time(10, 20)),
        Attendee("陳○○", "公假"),
    ]
    assert read_people("林○○、陳○○（公假）", "請假") == [
        Attendee("林○○", "請假"),
        Attendee("陳○○", "公假"),
    ]


# -- a draft deleted --------------------------------------------------------------------


def test_a_draft_is_deleted_logged_and_put_back(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(SetHeader(102, place="第一會議室"))
    before = meeting(repo)
    done = edits.apply(DeleteMeeting(102))
    assert repo.load_meeting(102) is None
    assert 102 not in repo.meeting_numbers() and not repo.has_meeting(102)
    assert [s["number"] for s in repo.summaries()] == [101]
    log = edits.log(102)
    assert [line.op for line in log] == ["create_meeting", "set_header", "delete_meeting"]
    assert log[-1].summary == "meeting 102 deleted" and log[-1].who == "許菁芳"
    assert done.seq is not None
    edits.undo(102, done.seq)
    assert meeting(repo) == before
    assert [line.op for line in edits.log(102)][-1] == "create_meeting"
    assert len({line.seq for line in edits.log(102)}) == 4


def test_a_deleted_draft_can_be_prepared_again_and_its_log_goes_on(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(DeleteMeeting(102))
    prepared = secretary.prepare(repo, force=True)
    assert prepared.meeting.number == 102
    log = edits.log(102)
    assert [line.op for line in log] == ["create_meeting", "delete_meeting", "create_meeting"]
    assert [line.seq for line in log] == [1, 2, 3]


def test_a_long_log_stays_whole_through_a_deletion_and_goes_on_after(repo: Repository) -> None:
    """The newest changes live in the meeting's document, older ones in runs of their own:
    a deletion moves the newest out too, and the meeting put back numbers on from there."""
    edits = service(repo)
    for n in range(70):
        edits.apply(SetHeader(102, place=f"第 {n} 會議室"))
    deleted = edits.apply(DeleteMeeting(102))
    assert deleted.seq == 72
    edits.undo(102, 72)
    edits.apply(SetHeader(102, place="視訊會議"))
    log = edits.log(102)
    assert [line.seq for line in log] == list(range(1, 75))
    assert [line.op for line in log[-3:]] == ["delete_meeting", "create_meeting", "set_header"]
    with pytest.raises(ConflictError, match="header has been changed since"):
        edits.undo(102, 71)  # found in its run, and checked against what is stored now
    edits.undo(102, 74)
    assert meeting(repo).place == "第 69 會議室"


def test_the_undo_of_a_preparation_deletes_the_meeting_it_made(repo: Repository) -> None:
    """It was refused as 'changed since it was made' even when nothing had changed it."""
    edits = service(repo)
    first = edits.log(102)[0]
    assert first.op == "create_meeting"
    edits.undo(102, first.seq)
    assert repo.load_meeting(102) is None and not repo.has_meeting(102)
    assert secretary.prepare(repo, force=True).meeting.number == 102


def test_only_a_draft_is_deleted(repo: Repository) -> None:
    edits = service(repo)
    with pytest.raises(EditError, match="meeting 101 is 紀錄完成, not a draft"):
        edits.apply(DeleteMeeting(101))
    edits.apply(SetStatus(102, "in_session"))
    with pytest.raises(EditError, match="not a draft"):
        edits.apply(DeleteMeeting(102))
    assert repo.has_meeting(102) and repo.has_meeting(101)


@pytest.mark.parametrize("what", ["decision", "confirmation", "later meeting"])
def test_a_draft_others_depend_on_stays(repo: Repository, what: str) -> None:
    edits = service(repo)
    if what == "decision":
        edits.apply(Decide(102, 9805, "release"))
        problem = "tracked cases.*9805"
    elif what == "confirmation":
        edits.apply(Confirm(101, 102, []))
        problem = "meeting 101 was confirmed at meeting 102"
    else:
        edits.apply(WriteConclusion(102, "i2.1", "c-x", "同意備查。"))
        secretary.prepare(repo, force=True)
        problem = "meeting 103 follows meeting 102"
    with pytest.raises(EditError, match=problem):
        edits.apply(DeleteMeeting(102))
    assert repo.has_meeting(102)
