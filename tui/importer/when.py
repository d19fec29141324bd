"""When the meeting was held, from its header: 時間, or 日期 and 時間, in ROC or ISO, even
with the digits spaced out by a PDF's text layer; else the date given with --date."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from tui.domain.rocdate import DateError, parse_datetime, parse_time
from tui.i18n import _
from tui.importer.decode import NotARecordError

Fields = dict[str, tuple[str, str, int]]  # field → (value, label, line)


def meeting_start(header: Fields, given: datetime | None, where: str) -> datetime:
    when = header.get("time") or header.get("date")
    if when is None and given is not None:
        return given
    if when is None:
        message = _("{path}: no meeting date (時間：…) found; give it with --date 115/3/5")
        raise NotARecordError(message.format(path=where))
    text, label, number = when
    try:
        day, at = _date_and_time(header, text)
    except DateError as error:
        message = _("{path} line {line}: {label} {problem}")
        raise NotARecordError(
            message.format(path=where, line=number, label=label, problem=error)
        ) from None
    return datetime.combine(day, at or time(0, 0))


def _date_and_time(header: Fields, text: str) -> tuple[date, time | None]:
    if "date" in header and "time" in header:
        day, _ = parse_datetime(unspaced_digits(header["date"][0]))
        return day, parse_time(unspaced_digits(header["time"][0]))
    return parse_datetime(unspaced_digits(text))


def unspaced_digits(text: str) -> str:
    """「1 1 3 年 8 月 1 2 日」 as a PDF's text layer spaces it, read as 113 年 8 月 12 日."""
    return re.sub(
        r"\d(?:[ \u3000]\d)+(?=\s*[年月日時點分])", lambda m: re.sub(r"\s", "", m[0]), text
    )


# The words a written date and time are made of; anything else beside them is said, not lost.
_DATE_WORDS = frozenset("中華民國年月日星期週一二三四五六七八九十〇○零上下中午晚時點分整起至")


def beside_the_date(text: str) -> bool:
    """Whether a 時間 line holds more than its date and time: 「（視訊會議）」."""
    return any("\u4e00" <= ch <= "\u9fff" and ch not in _DATE_WORDS for ch in text)
