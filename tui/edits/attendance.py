"""Who attends, as operations: marks given one by one (a command's --absent 陳○○=公假), and
the whole attendance as typed in the app's dialog, with what it was when the dialog opened.

Names and notes are read here, where a refusal can be worded in the user's language.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import time
from typing import Any

from tui.dataclass_cache import dataclass
from tui.domain import attendance as who
from tui.domain.codec import ShapeError, from_data, to_data
from tui.domain.model import Attendance, Attendee
from tui.domain.numerals import to_halfwidth
from tui.domain.rocdate import DateError, parse_time
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _


@operation("attend")
@dataclass(frozen=True)
class Attend(Operation):
    """Marks on the stored attendance, each as a command gives it: NAME or NAME=VALUE."""

    present: list[str] = dataclasses.field(default_factory=list)
    absent: list[str] = dataclasses.field(default_factory=list)  # NAME, NAME=請假 or NAME=公假
    proxies: list[str] = dataclasses.field(default_factory=list)  # NAME=STAND-IN
    observers: list[str] = dataclasses.field(default_factory=list)
    late: list[str] = dataclasses.field(default_factory=list)  # NAME=HH:MM
    removed: list[str] = dataclasses.field(default_factory=list)
    as_signed: bool | None = None  # 出席：如簽到表 (True), or by name (False)

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = to_data(meeting.attendance)
        marked = self._mark(meeting.attendance)
        after = to_data(meeting.attendance)
        if after == before:
            return nothing(self)
        undo = SetAttendance(self.meeting, before, expect=after, correction=self.correction)
        return Applied(self, undo, said(N_("attendance: {changes}"), changes=marked))

    def _mark(self, attendance: Attendance) -> str:
        said: list[str] = []
        for name in self.removed:
            who.remove(attendance, _name(name))
        if self.present:
            people = [who.present(attendance, _name(n)) for n in self.present]
            attendance.present_as_text = ""
            said.append(f"{who.PRESENT} {who.written(people, who.PRESENT)}")
        if self.as_signed is not None:
            attendance.present_as_text = who.AS_SIGNED if self.as_signed else ""
            said.append(f"{who.PRESENT} {who.AS_SIGNED if self.as_signed else _BY_NAME}")
        for heading, people in (
            (who.ABSENT, [who.absent(attendance, *_leave(t)) for t in self.absent]),
            (_PROXY, [who.stands_in(attendance, *_proxy(t)) for t in self.proxies]),
            (who.OBSERVERS, [who.observer(attendance, _name(n)) for n in self.observers]),
            (_LATE, [who.came_late(attendance, *_late(t)) for t in self.late]),
        ):
            if people:
                said.append(f"{heading} {who.written(people, heading)}")
        if self.removed:
            said.append(f"{_REMOVED} {'、'.join(self.removed)}")
        return "；".join(said)


_PROXY, _LATE, _REMOVED, _BY_NAME = "代理", "遲到", "刪除", "列出姓名"


@operation("set_attendance")
@dataclass(frozen=True)
class SetAttendance(Operation):
    """The whole attendance, as typed in the app or as it was (an undo); `expect` is what
    it must be now, so that nobody's marks made meanwhile are lost."""

    data: dict[str, Any]
    expect: dict[str, Any] | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = to_data(meeting.attendance)
        if self.expect is not None and before != self.expect:
            raise ConflictError(_("the attendance has been changed since"))
        try:
            attendance = from_data(Attendance, self.data)
        except ShapeError as error:
            raise EditError(str(error)) from None
        after = to_data(attendance)
        if after == before:
            return nothing(self)
        meeting.attendance = attendance
        undo = SetAttendance(self.meeting, before, expect=after, correction=self.correction)
        lines = "；".join(f"{heading}：{text}" for heading, text in who.lines(attendance))
        return Applied(self, undo, said(N_("attendance: {changes}"), changes=lines or _NONE))


_NONE = "（無）"


# -- read as typed ----------------------------------------------------------------


def _name(text: str) -> str:
    name = text.strip()
    if not name:
        raise EditError(_("a name is missing"))
    return name


def pair(text: str) -> tuple[str, str]:
    """NAME=VALUE (or NAME＝VALUE): the name, and the value ("" when there is none)."""
    name, _sign, value = text.replace("＝", "=").partition("=")
    return _name(name), value.strip()


def _leave(text: str) -> tuple[str, str]:
    name, kind = pair(text)
    kind = kind or who.LEAVE
    if kind not in who.LEAVE_MARKS:
        raise EditError(
            _("{name}: the leave is 請假 or 公假, not {kind}").format(name=name, kind=kind)
        )
    return name, kind


def _proxy(text: str) -> tuple[str, str]:
    name, stand_in = pair(text)
    if not stand_in:
        raise EditError(_("{name}: say who stands in, as NAME=STAND-IN").format(name=name))
    if stand_in == name:
        raise EditError(_("{name} cannot stand in for themselves").format(name=name))
    return name, stand_in


def _late(text: str) -> tuple[str, time]:
    name, at = pair(text)
    if not at:
        raise EditError(_("{name}: say when they came, as NAME=HH:MM").format(name=name))
    return name, arrival(at, name)


_CLOCK = re.compile(
    r"(?:上午|下午|中午)?\s*[0-9]{1,2}\s*(?::\s*[0-9]{2}|時\s*(?:[0-9]{1,2}\s*分)?)"
)


def arrival(text: str, name: str) -> time:
    """A time as a person types it: 10:20, 10 時 20 分, 下午 2 時."""
    plain = to_halfwidth(text).strip()
    try:
        if _CLOCK.fullmatch(plain) is None:
            raise DateError(plain)
        return parse_time(plain)
    except DateError:
        raise EditError(
            _("{name}: {text!r} is not a time (10:20)").format(name=name, text=text)
        ) from None


_SEPARATOR = re.compile(r"\s*[、，,；;]\s*(?![^（(]*[)）])")
_PERSON = re.compile(r"^(?P<name>[^（()）]+?)\s*(?:[（(](?P<notes>[^()（）]*)[)）])?$")


def read_people(text: str, heading: str = "") -> list[Attendee]:
    """Names as a record lists them, each with its notes in brackets (公假, 王五代,
    10 時 20 分到): what `written` writes, read back."""
    found: list[Attendee] = []
    for part in _SEPARATOR.split(text.strip()):
        if not part.strip():
            continue
        match = _PERSON.match(part.strip())
        if match is None:
            raise EditError(
                _("「{part}」 is not a name with its notes in brackets").format(part=part)
            )
        person = Attendee(match["name"].strip())
        for each in re.split(r"\s*[，,]\s*", match["notes"] or ""):
            _read_note(person, each.strip())
        if heading == who.ABSENT and not person.mark:
            person.mark = who.LEAVE
        found.append(person)
    return found


def _read_note(person: Attendee, text: str) -> None:
    if not text:
        return
    if text.endswith(who.ARRIVED) and re.search(r"[0-9０-９]", text):
        person.arrived = arrival(text.removesuffix(who.ARRIVED), person.name)
    elif text.endswith(who.STANDS_IN) and text != who.STANDS_IN:
        person.stand_in = text.removesuffix(who.STANDS_IN)
    elif text.endswith("代理") and text != "代理":
        person.stand_in = text.removesuffix("代理")
    else:
        person.mark = text
