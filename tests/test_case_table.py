"""The 列管 table's rows (tui/domain/case_table.py): what each cell says on the agenda and
in the record."""

from __future__ import annotations

from datetime import date

from tests.case_table_support import table_meeting
from tui.domain.case_table import (
    ASK_PROGRESS,
    COLUMNS,
    CaseRow,
    TableMeeting,
    case_rows,
    has_answers,
)
from tui.domain.model import CaseKind, TrackedCase

AT = TableMeeting(103, date(2026, 12, 17), 30)


def rows(decided: bool) -> dict[str, CaseRow]:
    cases = table_meeting(decided).cases
    return {row.number: row for row in case_rows(cases, AT, record=decided)}


def test_the_columns_are_the_ones_a_chair_reads() -> None:
    assert [heading for _, heading in COLUMNS] == [
        "案號", "案由", "主辦單位（協辦）", "列管期限", "辦理情形", "擬辦", "決定",
    ]  # fmt: skip


def test_an_agenda_row_asks_for_the_decision_and_shows_last_time() -> None:
    row = rows(decided=False)["10201"]
    assert row.owner == "總務組（協辦：人事室、會計室）"
    assert row.deadline == "115/12/31 將屆"
    assert row.progress.split("\n") == [
        "已汰換三樓照明設備，其餘樓層預定 116 年 1 月底完成。",
        "前次辦理情形（第 102 次）：已汰換一樓照明設備。",
        "前次決定（第 102 次）：賡續列管；請總務組儘速完成。",
    ]
    assert row.proposal == "建議繼續列管（期限 116/1/31）"
    assert row.decision == ""


def test_an_unanswered_case_keeps_the_slot_for_its_owner() -> None:
    row = rows(decided=False)["12601（市長室列管）"]
    assert row.progress == ASK_PROGRESS
    assert row.owner == "（未定）"
    assert row.deadline == "116/6/30"  # not near: no flag
    assert row.proposal == ""  # not 未擬辦 in a document


def test_a_passed_deadline_is_flagged() -> None:
    assert rows(decided=False)["10202"].deadline == "115/11/30 逾期"


def test_a_record_row_says_the_decision_and_no_slot() -> None:
    found = rows(decided=True)
    assert found["10201"].decision == "賡續列管，列管期限展延至 116 年 1 月 31 日；請於期限內完成。"
    assert found["10202"].decision == "解除列管（辦結）"
    assert found["10203"].decision == "解除列管（併入列管案號 10201）"
    assert found["12601（市長室列管）"].progress == ""
    assert "前次" not in found["10201"].progress


def test_a_case_without_subject_or_deadline() -> None:
    (row,) = case_rows([TrackedCase(9805)], AT)
    assert (row.subject, row.owner, row.deadline) == ("（案由未載）", "（未定）", "")


def test_a_council_case_says_whose_it_is() -> None:
    (row,) = case_rows([TrackedCase(3, kind=CaseKind.COUNCIL)], AT)
    assert row.number == "3（議會列管）"


def test_answers_are_progress_or_a_proposal_at_this_meeting() -> None:
    cases = table_meeting(decided=True).cases
    assert has_answers(cases, 103)
    assert not has_answers(cases[3:], 103)  # 12601: decided, but nothing reported
    assert not has_answers(cases, 104)


def test_a_cell_of_a_key_the_table_does_not_know_is_empty() -> None:
    row = rows(decided=False)["10202"]
    assert row.cell("number") == "10202"
    assert row.cell("__class__") == ""


def test_a_narrow_column_has_the_flag_under_the_date() -> None:
    row = rows(decided=False)["10202"]
    assert row.stacked("deadline") == "115/11/30\n逾期"
    assert row.stacked("subject") == row.subject


def test_a_case_others_were_merged_into_names_them_under_its_subject() -> None:
    case = TrackedCase(10101, subject="薪資單標示給付明細。", merged_from=[9904, 9805])
    row = case_rows([case], AT)[0]
    assert row.subject == "薪資單標示給付明細。\n（併入列管案號 9904、9805）"
