"""The series' dates: the profile's rule, skipped holidays, a rule read off two meetings."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.schedule import ScheduleError, check_rule, infer_rule, next_meeting

THIRD_THURSDAY = "FREQ=MONTHLY;BYDAY=+3TH;BYHOUR=10;BYMINUTE=0"


def test_third_thursday_after_june_17_is_july_15() -> None:
    assert next_meeting(THIRD_THURSDAY, datetime(2021, 5, 20, 10)) == datetime(2021, 6, 17, 10)
    assert next_meeting(THIRD_THURSDAY, datetime(2021, 6, 17, 10)) == datetime(2021, 7, 15, 10)


def test_a_skipped_date_takes_the_next_date_of_the_rule() -> None:
    found = next_meeting(THIRD_THURSDAY, datetime(2021, 6, 17, 10), [date(2021, 7, 15)])
    assert found == datetime(2021, 8, 19, 10)


def test_rule_inferred_from_may_20_and_june_17() -> None:
    rule = infer_rule(datetime(2021, 5, 20, 10), datetime(2021, 6, 17, 10))
    assert rule == THIRD_THURSDAY


def test_a_bad_rule_is_refused() -> None:
    with pytest.raises(ScheduleError):
        check_rule("FREQ=SOMETIMES")


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 23))
def test_next_meeting_is_a_later_third_thursday(day: date, hour: int) -> None:
    found = next_meeting(
        THIRD_THURSDAY, datetime.combine(day, datetime.min.time()).replace(hour=hour)
    )
    assert found.date() > day
    assert found.weekday() == 3 and 15 <= found.day <= 21
    assert (found.hour, found.minute) == (10, 0)
    assert found.date() - day <= timedelta(days=36)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)))
def test_an_inferred_rule_gives_back_the_pattern(day: date) -> None:
    earlier = next_meeting(THIRD_THURSDAY, datetime.combine(day, datetime.min.time()))
    later = next_meeting(THIRD_THURSDAY, earlier)
    rule = infer_rule(earlier, later)
    assert next_meeting(rule, later) == next_meeting(THIRD_THURSDAY, later)


def test_the_day_after_a_29_february_has_a_next_meeting() -> None:
    """The years a rule is tried over are counted from 29 February too (a leap day plus
    thirty years is no day: the rule was refused)."""
    found = next_meeting(THIRD_THURSDAY, datetime(2000, 2, 28, 0, 0))
    assert found.date() == date(2000, 3, 16)
