"""Conclusions and reports under an item: write, remove, put back, move."""

from __future__ import annotations

from typing import Any

from tui.dataclass_cache import dataclass
from tui.domain import places
from tui.domain.codec import ShapeError, from_data, to_data
from tui.domain.identity import find_entry, find_item
from tui.domain.model import Conclusion, Item, Meeting, Point, Report
from tui.domain.places import written_place
from tui.domain.points import copied, first_words, write_points
from tui.domain.units import unit_at_start
from tui.edits.errors import ConflictError, EditError, Hint
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.said import Said, said
from tui.edits.workset import Workset
from tui.i18n import N_, _

_CONCLUSION_CHANGED = N_("the conclusion has been changed since")
_REPORT_CHANGED = N_("the report has been changed since")
_ENTRY_CHANGED = N_("the entry has been changed since")
_SENTENCE = N_("the decision sentence follows the decisions")


def item_named(meeting: Meeting, item_id: str) -> Item:
    item = find_item(meeting, item_id)
    if item is None:
        raise EditError(
            _("meeting {number} has no such item any more").format(number=meeting.number)
        )
    return item


def place_of(meeting: Meeting, item: Item) -> str:
    """The item's place as the record writes it (貳、一), for the change log's summaries."""
    found = places.place_of(meeting, item)
    return written_place(found[0]) if found else "?"


def short(text: str) -> str:
    """A text as a summary quotes it: at most 30 characters."""
    return text if len(text) <= 30 else text[:29] + "…"


def written(text: str, points: list[Point]) -> str:
    """An entry's text with its points, as an undo checks it is unchanged (its text alone
    when it has no points, as the logs written before points were kept)."""
    return write_points(text, points)


def quoted(text: str, points: list[Point] | tuple[Point, ...] = ()) -> str:
    return short(first_words(text, points).replace("\n", " "))


def _expect(current: str, expected: str | None, changed: str) -> None:
    """`changed` is the message saying the entry has been changed since (marked N_())."""
    if expected is not None and current != expected:
        raise ConflictError(_(changed))


@operation("write_conclusion")
@dataclass(frozen=True)
class WriteConclusion(Operation):
    """Set a conclusion's text (and its points, when given), adding it (at `position`, else
    last) if it is not there; empty text and no points remove it."""

    TYPED = ("id", "position")
    MULTILINE = frozenset({"text", "expect"})
    POINTS = frozenset({"points"})
    item: str
    id: str
    text: str
    position: int | None = None
    expect: str | None = None  # the text (with its points) it must have now: an undo's check
    points: tuple[Point, ...] | None = None  # None: the points it has stay

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        found = find_entry(meeting, self.id)
        if found is None:
            return self._add(meeting)
        item, entry = found
        if not isinstance(entry, Conclusion):
            raise EditError(_("that entry is not a conclusion"))
        _expect(written(entry.text, entry.points), self.expect, _CONCLUSION_CHANGED)
        if entry.decisions:
            raise EditError(_(_SENTENCE), Hint.DECIDE_INSTEAD)
        points = entry.points if self.points is None else list(self.points)
        if (entry.text, entry.points) == (self.text, points):
            return nothing(self)
        if not self.text and not points:
            return RemoveEntry(self.meeting, self.id, correction=self.correction).apply(ws)
        before = WriteConclusion(
            self.meeting,
            self.item,
            self.id,
            entry.text,
            points=tuple(entry.points),
            expect=written(self.text, points),
            correction=self.correction,
        )
        entry.text, entry.points = self.text, copied(points)
        place = place_of(meeting, item)
        summary = said(
            N_("{place} conclusion: 「{text}」"), place=place, text=quoted(self.text, points)
        )
        return Applied(self, before, summary)

    def _add(self, meeting: Meeting) -> Applied:
        _expect("", self.expect, _CONCLUSION_CHANGED)
        points = list(self.points or ())
        if not self.text and not points:
            return nothing(self)
        item = item_named(meeting, self.item)
        at = len(item.conclusions) if self.position is None else self.position
        conclusion = Conclusion(self.text, copied(points), id=self.id)
        item.conclusions.insert(max(0, min(at, len(item.conclusions))), conclusion)
        expect = written(self.text, points)
        undo = RemoveEntry(self.meeting, self.id, expect=expect, correction=self.correction)
        place = place_of(meeting, item)
        summary = said(
            N_("{place} conclusion added: 「{text}」"), place=place, text=quoted(self.text, points)
        )
        return Applied(self, undo, summary)


