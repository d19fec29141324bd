"""Dates of the Republic of China calendar (民國), written and read the ways offices write them."""

import functools
import json
import re
from datetime import date, datetime, time

from tui.domain.numerals import NumeralError, chinese, digits, parse_number, to_halfwidth

# Written in figures in rocdays; said here too, where the rest of the dates are.
from tui.domain.rocdays import ROC_OFFSET as ROC_OFFSET
from tui.domain.rocdays import format_date as format_date
from tui.domain.rocdays import format_datetime as format_datetime
from tui.domain.rocdays import format_numeric_date as format_numeric_date
from tui.domain.rocdays import format_short_date as format_short_date
from tui.domain.rocdays import format_time as format_time
from tui.domain.rocdays import roc_year as roc_year
from tui.i18n import _

FIRST_ROC_YEAR = 1
LAST_ROC_YEAR = 2100 - ROC_OFFSET

_MORNING = ("上午", "早上", "清晨", "凌晨")
_AFTERNOON = ("下午", "傍晚", "晚上", "晚間")
_NOON = "中午"

_NUMERAL = r"[0-9]+|[〇○零一二三四五六七八九十百千兩]+"
_PERIOD = "|".join((*_MORNING, *_AFTERNOON, _NOON))


# The patterns are compiled when first used: a render writes dates and reads none.
@functools.cache
def _written_dates() -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?:中華)?民國|西元)?\s*(?P<year>{_NUMERAL})\s*年\s*(?P<month>{_NUMERAL})\s*月"
        rf"\s*(?P<day>{_NUMERAL})\s*[日號]"
    )


@functools.cache
def _numeric_dates() -> re.Pattern[str]:
    return re.compile(
        r"(?<![0-9.])(?P<year>[0-9]{2,4})(?P<mark>[-/.])(?P<month>[0-9]{1,2})(?P=mark)"
        r"(?P<day>[0-9]{1,2})(?![0-9])"
    )


@functools.cache
def _written_times() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<period>{_PERIOD})?\s*(?P<hour>{_NUMERAL})\s*[時点點]"
        rf"(?:\s*(?P<minute>{_NUMERAL})\s*分|\s*(?P<half>半))?"
    )


@functools.cache
def _clock_times() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<period>{_PERIOD})?\s*(?<![0-9])(?P<hour>[0-9]{{1,2}}):(?P<minute>[0-9]{{2}})"
        r"(?::[0-9]{2})?(?![0-9])"
    )


@functools.cache
def _weekdays() -> re.Pattern[str]:
    return re.compile(
        r"\s*(?:\(\s*(?:星期|禮拜|週|周)?[一二三四五六日天]\s*\)|(?:星期|禮拜|週|周)[一二三四五六日天])?"
        r"\s*[,T]?\s*"
    )


def _quoted(text: str) -> str:
    """The text in quotes on one line: newlines and control characters as escapes."""
    return json.dumps(text, ensure_ascii=False)


class DateError(ValueError):
    """Text that should hold a date or a time does not hold a valid one."""


def from_roc_year(year: int) -> int:
    """Gregorian year of a 民國 year: 110 → 2021."""
    if year < FIRST_ROC_YEAR:
        raise DateError(
            _("民國 years start at {first}, not {year}").format(first=FIRST_ROC_YEAR, year=year)
        )
    return year + ROC_OFFSET


def format_chinese_datetime(moment: datetime) -> str:
    """中華民國一一○年六月十七日上午十時, the form of official letters."""
    year = roc_year(moment)
    written_year = digits(year) if year >= 100 else chinese(year)
    day = f"{chinese(moment.month)}月{chinese(moment.day)}日"
    return f"中華民國{written_year}年{day}{_chinese_time(moment.time())}"


def _chinese_time(moment: time) -> str:
    period, hour = _twelve_hour(moment.hour)
    minutes = f"{chinese(moment.minute)}分" if moment.minute else ""
    return f"{period}{chinese(hour) if hour else '零'}時{minutes}"


def _twelve_hour(hour: int) -> tuple[str, int]:
    if hour < 12:
        return _MORNING[0], hour
    if hour == 12:
        return _NOON, hour
    return _AFTERNOON[0], hour - 12


