"""民國 dates and times written out in figures (110/6/17, 民國 110 年 6 月 17 日, 10 時 0 分).

Apart from tui.domain.rocdate, which reads dates and writes them in Chinese numerals, so that
a listing that only prints dates imports none of that."""

from datetime import date, datetime, time

ROC_OFFSET = 1911


def roc_year(day: date) -> int:
    """民國 year of a date: 2021 → 110."""
    return day.year - ROC_OFFSET


def format_date(day: date) -> str:
    """民國 110 年 6 月 17 日"""
    return f"民國 {format_short_date(day)}"


def format_short_date(day: date) -> str:
    """110 年 6 月 17 日"""
    return f"{roc_year(day)} 年 {day.month} 月 {day.day} 日"


def format_numeric_date(day: date) -> str:
    """110/6/17: the 民國 date where space is short (a table's column)."""
    return f"{roc_year(day)}/{day.month}/{day.day}"


def format_time(moment: time) -> str:
    """10 時 0 分: minutes are not zero-padded, as the office writes them."""
    return f"{moment.hour} 時 {moment.minute} 分"


def format_datetime(moment: datetime) -> str:
    """民國 110 年 6 月 17 日 10 時 0 分"""
    return f"{format_date(moment)} {format_time(moment.time())}"
