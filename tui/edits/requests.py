"""What a command asks for, as operations: places ("2.4") and case numbers resolved on
the stored meeting inside the same transaction as the change."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from tui.domain import places
from tui.domain.identity import find_entry, new_id
from tui.domain.model import (
    Amendment,
    CaseDecision,
    CaseKind,
    Conclusion,
    Item,
    MeetingStatus,
    Point,
    Report,
)
from tui.domain.motions import ORAL
from tui.domain.places import PlaceError, item_at, placed_items
from tui.edits.errors import EditError
from tui.edits.motions import motion_named
from tui.edits.ops import (
    AddMotion,
    Confirm,
    Correct,
    CorrectTimes,
    Decide,
    EditMotion,
    EditReport,
    MoveBack,
    MoveMotion,
    RemoveEntry,
    RemoveItem,
    SetStatus,
    Track,
    WriteConclusion,
    WriteReport,
)
from tui.edits.service import Done, EditService
from tui.edits.workset import Workset
from tui.i18n import _


def conclude(
    service: EditService,
    meeting: int,
    place: str,
    text: str,
    *,
    tracked: bool = False,
    owner: str = "",
    deadline: date | None = None,
) -> int | None:
    """A conclusion added to the item at `place`; returns the number of its new case."""
    with service.repo.change() as records:
        ws = service.workset(records)
        try:
            item = item_at(ws.meeting(meeting), place)[1]
        except PlaceError as error:
            raise EditError(str(error)) from None
        conclusion = new_id("c")
        op = WriteConclusion(meeting, item.id, conclusion, text)
        if not op.text:
            raise EditError(_("a conclusion needs text"))
        service.apply_in(records, op, ws=ws)
        if not tracked:
            return None
        when = deadline.isoformat() if deadline else None
        service.apply_in(records, Track(meeting, conclusion, owner, when), ws=ws)
        found = find_entry(ws.meeting(meeting), conclusion)
        return found[1].case if found and isinstance(found[1], Conclusion) else None


def decide(
    service: EditService,
    meeting: int,
    case: int,
    decision: CaseDecision,
    progress: str = "",
    kind: CaseKind = CaseKind.INTERNAL,
) -> Done:
    return service.apply(Decide(meeting, case, decision.value, kind.value, progress or None))


def add_motion(
    service: EditService, meeting: int, presenter: str, text: str, kind: str = ""
) -> str:
    """A temporary motion; returns its place for conclusions ("3.1")."""
    motion = new_id("i")
    with service.repo.change() as records:
        service.apply_in(records, AddMotion(meeting, motion, presenter, text, kind or ORAL))
        stored = records.meeting(meeting)
    assert stored is not None
    return next(place for place, _, item in placed_items(stored) if item.id == motion)


def set_status(
    service: EditService, meeting: int, status: MeetingStatus, end: time | None = None
) -> Done:
    at = end.isoformat(timespec="minutes") if end else None
    return service.apply(SetStatus(meeting, status.value, at))


def confirm(
    service: EditService,
    meeting: int,
    corrections: Sequence[Amendment] = (),
    at: int | None = None,
) -> Done:
    """Record `meeting` confirmed when meeting `at` (the next, unless given) reads it."""
    reader = meeting + 1 if at is None else at
    return service.apply(Confirm(meeting, reader, list(corrections)))


def correct(service: EditService, meeting: int, what: str) -> Done:
    return service.apply(Correct(meeting, what))


def _item(ws: Workset, meeting: int, place: str) -> Item:
    try:
        return item_at(ws.meeting(meeting), place)[1]
    except PlaceError as error:
        raise EditError(str(error)) from None


def edit_motion(
    service: EditService,
    meeting: int,
    place: str,
    *,
    presenter: str | None = None,
    kind: str | None = None,
    text: str | None = None,
) -> Done:
    with service.repo.change() as records:
        ws = service.workset(records)
        motion = _item(ws, meeting, place)
        op = EditMotion(meeting, motion.id, presenter, kind, text)
        return service.apply_in(records, op, ws=ws)


def remove_item(service: EditService, meeting: int, place: str) -> Done:
    with service.repo.change() as records:
        ws = service.workset(records)
        item = _item(ws, meeting, place)
        motion_named(ws.meeting(meeting), item.id)  # a motion, or refused by name
        return service.apply_in(records, RemoveItem(meeting, item.id), ws=ws)


def move_motion(service: EditService, meeting: int, place: str, to: int) -> str:
    """The motion at `place` moved to position `to` (1-based) among the motions; its place now."""
    with service.repo.change() as records:
        ws = service.workset(records)
        item = _item(ws, meeting, place)
        section = motion_named(ws.meeting(meeting), item.id)[0]
        step = max(1, min(to, len(section.items))) - 1 - section.items.index(item)
        service.apply_in(records, MoveMotion(meeting, item.id, step), ws=ws)
        found = places.place_of(ws.meeting(meeting), item)
    return found[0] if found else place


def report_named(item: Item, who: str) -> Report:
    """The item's report numbered `who` (1, 2 …), or whose speaker is or begins with it."""
    if who.isdigit() and 1 <= int(who) <= len(item.reports):
        return item.reports[int(who) - 1]
    exact = [r for r in item.reports if r.speaker == who]
    found = exact or [r for r in item.reports if who and r.speaker.startswith(who)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise EditError(_("no report of {who} under this item").format(who=who))
    raise EditError(
        _("{count} reports under this item begin with {who}: give its number").format(
            count=len(found), who=who
        )
    )


def write_report(
    service: EditService,
    meeting: int,
    place: str,
    who: str,
    *,
    speaker: str | None = None,
    kind: str | None = None,
    text: str | None = None,
    points: Sequence[Point] | None = None,
) -> list[Done]:
    """A report's speaker, kind, text and points as given, in one commit; `who` "" adds a
    report (its speaker given)."""
    given = None if points is None else tuple(points)
    with service.repo.change() as records:
        ws = service.workset(records)
        item = _item(ws, meeting, place)
        if not who:
            report, kind = new_id("r"), kind or "補充報告"
            add = WriteReport(
                meeting, item.id, report, text or "", speaker or "", kind, points=given or ()
            )
            return [service.apply_in(records, add, ws=ws)]
        found = report_named(item, who)
        done: list[Done] = []
        if speaker is not None or kind is not None:
            rename = EditReport(meeting, found.id, speaker, kind)
            done.append(service.apply_in(records, rename, ws=ws))
        if text is not None or given is not None:
            words = found.text if text is None else text
            write = WriteReport(meeting, item.id, found.id, words, points=given)
            done.append(service.apply_in(records, write, ws=ws))
        return done


def remove_report(service: EditService, meeting: int, place: str, who: str) -> Done:
    with service.repo.change() as records:
        ws = service.workset(records)
        found = report_named(_item(ws, meeting, place), who)
        return service.apply_in(records, RemoveEntry(meeting, found.id), ws=ws)


def correct_times(service: EditService, meeting: int, start: time | None, end: time | None) -> Done:
    def hhmm(at: time | None) -> str | None:
        return at.isoformat(timespec="minutes") if at else None

    return service.apply(CorrectTimes(meeting, hhmm(start), hhmm(end)))


def move_back(service: EditService, meeting: int, status: MeetingStatus, reason: str) -> Done:
    return service.apply(MoveBack(meeting, status.value, reason))