@operation("write_report")
@dataclass(frozen=True)
class WriteReport(Operation):
    """Set a report's text (and its points, when given), adding it (with its speaker) if it
    is not there."""

    TYPED = ("id", "speaker", "kind")
    MULTILINE = frozenset({"text", "expect"})
    POINTS = frozenset({"points"})
    item: str
    id: str
    text: str
    speaker: str = ""
    kind: str = "補充報告"
    expect: str | None = None
    points: tuple[Point, ...] | None = None  # None: the points it has stay

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        found = find_entry(meeting, self.id)
        if found is None:
            return self._add(ws, meeting)
        item, entry = found
        if not isinstance(entry, Report):
            raise EditError(_("that entry is not a report"))
        _expect(written(entry.text, entry.points), self.expect, _REPORT_CHANGED)
        points = entry.points if self.points is None else list(self.points)
        if (entry.text, entry.points) == (self.text, points):
            return nothing(self)
        undo = WriteReport(
            self.meeting,
            self.item,
            self.id,
            entry.text,
            points=tuple(entry.points),
            expect=written(self.text, points),
            correction=self.correction,
        )
        entry.text, entry.points = self.text, copied(points)
        summary = said(
            N_("{place} {speaker}{kind}: 「{text}」"),
            place=place_of(meeting, item),
            speaker=entry.speaker,
            kind=entry.kind,
            text=quoted(self.text, points),
        )
        return Applied(self, undo, summary)

    def _add(self, ws: Workset, meeting: Meeting) -> Applied:
        _expect("", self.expect, _REPORT_CHANGED)
        if not self.speaker:
            raise EditError(_("a report needs its speaker (國際事務組陳組長)"))
        item = item_named(meeting, self.item)
        unit = unit_at_start(self.speaker, ws.units)
        points = copied(self.points or ())
        report = Report(self.speaker, self.kind, self.text, points, unit=unit, id=self.id)
        item.reports.append(report)
        undo = RemoveEntry(self.meeting, self.id, correction=self.correction)
        summary = said(
            N_("{place} report added: {speaker}"),
            place=place_of(meeting, item),
            speaker=self.speaker,
        )
        return Applied(self, undo, summary)


@operation("remove_entry")
@dataclass(frozen=True)
class RemoveEntry(Operation):
    """Delete a conclusion or a report; the undo puts it back where it was."""

    MULTILINE = frozenset({"expect"})
    id: str
    expect: str | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        found = find_entry(meeting, self.id)
        if found is None:
            raise ConflictError(_("that entry has been deleted already"))
        item, entry = found
        _expect(written(entry.text, entry.points), self.expect, _ENTRY_CHANGED)
        if isinstance(entry, Conclusion):
            _check_removable(entry)
            kind, position = "conclusion", item.conclusions.index(entry)
            item.conclusions.remove(entry)
        else:
            kind, position = "report", item.reports.index(entry)
            item.reports.remove(entry)
        undo = InsertEntry(
            self.meeting, item.id, kind, position, to_data(entry), correction=self.correction
        )
        words = quoted(entry.text, entry.points)
        return Applied(self, undo, _deleted(place_of(meeting, item), kind, words))


def _deleted(place: str, kind: str, text: str) -> Said:
    if kind == "conclusion":
        if text:
            return said(N_("{place} conclusion deleted 「{text}」"), place=place, text=text)
        return said(N_("{place} conclusion deleted"), place=place)
    if text:
        return said(N_("{place} report deleted 「{text}」"), place=place, text=text)
    return said(N_("{place} report deleted"), place=place)


def _check_removable(conclusion: Conclusion) -> None:
    if conclusion.case is not None:
        raise EditError(
            _("this conclusion is case {case}: withdraw the case first").format(
                case=conclusion.case
            ),
            Hint.UNTRACK_FIRST,
        )
    if conclusion.decisions:
        raise EditError(_(_SENTENCE), Hint.DECIDE_INSTEAD)


@operation("insert_entry")
@dataclass(frozen=True)
class InsertEntry(Operation):
    """Put a whole conclusion or report back at its position (undoing a delete)."""

    item: str
    kind: str  # "conclusion" or "report"
    position: int
    data: dict[str, Any]

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        entry = _decoded(self.kind, self.data)
        if find_entry(meeting, entry.id) is not None:
            raise ConflictError(_("that entry is there already"))
        item = item_named(meeting, self.item)
        entries: list[Any] = item.conclusions if self.kind == "conclusion" else item.reports
        entries.insert(max(0, min(self.position, len(entries))), entry)
        undo = RemoveEntry(self.meeting, entry.id, correction=self.correction)
        message = (
            N_("{place} conclusion put back")
            if self.kind == "conclusion"
            else N_("{place} report put back")
        )
        return Applied(self, undo, said(message, place=place_of(meeting, item)))


def _decoded(kind: str, data: dict[str, Any]) -> Conclusion | Report:
    try:
        if kind == "conclusion":
            return from_data(Conclusion, data)
        if kind == "report":
            return from_data(Report, data)
    except ShapeError as error:
        raise EditError(str(error)) from None
    raise EditError(_("cannot put back a {kind!r}").format(kind=kind))


@operation("move_entry")
@dataclass(frozen=True)
class MoveEntry(Operation):
    """Move a conclusion or report `step` places up (negative) or down among its kind."""

    id: str
    step: int

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        found = find_entry(meeting, self.id)
        if found is None:
            raise ConflictError(_("that entry has been deleted"))
        item, entry = found
        entries: list[Any] = item.conclusions if isinstance(entry, Conclusion) else item.reports
        index = entries.index(entry)
        new = index + self.step
        if not 0 <= new < len(entries) or self.step == 0:
            return nothing(self)
        entries.insert(new, entries.pop(index))
        undo = MoveEntry(self.meeting, self.id, -self.step, correction=self.correction)
        message = N_("{place} entry moved up") if self.step < 0 else N_("{place} entry moved down")
        return Applied(self, undo, said(message, place=place_of(meeting, item)))