def parse_datetime(text: str) -> tuple[date, time | None]:
    """The first date in the text and the time written right after it, if any."""
    plain = to_halfwidth(text)
    found = _first_date(plain)
    if found is None:
        raise DateError(_("no date found in {text}").format(text=_quoted(text)))
    day = _calendar_date(found, text)
    after = _weekdays().match(plain, found.end())
    position = after.end() if after else found.end()
    clock = _written_times().match(plain, position) or _clock_times().match(plain, position)
    return day, _clock_time(clock, text) if clock else None


def parse_date(text: str) -> date:
    """The first date in the text, 民國 or Gregorian; a time after it is ignored."""
    return parse_datetime(text)[0]


def parse_time(text: str) -> time:
    """The first time in the text: 11 時 14 分, 上午十一時十四分, 11:14, 下午2時."""
    plain = to_halfwidth(text)
    found = [m for m in (_written_times().search(plain), _clock_times().search(plain)) if m]
    if not found:
        raise DateError(_("no time found in {text}").format(text=_quoted(text)))
    return _clock_time(min(found, key=lambda m: m.start()), text)


def _first_date(plain: str) -> re.Match[str] | None:
    found = [m for m in (_written_dates().search(plain), _numeric_dates().search(plain)) if m]
    return min(found, key=lambda m: m.start(), default=None)


def _calendar_date(found: re.Match[str], text: str) -> date:
    year = _gregorian_year(_number(found["year"], text), text)
    month = _number(found["month"], text)
    day = _number(found["day"], text)
    if not 1 <= month <= 12:
        raise DateError(
            _("month {month} is out of range in {text}").format(month=month, text=_quoted(text))
        )
    if not 1 <= day <= 31:
        raise DateError(
            _("day {day} is out of range in {text}").format(day=day, text=_quoted(text))
        )
    if day > days_in_month(year, month):
        raise DateError(_missing_day(year, month, day, text))
    return date(year, month, day)


def days_in_month(year: int, month: int) -> int:
    """As calendar.monthrange gives it, without importing calendar (and locale with it)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def _gregorian_year(year: int, text: str) -> int:
    # Four digits are a Gregorian year; anything shorter counts from 民國 1 (1912).
    if 1000 <= year <= 9999:
        return year
    if FIRST_ROC_YEAR <= year <= LAST_ROC_YEAR:
        return from_roc_year(year)
    raise DateError(
        _("year {year} is out of range (民國 {first} to {last}) in {text}").format(
            year=year, first=FIRST_ROC_YEAR, last=LAST_ROC_YEAR, text=_quoted(text)
        )
    )


def _missing_day(year: int, month: int, day: int, text: str) -> str:
    if month == 2 and day == 29:
        return _("民國 {year} 年 is not a leap year: 2 月 29 日 does not exist in {text}").format(
            year=year - ROC_OFFSET, text=_quoted(text)
        )
    return _("{month} 月 {day} 日 does not exist in {text}").format(
        month=month, day=day, text=_quoted(text)
    )


def _clock_time(found: re.Match[str], text: str) -> time:
    hour = _number(found["hour"], text)
    minute = _clock_minute(found, text)
    hour = _day_hour(found["period"], hour, text)
    if not 0 <= minute <= 59:
        raise DateError(
            _("minute {minute} is out of range in {text}").format(minute=minute, text=_quoted(text))
        )
    return time(hour, minute)


def _clock_minute(found: re.Match[str], text: str) -> int:
    if found["minute"] is not None:
        return _number(found["minute"], text)
    return 30 if found.groupdict().get("half") else 0


def _day_hour(period: str | None, hour: int, text: str) -> int:
    """上午 keeps the hour, 下午 and 晚上 add twelve to 1..11, 中午 means around twelve."""
    if period in _MORNING and hour > 12:
        raise DateError(
            _("hour {hour} cannot follow {period} in {text}").format(
                hour=hour, period=period, text=_quoted(text)
            )
        )
    if _is_after_noon(period, hour):
        hour += 12
    if not 0 <= hour <= 23:
        raise DateError(
            _("hour {hour} is out of range in {text}").format(hour=hour, text=_quoted(text))
        )
    return hour


def _is_after_noon(period: str | None, hour: int) -> bool:
    if period == _NOON:
        return 1 <= hour <= 10
    return period in _AFTERNOON and 1 <= hour <= 11


def _number(numeral: str, text: str) -> int:
    try:
        return parse_number(numeral)
    except NumeralError:
        raise DateError(
            _('"{numeral}" is not a number in {text}').format(numeral=numeral, text=_quoted(text))
        ) from None
