"""The meeting's header: its date and time, place, chair, recorder and the recorder's label.

Re-dating a meeting moves what is worked out from its date with it: the agenda's deadline
flags (逾期, 將屆) are reckoned from the meeting when they are shown, and the next meeting's
宣讀 heading, which names this meeting's date, is written again.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from tui.dataclass_cache import dataclass
from tui.domain.model import ItemKind, Meeting, MeetingStatus
from tui.domain.rocdate import format_datetime, format_short_date
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _

if TYPE_CHECKING:
    from tui.edits.service import EditService

FIELDS = ("date", "time", "place", "chair", "recorder", "recorder_label")
# What offices call the recorder's line: 紀錄 (this office), 記錄 (older records), 彙整.
RECORDER_LABELS = ("紀錄", "記錄", "彙整")
NOTHING = "（無）"  # a header field emptied, as a summary says it


def header_of(meeting: Meeting) -> dict[str, str]:
    """The header as the operation names its fields: date ISO, time HH:MM, the texts."""
    return {
        "date": meeting.start.date().isoformat(),
        "time": meeting.start.strftime("%H:%M"),
        "place": meeting.place,
        "chair": meeting.chair,
        "recorder": meeting.recorder,
        "recorder_label": meeting.recorder_label,
    }


@operation("set_header")
@dataclass(frozen=True)
class SetHeader(Operation):
    """Change any of the header's fields (None: leave it); the undo puts the old values
    back, while they are still what this change made them."""

    date: str | None = None  # ISO: 2021-07-22
    time: str | None = None  # 14:30
    place: str | None = None
    chair: str | None = None  # as offices write a stand-in: 柯文哲(請假)鄧家基(代)
    recorder: str | None = None
    recorder_label: str | None = None  # 紀錄, 記錄 or 彙整
    expect: dict[str, str] | None = None  # the fields as they must be now (an undo's check)

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = header_of(meeting)
        if self.expect is not None and any(before.get(k) != v for k, v in self.expect.items()):
            raise ConflictError(_("the meeting's header has been changed since"))
        asked = {name: value for name in FIELDS if (value := getattr(self, name)) is not None}
        changed = {k: v for k, v in _checked(asked).items() if before[k] != v}
        if not changed:
            return nothing(self)
        old_date = meeting.date
        _set(meeting, changed)
        _follow_date(ws, meeting, old_date)
        old: dict[str, Any] = {name: before[name] for name in changed}
        undo = SetHeader(self.meeting, **old, expect=changed, correction=self.correction)
        summary = said(N_("header: {changes}"), changes=described(meeting, changed))
        return Applied(self, undo, summary)


def _checked(asked: dict[str, str]) -> dict[str, str]:
    """The fields asked for, in the form they are kept: a date and a time that exist, a
    label offices use."""
    checked = dict(asked)
    if "date" in asked:
        try:
            checked["date"] = dt.date.fromisoformat(asked["date"]).isoformat()
        except ValueError:
            raise EditError(_("not a date: {text!r}").format(text=asked["date"])) from None
    if "time" in asked:
        try:
            checked["time"] = dt.time.fromisoformat(asked["time"]).strftime("%H:%M")
        except ValueError:
            raise EditError(_("not a time: {text!r}").format(text=asked["time"])) from None
    label = asked.get("recorder_label")
    if label is not None and label not in RECORDER_LABELS:
        raise EditError(
            _("the recorder's label is one of {labels}, not {label!r}").format(
                labels="、".join(RECORDER_LABELS), label=label
            )
        )
    return checked


def _set(meeting: Meeting, changed: dict[str, str]) -> None:
    day = dt.date.fromisoformat(changed["date"]) if "date" in changed else meeting.start.date()
    at = dt.time.fromisoformat(changed["time"]) if "time" in changed else meeting.start.time()
    meeting.start = dt.datetime.combine(day, at)
    meeting.place = changed.get("place", meeting.place)
    meeting.chair = changed.get("chair", meeting.chair)
    meeting.recorder = changed.get("recorder", meeting.recorder)
    meeting.recorder_label = changed.get("recorder_label", meeting.recorder_label)


def described(meeting: Meeting, changed: dict[str, str]) -> str:
    """What changed, in the record's own words and dates: 時間：民國 110 年 7 月 22 日 14 時
    30 分；主席：柯文哲(請假)鄧家基(代)."""
    parts: list[str] = []
    if "date" in changed or "time" in changed:
        parts.append(f"時間：{format_datetime(meeting.start)}")
    for name, heading in (("place", "地點"), ("chair", "主席")):
        if name in changed:
            parts.append(f"{heading}：{getattr(meeting, name) or NOTHING}")
    if "recorder" in changed or "recorder_label" in changed:
        parts.append(f"{meeting.recorder_label}：{meeting.recorder or NOTHING}")
    return "；".join(parts)


def _follow_date(ws: Workset, meeting: Meeting, old: dt.date) -> None:
    """The next meeting's 宣讀 heading names this meeting's date: it follows the new one."""
    if old == meeting.date or not ws.has_meeting(meeting.number + 1):
        return
    reader = ws.meeting(meeting.number + 1)
    if reader.status is MeetingStatus.CONFIRMED or reader.approval is not None:
        return  # an approved or confirmed record is changed only under a logged correction
    was, now = format_short_date(old), format_short_date(meeting.date)
    for section in reader.sections:
        read_record = section.kind is ItemKind.READ_RECORD or (
            section.body is not None and section.body.kind is ItemKind.READ_RECORD
        )
        if read_record and was in section.title and f"第 {meeting.number} 次" in section.title:
            ws.change(reader.number)
            section.title = section.title.replace(was, now)


def edit_header(service: EditService, op: SetHeader) -> str:
    """Apply op as a command asks it; what changed, worded as `described` words it (""
    when nothing did)."""
    with service.repo.change() as records:
        ws = service.workset(records)
        before = header_of(ws.meeting(op.meeting))
        service.apply_in(records, op, ws=ws)
        meeting = ws.meeting(op.meeting)
    after = header_of(meeting)
    changed = {name: value for name, value in after.items() if before[name] != value}
    return described(meeting, changed) if changed else ""
