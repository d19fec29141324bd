"""When the series meets: an RFC 5545 rule, holidays skipped, or a rule read off past meetings."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from tui.domain.rocdays import format_date
from tui.i18n import _

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class ScheduleError(ValueError):
    """A rule that cannot give the next meeting date."""


# A rule is tried over this many years: one that gives no date in them gives none at all.
_YEARS_TRIED = 30
# The rule of a monthly series names the day it meets; counted from the last meeting instead,
# it meets the day after it.
_DAY_PARTS = ("BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS")
_FREQUENCIES = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")
SHORTEST_GAP = timedelta(days=7)


def check_rule(rule: str) -> None:
    """A rule that gives meetings at least a week apart, on days it names, for years."""
    if not rule:
        return
    start = datetime(2000, 1, 1)
    parsed = _parse(rule, start)
    parts = _parts(rule)
    if parts.get("FREQ") not in _FREQUENCIES:
        raise ScheduleError(_("FREQ must be YEARLY, MONTHLY, WEEKLY or DAILY"))
    if not any(part in parts for part in _DAY_PARTS):
        raise ScheduleError(
            _("the rule names no day (BYDAY=+3TH, BYMONTHDAY=15): it would meet the day after")
        )
    dates = _dates(parsed, start, 3)
    if len(dates) < 3:
        raise ScheduleError(_("the rule gives no meetings from year 2000 on"))
    for first, then in itertools.pairwise(dates):
        if then - first < SHORTEST_GAP:
            raise ScheduleError(
                _("the rule meets on {first} and again on {then}: less than a week apart").format(
                    first=format_date(first), then=format_date(then)
                )
            )


def _parts(rule: str) -> dict[str, str]:
    text = rule.upper().removeprefix("RRULE:")
    return dict(part.partition("=")[::2] for part in text.split(";") if part)


def _parse(rule: str, start: datetime) -> rrule:
    try:
        parsed = rrulestr(rule, dtstart=start)
    except (ValueError, TypeError, IndexError, OverflowError) as error:
        raise ScheduleError(_("not an RFC 5545 rule ({error})").format(error=error)) from None
    if not isinstance(parsed, rrule):
        raise ScheduleError(_("give one RRULE, not a set of rules"))
    return parsed


def _dates(rule: rrule, start: datetime, most: int) -> list[datetime]:
    """At most `most` dates of the rule, looked for over the years tried only."""
    try:
        last = start + relativedelta(years=_YEARS_TRIED)  # 29 February: the 28th
        own = getattr(rule, "_until", None)
        bounded = (
            rule if getattr(rule, "_count", None) else rule.replace(until=min(own or last, last))
        )
        return list(itertools.islice(bounded, most))
    except (ValueError, TypeError, IndexError, OverflowError) as error:
        raise ScheduleError(_("not an RFC 5545 rule ({error})").format(error=error)) from None


def next_meeting(rule: str, after: datetime, skip: Iterable[date] = ()) -> datetime:
    """The first date of `rule` on a later day than `after`, not on a skipped date."""
    skipped = set(skip)
    start = datetime.combine(after.date() + timedelta(days=1), datetime.min.time())
    start = start.replace(hour=after.hour, minute=after.minute)
    for moment in _dates(_parse(rule, start), start, len(skipped) + 2):
        if moment.date() > after.date() and moment.date() not in skipped:
            return moment
    raise ScheduleError(
        _("the rule {rule!r} gives no date after {date}").format(rule=rule, date=format_date(after))
    )


def infer_rule(earlier: datetime, later: datetime) -> str:
    """A rule that the last two meetings follow: the nth weekday monthly, else a fixed interval."""
    time_part = f"BYHOUR={later.hour};BYMINUTE={later.minute}"
    nth = _week_of_month(later.date())
    same_weekday = earlier.weekday() == later.weekday()
    if (
        same_weekday
        and _week_of_month(earlier.date()) == nth
        and _months_apart(earlier, later) == 1
    ):
        return f"FREQ=MONTHLY;BYDAY=+{nth}{_WEEKDAYS[later.weekday()]};{time_part}"
    if earlier.day == later.day and _months_apart(earlier, later) == 1:
        return f"FREQ=MONTHLY;BYMONTHDAY={later.day};{time_part}"
    days = (later.date() - earlier.date()).days
    if days <= 0:
        raise ScheduleError(_("the last two meetings are not in date order"))
    if days % 7 == 0:
        return f"FREQ=WEEKLY;INTERVAL={days // 7};{time_part}"
    return f"FREQ=DAILY;INTERVAL={days};{time_part}"


def _week_of_month(day: date) -> int:
    return (day.day - 1) // 7 + 1


def _months_apart(earlier: datetime, later: datetime) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month
