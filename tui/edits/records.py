"""Records read from circulated files, stored as the import operation."""

from __future__ import annotations

from typing import Any

from tui.dataclass_cache import dataclass, field
from tui.domain.model import Meeting, TrackedCase
from tui.edits.errors import EditError, Hint
from tui.edits.operation import Applied, Operation, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _


@operation("import_record")
@dataclass(frozen=True)
class ImportRecord(Operation):
    """A circulated record stored as it was written (replacing the stored one if asked).
    The log keeps where it came from, not the record: import the earlier file to go back."""

    source: str
    replace: bool = False
    record: Meeting | None = field(default=None, compare=False)
    cases: tuple[TrackedCase, ...] = field(default=(), compare=False)

    def apply(self, ws: Workset) -> Applied:
        if self.record is None:
            raise EditError(_("an import needs its record"))
        stored = ws.has_meeting(self.meeting)
        if stored and not self.replace:
            raise EditError(
                _("meeting {number} is already stored").format(number=self.meeting), Hint.REPLACE
            )
        ws.imported.append((self.record, list(self.cases), stored))
        ws.meetings[self.meeting] = self.record
        if stored:
            summary = said(
                N_("meeting {number} replaced from {source}"),
                number=self.meeting,
                source=self.source,
            )
        else:
            summary = said(
                N_("meeting {number} imported from {source}"),
                number=self.meeting,
                source=self.source,
            )
        return Applied(self, None, summary)

    def args(self) -> dict[str, Any]:
        return {"meeting": self.meeting, "source": self.source, "replace": self.replace}
