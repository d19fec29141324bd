from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.rocdate import (
    DateError,
    format_chinese_datetime,
    format_date,
    format_datetime,
    format_short_date,
    format_time,
    from_roc_year,
    parse_date,
    parse_datetime,
    parse_time,
    roc_year,
)

FIRST_DAY = date(1912, 1, 1)
LAST_DAY = date(2100, 12, 31)
MEETING = datetime(2021, 6, 17, 10, 0)

days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
minutes = st.builds(time, st.integers(0, 23), st.integers(0, 59))
moments = st.builds(datetime.combine, days, minutes)


def test_roc_years() -> None:
    assert roc_year(date(2021, 6, 17)) == 110
    assert roc_year(FIRST_DAY) == 1
    assert from_roc_year(110) == 2021
    with pytest.raises(DateError):
        from_roc_year(0)


def test_formats_as_the_office_writes() -> None:
    assert format_date(MEETING) == "民國 110 年 6 月 17 日"
    assert format_short_date(date(2021, 5, 20)) == "110 年 5 月 20 日"
    assert format_time(time(10, 0)) == "10 時 0 分"
    assert format_time(time(11, 14)) == "11 時 14 分"
    assert format_datetime(MEETING) == "民國 110 年 6 月 17 日 10 時 0 分"


@pytest.mark.parametrize(
    ("moment", "written"),
    [
        (MEETING, "中華民國一一○年六月十七日上午十時"),
        (datetime(2003, 11, 20, 9, 30), "中華民國九十二年十一月二十日上午九時三十分"),
        (datetime(2011, 1, 1, 12, 5), "中華民國一○○年一月一日中午十二時五分"),
        (datetime(2021, 6, 17, 13, 0), "中華民國一一○年六月十七日下午一時"),
        (datetime(1912, 1, 1, 0, 0), "中華民國一年一月一日上午零時"),
    ],
)
def test_formats_chinese_numerals(moment: datetime, written: str) -> None:
    assert format_chinese_datetime(moment) == written


@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        ("民國 110 年 6 月 17 日 10 時 0 分", date(2021, 6, 17), time(10, 0)),
        ("民國110年6月17日(星期四)上午10時", date(2021, 6, 17), time(10, 0)),
        ("110年6月17日（四）下午2時30分", date(2021, 6, 17), time(14, 30)),
        ("中華民國九十二年十一月二十日上午九時三十分", date(2003, 11, 20), time(9, 30)),
        ("中華民國一一○年六月十七日上午十時", date(2021, 6, 17), time(10, 0)),
        ("中華民國一〇一年六月十七日中午十二時", date(2012, 6, 17), time(12, 0)),
        ("110/6/17 10:00", date(2021, 6, 17), time(10, 0)),
        ("110.6.17", date(2021, 6, 17), None),
        ("2021-06-17 10:00", date(2021, 6, 17), time(10, 0)),
        ("2021/6/17", date(2021, 6, 17), None),
        ("１１０／６／１７　１０：００", date(2021, 6, 17), time(10, 0)),
        ("１１０年６月１７日（星期四）上午１０時", date(2021, 6, 17), time(10, 0)),
        ("時間：民國 110 年 6 月 17 日 晚上 8 時半", date(2021, 6, 17), time(20, 30)),
        ("壹、宣讀 110 年 5 月 20 日第 100 次處務會議紀錄。", date(2021, 5, 20), None),
        ("西元 2021 年 6 月 17 日", date(2021, 6, 17), None),
    ],
)
def test_parse_datetime_reads_the_offices_forms(text: str, day: date, clock: time | None) -> None:
    assert parse_datetime(text) == (day, clock)


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("11 時 14 分", time(11, 14)),
        ("11時14分", time(11, 14)),
        ("上午十一時十四分", time(11, 14)),
        ("11:14", time(11, 14)),
        ("１１：１４", time(11, 14)),
        ("下午2時", time(14, 0)),
        ("下午 2:30", time(14, 30)),
        ("晚上七時", time(19, 0)),
        ("中午12時", time(12, 0)),
        ("上午12時", time(12, 0)),
        ("散會 (11 時 14 分)", time(11, 14)),
        ("民國 110 年 6 月 17 日 10 時 0 分", time(10, 0)),
    ],
)
def test_parse_time(text: str, clock: time) -> None:
    assert parse_time(text) == clock


def test_parse_date_ignores_the_time() -> None:
    assert parse_date("民國 110 年 6 月 17 日 10 時 0 分") == date(2021, 6, 17)
    assert parse_date("2021-06-17") == date(2021, 6, 17)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", 'no date found in "abc"'),
        ("110 年 13 月 1 日", 'month 13 is out of range in "110 年 13 月 1 日"'),
        ("110 年 2 月 30 日", '2 月 30 日 does not exist in "110 年 2 月 30 日"'),
        ("110 年 6 月 31 日", '6 月 31 日 does not exist in "110 年 6 月 31 日"'),
        (
            "110 年 2 月 29 日",
            '民國 110 年 is not a leap year: 2 月 29 日 does not exist in "110 年 2 月 29 日"',
        ),
        ("110 年 6 月 0 日", 'day 0 is out of range in "110 年 6 月 0 日"'),
        ("200 年 1 月 1 日", 'year 200 is out of range (民國 1 to 189) in "200 年 1 月 1 日"'),
        ("0 年 1 月 1 日", 'year 0 is out of range (民國 1 to 189) in "0 年 1 月 1 日"'),
        ("2021/13/1", 'month 13 is out of range in "2021/13/1"'),
        ("十十年一月一日", '"十十" is not a number in "十十年一月一日"'),
        ("110年6月17日 25時", 'hour 25 is out of range in "110年6月17日 25時"'),
        ("110年6月17日 10時60分", 'minute 60 is out of range in "110年6月17日 10時60分"'),
    ],
)
def test_invalid_dates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_datetime(text)
    assert str(raised.value) == message


def test_leap_day_exists_in_leap_years() -> None:
    assert parse_date("109 年 2 月 29 日") == date(2020, 2, 29)


@pytest.mark.parametrize("text", ["abc", "上午13時", "10 時 70 分", "110 年 6 月 17 日"])
def test_invalid_times_raise(text: str) -> None:
    with pytest.raises(DateError, match=f'"{text}"'):
        parse_time(text)


def test_date_error_is_a_value_error() -> None:
    assert issubclass(DateError, ValueError)


@given(moments)
def test_datetime_reads_back(moment: datetime) -> None:
    assert parse_datetime(format_datetime(moment)) == (moment.date(), moment.time())


@given(moments)
def test_chinese_datetime_reads_back(moment: datetime) -> None:
    assert parse_datetime(format_chinese_datetime(moment)) == (moment.date(), moment.time())


@given(minutes)
def test_time_reads_back(clock: time) -> None:
    assert parse_time(format_time(clock)) == clock


@given(days)
def test_short_date_reads_back(day: date) -> None:
    assert parse_date(format_short_date(day)) == day


@given(days)
def test_numeric_forms_read_back(day: date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{roc_year(day):02d}/{day.month}/{day.day}") == day


def test_every_day_of_the_calendar_reads_back() -> None:
    day = FIRST_DAY
    while day <= LAST_DAY:
        assert parse_date(format_date(day)) == day
        day += timedelta(days=1)


def test_the_days_of_a_month_are_the_calendar_s() -> None:
    import calendar

    from tui.domain.rocdate import days_in_month

    for year in (*range(1900, 2101), 1000, 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
