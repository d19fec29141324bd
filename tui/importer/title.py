"""A record's title as other offices write it: 紀錄 / 記錄 / 議事錄, or the meeting's name alone."""

from __future__ import annotations

import re

from tui.dataclass_cache import dataclass
from tui.domain.numerals import NumeralError, parse_number

_NUMBER = r"[0-9０-９一二三四五六七八九十百千零○〇]+"
_TITLE = re.compile(
    rf"^(?P<organisation>[^>＞|｜/：:，。、]*?)(?:第\s*)?(?P<number>{_NUMBER}(?:\s+{_NUMBER})*)"
    r"\s*次\s*(?P<series>[^：:，。、]*?)\s*(?P<kind>紀錄|記錄|議事錄|議程)?$"
)
_MEETING_NAME = ("會議", "會報", "委員會", "大會", "座談會")
_YEAR = re.compile(rf"\s*(?:民國)?\s*(?:{_NUMBER}\s*)+年度?\s*$")
_LONGEST = 60


@dataclass(frozen=True)
class Title:
    """A record's title read into the organisation, the meeting's number and the series."""

    organisation: str
    number: int
    series: str
    kind: str  # 紀錄, 議事錄 … or "" when the title is the meeting's name alone


def read_title(text: str) -> Title | None:
    """The title a line is, or None: 「臺北市政府第 2122 次市政會議」, 「… 第 1 6 次會報紀錄」."""
    if len(text) > _LONGEST:
        return None
    found = _TITLE.match(text)
    if found is None:
        return None
    series = "".join(found["series"].split())
    if not series or not (found["kind"] or series.endswith(_MEETING_NAME)):
        return None
    try:
        number = parse_number("".join(found["number"].split()))
    except NumeralError:
        return None
    organisation = _YEAR.sub("", found["organisation"])
    return Title("".join(organisation.split()), number, series, found["kind"] or "")


def same_organisation(one: str, other: str) -> bool:
    """台 and 臺 are the same character as offices write their names."""
    return one.replace("台", "臺") == other.replace("台", "臺")
