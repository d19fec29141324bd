"""The register's one rule for overdue (the next meeting's date, else today), its filters and
its count per unit, on cases made in memory."""

from __future__ import annotations

from datetime import date

import pytest

from tui import i18n
from tui.domain.cases import DeadlineState
from tui.domain.model import CaseDecision, CaseEvent, MeetingStatus, Point, TrackedCase
from tui.domain.register import (
    Query,
    Reckoning,
    flag,
    last_progress,
    newest_proposal,
    reckoning,
    select,
    unit_counts,
)

TODAY = date(2026, 12, 2)
DRAFT, IN_SESSION = MeetingStatus.DRAFT, MeetingStatus.IN_SESSION
RECORDED, CONFIRMED = MeetingStatus.RECORDED, MeetingStatus.CONFIRMED


def case(
    number: int,
    owner: str = "",
    deadline: date | None = None,
    *,
    co_owners: tuple[str, ...] = (),
    events: tuple[CaseEvent, ...] = (),
) -> TrackedCase:
    return TrackedCase(
        number, owner=owner, co_owners=list(co_owners), deadline=deadline, history=list(events)
    )


def released(number: int, owner: str = "", deadline: date | None = None) -> TrackedCase:
    return case(number, owner, deadline, events=(CaseEvent(101, decision=CaseDecision.RELEASE),))


# -- the day overdue is reckoned on ----------------------------------------------


def test_the_newest_draft_or_meeting_in_session_is_the_next_meeting() -> None:
    meetings = [
        (101, date(2026, 11, 19), CONFIRMED),
        (102, date(2026, 12, 17), DRAFT),
        (100, date(2026, 10, 15), RECORDED),
    ]
    assert reckoning(meetings, TODAY) == Reckoning(date(2026, 12, 17), 102)
    in_session = [(102, date(2026, 12, 17), IN_SESSION), (103, date(2027, 1, 21), DRAFT)]
    assert reckoning(in_session, TODAY) == Reckoning(date(2027, 1, 21), 103)


def test_with_no_meeting_being_prepared_it_is_today() -> None:
    meetings = [(101, date(2026, 11, 19), RECORDED), (100, date(2026, 10, 15), CONFIRMED)]
    assert reckoning(meetings, TODAY) == Reckoning(TODAY)
    assert reckoning([], TODAY) == Reckoning(TODAY)


@pytest.mark.parametrize(
    ("language", "on", "said"),
    [
        (
            "zh-TW",
            Reckoning(date(2026, 12, 17), 103),
            "逾期以第 103 次會議（115 年 12 月 17 日）為準",
        ),
        ("zh-TW", Reckoning(TODAY), "逾期以今日（115 年 12 月 2 日）為準"),
        (
            "en",
            Reckoning(date(2026, 12, 17), 103),
            "overdue as of meeting 103 (115 年 12 月 17 日)",
        ),
        ("en", Reckoning(TODAY), "overdue as of today (115 年 12 月 2 日)"),
    ],
)
def test_the_output_says_which_day(
    language: str, on: Reckoning, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENDA_LANG", language)
    i18n.choose()
    try:
        assert on.words() == said
    finally:
        monkeypatch.setenv("AGENDA_LANG", "en")
        i18n.choose()


def test_the_short_form_writes_the_day_numerically() -> None:
    assert Reckoning(date(2026, 12, 17), 103).words(numeric=True).endswith("(115/12/17)")


def test_flags_on_the_reckoned_day_and_none_for_a_released_case() -> None:
    on = Reckoning(date(2026, 12, 17), 103)
    assert flag(case(1, deadline=date(2026, 12, 16)), on, 30) is DeadlineState.PASSED
    assert flag(case(2, deadline=date(2026, 12, 17)), on, 30) is DeadlineState.NEAR
    assert flag(case(3, deadline=date(2027, 1, 16)), on, 30) is DeadlineState.NEAR
    assert flag(case(4, deadline=date(2027, 1, 17)), on, 30) is DeadlineState.NONE
    assert flag(case(5), on, 30) is DeadlineState.NONE
    assert flag(released(6, deadline=date(2026, 1, 1)), on, 30) is DeadlineState.NONE


# -- what the events say ---------------------------------------------------------


def test_the_newest_proposal_and_the_last_progress_heard() -> None:
    events = (
        CaseEvent(101, progress="招標中。", proposal=CaseDecision.KEEP),
        CaseEvent(
            102,
            progress="已決標。",
            progress_points=[Point("已簽約。")],
            proposal=CaseDecision.RELEASE,
        ),
        CaseEvent(103),
    )
    found = case(1, events=events)
    assert newest_proposal(found) is None  # meeting 103's owner has proposed nothing yet
    assert last_progress(found) == "已決標。\n(一) 已簽約。"
    assert newest_proposal(case(2, events=events[:2])) is CaseDecision.RELEASE
    assert last_progress(case(3)) == ""


# -- the filters -------------------------------------------------------------------

ON = Reckoning(date(2026, 12, 17), 103)
CASES = [
    case(10201, "總務組", date(2026, 12, 10), events=(CaseEvent(102, proposal=CaseDecision.KEEP),)),
    case(10202, "人事室", date(2026, 12, 31), co_owners=("總務組",)),
    case(10203, "總務組"),
    released(10101, "總務組", date(2026, 11, 30)),
    case(12601, "", date(2027, 6, 30)),
]


def numbers(query: Query) -> list[int]:
    return [c.number for c in select(CASES, query, ON)]


def test_status_open_closed_all() -> None:
    assert numbers(Query()) == [10101, 10201, 10202, 10203, 12601]
    assert numbers(Query("open")) == [10201, 10202, 10203, 12601]
    assert numbers(Query("closed")) == [10101]


def test_a_unit_finds_the_cases_it_owns_and_co_owns() -> None:
    assert numbers(Query("open", "總務組")) == [10201, 10202, 10203]
    assert numbers(Query(unit="人事室")) == [10202]


def test_due_by_a_day_takes_that_day_in() -> None:
    assert numbers(Query(due_by=date(2026, 12, 31))) == [10101, 10201, 10202]
    assert numbers(Query(due_by=date(2026, 12, 30))) == [10101, 10201]


def test_proposal_at_the_newest_event() -> None:
    assert numbers(Query(proposal="keep")) == [10201]
    assert numbers(Query(proposal="release")) == []
    assert numbers(Query("open", proposal="none")) == [10202, 10203, 12601]


def test_overdue_on_the_reckoned_day() -> None:
    assert numbers(Query("open", overdue=True)) == [10201]
    assert [c.number for c in select(CASES, Query("open", overdue=True), Reckoning(TODAY))] == []


def test_counts_per_owner_each_case_once_in_the_profiles_order() -> None:
    counts = unit_counts(CASES, ON, 30, units=("人事室", "總務組"))
    assert [(c.unit, c.open, c.overdue, c.near) for c in counts] == [
        ("人事室", 1, 0, 1),
        ("總務組", 2, 1, 0),
        ("", 1, 0, 0),
    ]
