"""The header fields of a record: 時間, 地點, 主席, 紀錄, 出席 … as offices write them:
letter-spaced, numbered as a list, several on one line, or the label alone above its value."""

from __future__ import annotations

import re

# Header labels as offices write them (spaces removed), to the field they fill.
HEADER_FIELDS = {
    **dict.fromkeys(("時間", "開會時間", "會議時間"), "time"),
    **dict.fromkeys(("日期", "開會日期", "會議日期"), "date"),
    **dict.fromkeys(("地點", "開會地點", "會議地點"), "place"),
    **dict.fromkeys(("主席", "會議主持人", "主持人"), "chair"),
    **dict.fromkeys(
        ("紀錄", "記錄", "彙整", "紀錄人", "記錄人", "紀錄人員", "紀錄彙整"), "recorder"
    ),
    **dict.fromkeys(
        ("出席", "出席人員", "出席者", "出席委員", "出席顧問", "本府出席人員", "出席單位"),
        "present",
    ),
    **dict.fromkeys(("列席", "列席人員", "列席單位", "列席單位、人員", "列席者"), "observers"),
    **dict.fromkeys(("請假", "請假人員", "請假委員", "缺席", "缺席委員"), "absent"),
}
ATTENDANCE = ("present", "observers", "absent")

_SPACE = r"[\s\u3000]"
_LABELS = "|".join(
    f"{_SPACE}*".join(map(re.escape, label))
    for label in sorted(HEADER_FIELDS, key=len, reverse=True)
)
# A field starts the line or follows a space: 「主席：林○○　　彙整：胡○○」.
# 議事錄 write the label and the value in columns, without a colon: 「時　　間　中華民國…」.
_FIELD_START = re.compile(
    rf"(?:^|(?<={_SPACE}))(?P<label>{_LABELS})(?:{_SPACE}*[：:]|\u3000+|{_SPACE}{{2,}})"
)
_LIST_NUMBER = re.compile(rf"^(?:[0-9０-９]+|[一二三四五六七八九十]+){_SPACE}*[、.．]{_SPACE}*")
# A head count on its own line: 「委員出席 12 人」, 「應出席 15 人，實到 12 人」.
_COUNT_LINE = re.compile(r"^\D{0,8}[0-9０-９]+\s*[人位名]")
_LONE_LABEL = re.compile(rf"^(?P<label>{_LABELS}){_SPACE}*[：:]?$")

Field = tuple[str, str, str]  # (field, label as written without spaces, value)


def header_fields(text: str) -> list[Field]:
    """The fields a header line holds, or [] when it is not a header line."""
    text = _LIST_NUMBER.sub("", text)
    starts = list(_FIELD_START.finditer(text))
    if not starts or starts[0].start() != 0:
        return []
    fields = []
    for found, after in zip(starts, [*starts[1:], None], strict=True):
        label = re.sub(_SPACE, "", found["label"])
        value = text[found.end() : after.start() if after else len(text)]
        fields.append((HEADER_FIELDS[label], label, value.strip()))
    return fields


def header_field(text: str) -> Field | None:
    """The first field of a header line: (field, label as written, value)."""
    fields = header_fields(text)
    return fields[0] if fields else None


def lone_label(text: str) -> tuple[str, str] | None:
    """(field, label) of a label written alone on its line, its value on the next: 開會日期."""
    found = _LONE_LABEL.match(_LIST_NUMBER.sub("", text))
    if found is None:
        return None
    label = re.sub(_SPACE, "", found["label"])
    return HEADER_FIELDS[label], label


class HeaderReader:
    """The header's fields as the lines before the first section give them."""

    def __init__(self) -> None:
        self.fields: dict[str, tuple[str, str, int]] = {}  # field → (value, label, line)
        self._waiting: tuple[str, str, int] | None = None  # a lone label, value to come
        self._last = ""
        self.counts: list[str] = []  # head counts, kept as the meeting's notes

    def take(self, number: int, text: str, opens: bool) -> bool:
        """Whether the line belongs to the header; `opens` says it starts something else."""
        alone = lone_label(text)
        if self._waiting is not None and not header_fields(text) and not alone and not opens:
            name, label, _ = self._waiting
            self._waiting = None
            self._add(name, label, text, number)
            return True
        self._waiting = None
        fields = header_fields(text)
        for name, label, value in fields:
            self._add(name, label, value, number)
        if fields:
            return True
        if alone is not None:
            self._waiting = (*alone, number)
            self._add(*alone, "", number)
            return True
        if _COUNT_LINE.match(text):
            self.counts.append(text)
            return True
        if self._last in ATTENDANCE and not opens:
            self._add(self._last, "", text, number)  # names continued on the next line
            return True
        return False

    def _add(self, name: str, label: str, value: str, number: int) -> None:
        self._last = name
        if name in self.fields:  # a second 出席 line continues the first
            old, old_label, first = self.fields[name]
            joiner = "、" if "、" in old or "、" in value else " "
            self.fields[name] = (f"{old}{joiner}{value}" if old else value, old_label, first)
        else:
            self.fields[name] = (value, label, number)
