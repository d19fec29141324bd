"""An approved or confirmed record corrected: each change under a correction logged with who,
when, what (confirming is in confirming.py)."""

from __future__ import annotations

from tui.dataclass_cache import dataclass
from tui.domain import lifecycle
from tui.edits.errors import EditError
from tui.edits.operation import Applied, Operation, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _

_NOT_LOCKED = N_("the record of meeting {number} is neither approved nor confirmed")


@operation("correct")
@dataclass(frozen=True)
class Correct(Operation):
    """A correction of an approved or confirmed record, logged with who, when and what: the changes
    that follow name it. It stays in the record: it cannot be undone."""

    what: str

    def apply(self, ws: Workset) -> Applied:
        record = ws.meeting(self.meeting)
        if not lifecycle.locked(record):
            raise EditError(_(_NOT_LOCKED).format(number=self.meeting))
        try:
            lifecycle.correct(record, ws.user, self.what, ws.now.replace(microsecond=0))
        except lifecycle.LifecycleError as error:
            raise EditError(str(error)) from None
        ws.changed_meetings[self.meeting] = record.corrections[-1]
        correction = said(N_("correction {n}: {what}"), n=len(record.corrections), what=self.what)
        return Applied(self, None, correction)
