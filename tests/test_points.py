"""Texts with points: read from what is typed, written back, and stored by the operations as
points (undone to the points they had)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_support import demo_database
from tui import secretary
from tui.app.widgets.point_typing import enter, point_in
from tui.domain.identity import find_entry
from tui.domain.model import Conclusion, Point, Report
from tui.domain.numerals import Ladder
from tui.domain.points import CONCLUSION_RUNGS, REPORT_RUNGS, read_points, write_points
from tui.edits import EditService
from tui.edits.operation import from_record
from tui.edits.ops import WriteConclusion, WriteProgress, WriteReport
from tui.storage.repository import Repository

TYPED = """政風室所轄業務說明如下：
(一) 居家辦公係新的辦公形態。
(二) 工作紀錄表須存放在公共硬碟槽內備查：
  1. 每日填寫。
  2. 避免涉及公務機密：
    (1) 不寫個資。
(三) 勿轉傳不實資訊。"""


def test_what_is_typed_reads_as_a_lead_and_its_points() -> None:
    written = read_points(TYPED)
    assert written.text == "政風室所轄業務說明如下："
    assert [p.text for p in written.points] == [
        "居家辦公係新的辦公形態。",
        "工作紀錄表須存放在公共硬碟槽內備查：",
        "勿轉傳不實資訊。",
    ]
    second = written.points[1]
    assert [p.text for p in second.points] == ["每日填寫。", "避免涉及公務機密："]
    assert second.points[1].points == [Point("不寫個資。")]
    assert write_points(written.text, written.points) == TYPED


def test_labels_decide_the_levels_not_the_spaces() -> None:
    """Pasted from a mail: full-width brackets, no indentation, 一、 as the top rung, a
    wrapped line that continues its point, an empty point left out."""
    written = read_points("一、第一點\n（一）細目\n接續的一行\n二、第二點\n(二)")
    assert written.text == ""
    first, second = written.points
    assert first == Point("第一點", [Point("細目\n接續的一行")])
    assert second == Point("第二點")


def test_plain_lines_stay_lines_and_a_conclusion_s_points_are_numbered_1() -> None:
    assert read_points("第一行\n第二行").text == "第一行\n第二行"
    typed = write_points("同意備查。", [Point("甲"), Point("乙", [Point("丙")])], CONCLUSION_RUNGS)
    assert typed == "同意備查。\n1. 甲\n2. 乙\n  (1) 丙"
    assert read_points(typed).points[1].points == [Point("丙")]
    assert Ladder.POINT in CONCLUSION_RUNGS


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return Repository.open(demo_database(tmp_path))


def service(repo: Repository) -> EditService:
    return EditService(repo, "許菁芳", secretary.editor(repo).units, "s1")


def entry(repo: Repository, entry_id: str, number: int = 102) -> Conclusion | Report:
    meeting = repo.load_meeting(number)
    assert meeting is not None
    found = find_entry(meeting, entry_id)
    assert found is not None
    return found[1]


def test_a_report_s_points_are_stored_as_points_and_undone_to_the_points_it_had(
    repo: Repository,
) -> None:
    """Meeting 101's 政風室劉主任 report was imported as four points under no text."""
    edits = service(repo)
    before = entry(repo, "r2.4.4", 101)
    assert before.text == "" and len(before.points) == 4
    written = read_points(TYPED)
    done = edits.apply(
        WriteReport(101, "i2.4", "r2.4.4", written.text, points=tuple(written.points))
    )
    after = entry(repo, "r2.4.4", 101)
    assert after.text == written.text and after.points == written.points
    assert all(isinstance(p, Point) for p in after.points)
    assert "政風室所轄業務說明如下" in done.summary
    assert done.seq is not None
    edits.undo(101, done.seq)
    assert entry(repo, "r2.4.4", 101) == before


def test_the_log_keeps_the_points_and_gives_them_back_as_points(repo: Repository) -> None:
    edits = service(repo)
    op = WriteConclusion(102, "i2.1", "c-p", "請各組室配合：", points=(Point("甲", [Point("子")]),))
    assert op.points is not None and isinstance(op.points[0], Point)
    again = from_record(op.name, op.args())
    assert again == op and isinstance(again.points, tuple)
    assert isinstance(again.points[0].points[0], Point)
    done = edits.apply(op)
    stored = entry(repo, "c-p")
    assert stored.points == [Point("甲", [Point("子")])]
    assert done.seq is not None
    edits.undo(102, done.seq)
    meeting = repo.load_meeting(102)
    assert meeting is not None and find_entry(meeting, "c-p") is None


def test_text_alone_leaves_the_points_and_points_are_cleaned(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(WriteConclusion(102, "i2.1", "c-p", "甲", points=(Point("子\x1b[31m紅"),)))
    assert entry(repo, "c-p").points == [Point("子紅")]
    edits.apply(WriteConclusion(102, "i2.1", "c-p", "甲乙"))  # points not given: they stay
    assert entry(repo, "c-p").points == [Point("子紅")]
    edits.apply(WriteConclusion(102, "i2.1", "c-p", "甲乙", points=()))
    assert entry(repo, "c-p").points == []


def test_a_progress_report_with_points_is_undone_and_shown_in_the_agenda(
    repo: Repository,
) -> None:
    edits = service(repo)
    points = (Point("已完成盤點。"), Point("報廢車輛 3 輛。"))
    done = edits.apply(WriteProgress(102, 10101, "辦理情形如下：", points=points))
    case = repo.case(10101)
    assert case is not None
    event = case.decision_at(102)
    assert event is not None and event.progress_points == list(points)
    agenda = secretary.render_meeting(repo, secretary.load(repo, 102), agenda=True, format="md")
    assert "| 辦理情形如下：<br>(一) 已完成盤點。<br>(二) 報廢車輛 3 輛。 |" in agenda
    assert done.seq is not None
    edits.undo(102, done.seq)
    case = repo.case(10101)
    assert case is not None
    event = case.decision_at(102)
    assert event is not None and (event.progress, event.progress_points) == ("", [])


def test_enter_and_ctrl_j_in_the_box() -> None:
    """Enter on a point: the next, renumbered below; on an empty point: one level out, and
    at the top the entry ends without it; on a line that is no point: the entry ends."""
    started = point_in("報告如下：", 0, REPORT_RUNGS)
    assert (started.text, started.cursor) == ("報告如下：\n(一) ", (1, 4))
    split = enter("(一) 甲\n(二) 乙", 0, 5)
    assert split.text == "(一) 甲\n(二) \n(三) 乙" and not split.finished
    deeper = point_in("(一) 甲", 0, REPORT_RUNGS)
    assert deeper.text == "(一) 甲\n  1. "
    out = enter("(一) 甲\n  1. 子\n  2. ", 2, 5)
    assert out.text == "(一) 甲\n  1. 子\n(二) " and not out.finished
    done = enter("(一) 甲\n(二) ", 1, 4)
    assert (done.text, done.finished) == ("(一) 甲", True)
    assert enter("同意備查。", 0, 5).finished
