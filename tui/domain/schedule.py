"""When the series meets: an RFC 5545 rule, holidays skipped, or a rule read off past meetings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from dateutil.rrule import rrule, rrulestr

from tui.domain.rocdate import format_date
from tui.i18n import _

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class ScheduleError(ValueError):
    """A rule that cannot give the next meeting date."""


def check_rule(rule: str) -> None:
    if rule:
        _parse(rule, datetime(2000, 1, 1))


def _parse(rule: str, start: datetime) -> rrule:
    try:
        parsed = rrulestr(rule, dtstart=start)
    except (ValueError, TypeError) as error:
        raise ScheduleError(_("not an RFC 5545 rule ({error})").format(error=error)) from None
    if not isinstance(parsed, rrule):
        raise ScheduleError(_("give one RRULE, not a set of rules"))
    return parsed


def next_meeting(rule: str, after: datetime, skip: Iterable[date] = ()) -> datetime:
    """The first date of `rule` on a later day than `after`, not on a skipped date."""
    skipped = set(skip)
    start = datetime.combine(after.date() + timedelta(days=1), datetime.min.time())
    for moment in _parse(rule, start.replace(hour=after.hour, minute=after.minute)):
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
