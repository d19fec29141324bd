"""陳核 / 核定: the chair approves a finished record before it is circulated; after it, the
record is changed only under a logged correction. And what was sent of a meeting, to whom
and when: a line in its log (nothing in the record changes)."""

from __future__ import annotations

from datetime import datetime

from tui.dataclass_cache import dataclass, field
from tui.domain import lifecycle
from tui.domain.rocdate import format_datetime
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _


@operation("approve")
@dataclass(frozen=True)
class Approve(Operation):
    """The chair approves the record: `by`, else the record's 主席, else the user."""

    by: str = ""

    def apply(self, ws: Workset) -> Applied:
        record = ws.meeting(self.meeting)
        by = self.by or record.chair or ws.user
        try:
            lifecycle.approve(record, by, ws.now.replace(microsecond=0))
        except lifecycle.LifecycleError as error:
            raise EditError(str(error)) from None
        ws.changed_meetings.setdefault(self.meeting, None)  # stored not yet approved
        done = Approve(self.meeting, by)
        summary = said(
            N_("record of meeting {number} approved by {who}"), number=self.meeting, who=by
        )
        return Applied(done, Unapprove(self.meeting), summary)


@operation("unapprove")
@dataclass(frozen=True)
class Unapprove(Operation):
    """Take the approval back (its undo); corrections logged after it stay in the record."""

    def apply(self, ws: Workset) -> Applied:
        record = ws.meeting(self.meeting)
        approval = record.approval
        if approval is None:
            raise ConflictError(
                _("the record of meeting {number} is not approved").format(number=self.meeting)
            )
        if record.confirmation is not None:
            raise EditError(
                _(
                    "the record of meeting {number} is confirmed; take the confirmation back first"
                ).format(number=self.meeting)
            )
        record.approval = None
        ws.changed_meetings.setdefault(self.meeting, None)
        ws.unlocked.add(self.meeting)
        summary = said(N_("record of meeting {number}: approval taken back"), number=self.meeting)
        return Applied(self, Approve(self.meeting, approval.by), summary)


@operation("record_sending")
@dataclass(frozen=True)
class RecordSending(Operation):
    """What was sent of the meeting (`what`: reminder, agenda or record), to whom, when, and
    which version (the meeting's log entry it was made from); it cannot be unsent."""

    what: str
    to: list[str] = field(default_factory=list)
    sent_at: str = ""  # ISO time the server took the messages
    version: int = 0  # the log entry the documents were rendered at (0: none yet)

    def apply(self, ws: Workset) -> Applied:
        ws.meeting(self.meeting)  # refused for a meeting that is not there
        if self.what not in SENDINGS:
            raise EditError(_("unknown sending {what!r}").format(what=self.what))
        try:
            when = format_datetime(datetime.fromisoformat(self.sent_at))
        except ValueError:
            raise EditError(_("{value!r} is not a time").format(value=self.sent_at)) from None
        to = "、".join(self.to) or "—"
        summary = said(SENT[self.what], number=self.meeting, to=to, when=when, v=self.version)
        return Applied(self, None, summary)


SENT = {
    "reminder": N_("reminders for meeting {number} sent {when} to {to}"),
    "record": N_("record of meeting {number} (as of change {v}) circulated {when} to {to}"),
}
SENDINGS = frozenset(SENT)
