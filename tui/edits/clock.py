"""The meeting's clock and status: begun, adjourned, moved forward, and put back."""

from __future__ import annotations

from datetime import datetime, time

from tui.dataclass_cache import dataclass
from tui.domain import lifecycle
from tui.domain.lifecycle import status_word
from tui.domain.model import Meeting, MeetingStatus
from tui.domain.rocdate import format_time
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _


@dataclass(frozen=True)
class _Clock:
    """A meeting's start, adjournment and status, to put back on undo."""

    start: str
    end: str | None
    status: str


def _clock(meeting: Meeting) -> _Clock:
    end = meeting.end.isoformat() if meeting.end else None
    return _Clock(meeting.start.isoformat(), end, meeting.status.value)


def _restore(op: Operation, before: _Clock, after: _Clock) -> SetClock:
    return SetClock(
        op.meeting,
        before.start,
        before.end,
        before.status,
        expect=[after.start, after.end or "", after.status],
        correction=op.correction,
    )


@operation("set_clock")
@dataclass(frozen=True)
class SetClock(Operation):
    """Start, adjournment and status as they were (the undo of begin, adjourn, status)."""

    start: str
    end: str | None
    status: str
    expect: list[str] | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = _clock(meeting)
        if self.expect is not None and self.expect != [
            before.start,
            before.end or "",
            before.status,
        ]:
            raise ConflictError(_("the meeting's times or status have been changed since"))
        try:
            meeting.start = datetime.fromisoformat(self.start)
            meeting.end = time.fromisoformat(self.end) if self.end else None
            meeting.status = MeetingStatus(self.status)
        except ValueError as error:
            raise EditError(str(error)) from None
        restored = said(N_("times and status restored"))
        return Applied(self, _restore(self, before, _clock(meeting)), restored)


@operation("begin")
@dataclass(frozen=True)
class Begin(Operation):
    """The meeting starts now: its start time stamped, in session."""

    at: str  # HH:MM

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = _clock(meeting)
        at = _time(self.at)
        if meeting.status is MeetingStatus.DRAFT:
            meeting.status = MeetingStatus.IN_SESSION
        meeting.start = datetime.combine(meeting.start.date(), at)
        begun = said(N_("開會 {time}"), time=format_time(at))
        return Applied(self, _restore(self, before, _clock(meeting)), begun)


@operation("adjourn")
@dataclass(frozen=True)
class Adjourn(Operation):
    """散會: the adjournment time stamped, the record recorded."""

    at: str

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = _clock(meeting)
        meeting.end = _time(self.at)
        if meeting.status in (MeetingStatus.DRAFT, MeetingStatus.IN_SESSION):
            meeting.status = MeetingStatus.RECORDED
        after = _clock(meeting)
        adjourned = said(N_("散會 ({time})"), time=format_time(meeting.end))
        return Applied(self, _restore(self, before, after), adjourned)


def _status(value: str) -> MeetingStatus:
    try:
        return MeetingStatus(value)
    except ValueError:
        raise EditError(_("no status {value!r}").format(value=value)) from None


def _time(text: str) -> time:
    try:
        return time.fromisoformat(text).replace(second=0, microsecond=0)
    except ValueError:
        raise EditError(_("not a time: {text!r}").format(text=text)) from None


@operation("set_status")
@dataclass(frozen=True)
class SetStatus(Operation):
    """Move the record forward (draft → in session → recorded); `end` stamps 散會."""

    status: str
    end: str | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = _clock(meeting)
        try:
            lifecycle.advance(meeting, MeetingStatus(self.status))
        except (lifecycle.LifecycleError, ValueError) as error:
            raise EditError(str(error)) from None
        if self.end:
            meeting.end = _time(self.end)
        after = _clock(meeting)
        if after == before:
            return nothing(self)
        summary = said(N_("status {status}"), status=status_word(meeting.status))
        return Applied(self, _restore(self, before, after), summary)


@operation("correct_times")
@dataclass(frozen=True)
class CorrectTimes(Operation):
    """The start or the adjournment (散會) as it really was, HH:MM (None: as it is); the
    status stays."""

    start: str | None = None
    end: str | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = _clock(meeting)
        if self.start:
            meeting.start = datetime.combine(meeting.start.date(), _time(self.start))
        if self.end:
            if meeting.end is None:
                raise EditError(
                    _("meeting {number} has not adjourned: stamp 散會 first").format(
                        number=self.meeting
                    )
                )
            meeting.end = _time(self.end)
        if meeting.end is not None and meeting.end < meeting.start.time():
            raise EditError(
                _("散會 ({end}) would be before the start ({start})").format(
                    end=format_time(meeting.end), start=format_time(meeting.start.time())
                )
            )
        after = _clock(meeting)
        if after == before:
            return nothing(self)
        summary = said(
            N_("times corrected: 開會 {start}, 散會 {end}"),
            start=format_time(meeting.start.time()),
            end=format_time(meeting.end) if meeting.end else "—",
        )
        return Applied(self, _restore(self, before, after), summary)


@operation("move_back")
@dataclass(frozen=True)
class MoveBack(Operation):
    """The record back to an earlier status (recorded → in session: the adjournment taken
    back), and why: the reason is in the log."""

    status: str
    reason: str

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        before = _clock(meeting)
        if not self.reason:
            raise EditError(_("say why the record goes back"))
        wanted = _status(self.status)
        if lifecycle.ORDER.index(wanted) >= lifecycle.ORDER.index(meeting.status):
            raise EditError(
                _("meeting {number} is {status}: it cannot go back to {wanted}").format(
                    number=self.meeting,
                    status=status_word(meeting.status),
                    wanted=status_word(wanted),
                )
            )
        try:
            lifecycle.move_back(meeting, wanted)
        except lifecycle.LifecycleError as error:
            raise EditError(str(error)) from None
        summary = said(
            N_("status back to {status}: {reason}"),
            status=status_word(meeting.status),
            reason=self.reason,
        )
        return Applied(self, _restore(self, before, _clock(meeting)), summary)
