"""The domain's words of a tracked case, said once and used by the commands, app and documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REFERENCE
from tui import secretary
from tui.app.labels import DECISION
from tui.app.screens.cases import case_history
from tui.cli.main import main
from tui.domain.cases import (
    DeadlineState,
    Part,
    deadline_state,
    history_lines,
    is_overdue,
    kind_name,
)
from tui.domain.decisions import DECISION_WORDS, UNDECIDED_WORD, decision_sentence
from tui.domain.model import CaseDecision, CaseEvent, CaseKind, TrackedCase
from tui.storage.repository import Repository

DAY = date(2021, 7, 15)


def case(deadline: date | None, released: bool = False) -> TrackedCase:
    decision = CaseDecision.RELEASE if released else CaseDecision.KEEP
    return TrackedCase(10101, deadline=deadline, history=[CaseEvent(101, decision=decision)])


@pytest.mark.parametrize(
    ("deadline", "warning_days", "state"),
    [
        (None, 30, DeadlineState.NONE),
        (date(2021, 7, 14), 30, DeadlineState.PASSED),
        (date(2021, 7, 15), 0, DeadlineState.NEAR),  # due that very day: not passed yet
        (date(2021, 8, 14), 30, DeadlineState.NEAR),
        (date(2021, 8, 15), 30, DeadlineState.NONE),
        (date(2021, 7, 16), 0, DeadlineState.NONE),
    ],
)
def test_a_deadline_passed_near_or_not(
    deadline: date | None, warning_days: int, state: DeadlineState
) -> None:
    assert deadline_state(case(deadline), DAY, warning_days) is state


def test_only_an_open_case_is_overdue() -> None:
    assert is_overdue(case(date(2021, 7, 14)), DAY)
    assert not is_overdue(case(date(2021, 7, 14), released=True), DAY)
    assert not is_overdue(case(date(2021, 7, 15)), DAY)
    assert not is_overdue(case(None), DAY)


def test_the_decision_words_are_the_ones_written_and_shown() -> None:
    assert DECISION_WORDS == {CaseDecision.RELEASE: "解除列管", CaseDecision.KEEP: "賡續列管"}
    assert decision_sentence([10001, 10002], [9805]) == (
        "列管案號 10001 及 10002 均解除列管；列管案號 9805 賡續列管。"
    )
    assert DECISION[None] == UNDECIDED_WORD
    assert all(DECISION[decision] == word for decision, word in DECISION_WORDS.items())
    assert [kind_name(k) for k in CaseKind] == ["本處列管", "市長室列管", "議會列管"]


SUBJECT = "請總務組研議車輛報廢計畫"
HISTORY = TrackedCase(
    10101,
    subject=SUBJECT,
    owner="總務組",
    origin_meeting=101,
    origin_item="2.4",
    deadline=date(2021, 8, 31),
    history=[
        CaseEvent(101, decision=CaseDecision.KEEP, conclusion="本案列管。"),
        CaseEvent(102, progress="刻正辦理中。"),
    ],
)


def test_a_case_history_line_by_line() -> None:
    assert [(line.part, line.text) for line in history_lines(HISTORY)] == [
        (Part.HEADING, "10101 本處列管 列管中"),
        (Part.DETAIL, SUBJECT),
        (Part.DETAIL, "主辦單位：總務組"),
        (Part.DETAIL, "第 101 次會議起列管 2.4"),
        (Part.DETAIL, "列管期限：民國 110 年 8 月 31 日"),
        (Part.EVENT, "第 101 次：賡續列管"),
        (Part.CONCLUSION, "結論：本案列管。"),
        (Part.EVENT, "第 102 次：未決定"),
        (Part.PROGRESS, "辦理情形：刻正辦理中。"),
    ]


def test_the_command_and_the_app_show_the_same_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db"
    secretary.import_records(Repository.open(db), [REFERENCE], replace=False)
    stored = Repository.open(db).case(9805)
    assert stored is not None
    capsys.readouterr()
    assert main(["--db", str(db), "cases", "--history", "9805"]) == 0
    printed = [line.strip() for line in capsys.readouterr().out.splitlines()]
    shown = [line.strip() for line in case_history(stored).plain.splitlines() if line.strip()]
    expected = [line.text for line in history_lines(stored)]
    assert printed == shown == expected
    assert "第 101 次：賡續列管" in expected
