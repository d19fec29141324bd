"""What the lines of a record look like, across the offices' variants."""

from __future__ import annotations

import re

from tui.domain.numerals import Label, Ladder
from tui.importer.header import header_field
from tui.importer.lines import StructureTest
from tui.importer.title import read_title

_COLON = r"\s*[：:]\s*"
_NUMERAL = r"[一二三四五六七八九十0-9０-９]+"


def _spaced(*labels: str) -> str:
    """Labels as alternatives that may be letter-spaced: 「決 議」."""
    return "|".join(r"[\s\u3000]*".join(label) for label in labels)


CONCLUSION = re.compile(
    rf"^(?P<label>{_spaced('會議結論', '主席裁示', '主席結論', '結論', '決議', '決定')})"
    rf"{_COLON}(?P<text>.*)$"
)
RIDER = re.compile(rf"^(?P<label>{_spaced('附帶決議')}){_COLON}(?P<text>.*)$")
BLOCK = re.compile(
    rf"^(?P<label>{_spaced('案由', '案名', '說明', '辦法', '擬辦', '提案單位', '提案人')}|"
    rf"{_spaced('申請單位', '案情概要說明', '附件')}){_COLON}(?P<text>.*)$"
)
# The blocks that name a case: a second one in an item starts the next item.
CASE_NAMES = ("案由", "案名")
REPORT = re.compile(
    r"^(?P<speaker>[^\s：:，,。、「」()（）*]{2,16}?)"
    rf"(?P<kind>補充報告|口頭報告|報告|補充說明){_COLON}(?P<text>.*)$"
)
PRESENTER = re.compile(
    r"^\*\*(?P<speaker>[^*]+?)(?P<kind>口頭報告|補充報告|專題報告|臨時動議|提案|報告)"
    rf"(?:\*\*{_COLON}|{_COLON}\*\*\s*)(?P<text>.*)$"
)
CASE_HEADING = re.compile(
    rf"^(?P<label>第\s*{_NUMERAL}\s*案|(?:提案|討論事項|報告事項)\s*{_NUMERAL})"
    r"(?:\s*[：:]\s*|\s+|$)(?P<text>.*)$"
)
# Sections written 甲、乙、 or as a heading alone, perhaps letter-spaced: 「報 告 事 項」.
LETTERED_SECTION = re.compile(r"^[甲乙丙丁戊己庚辛壬癸]\s*[、.．]\s*(?P<title>.{1,24})$")
SECTION_NAMES = (
    "報告事項",
    "討論事項",
    "提案討論",
    "臨時動議",
    "臨時提案",
    "選舉事項",
    "其他事項",
    "主席致詞",
    "主席報告",
    "業務報告",
    "工作報告",
    "確認上次會議紀錄",
    "宣讀上次會議紀錄",
    "專題報告",
)
ADJOURNMENT = re.compile(
    r"^(?:[壹貳參肆伍陸柒捌玖拾甲乙丙丁戊己庚辛]\s*[、.．]\s*)?"
    r"散\s*會\s*[：:]?\s*[（(]?(?P<time>[^)）]*?)[)）]?\s*[。.]?$"
)

# What follows a count, not a point's text: 3 月, 10 位委員, 12 萬元.
_COUNTED = "年月日時分秒點人件次案條項款位名個元萬億天週台輛家間處屆期"
_BARE_POINT = re.compile(
    rf"^(?P<number>[1-9][0-9]?|[lI])[ \u3000]+(?P<rest>[^\s0-9{_COUNTED}.．、%].*)$"
)


_LETTERED = re.compile(r"^(?P<letter>[A-H])\s*[.．、]\s*(?P<rest>[^\s.．0-9A-Za-z].*)$")


# 「1.97 年起…」 is point 1 about the year 97, not the number 1.97.
_POINT_BEFORE_YEAR = re.compile(r"^(?P<number>[1-9][0-9]?)[.．](?P<rest>[0-9]{2,3}\s*年.*)$")


def bare_point(text: str) -> Label | None:
    """A point numbered without punctuation, 「1 本月…」, or 「l 」 as OCR reads a 1; or
    lettered A. B. C. under a numbered point."""
    before_year = _POINT_BEFORE_YEAR.match(text)
    if before_year:
        return Label(Ladder.POINT, int(before_year["number"]), before_year["rest"])
    lettered = _LETTERED.match(text)
    if lettered:
        return Label(Ladder.SUBPOINT, ord(lettered["letter"]) - ord("A") + 1, lettered["rest"])
    found = _BARE_POINT.match(text)
    if found is None:
        return None
    number = 1 if found["number"] in "lI" else int(found["number"])
    return Label(Ladder.POINT, number, found["rest"])


def section_heading(text: str) -> str | None:
    """The title of a section heading written without 壹、: 「甲、報告事項」, 「報 告 事 項」."""
    lettered = LETTERED_SECTION.match(text)
    if lettered:
        return lettered["title"]
    squeezed = "".join(text.split())
    return squeezed if squeezed in SECTION_NAMES else None


class _Predicate:
    def __init__(self, test: object) -> None:
        self._test = test

    def match(self, text: str) -> bool:
        return bool(self._test(text))  # type: ignore[operator]


is_structural = StructureTest(
    CONCLUSION,
    RIDER,
    BLOCK,
    REPORT,
    PRESENTER,
    CASE_HEADING,
    ADJOURNMENT,
    _Predicate(header_field),
    _Predicate(read_title),
    _Predicate(section_heading),
    complete=_Predicate(lambda text: header_field(text) or read_title(text)),
)
