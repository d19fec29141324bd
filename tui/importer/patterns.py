"""What the lines of a record look like, across the offices' variants."""

from __future__ import annotations

import re

from tui.importer.lines import StructureTest

_NUMBER = r"[0-9０-９一二三四五六七八九十百千零○〇]+"
_COLON = r"\s*[：:]\s*"

TITLE = re.compile(
    rf"^(?P<organisation>.*?)第\s*(?P<number>{_NUMBER})\s*次\s*(?P<series>.+?)"
    r"(?P<kind>紀錄|記錄|議程)$"
)
FIELD = re.compile(rf"^(?P<label>[^：:，。、]{{1,10}}?){_COLON}(?P<value>.*)$")
CONCLUSION = re.compile(
    rf"^(?P<label>會議結論|主席裁示|主席結論|結論|決議|決定){_COLON}(?P<text>.*)$"
)
BLOCK = re.compile(rf"^(?P<label>案由|說明|辦法|擬辦|提案單位|提案人|附件){_COLON}(?P<text>.*)$")
REPORT = re.compile(
    r"^(?P<speaker>[^\s：:，,。、「」()（）*]{2,16}?)"
    rf"(?P<kind>補充報告|口頭報告|報告|補充說明){_COLON}(?P<text>.*)$"
)
PRESENTER = re.compile(
    r"^\*\*(?P<speaker>[^*]+?)(?P<kind>口頭報告|補充報告|專題報告|臨時動議|提案|報告)"
    rf"(?:\*\*{_COLON}|{_COLON}\*\*\s*)(?P<text>.*)$"
)
CASE_HEADING = re.compile(
    r"^(?P<label>第\s*[一二三四五六七八九十0-9]+\s*案|提案\s*[一二三四五六七八九十0-9]+)$"
)
ADJOURNMENT = re.compile(r"^散\s*會\s*[：:]?\s*[（(]?(?P<time>[^)）]*?)[)）]?\s*[。.]?$")

# Header labels as offices write them (spaces already removed), to the field they fill.
HEADER_FIELDS = {
    "時間": "time",
    "開會時間": "time",
    "會議時間": "time",
    "日期": "date",
    "開會日期": "date",
    "會議日期": "date",
    "地點": "place",
    "開會地點": "place",
    "會議地點": "place",
    "主席": "chair",
    "紀錄": "recorder",
    "記錄": "recorder",
    "彙整": "recorder",
    "紀錄人": "recorder",
    "記錄人": "recorder",
    "出席": "present",
    "出席人員": "present",
    "出席者": "present",
    "列席": "observers",
    "列席人員": "observers",
    "請假": "absent",
    "請假人員": "absent",
    "缺席": "absent",
}


def header_field(text: str) -> tuple[str, str, str] | None:
    """(field, label as written, value) of a header line such as "時　間：…"."""
    match = FIELD.match(text)
    if not match:
        return None
    label = re.sub(r"\s+", "", match["label"])
    field = HEADER_FIELDS.get(label)
    return (field, label, match["value"].strip()) if field else None


def _is_header(text: str) -> bool:
    return header_field(text) is not None


class _HeaderPattern:
    def match(self, text: str) -> bool:
        return _is_header(text)


is_structural = StructureTest(
    TITLE, CONCLUSION, BLOCK, REPORT, PRESENTER, CASE_HEADING, ADJOURNMENT, _HeaderPattern()
)
