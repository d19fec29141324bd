"""Who attends: 出席 (as the sign-in sheet, or by name), 列席, 請假 and 公假, who stands in
for whom, and who came late — written the way a record writes them (「出席：王○○、李四
（王五代）」, 「請假：陳○○（公假）」; tui.edits.attendance reads them back), marked, and
listed on the sign-in sheet."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from tui.dataclass_cache import dataclass
from tui.domain.model import Attendance, Attendee
from tui.domain.rocdate import format_time

if TYPE_CHECKING:
    from tui.domain.profile import Member

AS_SIGNED = "如簽到表"  # 出席 when the sign-in sheet is attached instead of names
LEAVE = "請假"
OFFICIAL_LEAVE = "公假"
LEAVE_MARKS = (LEAVE, OFFICIAL_LEAVE)
STANDS_IN = "代"  # 王五代: 王五 attends in this person's place
ARRIVED = "到"  # 10 時 20 分到: came late, at that time
# The headings of the record's lines, in their order.
PRESENT, OBSERVERS, ABSENT = "出席", "列席", "請假"


# -- written ----------------------------------------------------------------------


def note(person: Attendee, heading: str = "") -> str:
    """What is written in brackets after a name: 公假, 王五代, 10 時 20 分到; a mark that
    repeats its line's heading (請假 under 請假) is left out."""
    notes = [person.mark] if person.mark and person.mark != heading else []
    if person.stand_in:
        notes.append(person.stand_in + STANDS_IN)
    if person.arrived is not None:
        notes.append(format_time(person.arrived) + ARRIVED)
    return "，".join(notes)


def written(people: list[Attendee], heading: str = "") -> str:
    """王○○、李四（王五代）、陳○○（公假）"""
    return "、".join(_named(p, heading) for p in people)


def _named(person: Attendee, heading: str) -> str:
    said = note(person, heading)
    return f"{person.name}（{said}）" if said else person.name


def present_line(attendance: Attendance) -> str:
    """What follows 出席：: 如簽到表 (with those who stood in or came late after it), or
    the names."""
    if not attendance.present_as_text:
        return written(attendance.present, PRESENT)
    noted = [p for p in attendance.present if note(p, PRESENT)]
    if not noted:
        return attendance.present_as_text
    return f"{attendance.present_as_text}；{written(noted, PRESENT)}"


def lines(attendance: Attendance) -> list[tuple[str, str]]:
    """The record's attendance lines, heading and text, those with something to say."""
    found = [
        (PRESENT, present_line(attendance)),
        (OBSERVERS, written(attendance.observers, OBSERVERS)),
        (ABSENT, written(attendance.absent, ABSENT)),
    ]
    return [(heading, text) for heading, text in found if text]


# -- changed ----------------------------------------------------------------------


def find(people: list[Attendee], name: str) -> Attendee | None:
    return next((p for p in people if p.name == name), None)


def _without(people: list[Attendee], name: str) -> None:
    people[:] = [p for p in people if p.name != name]


def remove(attendance: Attendance, name: str) -> None:
    """The name off every line."""
    for people in (attendance.present, attendance.observers, attendance.absent):
        _without(people, name)


def present(attendance: Attendance, name: str) -> Attendee:
    """The person on the 出席 line (off 請假 and 列席), as they stand there."""
    _without(attendance.absent, name)
    _without(attendance.observers, name)
    found = find(attendance.present, name)
    if found is None:
        found = Attendee(name)
        attendance.present.append(found)
    if found.mark in LEAVE_MARKS:
        found.mark = ""
    return found


def absent(attendance: Attendance, name: str, kind: str = LEAVE) -> Attendee:
    """The person on the 請假 line, on leave (請假) or official leave (公假)."""
    _without(attendance.present, name)
    _without(attendance.observers, name)
    found = find(attendance.absent, name)
    if found is None:
        found = Attendee(name)
        attendance.absent.append(found)
    found.mark = kind
    return found


def stands_in(attendance: Attendance, name: str, stand_in: str) -> Attendee:
    """`stand_in` attends in the place of `name`: 李四（王五代）."""
    found = present(attendance, name)
    found.stand_in = stand_in
    return found


def observer(attendance: Attendance, name: str) -> Attendee:
    """The person on the 列席 line."""
    _without(attendance.absent, name)
    found = find(attendance.observers, name)
    if found is None:
        found = Attendee(name)
        attendance.observers.append(found)
    return found


def came_late(attendance: Attendance, name: str, at: time) -> Attendee:
    """A late arrival, on the 列席 line if there, else on 出席."""
    found = find(attendance.observers, name) or present(attendance, name)
    found.arrived = at
    return found


# -- the sign-in sheet ----------------------------------------------------------------


@dataclass(frozen=True)
class SignInRow:
    """A line of the sign-in sheet (簽到表): who, and what is known before they sign."""

    unit: str = ""
    title: str = ""
    name: str = ""
    note: str = ""  # 請假, 公假, 王五代, 列席


SPARE_ROWS = 3  # for those who come unlisted
BLANK_SHEET_ROWS = 20  # when nobody is listed: a sheet to write the names on


def sign_in_rows(attendance: Attendance, members: list[Member]) -> list[SignInRow]:
    """The members in the profile's order (those this meeting lists, or all when it lists
    nobody), then the others it lists, then its observers; then spare lines: a whole blank
    sheet when nobody knows who is coming (出席：如簽到表, no members in the profile)."""
    listed = [*attendance.present, *attendance.absent]
    if not listed:
        listed = [Attendee(member.name) for member in members]
    known = {member.name: member for member in members}
    order = {member.name: n for n, member in enumerate(members)}
    listed.sort(key=lambda p: order.get(p.name, len(order)))
    rows = [_row(person, known.get(person.name), note(person)) for person in listed]
    rows += [_row(person, known.get(person.name), OBSERVERS) for person in attendance.observers]
    known_names = bool(members) or (bool(rows) and not attendance.present_as_text)
    spare = SPARE_ROWS if known_names else BLANK_SHEET_ROWS
    return rows + [SignInRow()] * spare


def _row(person: Attendee, member: Member | None, said: str) -> SignInRow:
    if member is None:
        return SignInRow(name=person.name, note=said)
    return SignInRow(member.unit, member.title, person.name, said)
