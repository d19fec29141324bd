"""The operations of recording live: motions edited, moved and deleted, a report's speaker
and kind, the clock corrected and the status moved back; each logged and undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_support import demo_database
from tests.edit_support import meeting, service
from tui import secretary
from tui.domain.identity import find_entry
from tui.domain.model import Item, MeetingStatus, Report
from tui.domain.motions import read_presenter
from tui.edits import ConflictError, EditError
from tui.edits.ops import (
    AddMotion,
    Adjourn,
    Begin,
    CorrectTimes,
    EditMotion,
    EditReport,
    MoveBack,
    MoveMotion,
    RemoveItem,
    Track,
    WriteConclusion,
)
from tui.storage.repository import Repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return Repository.open(demo_database(tmp_path))


def motions(repo: Repository) -> list[Item]:
    return meeting(repo).sections[-1].items


def heads(repo: Repository) -> list[tuple[str, str, str]]:
    return [(m.presenter, m.presenter_kind, m.title) for m in motions(repo)]


def test_a_presenter_typed_as_the_record_writes_it_is_read_into_its_parts() -> None:
    assert read_presenter("總務組王組長口頭報告") == read_presenter("總務組王組長口頭報告：")
    typed = read_presenter("總務組王組長書面報告：薪資單標示明細。")
    assert (typed.name, typed.kind, typed.text) == ("總務組王組長", "書面報告", "薪資單標示明細。")
    assert read_presenter("法制王視察").kind == ""


def test_a_motion_added_with_a_colon_and_its_kind_is_not_written_twice(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(AddMotion(102, "i-a", "總務組王組長口頭報告：", "薪資單標示。"))
    edits.apply(AddMotion(102, "i-b", "政風室劉主任口頭報告：建議改正。"))
    assert heads(repo) == [
        ("總務組王組長", "口頭報告", "薪資單標示。"),
        ("政風室劉主任", "口頭報告", "建議改正。"),
    ]
    record = secretary.render_meeting(repo, meeting(repo), agenda=False, format="md")
    assert "**總務組王組長口頭報告**：薪資單標示。" in record
    assert "口頭報告口頭報告" not in record and "報告：口頭" not in record


def test_a_motion_is_edited_and_the_edit_undone(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(AddMotion(102, "i-a", "總務組王組長", ""))  # its words typed later
    done = edits.apply(EditMotion(102, "i-a", text="薪資單請標示明細。"))
    assert heads(repo) == [("總務組王組長", "口頭報告", "薪資單請標示明細。")]
    again = edits.apply(EditMotion(102, "i-a", presenter="總務組王專員書面報告", kind="口頭報告"))
    assert heads(repo) == [("總務組王專員", "書面報告", "薪資單請標示明細。")]
    assert "總務組王專員書面報告" in again.summary
    assert again.seq is not None and done.seq is not None
    edits.undo(102, again.seq)
    edits.undo(102, done.seq)
    assert heads(repo) == [("總務組王組長", "口頭報告", "")]
    with pytest.raises(EditError, match="presents"):
        edits.apply(EditMotion(102, "i-a", presenter=""))
    with pytest.raises(EditError, match="not a temporary motion"):
        edits.apply(EditMotion(102, "i2.1", text="不是臨時動議"))


def test_motions_move_and_their_cases_say_where_they_come_from(repo: Repository) -> None:
    edits = service(repo)
    for n, presenter in enumerate(("甲組長", "乙組長", "丙組長")):
        edits.apply(AddMotion(102, f"i-{n}", presenter, f"第{n}案"))
    edits.apply(WriteConclusion(102, "i-2", "c-2", "本案列管，請總務組辦理。"))
    edits.apply(Track(102, "c-2"))
    case = repo.case(10201)
    assert case is not None and case.origin_item.endswith("三")
    moved = edits.apply(MoveMotion(102, "i-2", -2))
    assert [m.presenter for m in motions(repo)] == ["丙組長", "甲組長", "乙組長"]
    case = repo.case(10201)
    assert case is not None and case.origin_item == "參、臨時動議 一"
    assert moved.seq is not None
    edits.undo(102, moved.seq)
    assert [m.presenter for m in motions(repo)] == ["甲組長", "乙組長", "丙組長"]
    case = repo.case(10201)
    assert case is not None and case.origin_item == "參、臨時動議 三"
    assert edits.apply(MoveMotion(102, "i-0", -1)).seq is None  # first already


def test_a_deleted_motion_comes_back_with_its_conclusion(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(AddMotion(102, "i-a", "總務組王組長", "薪資單。"))
    edits.apply(WriteConclusion(102, "i-a", "c-a", "請總務組改正。"))
    removed = edits.apply(RemoveItem(102, "i-a"))
    assert motions(repo) == []
    assert removed.seq is not None
    edits.undo(102, removed.seq)
    assert [c.text for c in motions(repo)[0].conclusions] == ["請總務組改正。"]


def report(repo: Repository, report_id: str, number: int = 102) -> Report:
    found = find_entry(meeting(repo, number), report_id)
    assert found is not None and isinstance(found[1], Report)
    return found[1]


def test_a_report_s_speaker_is_renamed_and_its_kind_changed(repo: Repository) -> None:
    edits = service(repo)
    renamed = edits.apply(EditReport(102, "r2.4.2", speaker="機要組莊組長"))
    assert (report(repo, "r2.4.2").speaker, report(repo, "r2.4.2").unit) == (
        "機要組莊組長",
        "機要組",
    )
    assert "機要組組長補充報告" in renamed.summary and "機要組莊組長" in renamed.summary
    edits.apply(EditReport(102, "r2.4.2", speaker="機要組莊組長書面報告"))
    assert report(repo, "r2.4.2").kind == "書面報告"
    edits.apply(EditReport(102, "r2.4.2", kind="口頭報告"))
    record = secretary.render_meeting(repo, meeting(repo), agenda=True, format="md")
    assert "機要組莊組長" in record
    assert renamed.seq is not None
    with pytest.raises(ConflictError):  # the kind has changed since the rename
        edits.undo(102, renamed.seq)
    log = edits.log(102)
    edits.undo(102, log[-1].seq)
    edits.undo(102, log[-2].seq)
    edits.undo(102, renamed.seq)
    assert (report(repo, "r2.4.2").speaker, report(repo, "r2.4.2").kind) == (
        "機要組組長",
        "補充報告",
    )


def test_times_are_corrected_and_an_adjournment_taken_back_with_its_reason(
    repo: Repository,
) -> None:
    edits = service(repo)
    edits.apply(Begin(102, "10:07"))
    with pytest.raises(EditError, match="not adjourned"):
        edits.apply(CorrectTimes(102, end="11:10"))
    edits.apply(Adjourn(102, "11:20"))
    corrected = edits.apply(CorrectTimes(102, start="10:00", end="11:14"))
    stored = meeting(repo)
    assert (stored.start.strftime("%H:%M"), str(stored.end)) == ("10:00", "11:14:00")
    assert stored.status is MeetingStatus.RECORDED
    assert "10 時 0 分" in corrected.summary and "11 時 14 分" in corrected.summary
    with pytest.raises(EditError, match="before the start"):
        edits.apply(CorrectTimes(102, end="09:30"))
    with pytest.raises(EditError, match="why"):
        edits.apply(MoveBack(102, "in_session", ""))
    back = edits.apply(MoveBack(102, "in_session", "散會按早了，會議繼續"))
    stored = meeting(repo)
    assert (stored.status, stored.end) == (MeetingStatus.IN_SESSION, None)
    assert "散會按早了" in edits.log(102)[-1].summary
    with pytest.raises(EditError, match="cannot go back"):
        edits.apply(MoveBack(102, "recorded", "不是往回"))
    assert back.seq is not None and corrected.seq is not None
    edits.undo(102, back.seq)
    edits.undo(102, corrected.seq)
    stored = meeting(repo)
    assert (stored.status, str(stored.end)) == (MeetingStatus.RECORDED, "11:20:00")
    assert stored.start.strftime("%H:%M") == "10:07"
