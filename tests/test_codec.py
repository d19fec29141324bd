"""The codec reads with a converter built once per type and, when data does not fit, says
where and why as it always did; a listing's data is filled in without building objects,
to what a read and a write give."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from tui.domain.codec import ShapeError, from_data, plain_data, to_data
from tui.domain.model import (
    Amendment,
    CaseDecision,
    CaseEvent,
    CaseKind,
    DeadlineChange,
    Point,
    ReleaseReason,
    TrackedCase,
)


def full_case() -> TrackedCase:
    return TrackedCase(
        12601,
        "市政大樓辦公空間",
        "公管中心",
        ["總務組"],
        CaseKind.MAYOR,
        deadline=date(2026, 12, 31),
        history=[
            CaseEvent(
                101,
                "已函送",
                [Point("第一點", [Point("（一）子點")])],
                CaseDecision.KEEP,
                proposal=CaseDecision.KEEP,
                proposed_deadline=date(2027, 1, 31),
                answered_on=datetime(2026, 11, 2, 9, 30),
            ),
            CaseEvent(102, decision=CaseDecision.RELEASE, reason=ReleaseReason.DONE),
        ],
        deadline_changes=[DeadlineChange(None, date(2026, 12, 31), "依市長室指示")],
        merged_from=[10101],
    )


def test_a_case_reads_back_as_it_was_written() -> None:
    case = full_case()
    assert from_data(TrackedCase, to_data(case)) == case


SHAPES: list[tuple[dict[str, Any], str]] = [
    ({"number": 1, "colour": "red"}, "TrackedCase: unknown field 'colour'"),
    ({"number": 1, "history": {}}, "TrackedCase.history: expected a list, found dict"),
    ({"number": 1, "history": ["101"]}, "TrackedCase.history[0]: expected an object, found str"),
]
VALUES: list[tuple[dict[str, Any], str]] = [
    ({"number": "x"}, "TrackedCase.number: expected int, found 'x'"),
    (
        {"number": 1, "history": [{"meeting": 1, "decision": "maybe"}]},
        "TrackedCase.history[0].decision: expected CaseDecision, found 'maybe'",
    ),
    ({"number": 1, "deadline": 20261231}, "TrackedCase.deadline: expected date"),
]


def said(words: str) -> str:
    return words.replace("[", r"\[").replace("]", r"\]")


@pytest.mark.parametrize(("data", "words"), SHAPES + VALUES)
def test_data_that_does_not_fit_is_named_where_and_why(data: dict[str, Any], words: str) -> None:
    with pytest.raises(ShapeError, match=said(words)):
        from_data(TrackedCase, data)


@pytest.mark.parametrize(("data", "words"), SHAPES)
def test_a_listing_refuses_data_of_another_shape_in_the_same_words(
    data: dict[str, Any], words: str
) -> None:
    with pytest.raises(ShapeError, match=said(words)):
        plain_data(TrackedCase, data)


def test_a_shape_stored_as_a_sentence_still_reads() -> None:
    assert from_data(Amendment, "第二頁「甲」修正為「乙」") == Amendment(
        note="第二頁「甲」修正為「乙」"
    )


@pytest.mark.parametrize(
    "data",
    [
        to_data(full_case()),
        {"number": 9805, "history": [{"meeting": 101}]},
        {
            "number": 9805,
            "kind": "council",
            "history": [{"meeting": 101, "progress_points": [{"text": "一"}]}],
        },
        {"number": 1, "deadline_changes": [{"old": None, "new": "2026-12-31", "reason": "展延"}]},
    ],
)
def test_stored_data_is_filled_in_as_a_read_and_a_write_give_it(data: dict[str, Any]) -> None:
    filled = plain_data(TrackedCase, data)
    assert filled == to_data(from_data(TrackedCase, data))
    assert list(filled) == list(to_data(from_data(TrackedCase, data)))  # the fields' order


def test_filled_in_data_shares_no_list_with_another() -> None:
    one, two = (plain_data(TrackedCase, {"number": n}) for n in (1, 2))
    one["co_owners"].append("總務組")
    assert two["co_owners"] == []
